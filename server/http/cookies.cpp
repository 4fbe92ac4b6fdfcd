#include "http/cookies.h"

namespace hawzu::server {
namespace {

constexpr std::size_t kMaxCookieValues = 8;

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string attributes(bool secure) {
  return std::string("; Path=/; HttpOnly; SameSite=Strict") + (secure ? "; Secure" : "");
}

}  // namespace

std::vector<std::string> cookie_values(const httplib::Request &request, std::string_view name) {
  std::vector<std::string> values;
  const std::size_t headers = request.get_header_value_count("Cookie");
  for (std::size_t h = 0; h < headers && values.size() < kMaxCookieValues; ++h) {
    const std::string header = request.get_header_value("Cookie", "", h);
    std::string_view rest = header;
    while (!rest.empty() && values.size() < kMaxCookieValues) {
      std::size_t end = rest.find(';');
      std::string_view pair = trim_spaces(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      std::size_t equals = pair.find('=');
      if (equals == std::string_view::npos || trim_spaces(pair.substr(0, equals)) != name) continue;
      std::string_view value = trim_spaces(pair.substr(equals + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      values.emplace_back(value);
    }
  }
  return values;
}

std::string_view session_cookie_name(bool uses_tls) {
  return uses_tls ? kTlsSessionCookieName : kSessionCookieName;
}

std::string session_cookie(std::string_view value, std::int64_t max_age_seconds, bool secure) {
  std::string header;
  header.reserve(200);
  header.append(session_cookie_name(secure)).append("=").append(value);
  header.append("; Max-Age=").append(std::to_string(max_age_seconds));
  header.append(attributes(secure));
  return header;
}

std::string expired_session_cookie(bool secure) {
  return std::string(session_cookie_name(secure)) + "=; Max-Age=0" + attributes(secure);
}

}  // namespace hawzu::server
