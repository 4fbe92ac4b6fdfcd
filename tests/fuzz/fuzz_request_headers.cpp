// libFuzzer target: the two headers that carry credentials, read as the server reads
// them: each input line goes through cpp-httplib's header-line parser (which checks the
// field value and percent-decodes it) into a request, then the Authorization header
// through bearer_token_from_authorization and every Cookie header through cookie_values
// and the session-id check. A token found is printable ASCII without spaces and lies
// inside the header; at most 8 session cookies are returned; an accepted session id is
// exactly 43 characters.
#include "auth/bearer_credentials.h"
#include "http/cookies.h"
#include "http/httplib_config.h"
#include "security/session_id.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const char *begin = reinterpret_cast<const char *>(data);
  const char *end = begin + size;
  httplib::Request request;
  // One header line per input line, as "Name: value" (lines without a colon are skipped).
  for (const char *line = begin; line < end;) {
    const char *line_end = line;
    while (line_end < end && *line_end != '\n') ++line_end;
    httplib::detail::parse_header(
        line, line_end,
        [&](const std::string &key, const std::string &val) { request.headers.emplace(key, val); });
    line = line_end + 1;
  }

  auto [first, last] = request.headers.equal_range("Authorization");
  for (auto it = first; it != last; ++it) {
    const std::string &header = it->second;
    if (std::optional<std::string_view> token =
            hawzu::server::bearer_token_from_authorization(header)) {
      if (token->empty() || token->data() < header.data() ||
          token->data() + token->size() > header.data() + header.size())
        __builtin_trap();
      for (char c : *token)
        if (c <= ' ' || c > '~') __builtin_trap();
    }
  }

  const std::vector<std::string> cookies =
      hawzu::server::cookie_values(request, hawzu::server::kSessionCookieName);
  if (cookies.size() > 8) __builtin_trap();
  for (const std::string &value : cookies) {
    if (hawzu::server::session_id_hash_from_cookie(value) &&
        value.size() != hawzu::server::kSessionCookieValueLength)
      __builtin_trap();
  }
  return 0;
}
