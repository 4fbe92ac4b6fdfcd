// hawzu-load: a bounded load run against the real hawzu-server, to show that it answers
// a realistic mix of API traffic for a fixed time without a single 5xx or failed request.
//
//   build/native/bench/hawzu-load [--seconds 60] [--clients 8] [--token-creations-per-second 2]
//                                 [--database postgresql://... [--servers 2]]
//
// It starts hawzu-server as a separate process (HAWZU_SERVER, else the one this build
// made) on a free loopback port with the demo workspace in a temporary data directory,
// so client and server share nothing but the socket. With --database it keeps the data
// in that PostgreSQL database (which should be empty: the demo is seeded into it) and
// starts --servers processes on it (default 1), each on its own port and data directory,
// the second and later ones with --token-key-file naming the first one's key, as several
// servers behind a load balancer run; the clients are spread across them. Setup, once: the demo
// owner signs in (one Argon2id hash), creates a Workspace Coordinator token for the clients, and
// the clients' token fills each project with a first page of test cases. Then, until the time is
// up:
//   - `clients` threads, one keep-alive connection each, act like CI runners and sync
//     services with the Bearer token, cycling through 7 reads (token self, project
//     list, test-case list, one test case) and 3 writes (create, update and delete a
//     test case, so the tables keep their size);
//   - one more thread acts as the signed-in owner in the web app and creates access
//     tokens at a steady rate through the session route (cookie + X-Requested-With +
//     Origin), the expensive path (a write with its audit row).
// Setup talks to the first server. Bearer client i talks to server i % servers, the
// token creator to the last server (with several, a session started on the first).
// Every request has one expected status; anything else is a failure. The report (to
// standard error) gives per request kind the count, requests/s, p50/p99/max latency and
// the failures. Exits 1 if any request failed (5xx, another unexpected status, no
// answer) or the server did not stop cleanly; speed never fails it.
#include "bench_clients.h"
#include "request_tally.h"
#include "server_process.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#ifndef HAWZU_SERVER_PATH
#define HAWZU_SERVER_PATH "hawzu-server"
#endif

namespace {

using namespace hawzu::bench;
using nlohmann::json;

// Seeded by --demo.
constexpr const char *kOwnerEmail = "owner@acme.test";
constexpr const char *kDemoPassword = "hawzu-demo";
// A full first page of the test-case list (its default limit is 50).
constexpr int kSeededTestCasesPerProject = 50;

struct LoadOptions {
  int seconds = 60;
  int clients = 8;
  int token_creations_per_second = 2;
  int servers = 1;
  std::string database_url;  // empty: SQLite in the data directory
};

// Every request the run sends.
enum Step {
  read_self,
  list_projects,
  list_test_cases,
  read_test_case,
  create_test_case,
  update_test_case,
  delete_test_case,
  create_access_token,
  kStepCount
};

struct StepInfo {
  const char *label;
  const char *kind;
};

const StepInfo kSteps[kStepCount] = {
    {"GET    /access-tokens/self", "read"},
    {"GET    /workspace/{wid}/projects", "read"},
    {"GET    .../project/{pid}/testcases", "read"},
    {"GET    .../project/{pid}/testcase/{cid}", "read"},
    {"POST   .../project/{pid}/testcases", "write"},
    {"PATCH  .../project/{pid}/testcase/{cid}", "write"},
    {"DELETE .../project/{pid}/testcase/{cid}", "write"},
    {"POST   /workspace/{wid}/access-tokens", "token"},
};

// One Bearer client's cycle. The test case it creates is the one it reads, updates and
// deletes, so the run leaves the tables as it found them.
const Step kCycle[] = {read_self,        list_projects,    create_test_case, list_test_cases,
                       read_test_case,   update_test_case, read_self,        list_test_cases,
                       delete_test_case, list_projects};

using Tallies = std::array<RequestTally, kStepCount>;

// What setup found or made: where the clients work and with which credentials.
struct Workspace {
  std::int64_t id = 0;
  std::vector<std::int64_t> project_ids;
  httplib::Headers bearer;   // the clients' token
  httplib::Headers session;  // the signed-in owner, as the web app sends it
};

std::string workspace_path(const Workspace &workspace) {
  return "/api/v1/workspace/" + std::to_string(workspace.id);
}

// Prints the first few failed requests; the first one usually says where to look.
void note_failure(Step step, const httplib::Result &result) {
  static std::atomic<int> printed{0};
  if (printed++ >= 10) return;
  if (!result)
    std::fprintf(stderr, "  failed: %s: no answer (%s)\n", kSteps[step].label,
                 httplib::to_string(result.error()).c_str());
  else
    std::fprintf(stderr, "  failed: %s: %d %s\n", kSteps[step].label, result->status,
                 result->body.substr(0, 300).c_str());
}

// Sends one request, times it, and records it against the status it should get.
template <typename Send>
httplib::Result timed(Tallies &tallies, Step step, int expected_status, Send send) {
  const auto began = Clock::now();
  httplib::Result result = send();
  const Outcome outcome = classify(result, expected_status);
  tallies[step].record(Clock::now() - began, outcome);
  if (outcome != Outcome::expected) note_failure(step, result);
  return result;
}

// ---------------------------------------------------------------------------------------
// Setup

// The JSON answer of a setup request, or nullopt (after saying why) if it did not get
// `expected_status`.
std::optional<json> setup_answer(const httplib::Result &result, int expected_status,
                                 const char *what) {
  if (!result || result->status != expected_status) {
    std::fprintf(stderr, "hawzu-load: %s: %s\n", what,
                 result ? (std::to_string(result->status) + " " + result->body).c_str()
                        : httplib::to_string(result.error()).c_str());
    return std::nullopt;
  }
  json body = json::parse(result->body, nullptr, false);
  if (body.is_discarded()) return json::object();
  return body;
}

json workspace_token_body(const std::string &name, const char *role) {
  return {{"name", name},
          {"access_type", "workspace"},
          {"workspace_role", role},
          {"expiry", {{"kind", "1w"}}}};
}

json test_case_body(const std::string &title) {
  return {{"title", title},
          {"description", "Created by the load run."},
          {"steps", "1. Open the checkout.\n2. Pay with a saved card."},
          {"expected_result", "The order is confirmed."},
          {"priority", "medium"}};
}

// Signs the demo owner in (the one Argon2id hash of the run), creates the clients' token
// and seeds every project with a page of test cases. Says why and returns nullopt if a
// step fails.
std::optional<Workspace> set_up(int port) {
  httplib::Client client = keep_alive_client(port);
  Workspace workspace;
  workspace.session = {{"X-Requested-With", "hawzu-web"},
                       {"Origin", "http://127.0.0.1:" + std::to_string(port)}};
  const httplib::Result signed_in = client.Post(
      "/api/v1/session", workspace.session,
      json{{"email", kOwnerEmail}, {"password", kDemoPassword}}.dump(), "application/json");
  std::optional<json> session = setup_answer(signed_in, 200, "sign in as the demo owner");
  if (!session) return std::nullopt;
  workspace.id = session->at("workspaces").at(0).at("id").get<std::int64_t>();
  // Sent back as a browser does: "hawzu_session=<id>", without the cookie's attributes.
  const std::string set_cookie = signed_in->get_header_value("Set-Cookie");
  workspace.session.emplace("Cookie", set_cookie.substr(0, set_cookie.find(';')));

  std::optional<json> created = setup_answer(
      client.Post(workspace_path(workspace) + "/access-tokens", workspace.session,
                  workspace_token_body("Load run clients", "workspace_coordinator").dump(),
                  "application/json"),
      201, "create the clients' access token");
  if (!created) return std::nullopt;
  workspace.bearer = {{"Authorization", "Bearer " + created->at("token").get<std::string>()}};

  std::optional<json> projects =
      setup_answer(client.Get(workspace_path(workspace) + "/projects", workspace.bearer), 200,
                   "list the projects");
  if (!projects) return std::nullopt;
  for (const json &project : projects->at("items"))
    workspace.project_ids.push_back(project.at("id").get<std::int64_t>());
  if (workspace.project_ids.empty()) {
    std::fprintf(stderr, "hawzu-load: the demo workspace has no projects\n");
    return std::nullopt;
  }

  for (std::int64_t project_id : workspace.project_ids)
    for (int i = 1; i <= kSeededTestCasesPerProject; ++i)
      if (!setup_answer(client.Post(workspace_path(workspace) + "/project/" +
                                        std::to_string(project_id) + "/testcases",
                                    workspace.bearer,
                                    test_case_body("Seeded case " + std::to_string(i)).dump(),
                                    "application/json"),
                        201, "seed a test case"))
        return std::nullopt;
  return workspace;
}

// ---------------------------------------------------------------------------------------
// The load

// Where one Bearer client is in its cycle.
struct ClientState {
  std::size_t position = 0;
  std::int64_t test_case_id = 0;  // the one it created last
  long created = 0;
};

// Sends the next request of client `index`'s cycle. Each client works in one project.
void send_next(const Workspace &workspace, int index, httplib::Client &client, ClientState &state,
               Tallies &tallies) {
  const std::int64_t project_id = workspace.project_ids[index % workspace.project_ids.size()];
  const std::string project = workspace_path(workspace) + "/project/" + std::to_string(project_id);
  const std::string test_case = project + "/testcase/" + std::to_string(state.test_case_id);
  const httplib::Headers &bearer = workspace.bearer;
  const Step step = kCycle[state.position++ % std::size(kCycle)];
  switch (step) {
    case read_self:
      timed(tallies, step, 200, [&] { return client.Get("/api/v1/access-tokens/self", bearer); });
      break;
    case list_projects:
      timed(tallies, step, 200,
            [&] { return client.Get(workspace_path(workspace) + "/projects", bearer); });
      break;
    case list_test_cases:
      timed(tallies, step, 200, [&] { return client.Get(project + "/testcases", bearer); });
      break;
    case read_test_case:
      timed(tallies, step, 200, [&] { return client.Get(test_case, bearer); });
      break;
    case create_test_case: {
      const std::string title =
          "Load case " + std::to_string(index) + "-" + std::to_string(++state.created);
      httplib::Result result = timed(tallies, step, 201, [&] {
        return client.Post(project + "/testcases", bearer, test_case_body(title).dump(),
                           "application/json");
      });
      const json body =
          result && result->status == 201 ? json::parse(result->body, nullptr, false) : json();
      state.test_case_id = body.is_object() ? body.value("id", std::int64_t{0}) : 0;
      break;
    }
    case update_test_case:
      timed(tallies, step, 200, [&] {
        return client.Patch(test_case, bearer, R"({"priority":"high"})", "application/json");
      });
      break;
    case delete_test_case:
      timed(tallies, step, 204, [&] { return client.Delete(test_case, bearer); });
      break;
    default:
      break;
  }
}

// The signed-in owner creating access tokens in the web app, `per_second` a second, on a
// steady schedule until `deadline` (a slow answer delays the next one, it does not
// bunch them up).
void create_tokens(const Workspace &workspace, int port, int per_second, Clock::time_point deadline,
                   Tallies &tallies) {
  httplib::Client client = keep_alive_client(port);
  // The web app's Origin is the server it was loaded from.
  httplib::Headers session = workspace.session;
  session.erase("Origin");
  session.emplace("Origin", "http://127.0.0.1:" + std::to_string(port));
  const auto interval = std::chrono::microseconds(1000000 / per_second);
  auto next = Clock::now();
  for (long n = 1; Clock::now() < deadline; ++n) {
    const std::string body =
        workspace_token_body("Load run token " + std::to_string(n), "workspace_viewer").dump();
    timed(tallies, create_access_token, 201, [&] {
      return client.Post(workspace_path(workspace) + "/access-tokens", session, body,
                         "application/json");
    });
    next = std::max(next + interval, Clock::now());
    std::this_thread::sleep_until(std::min(next, deadline));
  }
}

// ---------------------------------------------------------------------------------------
// The report

void print_row(const char *label, const char *kind, RequestTally &tally, double seconds) {
  std::fprintf(stderr, "  %-42s %-5s %8ld %9.1f %8.2f %8.2f %8.2f %6ld %4ld %4ld %4ld\n", label,
               kind, tally.requests(), tally.requests() / seconds, tally.percentile_ms(0.50),
               tally.percentile_ms(0.99), tally.percentile_ms(1.0), tally.failures(),
               tally.server_errors(), tally.unexpected_statuses(), tally.transport_failures());
}

// Prints the table; returns the total.
RequestTally report(Tallies &tallies, double seconds) {
  std::fprintf(stderr, "  %-42s %-5s %8s %9s %8s %8s %8s %6s %4s %4s %4s\n", "request", "kind",
               "count", "req/s", "p50 ms", "p99 ms", "max ms", "failed", "5xx", "4xx", "none");
  RequestTally reads, writes, tokens, total;
  for (int step = 0; step < kStepCount; ++step) {
    print_row(kSteps[step].label, kSteps[step].kind, tallies[step], seconds);
    const std::string kind = kSteps[step].kind;
    (kind == "read" ? reads : kind == "write" ? writes : tokens).add(tallies[step]);
    total.add(tallies[step]);
  }
  print_row("all Bearer reads", "read", reads, seconds);
  print_row("all Bearer writes", "write", writes, seconds);
  print_row("all token creations (session)", "token", tokens, seconds);
  print_row("total", "", total, seconds);
  return total;
}

// Takes "--database URL" out of the command line (the other flags are whole numbers).
// Returns false (after saying why) when it has no value.
bool take_database_flag(std::vector<char *> &args, std::string &database_url) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (std::string(args[i]) != "--database") continue;
    if (i + 1 >= args.size() || std::string(args[i + 1]).empty()) {
      std::fprintf(stderr, "--database needs a postgresql:// URL\n");
      return false;
    }
    database_url = args[i + 1];
    args.erase(args.begin() + i, args.begin() + i + 2);
    --i;
  }
  return true;
}

// Stops every server; returns how the ones that did not exit cleanly ended.
std::string stop_all(std::vector<std::unique_ptr<ServerProcess>> &servers) {
  std::string problems;
  for (auto &server : servers) {
    const std::string stopped = server->stop();
    if (!stopped.empty()) problems += (problems.empty() ? "" : "; ") + stopped;
  }
  return problems;
}

}  // namespace

int main(int argc, char **argv) {
  LoadOptions options;
  std::vector<char *> args(argv, argv + argc);
  if (!take_database_flag(args, options.database_url)) return 2;
  if (!parse_int_flags(static_cast<int>(args.size()), args.data(),
                       {{"--seconds", &options.seconds},
                        {"--clients", &options.clients},
                        {"--token-creations-per-second", &options.token_creations_per_second},
                        {"--servers", &options.servers}}))
    return 2;
  if (options.servers > 1 && options.database_url.empty()) {
    std::fprintf(stderr, "--servers above 1 needs --database (servers share one PostgreSQL)\n");
    return 2;
  }
  if (options.servers > 16) {
    std::fprintf(stderr, "--servers is at most 16\n");
    return 2;
  }
  const char *from_environment = std::getenv("HAWZU_SERVER");
  const std::string server_binary = from_environment ? from_environment : HAWZU_SERVER_PATH;

  // The first server seeds the demo; the others share its database and token key.
  std::vector<std::unique_ptr<ServerProcess>> servers;
  std::vector<int> ports;
  for (int i = 0; i < options.servers; ++i) {
    ServerSettings settings;
    settings.database_url = options.database_url;
    if (i > 0) {
      settings.demo = false;
      settings.token_key_file = servers.front()->data_dir() + "/token-hash.key";
    }
    servers.push_back(std::make_unique<ServerProcess>());
    if (std::string problem = servers.back()->start(server_binary, settings); !problem.empty()) {
      std::fprintf(stderr, "hawzu-load: %s\n", problem.c_str());
      return 1;
    }
    ports.push_back(servers.back()->port());
  }
  const auto setup_started = Clock::now();
  std::optional<Workspace> workspace = set_up(ports.front());
  if (!workspace) return 1;
  const double setup_seconds = std::chrono::duration<double>(Clock::now() - setup_started).count();
  if (options.database_url.empty()) {
    std::fprintf(stderr,
                 "hawzu-load: hawzu-server (its own process) on 127.0.0.1:%d, set up in "
                 "%.1f s;\n  %d s, %d Bearer clients (keep-alive) in %zu projects, %d token "
                 "creations/s, %u cores\n",
                 ports.front(), setup_seconds, options.seconds, options.clients,
                 workspace->project_ids.size(), options.token_creations_per_second,
                 std::thread::hardware_concurrency());
  } else {
    std::string listening;
    for (int port : ports)
      listening += (listening.empty() ? "127.0.0.1:" : ", 127.0.0.1:") + std::to_string(port);
    std::fprintf(stderr,
                 "hawzu-load: %d hawzu-server processes on one PostgreSQL database (%s), set "
                 "up in %.1f s;\n  %d s, %d Bearer clients (keep-alive, round-robin over the "
                 "servers) in %zu projects, %d token creations/s (on the last server), %u "
                 "cores\n",
                 options.servers, listening.c_str(), setup_seconds, options.seconds,
                 options.clients, workspace->project_ids.size(), options.token_creations_per_second,
                 std::thread::hardware_concurrency());
  }

  // One set of tallies per thread (the last one is the token creator's): no sharing.
  std::vector<Tallies> tallies(options.clients + 1);
  std::vector<ClientState> states(options.clients);
  const auto started = Clock::now();
  const auto deadline = started + std::chrono::seconds(options.seconds);
  std::thread token_creator(create_tokens, std::cref(*workspace), ports.back(),
                            options.token_creations_per_second, deadline, std::ref(tallies.back()));
  run_clients(ports, options.clients, deadline, [&](int index, httplib::Client &client) {
    send_next(*workspace, index, client, states[index], tallies[index]);
  });
  token_creator.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();

  Tallies merged;
  for (Tallies &thread : tallies)
    for (int step = 0; step < kStepCount; ++step) merged[step].add(thread[step]);
  RequestTally total = report(merged, seconds);

  const std::string stopped = stop_all(servers);
  if (!stopped.empty()) std::fprintf(stderr, "hawzu-load: %s\n", stopped.c_str());
  const bool passed = total.failures() == 0 && stopped.empty() && total.requests() > 0;
  std::fprintf(stderr, "hawzu-load: %s: %ld requests in %.1f s, %ld failed (%ld 5xx)\n",
               passed ? "PASS" : "FAIL", total.requests(), seconds, total.failures(),
               total.server_errors());
  return passed ? 0 : 1;
}
