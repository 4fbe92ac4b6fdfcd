// hawzu-bench: how fast the server answers authenticated API requests, compared with
// the unauthenticated health check, and what one token verification costs. Not a test:
// the native build builds it; CTest runs only --verification-only (through
// scripts/bench.sh, label "bench"). Run it on an otherwise idle machine:
//
//   build/native/bench/hawzu-bench [--seconds N] [--threads N] [--verifications N]
//                                  [--verification-only]
//
// It starts the real server in this process (the same App and HTTP server as
// hawzu-server, in a temporary data directory, on a free loopback port), mints a
// workspace token through the TokenService, then for each route drives `threads`
// keep-alive connections (one per client thread) for `seconds`:
//   GET /api/v1/health                      no authentication, no database
//   GET /api/v1/access-tokens/self          Bearer + one token read
//   GET /api/v1/workspace/{wid}/projects    Bearer + a project list
// and reports requests per second. Then it times Authenticator::authenticate_bearer()
// averaged over many calls of the same token, as a busy client makes them (format and
// checksum check, keyed BLAKE2b hash, the cached verdict re-validated by one read of
// the token's authority generation), then the full verification a first request costs
// (a new Authenticator each time, so no verdict is cached: the lookup by hash of the
// token, its grants and its owner's role), with the hash alone for comparison
// (--verification-only: only these, as scripts/bench.sh runs it; --cached-only: only
// the first, as bench/callgrind_verify.sh counts it). The access log goes to
// /dev/null (its cost is included); the report goes to standard error.
#include "app.h"
#include "app_setup.h"
#include "bench_clients.h"
#include "data_dir.h"
#include "http/http_server.h"
#include "store/user_store.h"
#include "store/workspace_store.h"

#include <sodium.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace hawzu::server;
using hawzu::bench::Clock;

struct BenchOptions {
  int seconds = 3;
  int threads = 4;
  int verifications = 20000;
};

struct Throughput {
  long requests = 0;
  long failures = 0;  // answers other than 200, or transport errors
  double seconds = 0;
};

// Per client thread, on its own cache line so the threads do not slow each other down.
struct alignas(64) ClientCounts {
  long requests = 0;
  long failures = 0;  // answers other than 200, or transport errors
};

// `threads` clients, each with one keep-alive connection, as fast as they can.
Throughput drive(int port, const std::string &path, const httplib::Headers &headers,
                 const BenchOptions &options) {
  std::vector<ClientCounts> counts(options.threads);
  const auto started = Clock::now();
  hawzu::bench::run_clients(port, options.threads, started + std::chrono::seconds(options.seconds),
                            [&](int index, httplib::Client &client) {
                              httplib::Result result = client.Get(path, headers);
                              if (!result || result->status != 200) ++counts[index].failures;
                              ++counts[index].requests;
                            });
  Throughput total;
  for (const ClientCounts &client : counts) {
    total.requests += client.requests;
    total.failures += client.failures;
  }
  total.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return total;
}

// The first start's owner and workspace, and a fresh workspace token of theirs.
std::string mint_bench_token(App &app, std::int64_t &workspace_id) {
  std::int64_t owner_id = 0;
  {
    Database::Lease connection = app.database->connect();
    owner_id = UserStore(*connection).find_by_email(app.options.admin_email)->id;
    workspace_id = WorkspaceStore(*connection).memberships_of(owner_id).front().workspace_id;
  }
  std::optional<Principal> owner = app.authenticator->user_principal(owner_id, std::nullopt);
  const nlohmann::json body = {{"name", "Benchmark"},
                               {"access_type", "workspace"},
                               {"workspace_role", "workspace_viewer"},
                               {"expiry", {{"kind", "never"}}}};
  Result<CreatedToken> created =
      app.tokens->create(*owner, workspace_id, read_token_create_request(body));
  if (!created) {
    std::fprintf(stderr, "hawzu-bench: cannot create a token: %s\n",
                 created.error().detail.c_str());
    std::exit(1);
  }
  return std::string(created.value().token.view());
}

// The server on a free loopback port, and each route driven for options.seconds.
void drive_routes(App &app, const std::string &token, std::int64_t workspace_id,
                  const BenchOptions &options) {
  std::string error;
  HttpServer http = make_http_server(app, HttpLimits{}, error);
  const int port = http.server->bind_to_any_port("127.0.0.1");
  std::thread server_thread([&http] { http.server->listen_after_bind(); });
  http.server->wait_until_ready();

  std::fprintf(stderr, "hawzu-bench: %d client threads, keep-alive, %d s per route, %u cores\n",
               options.threads, options.seconds, std::thread::hardware_concurrency());
  const httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  struct Route {
    const char *label;
    std::string path;
    httplib::Headers headers;
  };
  const std::vector<Route> routes = {
      {"GET /api/v1/health (no auth)", "/api/v1/health", {}},
      {"GET /api/v1/access-tokens/self (Bearer)", "/api/v1/access-tokens/self", bearer},
      {"GET /api/v1/workspace/{wid}/projects (Bearer)",
       "/api/v1/workspace/" + std::to_string(workspace_id) + "/projects", bearer},
  };
  for (const Route &route : routes) {
    const Throughput result = drive(port, route.path, route.headers, options);
    std::fprintf(stderr, "  %-48s %9.0f requests/s  (%ld requests, %ld failed)\n", route.label,
                 static_cast<double>(result.requests) / result.seconds, result.requests,
                 result.failures);
  }

  http.server->stop();
  server_thread.join();
}

template <typename Work>
double mean_microseconds(int count, Work work) {
  const auto started = Clock::now();
  for (int i = 0; i < count; ++i) work();
  return std::chrono::duration<double, std::micro>(Clock::now() - started).count() / count;
}

}  // namespace

int main(int argc, char **argv) {
  BenchOptions options;
  bool verification_only = false;
  bool cached_only = false;
  std::vector<char *> args;
  for (int i = 0; i < argc; ++i) {
    if (i > 0 && std::string(argv[i]) == "--verification-only")
      verification_only = true;
    else if (i > 0 && std::string(argv[i]) == "--cached-only")
      verification_only = cached_only = true;
    else
      args.push_back(argv[i]);
  }
  argc = static_cast<int>(args.size());
  argv = args.data();
  if (!hawzu::bench::parse_int_flags(argc, argv,
                                     {{"--seconds", &options.seconds},
                                      {"--threads", &options.threads},
                                      {"--verifications", &options.verifications}}))
    return 2;
  // The report goes to standard error; standard output (the access log) to /dev/null.
  if (!std::freopen("/dev/null", "w", stdout)) return 1;

  std::string pattern = (std::filesystem::temp_directory_path() / "hawzu-bench-XXXXXX").string();
  const std::string data_dir = ::mkdtemp(pattern.data());
  ServerOptions server_options;
  server_options.data_dir = data_dir;
  server_options.listen_port = 0;
  App app{server_options, StaticSite{data_dir}};
  if (std::string problem = prepare_data_dir(data_dir); !problem.empty()) return 1;
  if (std::string problem = open_app(app); !problem.empty()) {
    std::fprintf(stderr, "hawzu-bench: %s\n", problem.c_str());
    return 1;
  }
  std::int64_t workspace_id = 0;
  const std::string token = mint_bench_token(app, workspace_id);

  if (!verification_only) drive_routes(app, token, workspace_id, options);

  const double verify = mean_microseconds(options.verifications, [&] {
    if (!app.authenticator->authenticate_bearer(token).principal) std::abort();
  });
  std::fprintf(stderr,
               "  token verification (format + keyed hash + cached verdict re-validated): "
               "%.2f us mean over %d\n",
               verify, options.verifications);
  if (!cached_only) {
    const int misses = std::max(1, options.verifications / 10);
    const double full = mean_microseconds(misses, [&] {
      Authenticator fresh(*app.database, *app.sessions, *app.token_hasher, *app.clock);
      if (!fresh.authenticate_bearer(token).principal) std::abort();
    });
    const double hash_only = mean_microseconds(options.verifications, [&] {
      TokenHash hash = app.token_hasher->hash(token);
      sodium_memzero(hash.data(), hash.size());
    });
    std::fprintf(stderr,
                 "  full verification (no cached verdict: lookup by hash):      %.2f us mean "
                 "over %d\n"
                 "  of which the keyed BLAKE2b hash alone:                       %.2f us\n",
                 full, misses, hash_only);
  }

  std::error_code ignored;
  std::filesystem::remove_all(data_dir, ignored);
  return 0;
}
