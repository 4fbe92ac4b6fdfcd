#include "auth/bearer_credentials.h"

namespace hawzu::server {
namespace {

constexpr std::string_view kScheme = "bearer";

bool equals_ignoring_ascii_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// Visible ASCII (RFC 9110 VCHAR), which excludes spaces, controls and non-ASCII bytes.
bool is_visible_ascii(char c) {
  return c > 0x20 && c < 0x7F;
}

}  // namespace

std::optional<std::string_view> bearer_token_from_authorization(std::string_view header_value) {
  if (header_value.size() <= kScheme.size() ||
      !equals_ignoring_ascii_case(header_value.substr(0, kScheme.size()), kScheme) ||
      header_value[kScheme.size()] != ' ')
    return std::nullopt;
  std::string_view token = header_value.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  if (token.empty()) return std::nullopt;
  for (char c : token)
    if (!is_visible_ascii(c)) return std::nullopt;
  return token;
}

}  // namespace hawzu::server
