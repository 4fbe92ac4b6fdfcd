// hawzu-server: the entry point. Reads the flags, builds the HTTP server and binds the
// address, prepares the data directory, builds the App (database, services), serves
// until SIGINT or SIGTERM, and then finishes the requests in flight before exiting.
#include "app.h"
#include "app_setup.h"
#include "cli_options.h"
#include "data_dir.h"
#include "http/http_server.h"
#include "tools/migrate_data.h"
#include "util/event_log.h"

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#ifndef HAWZU_DEFAULT_SITE_DIR
#define HAWZU_DEFAULT_SITE_DIR "build/site"
#endif
#ifndef HAWZU_VERSION
#define HAWZU_VERSION "0.1.0"
#endif

namespace {

int fail(const std::string &message, int exit_code = 1) {
  std::fprintf(stderr, "hawzu-server: %s\n", message.c_str());
  return exit_code;
}

// Blocks the shutdown signals in this thread and every thread started after it, so
// that only the waiter below receives them.
sigset_t block_shutdown_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGUSR1);  // internal: wakes the waiter when serving ends early
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

}  // namespace

int main(int argc, char **argv) {
  using namespace hawzu::server;
  std::signal(SIGPIPE, SIG_IGN);

  const std::vector<std::string> args(argv + 1, argv + argc);
  if (is_migrate_data_command(args))
    return run_migrate_data(std::vector<std::string>(args.begin() + 1, args.end()));

  auto parsed = parse_server_options(args);
  if (!parsed.options) {
    fail(parsed.error, 2);
    std::fputs(server_usage().c_str(), stderr);
    return 2;
  }
  App app{*parsed.options,
          StaticSite{parsed.options->public_dir.empty() ? HAWZU_DEFAULT_SITE_DIR
                                                        : parsed.options->public_dir}};
  if (app.options.show_help) {
    std::fputs(server_usage().c_str(), stdout);
    return 0;
  }
  if (app.options.show_version) {
    std::printf("hawzu-server %s\n", HAWZU_VERSION);
    return 0;
  }

  // The routes only keep a reference to `app`; they use its services once serving.
  HttpLimits limits;
  limits.max_connections_per_client = app.options.max_connections_per_client;
  std::string error;
  HttpServer http = make_http_server(app, limits, error);
  if (!http.server) return fail(error);
  httplib::Server *server = http.server.get();

  // Bind before the data directory is created or opened: a port already in use (by
  // anything, another hawzu-server included; no SO_REUSEPORT) is an error that leaves
  // the data directory untouched.
  int port = app.options.listen_port;
  if (port == 0) {
    port = server->bind_to_any_port(app.options.listen_host);
    if (port <= 0) return fail("cannot listen on " + app.options.listen_host + ": no free port");
  } else if (!server->bind_to_port(app.options.listen_host, port)) {
    return fail("cannot listen on " + app.options.listen_host + ":" + std::to_string(port) +
                ": the port is already in use (is another server running?), or the address "
                "is not one of this machine's");
  }

  if (auto problem = prepare_data_dir(app.options.data_dir); !problem.empty())
    return fail("unusable data directory: " + problem);

  // Before open_app(), which starts threads (password hashing): every thread must block
  // the signals so that only the waiter below receives them. A signal that arrives
  // during start-up is acted on as soon as the server listens.
  const sigset_t shutdown_signals = block_shutdown_signals();
  if (auto problem = open_app(app); !problem.empty()) return fail(problem);

  const std::string scheme = app.options.uses_tls() ? "https" : "http";
  const std::string host = app.options.listen_host.find(':') != std::string::npos
                               ? "[" + app.options.listen_host + "]"
                               : app.options.listen_host;
  log_event("data directory", app.options.data_dir);
  if (app.site.is_usable())
    log_event("serving the web app", app.site.root().string());
  else
    log_event("web app not found (API only); build it with scripts/build.sh",
              app.site.root().string());
  log_event("listening on " + scheme + "://" + host + ":" + std::to_string(port));
  app.sweeper->start();           // one server of a cluster sweeps at a time (its lease)
  app.webhook_delivery->start();  // every server delivers; each event is claimed by one

  std::thread signal_waiter([server, shutdown_signals] {
    int received = 0;
    sigwait(&shutdown_signals, &received);
    if (received != SIGUSR1) {
      log_event("shutting down", received == SIGINT ? "SIGINT" : "SIGTERM");
      // A signal right after "listening on" may come before listen_after_bind() has
      // started; stop() would then do nothing and the server would run on.
      server->wait_until_ready();
    }
    server->stop();  // stops accepting; requests in flight finish first
  });

  bool served = server->listen_after_bind();
  server->decommission();  // lets wait_until_ready() return if listening failed early
  pthread_kill(signal_waiter.native_handle(), SIGUSR1);  // no-op if it already returned
  signal_waiter.join();
  app.sweeper->stop();
  app.webhook_delivery->stop();
  // Every request has finished: write the usage they recorded.
  if (app.usage) app.usage->stop();
  if (app.last_use) app.last_use->stop();
  log_event("stopped");
  return served ? 0 : 1;
}
