// Who is on the other end of a request: the client's address and whether it reached us
// over HTTPS. Without --trust-proxy both come from the socket (and --tls-cert); forwarded
// headers are ignored, since any client can send them. With --trust-proxy CIDR,...
// and a connection from one of those networks (the reverse proxy), the address is the
// right-most X-Forwarded-For entry that is not itself a trusted proxy, and the scheme
// is X-Forwarded-Proto. Throttling, audit rows, access-log lines and the cookie's
// Secure attribute all use this, so they stay right behind a TLS-terminating proxy.
#pragma once

#include "http/httplib_config.h"
#include "util/networks.h"

#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

struct ClientOrigin {
  std::string address;
  bool https = false;
};

// `socket_is_tls`: the connection itself is TLS (--tls-cert).
ClientOrigin client_origin(const httplib::Request &request, bool socket_is_tls,
                           const std::vector<TrustedNetwork> &trusted_proxies);

}  // namespace hawzu::server
