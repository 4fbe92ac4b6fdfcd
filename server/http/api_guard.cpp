#include "http/api_guard.h"

#include "auth/bearer_credentials.h"
#include "http/problem.h"
#include "http/request_context.h"
#include "http/service_errors.h"
#include "http/session_guard.h"

namespace hawzu::server {
namespace {

void refuse_unauthenticated(httplib::Response &response, const char *challenge, const char *code,
                            const char *title, std::string detail) {
  Problem problem = problem_for_status(401);
  problem.code = code;
  problem.title = title;
  problem.detail = std::move(detail);
  send_problem(response, problem);
  response.set_header("WWW-Authenticate", challenge);
}

// The same answer for every token that does not authenticate; the detail helps whoever
// holds the token, and tells nothing to someone who does not.
std::string invalid_token_detail(BearerFailure failure) {
  switch (failure) {
    case BearerFailure::malformed:
      return "The access token is malformed: send Authorization: Bearer followed by the whole "
             "46-character token (hwz_...).";
    case BearerFailure::disabled:
      return "The access token is disabled.";
    case BearerFailure::expired:
      return "The access token has expired.";
    case BearerFailure::unknown:
      break;
  }
  return "The access token is not valid (unknown or revoked).";
}

std::optional<Principal> authenticate_bearer(App &app, const std::string &header,
                                             httplib::Response &response) {
  BearerAuthentication outcome;
  if (std::optional<std::string_view> token = bearer_token_from_authorization(header))
    outcome = app.authenticator->authenticate_bearer(*token);
  else
    outcome.failure = BearerFailure::malformed;
  current_request_context().usage_token_id = outcome.token_id;
  if (!outcome.principal) {
    refuse_unauthenticated(response, kInvalidTokenChallenge, "invalid_token",
                           "Invalid access token", invalid_token_detail(outcome.failure));
    return std::nullopt;
  }
  return std::move(outcome.principal);
}

}  // namespace

std::optional<Principal> require_api_principal(App &app, const httplib::Request &request,
                                               httplib::Response &response, Operation operation) {
  const OperationRule rule = rule_for(operation);
  std::optional<Principal> principal;
  // The header as the library holds it, not a copy: the token is in it. The pre-routing
  // guard has already refused a second Authorization header.
  const auto authorization = request.headers.find("Authorization");
  if (authorization != request.headers.end()) {
    if (rule.web_session_only) {
      passes_web_request_checks(app, request, response);  // answers 403 session_required
      return std::nullopt;
    }
    principal = authenticate_bearer(app, authorization->second, response);
  } else if (rule.access_token_only) {
    refuse_unauthenticated(
        response, kBearerChallenge, "access_token_required", "Access token required",
        "This address answers only to an access token: send Authorization: Bearer <token>.");
  } else {
    principal = require_web_session(
        app, request, response,
        {"Send an access token (Authorization: Bearer ...) or sign in.", kBearerChallenge});
  }
  if (principal) adopt_principal(*principal);
  return principal;
}

void send_api_error(httplib::Response &response, const Principal &principal,
                    const ServiceError &error) {
  send_service_error(response, error);
  if (error.kind == ErrorKind::forbidden && principal.is_token())
    response.set_header("WWW-Authenticate", kInsufficientScopeChallenge);
}

}  // namespace hawzu::server
