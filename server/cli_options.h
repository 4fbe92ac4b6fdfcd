// Command-line options of hawzu-server (docs/product.md#running-it):
//   hawzu-server --data DIR --listen HOST:PORT [--public DIR] [--demo]
//                [--admin-email EMAIL] [--tls-cert FILE --tls-key FILE]
//                [--max-connections-per-client N]
//                [--database postgresql://...] [--token-key-file FILE]
//                [--trust-proxy CIDR,...] [--allow-private-webhooks]
//                [--sweep-interval-seconds N]
//   hawzu-server migrate-data --from DIR --to postgresql://... (tools/migrate_data.h)
#pragma once

#include <cstddef>
#include "util/networks.h"

#include <optional>
#include <string>
#include <vector>

namespace hawzu::server {

struct ServerOptions {
  std::string data_dir = "data";
  std::string listen_host = "127.0.0.1";
  int listen_port = 8080;  // 0: any free port (the start-up line says which)
  std::string public_dir;  // the assembled web site; empty: the build's default
  bool demo = false;
  std::string admin_email = "admin@localhost";
  std::string tls_cert_file;
  std::string tls_key_file;
  // Open connections one client address may hold; more are answered 503.
  std::size_t max_connections_per_client = 32;
  // PostgreSQL instead of the SQLite file in data_dir (docs/operations.md).
  std::string database_url;
  // The token-hashing key; empty: data_dir/token-hash.key.
  std::string token_key_file;
  // Reverse proxies whose X-Forwarded-For/-Proto are believed (http/client_origin.h).
  std::vector<TrustedNetwork> trusted_proxies;
  // Webhook URLs may name private, loopback and link-local addresses (a receiver on
  // the same host or network); off by default so a webhook cannot probe the inside.
  bool allow_private_webhooks = false;
  // How often the policy sweeper (auto-disable, expiry reminders) runs on the server
  // that holds its lease.
  int sweep_interval_seconds = 300;
  bool show_help = false;
  bool show_version = false;

  bool uses_tls() const { return !tls_cert_file.empty(); }
};

struct ParsedOptions {
  std::optional<ServerOptions> options;  // set when the arguments are valid
  std::string error;                     // otherwise: what is wrong, one line
};

// Parses argv[1..]. Never exits; the caller prints the error and the usage.
ParsedOptions parse_server_options(const std::vector<std::string> &args);

std::string server_usage();

}  // namespace hawzu::server
