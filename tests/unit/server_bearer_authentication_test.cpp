// Authenticator::authenticate_bearer(): format and checksum first, then the keyed-hash
// lookup, the stored state and the expiry; what the Principal of a token holds; and
// last_used_at written at most once a minute.
#include "auth/authenticator.h"
#include "security/token_hasher.h"
#include "server_test_support.h"
#include "services/session_service.h"
#include "shared/access_token_request.h"
#include "shared/token_format.h"
#include "store/token_store.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hawzu;
using namespace hawzu::server;
using hawzu::server::testing::TestDatabase;
using hawzu::server::testing::WorkspaceFixture;

namespace {

constexpr std::int64_t kNow = 1'800'000'000;

struct BearerFixture {
  TestDatabase test;
  WorkspaceFixture workspace{*test.database};
  ManualClock clock{kNow};
  TokenHasher hasher{std::string(kTokenHashKeyBytes, 'k')};
  SessionService sessions{*test.database, clock};
  Authenticator authenticator{*test.database, sessions, hasher, clock};
  int next_token = 0;

  // Stores a token made of a distinct random part; returns the token text.
  std::string store(NewTokenRow row, std::int64_t *token_id = nullptr) {
    std::string random_part(kTokenRandomLength, 'A');
    random_part[0] = kBase62Alphabet[static_cast<std::size_t>(++next_token)];
    const std::string token = assemble_token(random_part);
    row.workspace_id = workspace.workspace_id;
    row.name_key = token_name_key(row.name);
    row.identifier = token_identifier(token);
    row.secret_hash = hasher.hash(token);
    row.created_by = workspace.user_id;
    row.created_at = kNow - 100;
    Database::Lease connection = test.database->connect();
    std::optional<std::int64_t> id = TokenStore(*connection).insert(row);
    REQUIRE(id);
    if (token_id) *token_id = *id;
    return token;
  }

  std::string workspace_token(WorkspaceRole role, std::optional<std::int64_t> expires_at = {},
                              std::int64_t *token_id = nullptr) {
    NewTokenRow row;
    row.name = "Workspace " + std::to_string(next_token);
    row.access_type = AccessType::workspace;
    row.workspace_role = role;
    row.expires_at = expires_at;
    return store(row, token_id);
  }

  void set_state(std::int64_t token_id, TokenState state) {
    Database::Lease connection = test.database->connect();
    TokenStore(*connection).set_state(token_id, state, kNow);
  }

  std::optional<std::int64_t> last_used_at(std::int64_t token_id) {
    Database::Lease connection = test.database->connect();
    return TokenStore(*connection).find_live(workspace.workspace_id, token_id)->token.last_used_at;
  }
};

}  // namespace

TEST_CASE("a workspace token authenticates as a token principal") {
  BearerFixture f;
  std::int64_t token_id = 0;
  const std::string token = f.workspace_token(WorkspaceRole::coordinator, std::nullopt, &token_id);
  BearerAuthentication outcome = f.authenticator.authenticate_bearer(token);
  REQUIRE(outcome.principal);
  const Principal &principal = *outcome.principal;
  CHECK(principal.is_token());
  CHECK_FALSE(principal.user());  // a token has no user, so no user's role to ask for
  REQUIRE(principal.token());
  CHECK(principal.token()->token_id == token_id);
  CHECK(principal.token()->identifier == token_identifier(token));
  CHECK(principal.token()->workspace_id == f.workspace.workspace_id);
  CHECK(principal.token()->workspace_role == WorkspaceRole::coordinator);
  CHECK(principal.token()->project_roles.empty());
  CHECK(principal.log_name() == "token:" + token_identifier(token));
}

TEST_CASE("a project token carries one role per assigned project") {
  BearerFixture f;
  NewTokenRow row;
  row.name = "Project token";
  row.access_type = AccessType::project;
  row.projects = {{f.workspace.project_a, "", ProjectRole::viewer},
                  {f.workspace.project_b, "", ProjectRole::manager}};
  const std::string token = f.store(row);
  BearerAuthentication outcome = f.authenticator.authenticate_bearer(token);
  REQUIRE(outcome.principal);
  CHECK_FALSE(outcome.principal->token()->workspace_role);
  CHECK(outcome.principal->token()->project_roles ==
        std::map<std::int64_t, ProjectRole>{{f.workspace.project_a, ProjectRole::viewer},
                                            {f.workspace.project_b, ProjectRole::manager}});
}

TEST_CASE("malformed tokens are refused as malformed") {
  BearerFixture f;
  const std::string token = f.workspace_token(WorkspaceRole::viewer);
  std::string typo = token;
  typo[8] = typo[8] == 'a' ? 'b' : 'a';
  for (const std::string &text : {std::string(), std::string("hwz_"), token.substr(0, 45),
                                  token + "A", "hwx_" + token.substr(4), typo}) {
    INFO(text.size());
    BearerAuthentication outcome = f.authenticator.authenticate_bearer(text);
    CHECK_FALSE(outcome.principal);
    CHECK(outcome.failure == BearerFailure::malformed);
  }
}

TEST_CASE("a well-formed token that was never stored is unknown") {
  BearerFixture f;
  const std::string stranger = assemble_token(std::string(kTokenRandomLength, 'z'));
  BearerAuthentication outcome = f.authenticator.authenticate_bearer(stranger);
  CHECK_FALSE(outcome.principal);
  CHECK(outcome.failure == BearerFailure::unknown);
}

TEST_CASE("disabled tokens are refused; enabled again they work") {
  BearerFixture f;
  std::int64_t token_id = 0;
  const std::string token = f.workspace_token(WorkspaceRole::member, std::nullopt, &token_id);
  f.set_state(token_id, TokenState::disabled);
  BearerAuthentication outcome = f.authenticator.authenticate_bearer(token);
  CHECK_FALSE(outcome.principal);
  CHECK(outcome.failure == BearerFailure::disabled);
  f.set_state(token_id, TokenState::enabled);
  CHECK(f.authenticator.authenticate_bearer(token).principal);
}

TEST_CASE("revoked tokens are unknown") {
  BearerFixture f;
  std::int64_t token_id = 0;
  const std::string token = f.workspace_token(WorkspaceRole::member, std::nullopt, &token_id);
  f.set_state(token_id, TokenState::revoked);
  BearerAuthentication outcome = f.authenticator.authenticate_bearer(token);
  CHECK_FALSE(outcome.principal);
  CHECK(outcome.failure == BearerFailure::unknown);
}

TEST_CASE("a token works through its last valid second and is expired after it") {
  BearerFixture f;
  const std::string token = f.workspace_token(WorkspaceRole::viewer, kNow + 10);
  f.clock.set(kNow + 10);
  CHECK(f.authenticator.authenticate_bearer(token).principal);
  f.clock.set(kNow + 11);
  BearerAuthentication outcome = f.authenticator.authenticate_bearer(token);
  CHECK_FALSE(outcome.principal);
  CHECK(outcome.failure == BearerFailure::expired);
}

TEST_CASE("last_used_at is written on first use, then at most once a minute") {
  BearerFixture f;
  std::int64_t token_id = 0;
  const std::string token = f.workspace_token(WorkspaceRole::viewer, std::nullopt, &token_id);
  CHECK_FALSE(f.last_used_at(token_id));
  REQUIRE(f.authenticator.authenticate_bearer(token).principal);
  CHECK(f.last_used_at(token_id) == kNow);
  f.clock.set(kNow + 59);
  REQUIRE(f.authenticator.authenticate_bearer(token).principal);
  CHECK(f.last_used_at(token_id) == kNow);
  f.clock.set(kNow + 61);
  REQUIRE(f.authenticator.authenticate_bearer(token).principal);
  CHECK(f.last_used_at(token_id) == kNow + 61);
}
