#include "services/webhook_url.h"

#include "util/networks.h"

#include <cctype>

namespace hawzu::server {
namespace {

bool has_prefix_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  return true;
}

bool is_host_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
}

}  // namespace

std::optional<WebhookUrl> parse_webhook_url(std::string_view text, std::string &why) {
  if (text.empty()) {
    why = "Required: the URL the events are sent to.";
    return std::nullopt;
  }
  if (text.size() > kMaxWebhookUrlLength) {
    why = "At most " + std::to_string(kMaxWebhookUrlLength) + " characters.";
    return std::nullopt;
  }
  for (char c : text)
    if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
      why = "Must not contain spaces, control or non-ASCII characters (percent-encode them).";
      return std::nullopt;
    }
  WebhookUrl url;
  std::string_view rest;
  if (has_prefix_ignoring_case(text, "https://")) {
    url.https = true;
    rest = text.substr(8);
  } else if (has_prefix_ignoring_case(text, "http://")) {
    rest = text.substr(7);
  } else {
    why = "Must be an absolute http:// or https:// URL.";
    return std::nullopt;
  }
  if (rest.find('#') != std::string_view::npos) {
    why = "Must not have a fragment (#...).";
    return std::nullopt;
  }
  const std::size_t authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  url.target =
      authority_end == std::string_view::npos ? "/" : std::string(rest.substr(authority_end));
  if (url.target[0] == '?') url.target.insert(0, "/");
  if (authority.find('@') != std::string_view::npos) {
    why = "Must not contain a user name or password.";
    return std::nullopt;
  }

  std::string_view port_text;
  if (!authority.empty() && authority[0] == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      why = "The IPv6 address must be closed by ].";
      return std::nullopt;
    }
    url.host = std::string(authority.substr(1, close - 1));
    if (url.host.find(':') == std::string::npos || !is_ip_address(url.host)) {
      why = "The host in brackets must be an IPv6 address.";
      return std::nullopt;
    }
    std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after[0] != ':') {
      why = "Only a :port may follow the IPv6 address.";
      return std::nullopt;
    }
    if (!after.empty()) port_text = after.substr(1);
    if (!after.empty() && port_text.empty()) port_text = "x";  // "[::1]:" has no port
  } else {
    const std::size_t colon = authority.find(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
      port_text = authority.substr(colon + 1);
      if (port_text.empty()) port_text = "x";
    }
    for (char c : url.host)
      if (!is_host_name_char(c)) {
        why = "The host may hold only letters, digits, hyphens and dots.";
        return std::nullopt;
      }
  }
  if (url.host.empty()) {
    why = "The URL must name a host.";
    return std::nullopt;
  }
  for (char &c : url.host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));

  url.port = url.https ? 443 : 80;
  if (!port_text.empty()) {
    int port = 0;
    for (char c : port_text) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || port > 65535) {
        port = -1;
        break;
      }
      port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535 || port_text.size() > 5) {
      why = "The port must be a number from 1 to 65535.";
      return std::nullopt;
    }
    url.port = port;
  }
  return url;
}

}  // namespace hawzu::server
