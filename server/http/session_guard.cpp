#include "http/session_guard.h"

#include "http/cookies.h"
#include "http/problem.h"
#include "http/request_context.h"

namespace hawzu::server {
namespace {

constexpr std::string_view kRequestedWithValue = "hawzu-web";

bool is_state_changing(const std::string &method) {
  return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE";
}

void refuse(httplib::Response &response, int status, const char *code, const char *detail) {
  Problem problem = problem_for_status(status);
  problem.code = code;
  problem.detail = detail;
  send_problem(response, problem);
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char &c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::string normalise_origin(std::string_view origin) {
  std::string text = lower(origin);
  auto drop_default_port = [&text](std::string_view scheme, std::string_view port) {
    if (text.rfind(scheme, 0) == 0 && text.size() > scheme.size() + port.size() &&
        text.compare(text.size() - port.size(), port.size(), port) == 0)
      text.resize(text.size() - port.size());
  };
  drop_default_port("http://", ":80");
  drop_default_port("https://", ":443");
  return text;
}

std::string own_origin(const httplib::Request &request, bool uses_tls) {
  const std::string host = request.get_header_value("Host");
  if (host.empty() || request.get_header_value_count("Host") != 1) return {};
  return normalise_origin(std::string(uses_tls ? "https://" : "http://") + host);
}

bool passes_web_request_checks(const App &, const httplib::Request &request,
                               httplib::Response &response) {
  if (request.has_header("Authorization")) {
    refuse(response, 403, "session_required",
           "Access tokens cannot be used here; sign in to the web app instead.");
    return false;
  }
  if (!is_state_changing(request.method)) return true;

  if (request.get_header_value_count("X-Requested-With") != 1 ||
      request.get_header_value("X-Requested-With") != kRequestedWithValue) {
    refuse(response, 403, "csrf_rejected",
           "Send the header X-Requested-With: hawzu-web with this request.");
    return false;
  }
  const std::size_t origins = request.get_header_value_count("Origin");
  if (origins > 0) {
    const std::string expected = own_origin(request, current_request_context().https);
    if (origins != 1 || expected.empty() ||
        normalise_origin(request.get_header_value("Origin")) != expected) {
      refuse(response, 403, "csrf_rejected", "Requests from other sites are not accepted.");
      return false;
    }
  }
  return true;
}

std::optional<std::vector<std::string>> single_session_cookie(const App &,
                                                              const httplib::Request &request,
                                                              httplib::Response &response) {
  const bool uses_tls = current_request_context().https;  // behind a TLS proxy too
  std::vector<std::string> cookies = cookie_values(request, session_cookie_name(uses_tls));
  if (cookies.size() <= 1) return cookies;
  refuse(response, 400, "duplicate_session_cookie",
         "The request carries more than one session cookie; clear this site's cookies and "
         "sign in again.");
  return std::nullopt;
}

std::optional<Principal> require_web_session(App &app, const httplib::Request &request,
                                             httplib::Response &response,
                                             const NoSessionAnswer &answer) {
  if (!passes_web_request_checks(app, request, response)) return std::nullopt;
  const std::optional<std::vector<std::string>> single =
      single_session_cookie(app, request, response);
  if (!single) return std::nullopt;
  const std::vector<std::string> &cookies = *single;
  std::optional<Principal> principal;
  if (!cookies.empty()) principal = app.authenticator->authenticate_session(cookies);
  if (!principal) {
    if (!cookies.empty())
      response.set_header("Set-Cookie", expired_session_cookie(current_request_context().https));
    Problem problem = problem_for_status(401);
    problem.detail = cookies.empty() ? std::string(answer.detail_without_cookie)
                                     : "Your session has ended; sign in again.";
    send_problem(response, problem);
    if (answer.www_authenticate) response.set_header("WWW-Authenticate", answer.www_authenticate);
    return std::nullopt;
  }
  adopt_principal(*principal);
  return principal;
}

}  // namespace hawzu::server
