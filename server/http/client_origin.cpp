#include "http/client_origin.h"

namespace hawzu::server {
namespace {

std::string_view trim_forwarded_entry(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

ClientOrigin client_origin(const httplib::Request &request, bool socket_is_tls,
                           const std::vector<TrustedNetwork> &trusted_proxies) {
  ClientOrigin origin{request.remote_addr, socket_is_tls};
  if (trusted_proxies.empty() || !is_trusted_address(request.remote_addr, trusted_proxies))
    return origin;
  // The right-most entry not added by one of our own proxies is the client; entries
  // further left were written by the client itself and prove nothing.
  const std::string forwarded = request.get_header_value("X-Forwarded-For");
  std::string_view rest(forwarded);
  while (!rest.empty()) {
    const std::size_t comma = rest.rfind(',');
    std::string_view entry =
        trim_forwarded_entry(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (!is_ip_address(entry)) break;  // malformed: stop at the last good hop
    origin.address = std::string(entry);
    if (!is_trusted_address(entry, trusted_proxies)) break;
  }
  const std::string proto = request.get_header_value("X-Forwarded-Proto");
  if (proto == "https")
    origin.https = true;
  else if (proto == "http")
    origin.https = false;
  return origin;
}

}  // namespace hawzu::server
