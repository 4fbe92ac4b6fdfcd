// cpp-httplib servers that defend their worker threads against slow and greedy clients.
//
// Why: the library serves each connection on one pool thread for the connection's
// whole life, and its timeouts are per read: a client that sends one header byte
// every few seconds holds a thread for as long as it likes, and a few hundred such
// connections from one address leave nobody else served.
//
// The design, each part of which the library lets us do without patching it (the
// Server's per-connection function is virtual and its request parser is protected):
//   - These classes replace the library's per-connection function. The worker first
//     admits the connection: at most `max_connections_per_client` active at once per
//     client address; over that it answers 503 with Retry-After and closes at once
//     (under TLS it closes, as there is no way to answer before a handshake). Active
//     means opening or carrying a request: a connection idle between keep-alive
//     requests does not count (HTTP clients keep spare idle connections, and idle ones
//     give way, see below); when its next request would go over the cap, it closes.
//   - A whole-request deadline: the stream the parser reads from refuses to wait past
//     `request_deadline` counted from the request's first byte (for the first request
//     on a connection: from when a worker took it up), for the head and the body
//     together. Per-read timeouts still apply within it. Writing the answer is not
//     under the deadline. Past it the client gets 400 (or is dropped) and the
//     connection closes. Under that same pressure the deadline shrinks to
//     `busy_request_deadline`: slow requests give way to waiting ones.
//   - Between keep-alive requests the worker waits in short slices; as soon as a
//     connection has waited 50 ms for a worker while all are busy (ConnectionLoad),
//     idle connections close and answers say "Connection: close", so idle keep-alive
//     never starves active clients.
//   - The pool (connection_pool.h) has a bounded queue; past it connections are
//     answered 503 with Retry-After by a refusal thread.
// So one address can hold at most `max_connections_per_client` workers, each for at
// most `request_deadline` per request; many addresses together meet the bounded queue
// and get 503 quickly instead of waiting. At internet scale a reverse proxy in front
// (which buffers requests) is still the right tool.
#pragma once

#include "http/connection_pool.h"
#include "httplib_config.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace hawzu::server {

struct ConnectionRules {
  std::size_t max_connections_per_client = 32;
  std::chrono::milliseconds request_deadline{10000};  // head + body of one request
  // The same while a connection waits for a worker: slow requests give way first.
  std::chrono::milliseconds busy_request_deadline{2000};
  std::chrono::milliseconds keep_alive_timeout{5000};
  int retry_after_seconds = 1;  // in the 503 answers
  // How long a queued connection waits before idle ones give way: longer than a free
  // worker takes to pick it up, so that idle keep-alive connections close only under
  // real pressure (closing one races with the client sending its next request on it).
  std::chrono::milliseconds pressure_after{50};
};

// State shared by every connection of one server.
class ConnectionGuard {
 public:
  ConnectionGuard(ConnectionRules rules, std::shared_ptr<ConnectionLoad> load)
      : rules_(rules), load_(std::move(load)) {}

  const ConnectionRules &rules() const { return rules_; }
  const std::shared_ptr<ConnectionLoad> &load() const { return load_; }
  // A connection has waited for a worker for `pressure_after` or more.
  bool someone_waits() const { return load_->someone_waits(rules_.pressure_after); }

  // Counts a connection from `address`; false (nothing counted) when it has its fill.
  bool admit(const std::string &address);
  void release(const std::string &address);

 private:
  ConnectionRules rules_;
  std::shared_ptr<ConnectionLoad> load_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> open_by_address_;
};

std::unique_ptr<httplib::Server> make_guarded_server(std::shared_ptr<ConnectionGuard> guard);

// Check is_valid() on the result (the certificate or key may not load).
std::unique_ptr<httplib::Server> make_guarded_tls_server(std::shared_ptr<ConnectionGuard> guard,
                                                         const std::string &cert_file,
                                                         const std::string &key_file);

}  // namespace hawzu::server
