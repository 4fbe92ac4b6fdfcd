#include "http/service_errors.h"

#include "http/problem.h"

namespace hawzu::server {

int http_status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_request:
      return 400;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::too_many_requests:
      return 429;
  }
  return 500;
}

void send_service_error(httplib::Response &response, const ServiceError &error) {
  const int status = http_status_for(error.kind);
  Problem problem = problem_for_status(status);
  if (error.kind == ErrorKind::invalid_request) problem.title = "Validation failed";
  if (error.kind == ErrorKind::conflict) problem.title = "Conflict";
  if (!error.code.empty()) problem.code = error.code;
  if (!error.detail.empty()) problem.detail = error.detail;
  problem.errors = error.errors;
  if (error.kind == ErrorKind::too_many_requests)
    response.set_header("Retry-After",
                        std::to_string(std::max<std::int64_t>(1, error.retry_after_seconds)));
  send_problem(response, problem);
}

}  // namespace hawzu::server
