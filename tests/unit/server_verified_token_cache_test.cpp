// The verified-token cache (auth/verified_token_cache.h): what it holds and how it lets
// go (evicted and replaced verdicts are wiped), and, through the Authenticator, that it
// never answers yes after a change that takes the yes away: revoke, disable, an edit
// of the role or expiry, a change of grants, a rotation, the owner's lower role or
// removal, and the passing of the expiry. Each change is made straight in the store,
// as another server process sharing the database would make it.
#include "auth/authenticator.h"
#include "auth/verified_token_cache.h"
#include "db/sqlite/sqlite_database.h"
#include "security/token_hasher.h"
#include "server_test_support.h"
#include "services/last_use_writer.h"
#include "services/session_service.h"
#include "shared/access_token_request.h"
#include "shared/token_format.h"
#include "store/member_store.h"
#include "store/token_store.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace hawzu;
using namespace hawzu::server;
using hawzu::server::testing::TestDatabase;
using hawzu::server::testing::WorkspaceFixture;

namespace {

constexpr std::int64_t kNow = 1'800'000'000;

TokenHash hash_of(unsigned char first, unsigned char shard = 0) {
  TokenHash hash{};
  hash.fill(0x5A);
  hash[0] = first;
  hash[8] = shard;
  return hash;
}

CachedVerdict verdict_for(const TokenHash &hash, std::int64_t token_id) {
  CachedVerdict verdict;
  verdict.secret_hash = hash;
  verdict.authority_generation = 3;
  verdict.principal.token_id = token_id;
  verdict.principal.identifier = "hwz_Ab12Cd34";
  verdict.principal.workspace_name = "Acme";
  return verdict;
}

bool all_zero(const TokenHash &hash) {
  return std::all_of(hash.begin(), hash.end(), [](unsigned char c) { return c == 0; });
}

struct CacheFixture {
  TestDatabase test;
  WorkspaceFixture workspace{*test.database};
  std::int64_t member_id = 0;
  ManualClock clock{kNow};
  TokenHasher hasher{std::string(kTokenHashKeyBytes, 'k')};
  SessionService sessions{*test.database, clock};
  Authenticator authenticator{*test.database, sessions, hasher, clock};
  int next_token = 0;

  CacheFixture() {
    Database::Lease connection = test.database->connect();
    member_id = UserStore(*connection).insert("manager@example.test", "Max", "not-a-hash", 1000);
    WorkspaceStore(*connection)
        .set_membership(workspace.workspace_id, member_id, WorkspaceRole::manager, 1000);
  }

  std::string token_text() {
    std::string random_part(kTokenRandomLength, 'B');
    random_part[0] = kBase62Alphabet[static_cast<std::size_t>(++next_token)];
    return assemble_token(random_part);
  }

  // A token of the manager (a workspace token unless `projects` are given).
  std::string store(std::int64_t &token_id, std::vector<ProjectGrant> projects = {},
                    std::optional<std::int64_t> expires_at = {}) {
    const std::string token = token_text();
    NewTokenRow row;
    row.workspace_id = workspace.workspace_id;
    row.name = "Token " + std::to_string(next_token);
    row.name_key = token_name_key(row.name);
    row.identifier = token_identifier(token);
    row.secret_hash = hasher.hash(token);
    row.access_type = projects.empty() ? AccessType::workspace : AccessType::project;
    if (projects.empty()) row.workspace_role = WorkspaceRole::coordinator;
    row.projects = std::move(projects);
    row.created_by = member_id;
    row.created_at = kNow - 100;
    row.expires_at = expires_at;
    Database::Lease connection = test.database->connect();
    std::optional<std::int64_t> id = TokenStore(*connection).insert(row);
    REQUIRE(id);
    token_id = *id;
    return token;
  }

  // Authenticates twice, so the second answer comes from the cache.
  void warm(const std::string &token) {
    REQUIRE(authenticator.authenticate_bearer(token).principal);
    REQUIRE(authenticator.authenticate_bearer(token).principal);
    REQUIRE(authenticator.verified_tokens().size() >= 1);
  }

  TokenChanges unchanged(std::int64_t token_id) {
    Database::Lease connection = test.database->connect();
    StoredToken stored = *TokenStore(*connection).find_live(workspace.workspace_id, token_id);
    TokenChanges changes;
    changes.name = stored.token.name;
    changes.name_key = token_name_key(stored.token.name);
    changes.workspace_role = stored.token.workspace_role;
    changes.projects = stored.token.projects;
    changes.expires_at = stored.token.expires_at;
    changes.updated_at = kNow;
    return changes;
  }

  void update(std::int64_t token_id, const TokenChanges &changes) {
    Database::Lease connection = test.database->connect();
    REQUIRE(TokenStore(*connection).update(token_id, changes));
  }
};

}  // namespace

TEST_CASE("the cache finds a verdict by the whole hash, and replaces one for the same hash") {
  VerifiedTokenCache cache;
  const TokenHash hash = hash_of(1);
  cache.store(verdict_for(hash, 7));
  REQUIRE(cache.find(hash));
  CHECK(cache.find(hash)->principal.token_id == 7);
  TokenHash neighbour = hash;  // the same bucket and shard, another hash
  neighbour[31] ^= 1;
  CHECK_FALSE(cache.find(neighbour));
  cache.store(verdict_for(hash, 8));
  CHECK(cache.size() == 1);
  CHECK(cache.find(hash)->principal.token_id == 8);
  cache.forget(hash);
  CHECK_FALSE(cache.find(hash));
  CHECK(cache.size() == 0);
}

TEST_CASE("a verdict is confirmed at a stamp only while it is of the generation confirmed") {
  VerifiedTokenCache cache;
  const TokenHash hash = hash_of(7);
  cache.store(verdict_for(hash, 42));  // generation 3, never confirmed
  ChangeStamp stamp;
  stamp.words[0] = 99;

  // A slower verification confirmed generation 2, which another replaced meanwhile.
  cache.confirm(hash, 2, stamp);
  CHECK_FALSE(cache.find(hash)->confirmed_at);

  cache.confirm(hash, 3, stamp);
  CHECK(cache.find(hash)->confirmed_at == stamp);
  cache.confirm(hash_of(8), 3, stamp);  // another hash: nothing to confirm
  CHECK_FALSE(cache.find(hash_of(8)));
}

TEST_CASE("a full cache evicts to take a new verdict, and the evicted one is wiped") {
  std::vector<CachedVerdict> evicted;
  // One entry per shard: a second hash for shard 0 evicts the first.
  VerifiedTokenCache cache(VerifiedTokenCache::kShards,
                           [&](const CachedVerdict &verdict) { evicted.push_back(verdict); });
  cache.store(verdict_for(hash_of(1, 0), 1));
  cache.store(verdict_for(hash_of(2, 1), 2));
  CHECK(evicted.empty());
  cache.store(verdict_for(hash_of(3, 0), 3));
  REQUIRE(evicted.size() == 1);
  CHECK(all_zero(evicted[0].secret_hash));
  CHECK(evicted[0].principal.identifier.empty());
  CHECK(evicted[0].principal.workspace_name->empty());
  CHECK_FALSE(cache.find(hash_of(1, 0)));
  CHECK(cache.find(hash_of(2, 1)));
  CHECK(cache.find(hash_of(3, 0)));
  CHECK(cache.size() == 2);
}

TEST_CASE("wiping a verdict zeroes its hash and texts") {
  CachedVerdict verdict = verdict_for(hash_of(9), 1);
  verdict.wipe();
  CHECK(all_zero(verdict.secret_hash));
  CHECK(verdict.principal.identifier.empty());
  CHECK(verdict.principal.workspace_name->empty());
}

TEST_CASE("a cached verdict is never a stale yes") {
  CacheFixture f;
  std::int64_t token_id = 0;

  SECTION("revoked") {
    const std::string token = f.store(token_id);
    f.warm(token);
    Database::Lease connection = f.test.database->connect();
    TokenStore(*connection).set_state(token_id, TokenState::revoked, kNow);
    CHECK_FALSE(f.authenticator.authenticate_bearer(token).principal);
  }
  SECTION("revoked through another database handle, as another server process would") {
    const std::string token = f.store(token_id);
    f.warm(token);  // the second answer came from the stamp alone, with no read
    SqliteDatabase other(f.test.dir.path() + "/test.sqlite3");
    REQUIRE(other.migrate().ok);
    Database::Lease connection = other.connect();
    TokenStore(*connection).set_state(token_id, TokenState::revoked, kNow);
    CHECK_FALSE(f.authenticator.authenticate_bearer(token).principal);
  }
  SECTION("disabled, then enabled again") {
    const std::string token = f.store(token_id);
    f.warm(token);
    {
      Database::Lease connection = f.test.database->connect();
      TokenStore(*connection).set_state(token_id, TokenState::disabled, kNow);
    }
    BearerAuthentication outcome = f.authenticator.authenticate_bearer(token);
    CHECK_FALSE(outcome.principal);
    CHECK(outcome.failure == BearerFailure::disabled);
    Database::Lease connection = f.test.database->connect();
    TokenStore(*connection).set_state(token_id, TokenState::enabled, kNow);
    CHECK(f.authenticator.authenticate_bearer(token).principal);
  }
  SECTION("disabled with the owner's tokens when the owner is removed") {
    const std::string token = f.store(token_id);
    f.warm(token);
    Database::Lease connection = f.test.database->connect();
    TokenStore(*connection).disable_owned_by(f.workspace.workspace_id, f.member_id, kNow);
    CHECK_FALSE(f.authenticator.authenticate_bearer(token).principal);
  }
  SECTION("a lower role by an edit") {
    const std::string token = f.store(token_id);
    f.warm(token);
    TokenChanges changes = f.unchanged(token_id);
    changes.workspace_role = WorkspaceRole::viewer;
    f.update(token_id, changes);
    BearerAuthentication outcome = f.authenticator.authenticate_bearer(token);
    REQUIRE(outcome.principal);
    CHECK(outcome.principal->token()->workspace_role == WorkspaceRole::viewer);
  }
  SECTION("an earlier expiry by an edit") {
    const std::string token = f.store(token_id);
    f.warm(token);
    TokenChanges changes = f.unchanged(token_id);
    changes.expires_at = kNow - 1;
    f.update(token_id, changes);
    BearerAuthentication outcome = f.authenticator.authenticate_bearer(token);
    CHECK_FALSE(outcome.principal);
    CHECK(outcome.failure == BearerFailure::expired);
  }
  SECTION("a grant taken away") {
    const std::string token = f.store(token_id, {{f.workspace.project_a, "", ProjectRole::manager},
                                                 {f.workspace.project_b, "", ProjectRole::viewer}});
    f.warm(token);
    TokenChanges changes = f.unchanged(token_id);
    changes.projects = {{f.workspace.project_b, "", ProjectRole::viewer}};
    f.update(token_id, changes);
    BearerAuthentication outcome = f.authenticator.authenticate_bearer(token);
    REQUIRE(outcome.principal);
    CHECK(outcome.principal->token()->project_roles ==
          std::map<std::int64_t, ProjectRole>{{f.workspace.project_b, ProjectRole::viewer}});
  }
  SECTION("the owner's lower role") {
    const std::string token = f.store(token_id);
    f.warm(token);
    Database::Lease connection = f.test.database->connect();
    MemberStore(*connection).set_role(f.workspace.workspace_id, f.member_id, WorkspaceRole::viewer);
    BearerAuthentication outcome = f.authenticator.authenticate_bearer(token);
    REQUIRE(outcome.principal);
    CHECK(outcome.principal->token()->owner_role == WorkspaceRole::viewer);
  }
  SECTION("the owner removed from the workspace") {
    const std::string token = f.store(token_id);
    f.warm(token);
    Database::Lease connection = f.test.database->connect();
    MemberStore(*connection).remove(f.workspace.workspace_id, f.member_id);
    BearerAuthentication outcome = f.authenticator.authenticate_bearer(token);
    REQUIRE(outcome.principal);
    CHECK_FALSE(outcome.principal->token()->owner_role);
  }
  SECTION("a rotation that ends the old value at once") {
    const std::string token = f.store(token_id);
    f.warm(token);
    const std::string fresh = f.token_text();
    TokenRotationRow rotation;
    rotation.identifier = token_identifier(fresh);
    rotation.secret_hash = f.hasher.hash(fresh);
    rotation.updated_at = kNow;
    {
      Database::Lease connection = f.test.database->connect();
      TokenStore(*connection).rotate(token_id, rotation);
    }
    CHECK_FALSE(f.authenticator.authenticate_bearer(token).principal);
    CHECK(f.authenticator.authenticate_bearer(fresh).principal);
  }
  SECTION("a rotation's previous value, through its last second and not after") {
    const std::string token = f.store(token_id);
    const std::string fresh = f.token_text();
    TokenRotationRow rotation;
    rotation.identifier = token_identifier(fresh);
    rotation.secret_hash = f.hasher.hash(fresh);
    rotation.previous_value_expires_at = kNow + 30;
    rotation.updated_at = kNow;
    {
      Database::Lease connection = f.test.database->connect();
      TokenStore(*connection).rotate(token_id, rotation);
    }
    f.warm(token);  // the previous value, cached
    f.clock.set(kNow + 30);
    CHECK(f.authenticator.authenticate_bearer(token).principal);
    f.clock.set(kNow + 31);
    CHECK_FALSE(f.authenticator.authenticate_bearer(token).principal);
    CHECK(f.authenticator.authenticate_bearer(fresh).principal);
  }
  SECTION("the expiry passing") {
    const std::string token = f.store(token_id, {}, kNow + 10);
    f.warm(token);
    f.clock.set(kNow + 10);
    CHECK(f.authenticator.authenticate_bearer(token).principal);
    f.clock.set(kNow + 11);
    BearerAuthentication outcome = f.authenticator.authenticate_bearer(token);
    CHECK_FALSE(outcome.principal);
    CHECK(outcome.failure == BearerFailure::expired);
  }
}

TEST_CASE("every change of authority moves the token's generation on; its use does not") {
  CacheFixture f;
  std::int64_t token_id = 0;
  f.store(token_id, {{f.workspace.project_a, "", ProjectRole::viewer}});
  Database::Lease connection = f.test.database->connect();
  const auto generation = [&] {
    Statement statement =
        connection->prepare("SELECT authority_generation FROM access_tokens WHERE id = ?");
    statement.bind(1, token_id);
    REQUIRE(statement.step());
    return statement.column_int64(0);
  };
  std::int64_t before = generation();
  TokenStore(*connection).record_use(token_id, kNow);
  CHECK(generation() == before);
  connection->prepare("UPDATE access_tokens SET last_used_ip = '192.0.2.1' WHERE id = ?")
      .bind(1, token_id)
      .run();
  CHECK(generation() == before);
  TokenStore(*connection).set_owner(token_id, f.workspace.user_id, kNow);
  CHECK(generation() > before);
  before = generation();
  MemberStore(*connection)
      .set_role(f.workspace.workspace_id, f.workspace.user_id, WorkspaceRole::manager);
  CHECK(generation() > before);
  before = generation();
  connection->prepare("UPDATE workspaces SET name = 'Renamed' WHERE id = ?")
      .bind(1, f.workspace.workspace_id)
      .run();
  CHECK(generation() > before);
}

TEST_CASE("with a last-use writer, later uses are written in the background") {
  CacheFixture f;
  LastUseWriter writer(*f.test.database);
  Authenticator authenticator{*f.test.database, f.sessions, f.hasher, f.clock, &writer};
  std::int64_t token_id = 0;
  const std::string token = f.store(token_id);
  const auto last_used = [&] {
    Database::Lease connection = f.test.database->connect();
    return TokenStore(*connection)
        .find_live(f.workspace.workspace_id, token_id)
        ->token.last_used_at;
  };
  REQUIRE(authenticator.authenticate_bearer(token).principal);
  CHECK(last_used() == kNow);  // the first use at once
  f.clock.set(kNow + 61);
  REQUIRE(authenticator.authenticate_bearer(token).principal);
  CHECK(last_used() == kNow);  // not on the request's time
  writer.flush();
  CHECK(last_used() == kNow + 61);
  f.clock.set(kNow + 90);
  REQUIRE(authenticator.authenticate_bearer(token).principal);
  writer.flush();
  CHECK(last_used() == kNow + 61);  // within the minute: nothing noted
}
