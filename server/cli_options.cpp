#include "cli_options.h"

#include "db/postgres/pg_database.h"

#include <cctype>
#include <cstdlib>

namespace hawzu::server {
namespace {

// Splits "HOST:PORT" ("[::1]:8080" for IPv6). Returns false when malformed.
bool parse_listen_address(const std::string &text, std::string &host, int &port) {
  std::string port_text;
  if (!text.empty() && text.front() == '[') {
    auto close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
      return false;
    host = text.substr(1, close - 1);
    port_text = text.substr(close + 2);
  } else {
    auto colon = text.rfind(':');
    if (colon == std::string::npos || text.find(':') != colon) return false;
    host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
  }
  if (host.empty() || port_text.empty() || port_text.size() > 5) return false;
  for (char c : port_text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  port = std::atoi(port_text.c_str());
  return port <= 65535;
}

// A whole decimal number in [low, high], without sign or spaces.
std::optional<int> parse_count(const std::string &text, int low, int high) {
  if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const int value = std::atoi(text.c_str());
  if (value < low || value > high) return std::nullopt;
  return value;
}

bool looks_like_email(const std::string &text) {
  auto at = text.find('@');
  return at != std::string::npos && at > 0 && at + 1 < text.size() && text.size() <= 254 &&
         text.find_first_of(" \t\r\n") == std::string::npos;
}

}  // namespace

std::string server_usage() {
  return "Usage: hawzu-server --data DIR --listen HOST:PORT [--public DIR] [--demo]\n"
         "                    [--admin-email EMAIL] [--tls-cert FILE --tls-key FILE]\n"
         "                    [--max-connections-per-client N]\n"
         "                    [--database URL] [--token-key-file FILE] [--trust-proxy CIDR,...]\n"
         "                    [--allow-private-webhooks] [--sweep-interval-seconds N]\n"
         "\n"
         "  --data DIR           where the SQLite database and the hashing key live (default: "
         "data)\n"
         "  --listen HOST:PORT   address to serve on (default: 127.0.0.1:8080; port 0 = any free)\n"
         "  --public DIR         the assembled web app to serve at / (default: the build's site)\n"
         "  --demo               seed the demo workspace \"Acme QA\" once (see README)\n"
         "  --admin-email EMAIL  owner account created on first start (default: admin@localhost)\n"
         "  --tls-cert FILE      serve HTTPS with this PEM certificate (needs --tls-key)\n"
         "  --tls-key FILE       the PEM private key for --tls-cert\n"
         "  --max-connections-per-client N\n"
         "                       open connections one client address may hold (default: 32,\n"
         "                       1 to 100000); more are answered 503 with Retry-After\n"
         "  --database URL       keep the data in PostgreSQL (postgresql://USER@HOST:PORT/DB)\n"
         "                       instead of DIR/hawzu.sqlite3; any number of servers may share it\n"
         "  --token-key-file F   the 32-byte token-hashing key (default: DIR/token-hash.key);\n"
         "                       every server of one database needs the same file\n"
         "  --trust-proxy CIDRS  believe X-Forwarded-For/-Proto from these reverse proxies\n"
         "                       (e.g. 127.0.0.1,10.0.0.0/8); without it they are ignored\n"
         "  --allow-private-webhooks\n"
         "                       let webhook URLs name private and loopback addresses\n"
         "  --sweep-interval-seconds N\n"
         "                       how often the token policy sweep runs (default: 300,\n"
         "                       1 to 86400); one server of a cluster runs it at a time\n"
         "  --help, --version\n"
         "\n"
         "       hawzu-server migrate-data --from DIR --to postgresql://USER@HOST:PORT/DB\n"
         "\n"
         "  copies every row of DIR/hawzu.sqlite3 into an empty PostgreSQL database, verifies\n"
         "  the row counts and refuses a database that holds data (migrate-data --help)\n";
}

ParsedOptions parse_server_options(const std::vector<std::string> &args) {
  ServerOptions options;
  ParsedOptions result;
  auto fail = [&result](std::string message) {
    result.error = std::move(message);
    return result;
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string &arg = args[i];
    // Flags that take a value accept both "--flag value" and "--flag=value".
    std::string name = arg, value;
    bool has_inline_value = false;
    if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_inline_value = true;
    }
    auto take_value = [&]() -> bool {
      if (has_inline_value) return true;
      if (i + 1 >= args.size()) return false;
      value = args[++i];
      return true;
    };
    if (name == "--help" || name == "-h") {
      options.show_help = true;
    } else if (name == "--version") {
      options.show_version = true;
    } else if (name == "--allow-private-webhooks") {
      if (has_inline_value) return fail("--allow-private-webhooks takes no value");
      options.allow_private_webhooks = true;
    } else if (name == "--sweep-interval-seconds") {
      std::optional<int> seconds = take_value() ? parse_count(value, 1, 86400) : std::nullopt;
      if (!seconds) return fail("--sweep-interval-seconds needs a number from 1 to 86400");
      options.sweep_interval_seconds = *seconds;
    } else if (name == "--demo") {
      if (has_inline_value) return fail("--demo takes no value");
      options.demo = true;
    } else if (name == "--data") {
      if (!take_value() || value.empty()) return fail("--data needs a directory");
      options.data_dir = value;
    } else if (name == "--public") {
      if (!take_value() || value.empty()) return fail("--public needs a directory");
      options.public_dir = value;
    } else if (name == "--listen") {
      if (!take_value()) return fail("--listen needs HOST:PORT");
      if (!parse_listen_address(value, options.listen_host, options.listen_port))
        return fail("--listen: '" + value + "' is not HOST:PORT (e.g. 127.0.0.1:8080)");
    } else if (name == "--admin-email") {
      if (!take_value() || !looks_like_email(value))
        return fail("--admin-email needs an email address");
      options.admin_email = value;
    } else if (name == "--tls-cert") {
      if (!take_value() || value.empty()) return fail("--tls-cert needs a file");
      options.tls_cert_file = value;
    } else if (name == "--database") {
      if (!take_value() || !is_postgres_url(value))
        return fail("--database needs a PostgreSQL URL (postgresql://USER@HOST:PORT/DB)");
      options.database_url = value;
    } else if (name == "--trust-proxy") {
      if (!take_value() || value.empty()) return fail("--trust-proxy needs CIDR[,CIDR...]");
      std::size_t start = 0;
      while (start <= value.size()) {
        std::size_t comma = value.find(',', start);
        if (comma == std::string::npos) comma = value.size();
        std::string item = value.substr(start, comma - start);
        std::optional<TrustedNetwork> network = parse_trusted_network(item);
        if (!network) return fail("--trust-proxy: '" + item + "' is not an address or CIDR");
        options.trusted_proxies.push_back(*network);
        start = comma + 1;
      }
    } else if (name == "--token-key-file") {
      if (!take_value() || value.empty()) return fail("--token-key-file needs a file");
      options.token_key_file = value;
    } else if (name == "--tls-key") {
      if (!take_value() || value.empty()) return fail("--tls-key needs a file");
      options.tls_key_file = value;
    } else if (name == "--max-connections-per-client") {
      std::optional<int> count = take_value() ? parse_count(value, 1, 100000) : std::nullopt;
      if (!count) return fail("--max-connections-per-client needs a number from 1 to 100000");
      options.max_connections_per_client = static_cast<std::size_t>(*count);
    } else {
      return fail("unknown option '" + arg + "'");
    }
  }
  if (options.tls_cert_file.empty() != options.tls_key_file.empty())
    return fail("--tls-cert and --tls-key go together");
  result.options = options;
  return result;
}

}  // namespace hawzu::server
