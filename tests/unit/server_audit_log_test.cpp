// The audit log read back: the query's parameters, the action vocabulary, the service's
// pages over the store (with the client address a change was made from), and CSV records.
#include "http/csv.h"
#include "server_test_support.h"
#include "services/audit_actions.h"
#include "services/audit_query.h"
#include "services/audit_service.h"
#include "services/id_cursor.h"
#include "services/token_service.h"
#include "shared/calendar.h"

#include <nlohmann/json.hpp>

#include <set>

using namespace hawzu;
using namespace hawzu::server;
using hawzu::server::testing::TestDatabase;
using hawzu::server::testing::WorkspaceFixture;

namespace {

using Params = std::multimap<std::string, std::string>;

std::set<std::string> error_fields(const Result<AuditFilter> &result) {
  std::set<std::string> fields;
  if (result.ok()) return fields;
  for (const FieldError &error : result.error().errors) fields.insert(error.field);
  return fields;
}

}  // namespace

TEST_CASE("audit actions: every API name maps to one stored name and back") {
  const std::vector<std::string> &stored = audit_api_stored_names();
  CHECK(stored.size() == 16);
  std::set<std::string> wire;
  for (const std::string &name : stored) {
    std::optional<std::string_view> api = audit_action_wire_name(name);
    REQUIRE(api);
    CHECK(audit_action_stored_name(*api) == std::optional<std::string_view>(name));
    wire.insert(std::string(*api));
  }
  CHECK(wire.count("rotate"));
  CHECK(wire.count("policy_changed"));
  CHECK(wire.count("webhook_changed"));
  CHECK(wire.count("webhook_removed"));
  CHECK(audit_action_wire_name("session.sign_in") == std::optional<std::string_view>("sign_in"));
  CHECK_FALSE(audit_action_wire_name("session.sign_out"));
  CHECK_FALSE(audit_action_wire_name("project.create"));
  CHECK_FALSE(audit_action_stored_name("access_token.create"));
  CHECK(audit_action_values_message().rfind("Must be one of: sign_in, sign_in_failed, ", 0) == 0);
}

TEST_CASE("audit query: defaults, every parameter, and strict errors") {
  Result<AuditFilter> none = parse_audit_query({}, AuditQueryKind::page);
  REQUIRE(none.ok());
  CHECK(none.value().limit == 50);
  CHECK(none.value().actions == audit_api_stored_names());
  CHECK_FALSE(none.value().before_id);

  Result<AuditFilter> all = parse_audit_query(Params{{"token_id", "12"},
                                                     {"actor_id", "3"},
                                                     {"action", "rotate"},
                                                     {"from", "2026-01-01"},
                                                     {"to", "2026-01-31"},
                                                     {"limit", "100"},
                                                     {"cursor", encode_id_cursor(99)}},
                                              AuditQueryKind::page);
  REQUIRE(all.ok());
  const AuditFilter &filter = all.value();
  CHECK(filter.token_id == 12);
  CHECK(filter.actor_user_id == 3);
  CHECK(filter.actions == std::vector<std::string>{"access_token.rotate"});
  CHECK(filter.from == parse_rfc3339_utc("2026-01-01T00:00:00Z"));
  CHECK(filter.to == parse_rfc3339_utc("2026-01-31T23:59:59Z"));
  CHECK(filter.limit == 100);
  CHECK(filter.before_id == 99);

  CHECK(
      error_fields(parse_audit_query(Params{{"action", "delete"},
                                            {"token_id", "x"},
                                            {"actor_id", "0"},
                                            {"from", "soon"},
                                            {"limit", "101"},
                                            {"cursor", "?"},
                                            {"status", "enabled"}},
                                     AuditQueryKind::page)) ==
      std::set<std::string>{"action", "token_id", "actor_id", "from", "limit", "cursor", "status"});
  CHECK(error_fields(parse_audit_query(Params{{"from", "2026-02-01"}, {"to", "2026-01-01"}},
                                       AuditQueryKind::page)) == std::set<std::string>{"to"});
  CHECK(error_fields(parse_audit_query(Params{{"action", "edit"}, {"action", "create"}},
                                       AuditQueryKind::page)) == std::set<std::string>{"action"});
  // The export has every entry: no page size, no cursor.
  CHECK(error_fields(parse_audit_query(Params{{"limit", "5"}, {"cursor", encode_id_cursor(1)}},
                                       AuditQueryKind::export_all)) ==
        std::set<std::string>{"limit", "cursor"});
}

TEST_CASE("audit pages: a change's entry names its actor, target and address; pages are stable") {
  TestDatabase test;
  WorkspaceFixture workspace{*test.database};
  ManualClock clock{*parse_rfc3339_utc("2026-01-31T12:00:00Z")};
  TokenHasher hasher{std::string(kTokenHashKeyBytes, 'k')};
  TokenService tokens{*test.database, clock, hasher};
  AuditService audit{*test.database};

  UserPrincipal owner;
  owner.user_id = workspace.user_id;
  owner.name = "Olivia Owens";
  owner.memberships.push_back({workspace.workspace_id, "Test Workspace", WorkspaceRole::owner});
  Principal principal(owner);
  principal.set_client_address("192.0.2.7");
  for (int i = 0; i < 5; ++i) {
    nlohmann::json body = {{"name", "Token " + std::to_string(i)},
                           {"access_type", "workspace"},
                           {"workspace_role", "workspace_member"},
                           {"expiry", {{"kind", "1m"}, {"utc_offset_minutes", 0}}}};
    REQUIRE(tokens.create(principal, workspace.workspace_id, read_token_create_request(body)).ok());
    clock.advance(60);
  }

  AuditFilter filter;
  filter.actions = audit_api_stored_names();
  filter.limit = 2;
  std::vector<std::int64_t> seen;
  for (int page = 0; page < 10; ++page) {
    Result<AuditPage> result = audit.list(principal, workspace.workspace_id, filter);
    REQUIRE(result.ok());
    for (const AuditRecord &record : result.value().items) {
      seen.push_back(record.id);
      CHECK(record.entry.action == "access_token.create");
      CHECK(record.entry.actor_user_id == workspace.user_id);
      CHECK(record.actor_name == "Olivia Owens");
      CHECK(record.target_name.rfind("Token ", 0) == 0);
      CHECK(record.entry.ip == "192.0.2.7");
    }
    if (!result.value().next_cursor) break;
    filter.before_id = decode_id_cursor(*result.value().next_cursor);
  }
  REQUIRE(seen.size() == 5);
  for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i] < seen[i - 1]);

  filter = AuditFilter{};
  filter.actions = audit_api_stored_names();
  filter.from = *parse_rfc3339_utc("2026-01-31T12:02:00Z");
  filter.to = *parse_rfc3339_utc("2026-01-31T12:03:00Z");
  REQUIRE(audit.list(principal, workspace.workspace_id, filter).value().items.size() == 2);

  // Managers read it too; a Coordinator may not, and another workspace is not found.
  owner.memberships[0].role = WorkspaceRole::coordinator;
  CHECK(audit.list(owner, workspace.workspace_id, filter).error().kind == ErrorKind::forbidden);
  CHECK(audit.list(principal, workspace.workspace_id + 1, filter).error().kind ==
        ErrorKind::not_found);
}

TEST_CASE("CSV records: RFC 4180 quoting, CRLF, and formulas kept as text") {
  std::string out;
  append_csv_record(
      out, {"plain", "a,b", "say \"hi\"", "two\nlines", "", "=SUM(A1)", "-1", "@x", "caf\xC3\xA9"});
  CHECK(out ==
        "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,'=SUM(A1),'-1,'@x,caf\xC3\xA9\r\n");
  out.clear();
  append_csv_record(out, {"=a,b"});
  CHECK(out == "\"'=a,b\"\r\n");
}
