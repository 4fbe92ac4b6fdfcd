// The token rules in process, with a clock the test moves: who may manage tokens, the
// rank rule, projects of the workspace, lifecycle, status at a time, and audit rows.
#include "auth/authenticator.h"
#include "server_test_support.h"
#include "services/session_service.h"
#include "services/token_service.h"
#include "shared/calendar.h"
#include "store/audit_store.h"

#include <nlohmann/json.hpp>

using namespace hawzu;
using namespace hawzu::server;
using hawzu::server::testing::TestDatabase;
using hawzu::server::testing::WorkspaceFixture;
using json = nlohmann::json;

namespace {

struct ServiceFixture {
  TestDatabase test;
  WorkspaceFixture workspace{*test.database};
  ManualClock clock{*parse_rfc3339_utc("2026-01-31T12:00:00Z")};
  TokenHasher hasher{std::string(kTokenHashKeyBytes, 'k')};
  TokenService tokens{*test.database, clock, hasher};

  Principal person(WorkspaceRole role) {
    UserPrincipal principal;
    principal.user_id = workspace.user_id;
    principal.name = "Olivia Owens";
    principal.memberships.push_back({workspace.workspace_id, "Test Workspace", role});
    return principal;
  }

  json workspace_body(const std::string &name, const char *role = "workspace_member") {
    return {{"name", name},
            {"access_type", "workspace"},
            {"workspace_role", role},
            {"expiry", {{"kind", "1m"}, {"utc_offset_minutes", 0}}}};
  }

  AccessToken create(const json &body, WorkspaceRole as = WorkspaceRole::owner) {
    Result<CreatedToken> created =
        tokens.create(person(as), workspace.workspace_id, read_token_create_request(body));
    REQUIRE(created.ok());
    return created.value().access_token;
  }

  std::vector<AuditEntry> audit() {
    Database::Lease connection = test.database->connect();
    return AuditStore(*connection).recent(workspace.workspace_id, 100);
  }
};

std::vector<std::string> fields_of(const ServiceError &error) {
  std::vector<std::string> fields;
  for (const FieldError &field : error.errors) fields.push_back(field.field);
  return fields;
}

}  // namespace

TEST_CASE("create: a month from now, in the creator's name, audited without the secret") {
  ServiceFixture fixture;
  Result<CreatedToken> created =
      fixture.tokens.create(fixture.person(WorkspaceRole::owner), fixture.workspace.workspace_id,
                            read_token_create_request(fixture.workspace_body("  CI Runner  ")));
  REQUIRE(created.ok());
  const AccessToken &token = created.value().access_token;
  CHECK(token.name == "CI Runner");
  CHECK(token.status == TokenStatus::enabled);
  CHECK(token.expires_at == *parse_rfc3339_utc("2026-02-28T12:00:00Z"));  // clamped
  CHECK(token.created_by.id == fixture.workspace.user_id);
  CHECK(token.identifier == std::string(created.value().token.view().substr(0, 12)));

  std::vector<AuditEntry> audit = fixture.audit();
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].action == "access_token.create");
  CHECK(audit[0].actor_user_id == fixture.workspace.user_id);
  CHECK(audit[0].target_id == token.id);
  CHECK(audit[0].details["name"] == "CI Runner");
  CHECK(audit[0].details.dump().find(std::string(created.value().token.view())) ==
        std::string::npos);
}

TEST_CASE("only Owners and Managers manage tokens; a foreign workspace is not found") {
  ServiceFixture fixture;
  for (WorkspaceRole role :
       {WorkspaceRole::coordinator, WorkspaceRole::member, WorkspaceRole::viewer}) {
    Result<CreatedToken> created =
        fixture.tokens.create(fixture.person(role), fixture.workspace.workspace_id,
                              read_token_create_request(fixture.workspace_body("X")));
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().kind == ErrorKind::forbidden);
    CHECK_FALSE(fixture.tokens.options(fixture.person(role), fixture.workspace.workspace_id).ok());
  }
  Result<TokenPage> page = fixture.tokens.list(fixture.person(WorkspaceRole::owner),
                                               fixture.workspace.workspace_id + 1, {});
  REQUIRE_FALSE(page.ok());
  CHECK(page.error().kind == ErrorKind::not_found);
}

TEST_CASE("nobody assigns a role above their own, nor Owner") {
  ServiceFixture fixture;
  Result<CreatedToken> owner_role = fixture.tokens.create(
      fixture.person(WorkspaceRole::owner), fixture.workspace.workspace_id,
      read_token_create_request(fixture.workspace_body("A", "workspace_owner")));
  REQUIRE_FALSE(owner_role.ok());
  CHECK(fields_of(owner_role.error()) == std::vector<std::string>{"workspace_role"});

  fixture.create(fixture.workspace_body("B", "workspace_manager"), WorkspaceRole::manager);

  Result<TokenOptions> options = fixture.tokens.options(fixture.person(WorkspaceRole::manager),
                                                        fixture.workspace.workspace_id);
  REQUIRE(options.ok());
  CHECK(options.value().workspace_roles.front() == WorkspaceRole::manager);
  CHECK(options.value().projects.size() == 2);
}

TEST_CASE("project rows must name projects of the workspace") {
  ServiceFixture fixture;
  json body = {{"name", "Projects"},
               {"access_type", "project"},
               {"projects",
                {{{"project_id", fixture.workspace.project_a}, {"role", "project_member"}},
                 {{"project_id", 9999}, {"role", "project_viewer"}}}},
               {"expiry", {{"kind", "never"}}}};
  Result<CreatedToken> created =
      fixture.tokens.create(fixture.person(WorkspaceRole::owner), fixture.workspace.workspace_id,
                            read_token_create_request(body));
  REQUIRE_FALSE(created.ok());
  CHECK(fields_of(created.error()) == std::vector<std::string>{"projects[1].project_id"});
}

TEST_CASE("parse and validation errors are merged without repeating a field") {
  ServiceFixture fixture;
  json body = {{"name", 5}, {"access_type", "workspace"}, {"colour", "red"}};
  Result<CreatedToken> created =
      fixture.tokens.create(fixture.person(WorkspaceRole::owner), fixture.workspace.workspace_id,
                            read_token_create_request(body));
  REQUIRE_FALSE(created.ok());
  CHECK(fields_of(created.error()) == std::vector<std::string>{"colour", "name", "workspace_role"});
}

TEST_CASE("status is computed at the time of asking; disabled wins over expired") {
  ServiceFixture fixture;
  json body = fixture.workspace_body("Short");
  body["expiry"] = {{"kind", "custom"}, {"date", "2026-01-31"}, {"utc_offset_minutes", 0}};
  AccessToken token = fixture.create(body);
  CHECK(token.expires_at == *parse_rfc3339_utc("2026-01-31T23:59:59Z"));
  const Principal owner = fixture.person(WorkspaceRole::owner);
  const std::int64_t wid = fixture.workspace.workspace_id;

  fixture.clock.set(*parse_rfc3339_utc("2026-01-31T23:59:59Z"));
  CHECK(fixture.tokens.get(owner, wid, token.id).value().status == TokenStatus::enabled);
  fixture.clock.advance(1);
  CHECK(fixture.tokens.get(owner, wid, token.id).value().status == TokenStatus::expired);
  CHECK(fixture.tokens.disable(owner, wid, token.id).value().status == TokenStatus::disabled);
  CHECK(fixture.tokens.enable(owner, wid, token.id).value().status == TokenStatus::expired);
}

TEST_CASE("lifecycle: disable and enable are idempotent; disabled tokens are locked") {
  ServiceFixture fixture;
  AccessToken token = fixture.create(fixture.workspace_body("Lifecycle"));
  const Principal owner = fixture.person(WorkspaceRole::owner);
  const std::int64_t wid = fixture.workspace.workspace_id;

  REQUIRE(fixture.tokens.disable(owner, wid, token.id).ok());
  REQUIRE(fixture.tokens.disable(owner, wid, token.id).ok());
  Result<AccessToken> edited =
      fixture.tokens.edit(owner, wid, token.id, read_token_edit_request({{"name", "New"}}));
  REQUIRE_FALSE(edited.ok());
  CHECK(edited.error().code == "token_disabled");
  Result<Done> revoked = fixture.tokens.revoke(owner, wid, token.id);
  REQUIRE_FALSE(revoked.ok());
  CHECK(revoked.error().code == "token_disabled");

  REQUIRE(fixture.tokens.enable(owner, wid, token.id).ok());
  REQUIRE(fixture.tokens.enable(owner, wid, token.id).ok());
  REQUIRE(fixture.tokens.revoke(owner, wid, token.id).ok());
  CHECK(fixture.tokens.get(owner, wid, token.id).error().kind == ErrorKind::not_found);
  CHECK(fixture.tokens.revoke(owner, wid, token.id).error().kind == ErrorKind::not_found);

  std::vector<std::string> actions;
  for (const AuditEntry &entry : fixture.audit()) actions.insert(actions.begin(), entry.action);
  CHECK(actions == std::vector<std::string>{"access_token.create", "access_token.disable",
                                            "access_token.enable", "access_token.revoke"});
}

TEST_CASE("edit: what changed is audited; an edit that changes nothing writes nothing") {
  ServiceFixture fixture;
  AccessToken token = fixture.create(fixture.workspace_body("Before"));
  const Principal owner = fixture.person(WorkspaceRole::owner);
  const std::int64_t wid = fixture.workspace.workspace_id;

  fixture.clock.advance(3600);
  Result<AccessToken> edited =
      fixture.tokens.edit(owner, wid, token.id,
                          read_token_edit_request({{"name", "After"},
                                                   {"workspace_role", "workspace_viewer"},
                                                   {"expiry", {{"kind", "never"}}}}));
  REQUIRE(edited.ok());
  CHECK(edited.value().name == "After");
  CHECK(edited.value().workspace_role == WorkspaceRole::viewer);
  CHECK_FALSE(edited.value().expires_at);
  CHECK(edited.value().created_at == token.created_at);

  json changes = fixture.audit().front().details["changes"];
  CHECK(changes["name"] == json({{"from", "Before"}, {"to", "After"}}));
  CHECK(changes["workspace_role"]["to"] == "workspace_viewer");
  CHECK(changes["expires_at"]["to"].is_null());

  REQUIRE(fixture.tokens.edit(owner, wid, token.id, read_token_edit_request(json::object())).ok());
  REQUIRE(
      fixture.tokens.edit(owner, wid, token.id, read_token_edit_request({{"name", "After"}})).ok());
  CHECK(fixture.audit().size() == 2);  // create + the one real edit
}

TEST_CASE("edit: an expiry counts from the time of the edit") {
  ServiceFixture fixture;
  AccessToken token = fixture.create(fixture.workspace_body("Extend"));
  fixture.clock.set(*parse_rfc3339_utc("2026-03-10T08:00:00Z"));
  Result<AccessToken> edited =
      fixture.tokens.edit(fixture.person(WorkspaceRole::owner), fixture.workspace.workspace_id,
                          token.id, read_token_edit_request({{"expiry", {{"kind", "1w"}}}}));
  REQUIRE(edited.ok());
  CHECK(edited.value().expires_at == *parse_rfc3339_utc("2026-03-17T08:00:00Z"));
}

TEST_CASE("edit: the access type is locked and names stay unique") {
  ServiceFixture fixture;
  fixture.create(fixture.workspace_body("Taken"));
  AccessToken token = fixture.create(fixture.workspace_body("Mine"));
  const Principal owner = fixture.person(WorkspaceRole::owner);
  const std::int64_t wid = fixture.workspace.workspace_id;

  Result<AccessToken> retyped = fixture.tokens.edit(
      owner, wid, token.id, read_token_edit_request({{"access_type", "project"}}));
  REQUIRE_FALSE(retyped.ok());
  CHECK(fields_of(retyped.error()) == std::vector<std::string>{"access_type"});

  Result<AccessToken> renamed =
      fixture.tokens.edit(owner, wid, token.id, read_token_edit_request({{"name", "TAKEN"}}));
  REQUIRE_FALSE(renamed.ok());
  CHECK(renamed.error().code == "name_taken");
  CHECK(fixture.tokens.edit(owner, wid, token.id, read_token_edit_request({{"name", "MINE"}}))
            .ok());  // own name, new case
}

TEST_CASE("list: a page and a cursor to the next") {
  ServiceFixture fixture;
  for (int i = 0; i < 5; ++i) fixture.create(fixture.workspace_body("T" + std::to_string(i)));
  TokenListFilter filter;
  filter.limit = 2;
  Result<TokenPage> page = fixture.tokens.list(fixture.person(WorkspaceRole::manager),
                                               fixture.workspace.workspace_id, filter);
  REQUIRE(page.ok());
  CHECK(page.value().tokens.size() == 2);
  CHECK(page.value().tokens[0].name == "T4");  // newest first (ties broken by id)
  CHECK(page.value().next_cursor);
}

// ---------------------------------------------------------------------------
// Rotate

namespace {

Result<CreatedToken> rotate(ServiceFixture &fixture, std::int64_t token_id, const json &body,
                            WorkspaceRole as = WorkspaceRole::owner) {
  return fixture.tokens.rotate(fixture.person(as), fixture.workspace.workspace_id, token_id,
                               read_token_rotate_request(body));
}

}  // namespace

TEST_CASE("rotate: a new value and identifier, the rest kept, the previous value for the overlap") {
  ServiceFixture fixture;
  Result<CreatedToken> created =
      fixture.tokens.create(fixture.person(WorkspaceRole::owner), fixture.workspace.workspace_id,
                            read_token_create_request(fixture.workspace_body("Rotated")));
  REQUIRE(created.ok());
  const std::string old_value(created.value().token.view());
  const AccessToken before = created.value().access_token;

  SessionService sessions{*fixture.test.database, fixture.clock};
  Authenticator authenticator{*fixture.test.database, sessions, fixture.hasher, fixture.clock};

  Result<CreatedToken> rotated = rotate(fixture, before.id, {{"overlap", "1h"}});
  REQUIRE(rotated.ok());
  const std::string new_value(rotated.value().token.view());
  const AccessToken &after = rotated.value().access_token;
  CHECK(new_value != old_value);
  CHECK(after.id == before.id);
  CHECK(after.name == before.name);
  CHECK(after.workspace_role == before.workspace_role);
  CHECK(after.expires_at == before.expires_at);
  CHECK(after.identifier != before.identifier);
  CHECK(after.identifier == new_value.substr(0, 12));
  const std::int64_t end = fixture.clock.now() + 3600;
  CHECK(after.previous_value_expires_at == end);

  CHECK(authenticator.authenticate_bearer(new_value).principal);
  CHECK(authenticator.authenticate_bearer(old_value).principal);
  fixture.clock.set(end);  // the last valid second
  CHECK(authenticator.authenticate_bearer(old_value).principal);
  fixture.clock.advance(1);
  CHECK_FALSE(authenticator.authenticate_bearer(old_value).principal);
  CHECK(authenticator.authenticate_bearer(new_value).principal);
  const Principal owner = fixture.person(WorkspaceRole::owner);
  CHECK_FALSE(fixture.tokens.get(owner, fixture.workspace.workspace_id, before.id)
                  .value()
                  .previous_value_expires_at);

  std::vector<AuditEntry> audit = fixture.audit();
  CHECK(audit[0].action == "access_token.rotate");
  CHECK(audit[0].details["overlap"] == "1h");
  CHECK(audit[0].details["previous_identifier"] == before.identifier);
  CHECK(audit[0].details["identifier"] == after.identifier);
  CHECK_FALSE(audit[0].details.contains("expires_at"));
  CHECK(audit[0].details.dump().find(new_value) == std::string::npos);
}

TEST_CASE(
    "rotate: no overlap ends the old value at once, and a second rotation keeps one previous "
    "value") {
  ServiceFixture fixture;
  Result<CreatedToken> created =
      fixture.tokens.create(fixture.person(WorkspaceRole::owner), fixture.workspace.workspace_id,
                            read_token_create_request(fixture.workspace_body("Twice")));
  REQUIRE(created.ok());
  const std::string first(created.value().token.view());
  const std::int64_t id = created.value().access_token.id;
  SessionService sessions{*fixture.test.database, fixture.clock};
  Authenticator authenticator{*fixture.test.database, sessions, fixture.hasher, fixture.clock};

  Result<CreatedToken> second_rotation = rotate(fixture, id, {{"overlap", "24h"}});
  REQUIRE(second_rotation.ok());
  const std::string second(second_rotation.value().token.view());
  Result<CreatedToken> third_rotation = rotate(fixture, id, {{"overlap", "7d"}});
  REQUIRE(third_rotation.ok());
  const std::string third(third_rotation.value().token.view());
  CHECK_FALSE(authenticator.authenticate_bearer(first).principal);
  CHECK(authenticator.authenticate_bearer(second).principal);
  CHECK(authenticator.authenticate_bearer(third).principal);

  Result<CreatedToken> last = rotate(fixture, id, {{"overlap", "none"}});
  REQUIRE(last.ok());
  CHECK_FALSE(last.value().access_token.previous_value_expires_at);
  CHECK_FALSE(authenticator.authenticate_bearer(second).principal);
  CHECK_FALSE(authenticator.authenticate_bearer(third).principal);
  CHECK(authenticator.authenticate_bearer(last.value().token.view()).principal);
}

TEST_CASE("rotate: refusals, and an expiry counted from now") {
  ServiceFixture fixture;
  const std::int64_t wid = fixture.workspace.workspace_id;
  const Principal owner = fixture.person(WorkspaceRole::owner);
  AccessToken token = fixture.create(fixture.workspace_body("Refusals", "workspace_manager"));

  Result<CreatedToken> bad = rotate(fixture, token.id, {{"overlap", "2h"}, {"extra", 1}});
  REQUIRE_FALSE(bad.ok());
  CHECK(fields_of(bad.error()) == std::vector<std::string>{"extra", "overlap"});
  CHECK(rotate(fixture, token.id, json::array()).error().kind == ErrorKind::invalid_request);
  CHECK(rotate(fixture, token.id + 100, {{"overlap", "1h"}}).error().kind == ErrorKind::not_found);
  CHECK(rotate(fixture, token.id, {{"overlap", "1h"}}, WorkspaceRole::coordinator).error().kind ==
        ErrorKind::forbidden);

  REQUIRE(fixture.tokens.disable(owner, wid, token.id).ok());
  CHECK(rotate(fixture, token.id, {{"overlap", "1h"}}).error().code == "token_disabled");
  REQUIRE(fixture.tokens.enable(owner, wid, token.id).ok());

  // Expired: the kept expiry would give a value refused from the start.
  fixture.clock.advance(40 * 86400);
  Result<CreatedToken> expired = rotate(fixture, token.id, {{"overlap", "1h"}});
  REQUIRE_FALSE(expired.ok());
  CHECK(fields_of(expired.error()) == std::vector<std::string>{"expiry"});
  Result<CreatedToken> renewed =
      rotate(fixture, token.id, {{"overlap", "1h"}, {"expiry", {{"kind", "1w"}}}});
  REQUIRE(renewed.ok());
  CHECK(renewed.value().access_token.expires_at == fixture.clock.now() + 7 * 86400);
  CHECK(renewed.value().access_token.status == TokenStatus::enabled);
  CHECK(fixture.audit()[0].details.contains("expires_at"));

  REQUIRE(fixture.tokens.revoke(owner, wid, token.id).ok());
  CHECK(rotate(fixture, token.id, {{"overlap", "1h"}}).error().kind == ErrorKind::not_found);
}
