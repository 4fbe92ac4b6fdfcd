// Everything the HTTP routes need, built once at start-up by main() and shared by all
// request threads. Members are either immutable after start-up or thread-safe.
// open_app() (app_setup.h) fills in the database and the services.
#pragma once

#include "auth/authenticator.h"
#include "cli_options.h"
#include "db/database.h"
#include "http/static_files.h"
#include "security/password_hasher.h"
#include "security/secret_box.h"
#include "security/token_hasher.h"
#include "services/audit_service.h"
#include "services/auth_service.h"
#include "services/leak_report_service.h"
#include "services/last_use_writer.h"
#include "services/member_service.h"
#include "services/policy_service.h"
#include "services/policy_sweeper.h"
#include "services/project_service.h"
#include "services/session_service.h"
#include "services/test_case_service.h"
#include "services/token_service.h"
#include "services/usage_recorder.h"
#include "services/webhook_delivery.h"
#include "services/webhook_service.h"
#include "services/workspace_service.h"
#include "util/clock.h"

#include <memory>

namespace hawzu::server {

struct App {
  ServerOptions options;
  StaticSite site;

  // Declared in dependency order: each is destroyed before what it uses.
  std::unique_ptr<Clock> clock;
  std::unique_ptr<Database> database;
  std::unique_ptr<TokenHasher> token_hasher;
  std::unique_ptr<SecretBox> secret_box;  // webhook signing secrets
  std::unique_ptr<PasswordHasher> password_hasher;
  std::unique_ptr<SessionService> sessions;
  // last_used_at of access tokens, written in the background for the authenticator.
  std::unique_ptr<LastUseWriter> last_use;
  std::unique_ptr<Authenticator> authenticator;
  std::unique_ptr<AuthService> auth;
  std::unique_ptr<TokenService> tokens;
  std::unique_ptr<WorkspaceService> workspaces;
  std::unique_ptr<MemberService> members;
  std::unique_ptr<AuditService> audit;
  std::unique_ptr<PolicyService> policies;
  std::unique_ptr<WebhookService> webhooks;
  std::unique_ptr<LeakReportService> leak_reports;
  std::unique_ptr<ProjectService> projects;
  std::unique_ptr<TestCaseService> test_cases;
  // Token usage, written in the background (null until open_app() has run).
  std::unique_ptr<UsageRecorder> usage;
  // The token policy's sweep (null until open_app() has run).
  std::unique_ptr<PolicySweeper> sweeper;
  // Sends queued webhook events in the background (null until open_app() has run).
  std::unique_ptr<WebhookDelivery> webhook_delivery;
};

}  // namespace hawzu::server
