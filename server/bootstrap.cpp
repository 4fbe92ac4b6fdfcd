#include "bootstrap.h"

#include "security/random_text.h"
#include "store/audit_store.h"
#include "store/meta_store.h"
#include "store/project_store.h"
#include "store/test_case_store.h"
#include "store/user_store.h"
#include "store/workspace_store.h"
#include "util/event_log.h"
#include "util/private_file.h"

#include <future>
#include <optional>
#include <vector>

namespace hawzu::server {
namespace {

constexpr std::size_t kAdminPasswordLength = 20;
const char *const kMetaDemoWorkspaceId = "demo_workspace_id";
const char *const kMetaDemoSeededAt = "demo_seeded_at";

struct DemoPerson {
  const char *email;
  const char *name;
  WorkspaceRole role;
};

const std::vector<DemoPerson> kDemoPeople = {
    {"owner@acme.test", "Olivia Owens", WorkspaceRole::owner},
    {"manager@acme.test", "Marcus Chen", WorkspaceRole::manager},
    {"coordinator@acme.test", "Priya Natarajan", WorkspaceRole::coordinator},
    {"member@acme.test", "Sam Rivera", WorkspaceRole::member},
    {"viewer@acme.test", "Vera Lindqvist", WorkspaceRole::viewer},
};

struct DemoProject {
  const char *name;
  std::vector<TestCaseFields> test_cases;
};

const std::vector<DemoProject> kDemoProjects = {
    {"Web App",
     {
         {"Sign in with valid credentials", "The sign-in form accepts a registered user.",
          "1. Open /login\n2. Enter a registered email and its password\n3. Press Sign in",
          "The dashboard opens and shows the user's name."},
         {"Sign in with a wrong password",
          "A wrong password is refused without saying which "
          "field was wrong.",
          "1. Open /login\n2. Enter a registered email and a wrong password\n3. Press Sign in",
          "A generic error appears; the password field is cleared."},
         {"Reset a forgotten password", "The reset link arrives and works once.",
          "1. Press Forgot password\n2. Enter the email\n3. Open the link from the email\n"
          "4. Choose a new password",
          "The new password works; the link cannot be used again."},
         {"Checkout with a saved card", "A returning customer pays with a stored card.",
          "1. Add an item to the cart\n2. Open checkout\n3. Choose the saved card\n4. Confirm",
          "The order confirmation page shows the order number."},
     }},
    {"Mobile App",
     {
         {"First launch onboarding", "New installs see the three onboarding screens.",
          "1. Install the app\n2. Launch it\n3. Swipe through onboarding",
          "The home screen opens after the last screen; onboarding does not show again."},
         {"Push notification opens the order", "Tapping an order notification deep-links.",
          "1. Place an order\n2. Background the app\n3. Tap the shipping notification",
          "The app opens on that order's detail screen."},
         {"Offline mode shows cached orders", "Orders stay readable without a network.",
          "1. Open Orders online\n2. Enable airplane mode\n3. Reopen Orders",
          "Cached orders are listed with an offline banner."},
     }},
    {"Payments API",
     {
         {"Create a payment intent", "POST /payments creates an intent in status pending.",
          "1. POST /payments with amount 1000 and currency EUR\n2. GET the returned id",
          "201 with an id; the intent has status pending and amount 1000."},
         {"Idempotent retry returns the same payment", "A repeated Idempotency-Key is safe.",
          "1. POST /payments with Idempotency-Key K\n2. Repeat the same request",
          "Both answers carry the same payment id; one payment exists."},
         {"Refund more than captured is refused", "Refunds are capped at the captured amount.",
          "1. Capture 500\n2. POST /refunds for 600",
          "422 with error code refund_exceeds_capture; no refund is created."},
         {"Webhook signature is verified", "Unsigned webhooks are rejected.",
          "1. POST /webhooks without the signature header", "400; the event is not processed."},
     }},
    {"Data Pipeline",
     {
         {"Nightly import loads all rows", "The 02:00 job imports the full export file.",
          "1. Drop a 10,000-row export in the inbox\n2. Run the nightly job",
          "10,000 rows in the warehouse; the job reports success."},
         {"Malformed rows go to quarantine", "Bad rows do not stop the import.",
          "1. Add 3 rows with a missing customer id\n2. Run the import",
          "The good rows load; the 3 rows are in quarantine with a reason."},
         {"Re-running an import is idempotent", "Running the same file twice adds nothing.",
          "1. Run the import\n2. Run it again with the same file",
          "Row counts are unchanged after the second run."},
     }},
};

AuditEntry system_audit(std::int64_t now, const char *action) {
  AuditEntry entry;
  entry.time = now;
  entry.action = action;
  return entry;
}

// First start: the workspace and its owner.
std::string create_first_owner(Database &database, PasswordHasher &hasher, const Clock &clock,
                               const ServerOptions &options) {
  SecretString password = random_base62(kAdminPasswordLength);
  const std::string password_file = options.data_dir + "/" + kInitialAdminPasswordFileName;
  // The file first: an account whose password exists nowhere could never be used.
  std::string line(password.view());
  line.push_back('\n');
  std::string problem = write_private_file(password_file, line);
  sodium_memzero(line.data(), line.size());
  if (!problem.empty()) return problem;
  const std::string password_hash = hasher.hash(password.view());

  Database::Lease connection = database.connect();
  Transaction transaction(*connection);
  const std::int64_t now = clock.now();
  WorkspaceStore workspaces(*connection);
  const char *workspace_name = options.demo ? kDemoWorkspaceName : kDefaultWorkspaceName;
  const std::int64_t workspace_id = workspaces.insert_workspace(workspace_name, now);
  if (options.demo) MetaStore(*connection).set(kMetaDemoWorkspaceId, std::to_string(workspace_id));
  const std::int64_t user_id =
      UserStore(*connection).insert(options.admin_email, "Administrator", password_hash, now);
  workspaces.set_membership(workspace_id, user_id, WorkspaceRole::owner, now);
  AuditEntry entry = system_audit(now, "bootstrap.create_owner");
  entry.workspace_id = workspace_id;
  entry.target_type = "user";
  entry.target_id = user_id;
  entry.details = {{"email", options.admin_email}, {"workspace", workspace_name}};
  AuditStore(*connection).append(entry);
  transaction.commit();

  log_event("first start: created the workspace \"" + std::string(workspace_name) +
                "\" and its owner account",
            "sign in as " + options.admin_email + " with the password " +
                std::string(password.view()) + " (also in " + password_file +
                "); this is the only time it is printed");
  return {};
}

// --demo: once per database.
void seed_demo(Database &database, PasswordHasher &hasher, const Clock &clock) {
  {
    Database::Lease connection = database.connect();
    if (MetaStore(*connection).get(kMetaDemoSeededAt)) return;
  }
  // Hashing is slow: done before the write transaction, in parallel (the hasher caps
  // how many run at once), one salt per person.
  std::vector<std::future<std::string>> pending;
  for (std::size_t i = 0; i < kDemoPeople.size(); ++i)
    pending.push_back(
        std::async(std::launch::async, [&hasher] { return hasher.hash(kDemoPassword); }));
  std::vector<std::string> hashes;
  for (std::future<std::string> &hash : pending) hashes.push_back(hash.get());

  Database::Lease connection = database.connect();
  Transaction transaction(*connection);
  const std::int64_t now = clock.now();
  MetaStore meta(*connection);
  WorkspaceStore workspaces(*connection);
  UserStore users(*connection);
  ProjectStore projects(*connection);
  TestCaseStore test_cases(*connection);

  std::int64_t workspace_id = 0;
  if (std::optional<std::string> recorded = meta.get(kMetaDemoWorkspaceId))
    workspace_id = std::stoll(*recorded);
  else
    workspace_id = workspaces.insert_workspace(kDemoWorkspaceName, now);

  for (const DemoProject &project : kDemoProjects) {
    const std::int64_t project_id = projects.insert_project(workspace_id, project.name, now);
    for (const TestCaseFields &test_case : project.test_cases)
      test_cases.insert(project_id, test_case, now);
  }
  for (std::size_t i = 0; i < kDemoPeople.size(); ++i) {
    const DemoPerson &person = kDemoPeople[i];
    std::optional<UserRecord> existing = users.find_by_email(person.email);
    const std::int64_t user_id =
        existing ? existing->id : users.insert(person.email, person.name, hashes[i], now);
    workspaces.set_membership(workspace_id, user_id, person.role, now);
  }
  meta.set(kMetaDemoWorkspaceId, std::to_string(workspace_id));
  meta.set(kMetaDemoSeededAt, std::to_string(now));
  AuditEntry entry = system_audit(now, "bootstrap.seed_demo");
  entry.workspace_id = workspace_id;
  AuditStore(*connection).append(entry);
  transaction.commit();

  log_event("seeded the demo workspace \"" + std::string(kDemoWorkspaceName) + "\"",
            "owner@acme.test, manager@acme.test, coordinator@acme.test, member@acme.test, "
            "viewer@acme.test; password " +
                std::string(kDemoPassword));
}

}  // namespace

std::string bootstrap_data(Database &database, PasswordHasher &hasher, const Clock &clock,
                           const ServerOptions &options) {
  bool first_start = false;
  {
    Database::Lease connection = database.connect();
    first_start = UserStore(*connection).count() == 0;
  }
  if (first_start) {
    if (std::string problem = create_first_owner(database, hasher, clock, options);
        !problem.empty())
      return problem;
  }
  if (options.demo) seed_demo(database, hasher, clock);
  return {};
}

}  // namespace hawzu::server
