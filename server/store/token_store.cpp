// The SQL behind TokenStore (token_store.h): access tokens, their project grants, the
// keyset-paged list, and the lookups of Bearer authentication.
//
// Index of this file (search for "[SECTION]"):
//   [SECTION] Reading rows: the columns, state names, name collisions
//   [SECTION] List query building
//   [SECTION] Creating: the token row and its grants
//   [SECTION] Reading tokens: their grants, a live token, names in use
//   [SECTION] Changing: edits and state
//   [SECTION] The list and its creators
//   [SECTION] Authentication: lookup by secret hash, last use

#include "store/token_store.h"

#include "store/token_status_sql.h"

#include "shared/access_token_request.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>
#include <map>
#include <string_view>

namespace hawzu::server {
namespace {

// ---------------------------------------------------------------------------
// [SECTION] Reading rows: the columns, state names, name collisions

// The columns read_token() reads, and where they come from: the token, its creator (u),
// its owner (o) and the owner's current membership of the token's workspace (om; no
// row once the owner left).
const std::string kTokenColumns =
    "SELECT t.id, t.workspace_id, t.name, t.identifier, t.access_type, t.workspace_role, "
    "t.status, t.created_by, u.name, t.created_at, t.expires_at, t.last_used_at, "
    "t.owner_id, o.name, t.disabled_reason, om.role, t.previous_value_expires_at, t.last_used_ip, "
    "t.leak_url, t.leak_source, t.leaked_at, t.authority_generation";
constexpr int kTokenColumnCount = 22;
const std::string kTokenSource =
    " FROM access_tokens t JOIN users u ON u.id = t.created_by "
    "JOIN users o ON o.id = t.owner_id "
    "LEFT JOIN memberships om ON om.workspace_id = t.workspace_id AND om.user_id = t.owner_id ";
const std::string kSelectToken = kTokenColumns + kTokenSource;

std::string_view state_wire_name(TokenState state) {
  switch (state) {
    case TokenState::enabled:
      return "enabled";
    case TokenState::disabled:
      return "disabled";
    case TokenState::revoked:
      return "revoked";
  }
  return "";
}

TokenState parse_state(const std::string &text) {
  if (text == "disabled") return TokenState::disabled;
  if (text == "revoked") return TokenState::revoked;
  return TokenState::enabled;
}

StoredToken read_token(const Statement &row) {
  StoredToken stored;
  AccessToken &token = stored.token;
  token.id = row.column_int64(0);
  stored.workspace_id = row.column_int64(1);
  token.name = row.column_text(2);
  token.identifier = row.column_text(3);
  token.access_type = parse_access_type(row.column_text(4)).value_or(AccessType::workspace);
  if (auto role = row.column_optional_text(5)) token.workspace_role = parse_workspace_role(*role);
  stored.state = parse_state(row.column_text(6));
  token.status =
      stored.state == TokenState::disabled ? TokenStatus::disabled : TokenStatus::enabled;
  token.created_by = {row.column_int64(7), row.column_text(8)};
  token.created_at = row.column_int64(9);
  token.expires_at = row.column_optional_int64(10);
  token.last_used_at = row.column_optional_int64(11);
  token.owner = {row.column_int64(12), row.column_text(13)};
  if (auto reason = row.column_optional_text(14))
    token.disabled_reason = parse_disabled_reason(*reason);
  if (auto role = row.column_optional_text(15)) stored.owner_role = parse_workspace_role(*role);
  token.previous_value_expires_at = row.column_optional_int64(16);
  token.last_used_ip = row.column_optional_text(17);
  // The leak record means something only while the token is disabled because of it.
  if (token.disabled_reason == DisabledReason::leaked && !row.column_is_null(18))
    token.leak = TokenLeak{row.column_text(18), row.column_text(19), row.column_int64(20)};
  stored.authority_generation = row.column_int64(21);
  return stored;
}

// ---------------------------------------------------------------------------
// [SECTION] List query building
// Every value is a bound parameter; only fixed SQL fragments
// chosen by enum values are pasted into the text.

std::string sort_expression(TokenSort sort) {
  switch (sort) {
    case TokenSort::name:
      return "t.name_key";
    case TokenSort::access_type:
      return "t.access_type";
    case TokenSort::created_by:
      return "u.name_key";
    case TokenSort::created_at:
      return "t.created_at";
    case TokenSort::expires_at:
      return "COALESCE(t.expires_at, " + std::to_string(kNeverExpiresSortValue) + ")";
    case TokenSort::status:
      // The status the API shows, by the shared status rule.
      return token_status_case_sql();
  }
  return "t.created_at";
}

struct Binding {
  const char *name;
  SortValue value;  // a number or a text, like a sort value
};

}  // namespace

bool sorts_by_number(TokenSort sort) {
  return sort == TokenSort::created_at || sort == TokenSort::expires_at;
}

// ---------------------------------------------------------------------------
// [SECTION] Creating: the token row and its grants

std::optional<std::int64_t> TokenStore::insert(const NewTokenRow &row) {
  // A name taken by a live token (the partial unique index) inserts nothing and
  // returns no row: a typed outcome, so a race between two creates ends in one 201 and
  // one 409 on both backends. The secret hash colliding (2^-256) still throws.
  std::optional<std::int64_t> token_id;
  {
    Statement statement = db_.prepare(
        "INSERT INTO access_tokens (workspace_id, name, name_key, identifier, secret_hash, "
        "access_type, workspace_role, status, created_by, owner_id, created_at, expires_at, "
        "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'enabled', ?8, ?8, ?9, ?10, ?11) "
        "ON CONFLICT (workspace_id, name_key) WHERE status != 'revoked' DO NOTHING "
        "RETURNING id");
    statement.bind(1, row.workspace_id)
        .bind(2, row.name)
        .bind(3, row.name_key)
        .bind(4, row.identifier)
        .bind_blob(5, row.secret_hash.data(), row.secret_hash.size())
        .bind(6, wire_name(row.access_type))
        .bind(8, row.created_by)
        .bind(9, row.created_at)
        .bind(10, row.expires_at)
        .bind(11, row.created_at);
    if (row.workspace_role)
      statement.bind(7, wire_name(*row.workspace_role));
    else
      statement.bind_null(7);
    if (!statement.step()) return std::nullopt;
    token_id = statement.column_int64(0);
    statement.run();
  }
  insert_grants(*token_id, row.projects);
  return token_id;
}

void TokenStore::insert_grants(std::int64_t token_id, const std::vector<ProjectGrant> &projects) {
  for (const ProjectGrant &grant : projects)
    db_.prepare("INSERT INTO access_token_projects (token_id, project_id, role) VALUES (?, ?, ?)")
        .bind(1, token_id)
        .bind(2, grant.project_id)
        .bind(3, wire_name(grant.role))
        .run();
}

// ---------------------------------------------------------------------------
// [SECTION] Reading tokens: their grants, a live token, names in use

void TokenStore::load_grants(std::vector<StoredToken> &tokens) {
  if (tokens.empty()) return;
  std::map<std::int64_t, StoredToken *> by_id;
  std::vector<std::int64_t> ids;
  for (StoredToken &stored : tokens) {
    stored.token.projects.clear();
    by_id[stored.token.id] = &stored;
    ids.push_back(stored.token.id);
  }
  Statement statement = db_.prepare(
      "SELECT g.token_id, g.project_id, p.name, g.role FROM access_token_projects g "
      "JOIN projects p ON p.id = g.project_id "
      "WHERE g.token_id IN (" +
      db_.id_list_sql("?") +
      ") "
      "ORDER BY g.token_id, p.name_key, p.id");
  statement.bind(1, nlohmann::json(ids).dump());
  while (statement.step()) {
    auto it = by_id.find(statement.column_int64(0));
    std::optional<ProjectRole> role = parse_project_role(statement.column_text(3));
    if (it == by_id.end() || !role) continue;
    it->second->token.projects.push_back(
        {statement.column_int64(1), statement.column_text(2), *role});
  }
}

std::optional<StoredToken> TokenStore::find_live(std::int64_t workspace_id, std::int64_t token_id) {
  std::vector<StoredToken> found;
  {
    Statement statement = db_.prepare(kSelectToken +
                                      "WHERE t.id = ? AND t.workspace_id = ? "
                                      "AND t.status != 'revoked'");
    statement.bind(1, token_id).bind(2, workspace_id);
    if (!statement.step()) return std::nullopt;
    found.push_back(read_token(statement));
  }
  load_grants(found);
  return std::move(found.front());
}

bool TokenStore::name_taken(std::int64_t workspace_id, const std::string &name_key,
                            std::int64_t except_token_id) {
  Statement statement = db_.prepare(
      "SELECT 1 FROM access_tokens WHERE workspace_id = ? AND name_key = ? "
      "AND status != 'revoked' AND id != ?");
  statement.bind(1, workspace_id).bind(2, name_key).bind(3, except_token_id);
  return statement.step();
}

// ---------------------------------------------------------------------------
// [SECTION] Changing: edits and state

bool TokenStore::update(std::int64_t token_id, const TokenChanges &changes) {
  try {
    Statement statement = db_.prepare(
        "UPDATE access_tokens SET name = ?, name_key = ?, workspace_role = ?, expires_at = ?, "
        "updated_at = ? WHERE id = ?");
    statement.bind(1, changes.name)
        .bind(2, changes.name_key)
        .bind(4, changes.expires_at)
        .bind(5, changes.updated_at)
        .bind(6, token_id);
    if (changes.workspace_role)
      statement.bind(3, wire_name(*changes.workspace_role));
    else
      statement.bind_null(3);
    statement.run();
  } catch (const DatabaseError &error) {
    // The only unique constraint an update of these columns can break is the live
    // name index: the name was taken since the caller's check.
    if (is_unique_violation(error)) return false;
    throw;
  }
  db_.prepare("DELETE FROM access_token_projects WHERE token_id = ?").bind(1, token_id).run();
  insert_grants(token_id, changes.projects);
  return true;
}

void TokenStore::set_state(std::int64_t token_id, TokenState state, std::int64_t now) {
  // A person's decision replaces whatever reason the server had for disabling it, and
  // with it the leak record that explained that reason.
  db_.prepare(
         "UPDATE access_tokens SET status = ?1, updated_at = ?2, disabled_reason = NULL, "
         "leak_url = NULL, leak_source = NULL, leaked_at = NULL, "
         "revoked_at = CASE WHEN ?1 = 'revoked' THEN ?2 ELSE NULL END "
         "WHERE id = ?3 AND status != 'revoked'")
      .bind(1, state_wire_name(state))
      .bind(2, now)
      .bind(3, token_id)
      .run();
  assert(db_.changes() == 1);  // the token exists and is not revoked
}

std::vector<StoredToken> TokenStore::disable_owned_by(std::int64_t workspace_id,
                                                      std::int64_t owner_id, std::int64_t now) {
  std::vector<StoredToken> owned;
  {
    Statement statement = db_.prepare(kSelectToken +
                                      "WHERE t.workspace_id = ? AND t.owner_id = ? "
                                      "AND t.status = 'enabled' ORDER BY t.id");
    statement.bind(1, workspace_id).bind(2, owner_id);
    while (statement.step()) owned.push_back(read_token(statement));
  }
  db_.prepare(
         "UPDATE access_tokens SET status = 'disabled', disabled_reason = 'owner_removed', "
         "updated_at = ?3 WHERE workspace_id = ?1 AND owner_id = ?2 AND status = 'enabled'")
      .bind(1, workspace_id)
      .bind(2, owner_id)
      .bind(3, now)
      .run();
  return owned;
}

void TokenStore::set_owner(std::int64_t token_id, std::int64_t owner_id, std::int64_t now) {
  db_.prepare("UPDATE access_tokens SET owner_id = ?, updated_at = ? WHERE id = ?")
      .bind(1, owner_id)
      .bind(2, now)
      .bind(3, token_id)
      .run();
}

bool TokenStore::disable_leaked(std::int64_t token_id, const std::string &url,
                                const std::string &source, std::int64_t now) {
  db_.prepare(
         "UPDATE access_tokens SET status = 'disabled', disabled_reason = 'leaked', "
         "leak_url = ?2, leak_source = ?3, leaked_at = ?4, updated_at = ?4 "
         "WHERE id = ?1 AND status = 'enabled'")
      .bind(1, token_id)
      .bind(2, url)
      .bind(3, source)
      .bind(4, now)
      .run();
  return db_.changes() == 1;
}

void TokenStore::rotate(std::int64_t token_id, const TokenRotationRow &row) {
  // The right-hand sides read the row as it was, so previous_secret_hash takes the
  // hash being replaced.
  Statement statement = db_.prepare(
      "UPDATE access_tokens SET previous_secret_hash = CASE WHEN ?7 = 1 THEN secret_hash "
      "ELSE NULL END, previous_value_expires_at = ?1, secret_hash = ?2, "
      "identifier = ?3, expires_at = ?4, updated_at = ?5 WHERE id = ?6 AND status != 'revoked'");
  const std::int64_t keeps_previous = row.previous_value_expires_at ? 1 : 0;
  statement.bind(1, row.previous_value_expires_at)
      .bind_blob(2, row.secret_hash.data(), row.secret_hash.size())
      .bind(3, row.identifier)
      .bind(4, row.expires_at)
      .bind(5, row.updated_at)
      .bind(6, token_id)
      .bind(7, keeps_previous)
      .run();
  assert(db_.changes() == 1);  // the token exists and is not revoked
}

// ---------------------------------------------------------------------------
// [SECTION] The list and its creators

TokenListPage TokenStore::list(const TokenListFilter &filter, std::int64_t now) {
  const std::string key = sort_expression(filter.sort);
  std::vector<Binding> bindings;
  std::string sql = kTokenColumns + ", " + key + " AS sort_key" + kTokenSource +
                    "WHERE t.workspace_id = :workspace AND t.status != 'revoked'";
  bindings.push_back({":workspace", filter.workspace_id});

  if (!filter.search.empty()) {
    // A case-insensitive substring match of what the page shows (label, creator name,
    // identifier): the folded search text against the folded keys, with LIKE's own
    // wildcards escaped, so both backends match alike.
    std::string pattern = "%";
    for (char c : token_name_key(filter.search)) {
      if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
      pattern.push_back(c);
    }
    pattern.push_back('%');
    sql +=
        " AND (t.name_key LIKE :search ESCAPE '\\' OR u.name_key LIKE :search ESCAPE '\\' "
        "OR lower(t.identifier) LIKE :search ESCAPE '\\')";
    bindings.push_back({":search", pattern});
  }
  if (filter.access_type) {
    sql += " AND t.access_type = :access_type";
    bindings.push_back({":access_type", std::string(wire_name(*filter.access_type))});
  }
  if (filter.status) sql += " AND " + token_status_filter_sql(*filter.status);
  if (filter.expiring_before) {
    // Enabled tokens whose expiry falls inside the window (shared/token_policy.h
    // expires_soon): the enabled status rule keeps out the expired and disabled ones.
    sql += " AND " + token_status_filter_sql(TokenStatus::enabled) +
           " AND t.expires_at IS NOT NULL AND t.expires_at <= :expiring_before";
    bindings.push_back({":expiring_before", *filter.expiring_before});
  }
  if (filter.created_by) {
    sql += " AND t.created_by = :created_by";
    bindings.push_back({":created_by", *filter.created_by});
  }
  if (filter.created_from) {
    sql += " AND t.created_at >= :created_from";
    bindings.push_back({":created_from", *filter.created_from});
  }
  if (filter.created_to) {
    sql += " AND t.created_at <= :created_to";
    bindings.push_back({":created_to", *filter.created_to});
  }
  if (filter.expires_from) {
    sql += " AND t.expires_at >= :expires_from";
    bindings.push_back({":expires_from", *filter.expires_from});
  }
  if (filter.expires_to) {
    sql += " AND t.expires_at <= :expires_to";
    bindings.push_back({":expires_to", *filter.expires_to});
  }
  // The status rule's SQL reads :now only where one of its conditions needs the time.
  if (sql.find(":now") != std::string::npos) bindings.push_back({":now", now});
  const char *direction = filter.descending ? " DESC" : " ASC";
  if (filter.after) {
    sql += std::string(" AND (") + key + ", t.id) " + (filter.descending ? "<" : ">") +
           " (:after_value, :after_id)";
    bindings.push_back({":after_value", filter.after->sort_value});
    bindings.push_back({":after_id", filter.after->id});
  }
  sql += " ORDER BY sort_key" + std::string(direction) + ", t.id" + direction + " LIMIT :limit";
  bindings.push_back({":limit", static_cast<std::int64_t>(filter.limit) + 1});

  TokenListPage page;
  std::vector<SortValue> sort_values;
  {
    Statement statement = db_.prepare(sql);
    for (const Binding &binding : bindings) {
      int index = statement.parameter_index(binding.name);
      if (binding.value.index() == 0)
        statement.bind(index, std::get<std::int64_t>(binding.value));
      else
        statement.bind(index, std::get<std::string>(binding.value));
    }
    while (statement.step()) {
      page.tokens.push_back(read_token(statement));
      if (sorts_by_number(filter.sort))
        sort_values.emplace_back(statement.column_int64(kTokenColumnCount));
      else
        sort_values.emplace_back(statement.column_text(kTokenColumnCount));
    }
  }
  if (page.tokens.size() > static_cast<std::size_t>(filter.limit)) {
    page.tokens.resize(static_cast<std::size_t>(filter.limit));
    page.next = ListPosition{sort_values[page.tokens.size() - 1], page.tokens.back().token.id};
  }
  load_grants(page.tokens);
  return page;
}

std::vector<UserRef> TokenStore::creators(std::int64_t workspace_id) {
  Statement statement = db_.prepare(
      "SELECT DISTINCT u.id, u.name, u.name_key FROM access_tokens t "
      "JOIN users u ON u.id = t.created_by "
      "WHERE t.workspace_id = ? AND t.status != 'revoked' ORDER BY u.name_key, u.id");
  statement.bind(1, workspace_id);
  std::vector<UserRef> people;
  while (statement.step()) people.push_back({statement.column_int64(0), statement.column_text(1)});
  return people;
}

// ---------------------------------------------------------------------------
// [SECTION] Authentication: lookup by secret hash, last use

std::optional<StoredToken> TokenStore::find_by_secret_hash(const TokenHash &secret_hash,
                                                           std::int64_t now) {
  // The request path of every Bearer request, so one statement does it all: the token
  // row with its owner's current role (kTokenSource), its workspace's name, and one row
  // per project grant (none: one row whose grant columns are NULL). One statement reads
  // one snapshot on both backends (SQLite: the statement's own read transaction;
  // PostgreSQL: a statement's snapshot), so an edit of the row and its grants is never
  // seen half-done without a BEGIN/ROLLBACK around it. Plain LEFT JOINs keep every
  // step an index lookup (a parenthesized grant-and-project join is materialized whole
  // by SQLite); a grant whose project row is missing is skipped, as load_grants()'s
  // inner join does. Grants are put in project-name order here rather than by ORDER BY,
  // which would cost SQLite a temporary B-tree per request. The texts are built once:
  // they are also the keys of the connection's prepared-statement cache.
  //
  // A previous value (a rotation's overlap) is a second statement on its own partial
  // unique index, run only when the current value misses: an OR of the two hash
  // columns in one WHERE would defeat both indexes, and a valid current value, the
  // common case, still costs one statement. Its end is decided by the row, so every
  // server process stops accepting it at the same second.
  static const std::string select = kTokenColumns + ", p.id, p.name, g.role, p.name_key, w.name" +
                                    kTokenSource +
                                    "LEFT JOIN workspaces w ON w.id = t.workspace_id "
                                    "LEFT JOIN access_token_projects g ON g.token_id = t.id "
                                    "LEFT JOIN projects p ON p.id = g.project_id ";
  static const std::string by_current =
      select + "WHERE t.secret_hash = ? AND t.status != 'revoked'";
  static const std::string by_previous =
      select +
      "WHERE t.previous_secret_hash = ? AND t.status != 'revoked' "
      "AND t.previous_value_expires_at >= ?";
  if (std::optional<StoredToken> stored = find_for_bearer(by_current, secret_hash, std::nullopt))
    return stored;
  std::optional<StoredToken> stored = find_for_bearer(by_previous, secret_hash, now);
  if (stored) stored->by_previous_value = true;
  return stored;
}

std::optional<std::int64_t> TokenStore::authority_generation(std::int64_t token_id,
                                                             const TokenHash &secret_hash,
                                                             bool previous_value) {
  // The primary key finds the row; the hash, compared in that row, makes sure it is
  // still the token the caller verified (and, for a previous value, that it still is one).
  static const std::string by_current =
      "SELECT authority_generation FROM access_tokens WHERE id = ?1 AND secret_hash = ?2 "
      "AND status = 'enabled'";
  static const std::string by_previous =
      "SELECT authority_generation FROM access_tokens WHERE id = ?1 "
      "AND previous_secret_hash = ?2 AND status = 'enabled'";
  Statement statement = db_.prepare(previous_value ? by_previous : by_current);
  statement.bind(1, token_id).bind_blob(2, secret_hash.data(), secret_hash.size());
  if (!statement.step()) return std::nullopt;
  const std::int64_t generation = statement.column_int64(0);
  statement.run();
  return generation;
}

std::optional<StoredToken> TokenStore::find_for_bearer(const std::string &sql,
                                                       const TokenHash &secret_hash,
                                                       std::optional<std::int64_t> now) {
  constexpr int kProjectId = kTokenColumnCount;
  constexpr int kProjectName = kTokenColumnCount + 1;
  constexpr int kGrantRole = kTokenColumnCount + 2;
  constexpr int kProjectNameKey = kTokenColumnCount + 3;
  constexpr int kWorkspaceName = kTokenColumnCount + 4;
  Statement statement = db_.prepare(sql);
  statement.bind_blob(1, secret_hash.data(), secret_hash.size());
  if (now) statement.bind(2, *now);
  if (!statement.step()) return std::nullopt;
  StoredToken stored = read_token(statement);
  stored.workspace_name = statement.column_optional_text(kWorkspaceName);
  std::vector<std::pair<std::string, ProjectGrant>> grants;  // by name key, then id
  do {
    if (statement.column_is_null(kProjectId)) continue;
    std::optional<ProjectRole> role = parse_project_role(statement.column_text(kGrantRole));
    if (!role) continue;
    grants.push_back(
        {statement.column_text(kProjectNameKey),
         {statement.column_int64(kProjectId), statement.column_text(kProjectName), *role}});
  } while (statement.step());
  std::sort(grants.begin(), grants.end(), [](const auto &a, const auto &b) {
    return a.first != b.first ? a.first < b.first : a.second.project_id < b.second.project_id;
  });
  for (auto &grant : grants) stored.token.projects.push_back(std::move(grant.second));
  return stored;
}

std::vector<StoredToken> TokenStore::enabled_expiring_between(std::int64_t workspace_id,
                                                              std::int64_t from, std::int64_t to) {
  std::vector<StoredToken> found;
  {
    Statement statement = db_.prepare(kSelectToken +
                                      "WHERE t.workspace_id = ? AND t.status = 'enabled' "
                                      "AND t.expires_at BETWEEN ? AND ? ORDER BY t.id");
    statement.bind(1, workspace_id).bind(2, from).bind(3, to);
    while (statement.step()) found.push_back(read_token(statement));
  }
  load_grants(found);
  return found;
}

std::vector<StoredToken> TokenStore::disable_unused(std::int64_t workspace_id, std::int64_t cutoff,
                                                    std::int64_t now) {
  // Last active: its last call, or a person's last change (an edit, a rotation, enabling
  // it again), or its creation; the latest of them. Expired tokens are left alone: they
  // are refused anyway, and disabling them would only add noise to the audit log.
  const std::string unused =
      "t.workspace_id = :workspace AND t.status = 'enabled' "
      "AND (t.expires_at IS NULL OR t.expires_at >= :now) "
      "AND t.created_at < :cutoff AND t.updated_at < :cutoff "
      "AND (t.last_used_at IS NULL OR t.last_used_at < :cutoff)";
  std::vector<StoredToken> found;
  {
    Statement statement = db_.prepare(kSelectToken + "WHERE " + unused + " ORDER BY t.id");
    statement.bind(statement.parameter_index(":workspace"), workspace_id)
        .bind(statement.parameter_index(":now"), now)
        .bind(statement.parameter_index(":cutoff"), cutoff);
    while (statement.step()) found.push_back(read_token(statement));
  }
  if (found.empty()) return found;
  load_grants(found);
  Statement update = db_.prepare(
      "UPDATE access_tokens SET status = 'disabled', disabled_reason = 'unused', "
      "updated_at = :now WHERE id IN (SELECT t.id FROM access_tokens t WHERE " +
      unused + ")");
  update.bind(update.parameter_index(":workspace"), workspace_id)
      .bind(update.parameter_index(":now"), now)
      .bind(update.parameter_index(":cutoff"), cutoff);
  update.run();
  return found;
}

void TokenStore::record_use(std::int64_t token_id, std::int64_t now, std::int64_t min_interval) {
  db_.prepare(
         "UPDATE access_tokens SET last_used_at = ?1 WHERE id = ?2 "
         "AND (last_used_at IS NULL OR last_used_at <= ?1 - ?3)")
      .bind(1, now)
      .bind(2, token_id)
      .bind(3, min_interval)
      .run();
}

}  // namespace hawzu::server
