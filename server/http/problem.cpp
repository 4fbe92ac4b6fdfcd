#include "problem.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {

void send_problem(httplib::Response &response, const Problem &problem) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto &error : problem.errors)
    errors.push_back({{"field", error.field}, {"message", error.message}});
  nlohmann::json body = {
      {"type", "urn:hawzu:problem:" + problem.code},
      {"title", problem.title},
      {"status", problem.status},
      {"detail", problem.detail},
      {"code", problem.code},
      {"errors", errors},
  };
  response.status = problem.status;
  // Replace, not dump: a name typed by a user may hold invalid UTF-8 in a detail.
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/problem+json");
}

Problem problem_for_status(int status) {
  switch (status) {
    case 400:
      return {400, "bad_request", "Bad request", "The request could not be read.", {}};
    case 401:
      return {401,
              "unauthenticated",
              "Authentication required",
              "Sign in, or send a valid access token.",
              {}};
    case 403:
      return {403, "forbidden", "Forbidden", "You are not allowed to do this.", {}};
    case 404:
      return {404, "not_found", "Not found", "There is nothing at this address.", {}};
    case 405:
      return {405,
              "method_not_allowed",
              "Method not allowed",
              "This address does not support this method.",
              {}};
    case 408:
      return {408, "request_timeout", "Request timeout", "The request took too long.", {}};
    case 413:
      return {413, "payload_too_large", "Payload too large", "The request body is too large.", {}};
    case 414:
      return {414, "uri_too_long", "URI too long", "The request address is too long.", {}};
    case 415:
      return {415,
              "unsupported_media_type",
              "Unsupported media type",
              "Send the body as application/json.",
              {}};
    case 416:
      return {416,
              "range_not_satisfiable",
              "Range not satisfiable",
              "The requested range cannot be served.",
              {}};
    case 429:
      return {429, "too_many_requests", "Too many requests", "Slow down and try again later.", {}};
    case 503:
      return {503, "unavailable", "Service unavailable", "The server is busy; try again.", {}};
    default:
      if (status >= 500)
        return {status,
                "internal_error",
                "Internal error",
                "Something went wrong on the server. Nothing was changed.",
                {}};
      return {status, "error", "Error", "The request failed.", {}};
  }
}

Problem validation_problem(FieldErrors errors, std::string detail) {
  return {400, "validation_failed", "Validation failed", std::move(detail), std::move(errors)};
}

}  // namespace hawzu::server
