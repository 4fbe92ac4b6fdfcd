#include "http/guarded_server.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <vector>

namespace hawzu::server {
namespace {

using SteadyClock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// While a connection waits for its next request, how often it looks whether someone
// is queued for a worker.
constexpr milliseconds kIdleSlice{50};

milliseconds remaining(SteadyClock::time_point until) {
  auto left = std::chrono::duration_cast<milliseconds>(until - SteadyClock::now());
  return std::max(left, milliseconds{0});
}

// poll() for readability; true when readable (or at end of stream).
bool wait_readable(socket_t sock, milliseconds timeout) {
  pollfd fd{sock, POLLIN, 0};
  int ready;
  do {
    ready = ::poll(&fd, 1, static_cast<int>(timeout.count()));
  } while (ready < 0 && errno == EINTR);
  return ready > 0;
}

std::string timeval_to_text(int seconds) {
  return std::to_string(seconds);
}

// A complete 503 answer written straight to the socket, for a connection that gets
// no worker time: it never reads the request (whatever arrived is discarded).
void refuse_with_503(socket_t sock, const char *code, const char *detail, int retry_after) {
  const std::string body = std::string("{\"type\":\"urn:hawzu:problem:") + code +
                           "\",\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"" +
                           detail + "\",\"code\":\"" + code + "\",\"errors\":[]}";
  const std::string answer =
      "HTTP/1.1 503 Service Unavailable\r\nRetry-After: " + timeval_to_text(retry_after) +
      "\r\nContent-Type: application/problem+json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" +
      body;
  // A fresh socket's send buffer takes this at once; never wait for a slow reader.
  (void)::send(sock, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(sock, SHUT_WR);
  // Read what already arrived, so that closing does not reset the connection (a reset
  // could destroy the answer before the client reads it).
  char sink[4096];
  while (::recv(sock, sink, sizeof sink, MSG_DONTWAIT) > 0) {
  }
}

// When the request being read must be complete. Reads wait in short slices so that a
// request that is still arriving after `busy_request_deadline` is cut as soon as
// another connection waits for a worker: under pressure, slow requests go first.
class RequestDeadline {
 public:
  explicit RequestDeadline(const ConnectionGuard &guard) : guard_(guard) {}

  void start(SteadyClock::time_point started, SteadyClock::time_point deadline) {
    started_ = started;
    deadline_ = deadline;
  }
  void clear() { deadline_.reset(); }

  bool wait_for_data(socket_t sock, milliseconds read_timeout) const {
    if (!deadline_) return wait_readable(sock, read_timeout);
    const SteadyClock::time_point until = std::min(*deadline_, SteadyClock::now() + read_timeout);
    const SteadyClock::time_point busy_until = started_ + guard_.rules().busy_request_deadline;
    for (;;) {
      const milliseconds left = remaining(until);
      if (left.count() == 0) return false;
      if (wait_readable(sock, std::min(left, kIdleSlice))) return true;
      if (guard_.someone_waits() && SteadyClock::now() >= busy_until) return false;
    }
  }

 private:
  const ConnectionGuard &guard_;
  SteadyClock::time_point started_;
  std::optional<SteadyClock::time_point> deadline_;
};

// The library's SocketStream, with the deadline: a read never waits past it.
class DeadlineSocketStream final : public httplib::Stream {
 public:
  DeadlineSocketStream(const ConnectionGuard &guard, socket_t sock, milliseconds read_timeout,
                       time_t write_timeout_sec, time_t write_timeout_usec)
      : deadline_(guard),
        sock_(sock),
        read_timeout_(read_timeout),
        write_timeout_sec_(write_timeout_sec),
        write_timeout_usec_(write_timeout_usec),
        buffer_(kBufferSize) {}

  RequestDeadline &deadline() { return deadline_; }
  bool has_buffered_data() const { return offset_ < size_; }

  bool is_readable() const override { return has_buffered_data() || wait_for_data(); }

  bool is_writable() const override {
    return httplib::detail::select_write(sock_, write_timeout_sec_, write_timeout_usec_) > 0 &&
           httplib::detail::is_socket_alive(sock_);
  }

  ssize_t read(char *ptr, size_t size) override {
    // The library reads the request line and headers one byte per call: from the
    // buffer, that byte is one load and one store.
    if (size == 1 && offset_ < size_) {
      *ptr = buffer_[offset_++];
      return 1;
    }
    if (!has_buffered_data()) {
      if (!wait_for_data()) return -1;
      offset_ = size_ = 0;
      ssize_t n = httplib::detail::read_socket(sock_, buffer_.data(), buffer_.size(), 0);
      if (n <= 0) return n;
      size_ = static_cast<std::size_t>(n);
    }
    const std::size_t take = std::min(size, size_ - offset_);
    std::copy_n(buffer_.data() + offset_, take, ptr);
    offset_ += take;
    return static_cast<ssize_t>(take);
  }

  ssize_t write(const char *ptr, size_t size) override {
    if (!is_writable()) return -1;
    return httplib::detail::send_socket(sock_, ptr, size, 0);
  }

  void get_remote_ip_and_port(std::string &ip, int &port) const override {
    httplib::detail::get_remote_ip_and_port(sock_, ip, port);
  }
  void get_local_ip_and_port(std::string &ip, int &port) const override {
    httplib::detail::get_local_ip_and_port(sock_, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  static constexpr std::size_t kBufferSize = 4096;

  bool wait_for_data() const { return deadline_.wait_for_data(sock_, read_timeout_); }

  RequestDeadline deadline_;
  socket_t sock_;
  milliseconds read_timeout_;
  time_t write_timeout_sec_;
  time_t write_timeout_usec_;
  std::vector<char> buffer_;
  std::size_t offset_ = 0;
  std::size_t size_ = 0;
};

// The library's SSLSocketStream, with the same deadline before each read. (A read that
// finds half a TLS record still waits for the rest up to the per-read timeout.)
class DeadlineTlsStream final : public httplib::Stream {
 public:
  DeadlineTlsStream(const ConnectionGuard &guard, socket_t sock, SSL *ssl,
                    milliseconds read_timeout, time_t read_timeout_sec, time_t read_timeout_usec,
                    time_t write_timeout_sec, time_t write_timeout_usec)
      : deadline_(guard),
        inner_(sock, ssl, read_timeout_sec, read_timeout_usec, write_timeout_sec,
               write_timeout_usec),
        sock_(sock),
        ssl_(ssl),
        read_timeout_(read_timeout) {}

  RequestDeadline &deadline() { return deadline_; }
  bool has_buffered_data() const { return SSL_pending(ssl_) > 0; }

  bool is_readable() const override { return has_buffered_data() || wait_for_data(); }
  bool is_writable() const override { return inner_.is_writable(); }
  ssize_t read(char *ptr, size_t size) override {
    if (!has_buffered_data() && !wait_for_data()) return -1;
    return inner_.read(ptr, size);
  }
  ssize_t write(const char *ptr, size_t size) override { return inner_.write(ptr, size); }
  void get_remote_ip_and_port(std::string &ip, int &port) const override {
    inner_.get_remote_ip_and_port(ip, port);
  }
  void get_local_ip_and_port(std::string &ip, int &port) const override {
    inner_.get_local_ip_and_port(ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  bool wait_for_data() const { return deadline_.wait_for_data(sock_, read_timeout_); }

  RequestDeadline deadline_;
  httplib::detail::SSLSocketStream inner_;
  socket_t sock_;
  SSL *ssl_;
  milliseconds read_timeout_;
};

// Counts the connection for its client address while it opens or carries a request.
// Idle between keep-alive requests it does not count (it gives its worker up as soon as
// someone waits, so it costs others nothing); its next request counts again, and when
// that would go over the cap the connection closes instead.
class Admission {
 public:
  Admission(ConnectionGuard &guard, socket_t sock) : guard_(guard) {
    int port = 0;
    httplib::detail::get_remote_ip_and_port(sock, address_, port);
    counted_ = guard_.admit(address_);
  }
  ~Admission() { idle(); }
  Admission(const Admission &) = delete;
  Admission &operator=(const Admission &) = delete;

  bool admitted() const { return counted_; }
  void idle() {
    if (counted_) guard_.release(address_);
    counted_ = false;
  }
  bool active() {
    if (!counted_) counted_ = guard_.admit(address_);
    return counted_;
  }

 private:
  ConnectionGuard &guard_;
  std::string address_;
  bool counted_ = false;
};

// The keep-alive loop both servers share (the library's process_server_socket_core,
// with the deadline and the idle rule).
template <class Base>
class Guarded : public Base {
 public:
  template <class... Args>
  explicit Guarded(std::shared_ptr<ConnectionGuard> guard, Args &&...args)
      : Base(std::forward<Args>(args)...), guard_(std::move(guard)) {}

 protected:
  milliseconds read_timeout() const {
    return milliseconds{this->read_timeout_sec_ * 1000 + this->read_timeout_usec_ / 1000};
  }

  // Waits for the first byte of the next request. False: close the connection (the
  // server stops, the wait ran out, or an idle connection gives its worker up).
  template <class Stream>
  bool wait_for_request(socket_t sock, Stream &stream, SteadyClock::time_point until, bool first) {
    if (stream.has_buffered_data()) return true;
    const SteadyClock::time_point started = SteadyClock::now();
    for (;;) {
      if (this->svr_sock_ == INVALID_SOCKET) return false;
      const milliseconds left = remaining(until);
      if (left.count() == 0) return false;
      if (wait_readable(sock, std::min(left, kIdleSlice))) return true;
      // Someone waits for a worker: an idle keep-alive connection gives its worker up at
      // once; a new one that has not started its request within the busy deadline too.
      if (guard_->someone_waits() &&
          (!first || SteadyClock::now() - started >= guard_->rules().busy_request_deadline))
        return false;
    }
  }

  template <class Stream>
  bool serve_requests(socket_t sock, Stream &stream, Admission &admission,
                      const std::function<void(httplib::Request &)> &setup_request) {
    std::string remote_addr, local_addr;
    int remote_port = 0, local_port = 0;
    httplib::detail::get_remote_ip_and_port(sock, remote_addr, remote_port);
    httplib::detail::get_local_ip_and_port(sock, local_addr, local_port);

    const ConnectionRules &rules = guard_->rules();
    bool ret = false;
    for (std::size_t left = this->keep_alive_max_count_; left > 0; --left) {
      const bool first = left == this->keep_alive_max_count_;
      const SteadyClock::time_point now = SteadyClock::now();
      // The first request's deadline runs from now: silence counts against it.
      const SteadyClock::time_point first_byte_by =
          first ? now + rules.request_deadline : now + rules.keep_alive_timeout;
      if (!first) admission.idle();
      if (!wait_for_request(sock, stream, first_byte_by, first)) break;
      if (!admission.active()) break;  // its address has its fill of active connections
      const SteadyClock::time_point started = first ? now : SteadyClock::now();
      stream.deadline().start(started, started + rules.request_deadline);
      bool close_connection = left == 1 || guard_->someone_waits();
      bool connection_closed = false;
      ret = this->process_request(stream, remote_addr, remote_port, local_addr, local_port,
                                  close_connection, connection_closed, setup_request);
      stream.deadline().clear();
      if (!ret || connection_closed || close_connection) break;
    }
    return ret;
  }

  std::shared_ptr<ConnectionGuard> guard_;
};

class GuardedServer final : public Guarded<httplib::Server> {
 public:
  using Guarded::Guarded;

 private:
  bool process_and_close_socket(socket_t sock) override {
    bool ret = false;
    {
      Admission admission(*guard_, sock);
      const int retry_after = guard_->rules().retry_after_seconds;
      if (ConnectionPool::refusing_on_this_thread()) {
        refuse_with_503(sock, "server_busy", "The server is busy; try again shortly.", retry_after);
      } else if (!admission.admitted()) {
        refuse_with_503(sock, "too_many_connections",
                        "Too many open connections from your address; close some and retry.",
                        retry_after);
      } else {
        DeadlineSocketStream stream(*guard_, sock, read_timeout(), write_timeout_sec_,
                                    write_timeout_usec_);
        ret = serve_requests(sock, stream, admission, nullptr);
      }
    }
    httplib::detail::shutdown_socket(sock);
    httplib::detail::close_socket(sock);
    return ret;
  }
};

class GuardedTlsServer final : public Guarded<httplib::SSLServer> {
 public:
  using Guarded::Guarded;

 private:
  bool process_and_close_socket(socket_t sock) override {
    bool ret = false;
    {
      Admission admission(*guard_, sock);
      // Refused connections close without an answer: a plain-text 503 means nothing to
      // a TLS client, and a handshake would cost the time being saved.
      if (!ConnectionPool::refusing_on_this_thread() && admission.admitted()) {
        SSL *ssl = httplib::detail::ssl_new(
            sock, ssl_context(), ssl_mutex_,
            [&](SSL *session) {
              return httplib::detail::ssl_connect_or_accept_nonblocking(
                  sock, session, SSL_accept, read_timeout_sec_, read_timeout_usec_);
            },
            [](SSL *) { return true; });
        if (ssl) {
          DeadlineTlsStream stream(*guard_, sock, ssl, read_timeout(), read_timeout_sec_,
                                   read_timeout_usec_, write_timeout_sec_, write_timeout_usec_);
          ret = serve_requests(sock, stream, admission,
                               [ssl](httplib::Request &request) { request.ssl = ssl; });
          httplib::detail::ssl_delete(ssl_mutex_, ssl, sock, ret);
        }
      }
    }
    httplib::detail::shutdown_socket(sock);
    httplib::detail::close_socket(sock);
    return ret;
  }

  std::mutex ssl_mutex_;
};

}  // namespace

bool ConnectionGuard::admit(const std::string &address) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::size_t &open = open_by_address_[address];
  if (open >= rules_.max_connections_per_client) {
    if (open == 0) open_by_address_.erase(address);
    return false;
  }
  ++open;
  return true;
}

void ConnectionGuard::release(const std::string &address) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = open_by_address_.find(address);
  if (found == open_by_address_.end()) return;
  if (--found->second == 0) open_by_address_.erase(found);
}

std::unique_ptr<httplib::Server> make_guarded_server(std::shared_ptr<ConnectionGuard> guard) {
  return std::make_unique<GuardedServer>(std::move(guard));
}

std::unique_ptr<httplib::Server> make_guarded_tls_server(std::shared_ptr<ConnectionGuard> guard,
                                                         const std::string &cert_file,
                                                         const std::string &key_file) {
  return std::make_unique<GuardedTlsServer>(std::move(guard), cert_file.c_str(), key_file.c_str());
}

}  // namespace hawzu::server
