// The access-token store: uniqueness of names, grants, lifecycle states, keyset
// pagination (no gaps or repeats under ties), filters, and last-used bookkeeping.
#include "security/token_hasher.h"
#include "server_test_support.h"
#include "shared/token_format.h"
#include "store/token_store.h"

#include <cstring>
#include <set>

using namespace hawzu;
using namespace hawzu::server;
using hawzu::server::testing::TestDatabase;
using hawzu::server::testing::WorkspaceFixture;

namespace {

struct StoreFixture {
  TestDatabase test;
  WorkspaceFixture workspace{*test.database};
  int next_secret = 0;

  NewTokenRow row(const std::string &name, std::int64_t created_at = 1000) {
    NewTokenRow row;
    row.workspace_id = workspace.workspace_id;
    row.name = name;
    row.name_key = token_name_key(name);
    row.identifier = "hwz_" + std::string(8, 'a');
    row.secret_hash.fill(0);
    const int secret = ++next_secret;
    std::memcpy(row.secret_hash.data(), &secret, sizeof secret);
    row.access_type = AccessType::workspace;
    row.workspace_role = WorkspaceRole::viewer;
    row.created_by = workspace.user_id;
    row.created_at = created_at;
    return row;
  }

  std::int64_t insert(const NewTokenRow &row) {
    Database::Lease connection = test.database->connect();
    std::optional<std::int64_t> id = TokenStore(*connection).insert(row);
    REQUIRE(id);
    return *id;
  }
};

// Every page of the listing, following next cursors.
std::vector<std::int64_t> all_pages(Database &database, TokenListFilter filter, std::int64_t now,
                                    int &pages) {
  std::vector<std::int64_t> ids;
  pages = 0;
  while (true) {
    Database::Lease connection = database.connect();
    TokenListPage page = TokenStore(*connection).list(filter, now);
    ++pages;
    for (const StoredToken &stored : page.tokens) ids.push_back(stored.token.id);
    if (!page.next) break;
    filter.after = page.next;
    REQUIRE(pages < 1000);
  }
  return ids;
}

}  // namespace

TEST_CASE("a stored token reads back with its grants and creator") {
  StoreFixture fixture;
  NewTokenRow row = fixture.row("Nightly");
  row.access_type = AccessType::project;
  row.workspace_role.reset();
  row.projects = {{fixture.workspace.project_b, "", ProjectRole::member},
                  {fixture.workspace.project_a, "", ProjectRole::manager}};
  row.expires_at = 5000;
  std::int64_t id = fixture.insert(row);

  Database::Lease connection = fixture.test.database->connect();
  std::optional<StoredToken> stored =
      TokenStore(*connection).find_live(fixture.workspace.workspace_id, id);
  REQUIRE(stored);
  CHECK(stored->token.name == "Nightly");
  CHECK(stored->token.access_type == AccessType::project);
  CHECK_FALSE(stored->token.workspace_role);
  CHECK(stored->token.created_by.name == "Olivia Owens");
  CHECK(stored->token.expires_at == 5000);
  REQUIRE(stored->token.projects.size() == 2);
  CHECK(stored->token.projects[0].project_name == "Alpha");  // by project name
  CHECK(stored->token.projects[0].role == ProjectRole::manager);
  CHECK(stored->token.projects[1].project_name == "Beta");
  CHECK_FALSE(TokenStore(*connection).find_live(fixture.workspace.workspace_id + 1, id));
}

TEST_CASE("names are unique case-insensitively among tokens that are not revoked") {
  StoreFixture fixture;
  std::int64_t first = fixture.insert(fixture.row("CI Runner"));
  Database::Lease connection = fixture.test.database->connect();
  TokenStore tokens(*connection);
  CHECK(tokens.name_taken(fixture.workspace.workspace_id, token_name_key("ci runner")));
  CHECK_FALSE(
      tokens.name_taken(fixture.workspace.workspace_id, token_name_key("ci runner"), first));
  // The index refuses a duplicate even without the check (a racing create).
  CHECK_FALSE(tokens.insert(fixture.row("CI RUNNER")));
  // Disabled tokens keep their name.
  tokens.set_state(first, TokenState::disabled, 2000);
  CHECK_FALSE(tokens.insert(fixture.row("ci runner")));
  // Revoked ones free it.
  tokens.set_state(first, TokenState::enabled, 2000);
  tokens.set_state(first, TokenState::revoked, 2000);
  CHECK(tokens.insert(fixture.row("ci runner")));
  CHECK_FALSE(tokens.find_live(fixture.workspace.workspace_id, first));
}

TEST_CASE("an update to a taken name is refused and changes nothing") {
  StoreFixture fixture;
  fixture.insert(fixture.row("Alpha"));
  std::int64_t beta = fixture.insert(fixture.row("Beta"));
  Database::Lease connection = fixture.test.database->connect();
  TokenStore tokens(*connection);
  TokenChanges changes;
  changes.name = "ALPHA";
  changes.name_key = token_name_key(changes.name);
  changes.workspace_role = WorkspaceRole::member;
  changes.updated_at = 3000;
  CHECK_FALSE(tokens.update(beta, changes));
  CHECK(tokens.find_live(fixture.workspace.workspace_id, beta)->token.name == "Beta");
}

TEST_CASE("revoking records when") {
  StoreFixture fixture;
  std::int64_t id = fixture.insert(fixture.row("Gone"));
  Database::Lease connection = fixture.test.database->connect();
  TokenStore(*connection).set_state(id, TokenState::revoked, 4242);
  Statement statement = connection->prepare("SELECT status, revoked_at FROM access_tokens");
  REQUIRE(statement.step());
  CHECK(statement.column_text(0) == "revoked");
  CHECK(statement.column_int64(1) == 4242);
}

TEST_CASE("pagination visits every row once, in order, for every sort, with many ties") {
  StoreFixture fixture;
  // 23 tokens over 3 creation seconds, 4 expiries (one of them never), 2 types,
  // 2 states: lots of equal sort values.
  const std::int64_t now = 10'000;
  for (int i = 0; i < 23; ++i) {
    NewTokenRow row =
        fixture.row("token " + std::to_string(i % 5) + "-" + std::to_string(i), 1000 + i % 3);
    if (i % 4 == 0) {
      row.access_type = AccessType::project;
      row.workspace_role.reset();
      row.projects = {{fixture.workspace.project_a, "", ProjectRole::viewer}};
    }
    if (i % 4 != 3) row.expires_at = i % 2 ? 9000 : 20'000;  // some expired at `now`
    std::int64_t id = fixture.insert(row);
    if (i % 5 == 0) {
      Database::Lease connection = fixture.test.database->connect();
      TokenStore(*connection).set_state(id, TokenState::disabled, 1000);
    }
  }
  for (TokenSort sort : {TokenSort::name, TokenSort::access_type, TokenSort::created_by,
                         TokenSort::created_at, TokenSort::expires_at, TokenSort::status}) {
    for (bool descending : {false, true}) {
      for (int limit : {1, 4, 7, 23, 100}) {
        INFO("sort " << static_cast<int>(sort) << " desc " << descending << " limit " << limit);
        TokenListFilter filter;
        filter.workspace_id = fixture.workspace.workspace_id;
        filter.sort = sort;
        filter.descending = descending;
        filter.limit = limit;
        int pages = 0;
        std::vector<std::int64_t> ids = all_pages(*fixture.test.database, filter, now, pages);
        CHECK(ids.size() == 23);
        CHECK(std::set<std::int64_t>(ids.begin(), ids.end()).size() == 23);
        CHECK(pages == (23 + limit - 1) / limit);  // no empty last page

        // The same order as one big page.
        TokenListFilter single = filter;
        single.limit = 1000;
        int single_pages = 0;
        CHECK(all_pages(*fixture.test.database, single, now, single_pages) == ids);
      }
    }
  }
}

TEST_CASE("filters: status at a given time, type, creator, ranges, search") {
  StoreFixture fixture;
  const std::int64_t now = 10'000;
  NewTokenRow expired = fixture.row("Expired one");
  expired.expires_at = now - 1;
  fixture.insert(expired);
  NewTokenRow live = fixture.row("Live one 100%_done");
  live.expires_at = now;  // the last valid second: still enabled
  std::int64_t live_id = fixture.insert(live);
  NewTokenRow never = fixture.row("Forever", 5000);
  std::int64_t never_id = fixture.insert(never);
  std::int64_t disabled_id = fixture.insert(fixture.row("Switched off"));
  {
    Database::Lease connection = fixture.test.database->connect();
    TokenStore(*connection).set_state(disabled_id, TokenState::disabled, 1000);
  }
  auto names = [&](TokenListFilter filter) {
    filter.workspace_id = fixture.workspace.workspace_id;
    filter.sort = TokenSort::name;
    filter.descending = false;
    Database::Lease connection = fixture.test.database->connect();
    std::vector<std::string> out;
    for (const StoredToken &stored : TokenStore(*connection).list(filter, now).tokens)
      out.push_back(stored.token.name);
    return out;
  };
  TokenListFilter filter;
  filter.status = TokenStatus::expired;
  CHECK(names(filter) == std::vector<std::string>{"Expired one"});
  filter.status = TokenStatus::enabled;
  CHECK(names(filter) == std::vector<std::string>{"Forever", "Live one 100%_done"});
  filter.status = TokenStatus::disabled;
  CHECK(names(filter) == std::vector<std::string>{"Switched off"});

  filter = {};
  filter.search = "%_";  // LIKE wildcards are literal
  CHECK(names(filter) == std::vector<std::string>{"Live one 100%_done"});
  filter.search = "olivia";  // the creator's name, any case
  CHECK(names(filter).size() == 4);
  filter.search = "OWNER@EXAMPLE";  // the creator's email is never shown, so never matched
  CHECK(names(filter).empty());
  filter.search = "hwz_aaaa";  // the identifier
  CHECK(names(filter).size() == 4);

  filter = {};
  filter.created_from = 5000;
  CHECK(names(filter) == std::vector<std::string>{"Forever"});
  filter = {};
  filter.expires_from = now;
  CHECK(names(filter) == std::vector<std::string>{"Live one 100%_done"});  // never: no expiry
  filter = {};
  filter.created_by = fixture.workspace.user_id + 1;
  CHECK(names(filter).empty());
  filter = {};
  filter.access_type = AccessType::project;
  CHECK(names(filter).empty());
  (void)live_id;
  (void)never_id;
}

TEST_CASE("last use is recorded at most once a minute") {
  StoreFixture fixture;
  std::int64_t id = fixture.insert(fixture.row("Busy"));
  Database::Lease connection = fixture.test.database->connect();
  TokenStore tokens(*connection);
  tokens.record_use(id, 5000);
  tokens.record_use(id, 5030);
  CHECK(tokens.find_live(fixture.workspace.workspace_id, id)->token.last_used_at == 5000);
  tokens.record_use(id, 5060);
  CHECK(tokens.find_live(fixture.workspace.workspace_id, id)->token.last_used_at == 5060);
}

TEST_CASE("a token is found by its secret hash until it is revoked") {
  StoreFixture fixture;
  NewTokenRow row = fixture.row("Lookup");
  std::int64_t id = fixture.insert(row);
  Database::Lease connection = fixture.test.database->connect();
  TokenStore tokens(*connection);
  std::optional<StoredToken> found = tokens.find_by_secret_hash(row.secret_hash, 0);
  REQUIRE(found);
  CHECK(found->token.id == id);
  tokens.set_state(id, TokenState::revoked, 2000);
  CHECK_FALSE(tokens.find_by_secret_hash(row.secret_hash, 0));
}

TEST_CASE("the lookup by secret hash reads grants, the owner's role and the workspace at once") {
  StoreFixture fixture;
  NewTokenRow project_row = fixture.row("Grants");
  project_row.access_type = AccessType::project;
  project_row.workspace_role.reset();
  project_row.projects = {{fixture.workspace.project_b, "", ProjectRole::member},
                          {fixture.workspace.project_a, "", ProjectRole::manager}};
  const std::int64_t project_id = fixture.insert(project_row);
  NewTokenRow workspace_row = fixture.row("Workspace-wide");
  fixture.insert(workspace_row);

  Database::Lease connection = fixture.test.database->connect();
  TokenStore tokens(*connection);
  for (int round = 0; round < 2; ++round) {  // the second from the statement cache
    std::optional<StoredToken> found = tokens.find_by_secret_hash(project_row.secret_hash, 0);
    REQUIRE(found);
    CHECK(found->token.id == project_id);
    CHECK(found->owner_role == WorkspaceRole::owner);
    CHECK(found->workspace_name == "Test Workspace");
    REQUIRE(found->token.projects.size() == 2);
    CHECK(found->token.projects[0].project_name == "Alpha");  // by project name
    CHECK(found->token.projects[0].role == ProjectRole::manager);
    CHECK(found->token.projects[1].project_id == fixture.workspace.project_b);
    CHECK(found->token.projects[1].role == ProjectRole::member);

    std::optional<StoredToken> wide = tokens.find_by_secret_hash(workspace_row.secret_hash, 0);
    REQUIRE(wide);
    CHECK(wide->token.projects.empty());
    CHECK(wide->token.workspace_role == WorkspaceRole::viewer);
    CHECK(wide->workspace_name == "Test Workspace");
  }
  // The owner's role is read with the token: gone once they leave the workspace.
  connection->execute("DELETE FROM memberships WHERE user_id = " +
                      std::to_string(fixture.workspace.user_id));
  std::optional<StoredToken> orphan = tokens.find_by_secret_hash(project_row.secret_hash, 0);
  REQUIRE(orphan);
  CHECK_FALSE(orphan->owner_role);
}
