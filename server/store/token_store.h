// Access tokens as stored: the row, its project grants, the keyed hash of the secret
// (never the secret), and the stored lifecycle state. Whether a token is expired is
// not stored; it follows from expires_at and the time of the question.
//
// The partial UNIQUE index access_tokens_live_name makes a name unique among the
// workspace's tokens that are not revoked; insert() and update() report a collision
// instead of throwing, so a race between two creates ends in one 201 and one 409.
// Not thread-safe.
#pragma once

#include "db/database.h"
#include "security/token_hasher.h"
#include "shared/access_token.h"
#include "shared/token_sort.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hawzu::server {

// The lifecycle state kept in the status column.
enum class TokenState { enabled, disabled, revoked };

struct StoredToken {
  // The API's view. `token.status` is enabled or disabled from the state; the service
  // turns it into expired when the expiry has passed (see token_service.h).
  AccessToken token;
  std::int64_t workspace_id = 0;
  TokenState state = TokenState::enabled;
  // The owner's role in the workspace as of this read; nullopt once they left it.
  std::optional<WorkspaceRole> owner_role;
  // The workspace's name, read with the token by find_by_secret_hash() only.
  std::optional<std::string> workspace_name;
  // Moved on by every change that can alter what the token may do (SQLite migration 9, PostgreSQL 6; the
  // rule in auth/verified_token_cache.h).
  std::int64_t authority_generation = 0;
  // find_by_secret_hash(): the hash matched the previous value of a rotation's overlap.
  bool by_previous_value = false;
};

struct NewTokenRow {
  std::int64_t workspace_id = 0;
  std::string name;      // trimmed
  std::string name_key;  // shared token_name_key(name)
  std::string identifier;
  TokenHash secret_hash{};
  AccessType access_type = AccessType::workspace;
  std::optional<WorkspaceRole> workspace_role;
  std::vector<ProjectGrant> projects;  // project_id and role; names are not stored here
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> expires_at;
};

struct TokenChanges {
  std::string name;
  std::string name_key;
  std::optional<WorkspaceRole> workspace_role;
  std::vector<ProjectGrant> projects;  // replaces all grants (project tokens)
  std::optional<std::int64_t> expires_at;
  std::int64_t updated_at = 0;
};

// What a rotation writes: the new value's identifier and hash, and how long the value
// it replaces keeps working (nullopt: it stops at once, and no previous hash is kept).
struct TokenRotationRow {
  std::string identifier;
  TokenHash secret_hash{};
  std::optional<std::int64_t> previous_value_expires_at;
  std::optional<std::int64_t> expires_at;
  std::int64_t updated_at = 0;
};

// ---------------------------------------------------------------------------
// Listing with keyset pagination, in the sort vocabulary of shared/token_sort.h.

// The value a row sorts by: a number (times) or text (names, types, status).
using SortValue = std::variant<std::int64_t, std::string>;

// Whether the rows' sort values under `sort` are numbers (else text).
bool sorts_by_number(TokenSort sort);

// A place in the ordering: strictly after (sort value, id) in the list's direction.
// The id breaks ties, so rows with equal sort values are neither skipped nor repeated.
struct ListPosition {
  SortValue sort_value;
  std::int64_t id = 0;
};

struct TokenListFilter {
  std::int64_t workspace_id = 0;
  std::string search;  // q: label, creator name, identifier (substring, any case)
  std::optional<AccessType> access_type;
  std::optional<TokenStatus> status;
  // status=expiring_soon: enabled tokens expiring before the policy's first warning
  // window ends; the service turns the flag into the instant.
  bool expiring_soon = false;
  std::optional<std::int64_t> expiring_before;
  std::optional<std::int64_t> created_by;
  std::optional<std::int64_t> created_from;  // inclusive bounds, Unix seconds
  std::optional<std::int64_t> created_to;
  std::optional<std::int64_t> expires_from;  // tokens that never expire are outside any
  std::optional<std::int64_t> expires_to;    // expiry range
  TokenSort sort = kDefaultTokenSort;
  bool descending = kDefaultSortDescending;
  int limit = 50;
  std::optional<ListPosition> after;
};

struct TokenListPage {
  std::vector<StoredToken> tokens;
  std::optional<ListPosition> next;  // set when more rows follow the last one
};

// The sort value of tokens that never expire: after every real expiry (year 10000).
inline constexpr std::int64_t kNeverExpiresSortValue = 253402300800;

class TokenStore {
 public:
  explicit TokenStore(Connection &connection) : db_(connection) {}

  // The new token's id, or nullopt when the name is taken (the unique index).
  std::optional<std::int64_t> insert(const NewTokenRow &row);

  // A token of the workspace that is not revoked, with its grants.
  std::optional<StoredToken> find_live(std::int64_t workspace_id, std::int64_t token_id);

  // Whether a token other than `except_token_id` that is not revoked has this name key.
  bool name_taken(std::int64_t workspace_id, const std::string &name_key,
                  std::int64_t except_token_id = 0);

  // False when the new name is taken.
  bool update(std::int64_t token_id, const TokenChanges &changes);

  // REQUIRES: the token exists and is not revoked (a revoked one is left as it is).
  // Revoking also sets revoked_at.
  void set_state(std::int64_t token_id, TokenState state, std::int64_t now);

  // Disables the enabled tokens of the workspace owned by `owner_id`, with the reason
  // owner_removed, and returns them as they were before.
  std::vector<StoredToken> disable_owned_by(std::int64_t workspace_id, std::int64_t owner_id,
                                            std::int64_t now);

  void set_owner(std::int64_t token_id, std::int64_t owner_id, std::int64_t now);

  // Disables an enabled token with the reason leaked and where the leak report said its
  // value was found (docs/product.md#leak-reports). False when it was not enabled.
  bool disable_leaked(std::int64_t token_id, const std::string &url, const std::string &source,
                      std::int64_t now);

  // Gives the token a new value. The current value's hash becomes the previous one when
  // `row.previous_value_expires_at` is set, and is dropped otherwise; a previous value
  // kept from an earlier rotation is dropped either way (one previous value at most).
  // REQUIRES: the token exists and is not revoked.
  void rotate(std::int64_t token_id, const TokenRotationRow &row);

  TokenListPage list(const TokenListFilter &filter, std::int64_t now);

  // The people who created the workspace's tokens that are not revoked, by name: the
  // choices of the list's "created by" filter.
  std::vector<UserRef> creators(std::int64_t workspace_id);

  // For Bearer authentication: the token that is not revoked with this secret hash,
  // with its grants, its owner's current role and its workspace's name, all read by
  // one statement (so from one snapshot, without a read transaction). When no current
  // value matches, a second statement looks for a previous value (a rotation's
  // overlap) that is still valid at `now`; the status checks stay the caller's.
  std::optional<StoredToken> find_by_secret_hash(const TokenHash &secret_hash, std::int64_t now);

  // The enabled tokens of the workspace whose expiry falls in [from, to], with grants.
  std::vector<StoredToken> enabled_expiring_between(std::int64_t workspace_id, std::int64_t from,
                                                    std::int64_t to);

  // Disables, with the reason unused, the enabled tokens of the workspace (not expired at
  // `now`) whose creation, last change by a person and last use are all before
  // `cutoff`, and returns them as they were before (docs/product.md#token-policy).
  std::vector<StoredToken> disable_unused(std::int64_t workspace_id, std::int64_t cutoff,
                                          std::int64_t now);

  // The authority generation of the enabled token `token_id` whose current value (or,
  // with `previous_value`, previous value) has this hash; nullopt when there is none.
  // One primary-key read: what a cached Bearer verdict is re-validated with.
  std::optional<std::int64_t> authority_generation(std::int64_t token_id,
                                                   const TokenHash &secret_hash,
                                                   bool previous_value);

  // Sets last_used_at to `now` unless it was set less than `min_interval` seconds
  // ago, so busy tokens cause at most one write per interval (docs/product.md#tokens).
  void record_use(std::int64_t token_id, std::int64_t now, std::int64_t min_interval = 60);

 private:
  void insert_grants(std::int64_t token_id, const std::vector<ProjectGrant> &projects);
  std::optional<StoredToken> find_for_bearer(const std::string &sql, const TokenHash &secret_hash,
                                             std::optional<std::int64_t> now);
  void load_grants(std::vector<StoredToken> &tokens);

  Connection &db_;
};

}  // namespace hawzu::server
