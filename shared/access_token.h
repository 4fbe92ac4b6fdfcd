// The access-token object as the API returns it (docs/product.md#token-management), with JSON
// conversion used by the server to render it and by the web app to read it. Never holds a secret.
#pragma once

#include "access_token_request.h"
#include "roles.h"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hawzu {

enum class TokenStatus { enabled, disabled, expired };
std::string_view wire_name(TokenStatus status);  // "enabled" | "disabled" | "expired"
std::optional<TokenStatus> parse_token_status(std::string_view wire);

// The status rule of a token that is not revoked, as data: conditions in order of
// precedence, each with the status it gives; the first that holds decides. So disabled
// outranks expired, which outranks enabled (a disabled token that has also expired shows
// as disabled). The one statement of the rule: token_status() evaluates it in C++, and
// the store builds its SQL status sort and filter from it (server/store/token_status_sql.h).
enum class TokenStatusCondition {
  disabled,   // the stored state is disabled
  expired,    // the token has an expiry and `now` is past it (shared/expiry.h is_expired)
  otherwise,  // always holds: the last clause
};
struct TokenStatusClause {
  TokenStatusCondition condition;
  TokenStatus status;
};
inline constexpr std::array<TokenStatusClause, 3> kTokenStatusRule{{
    {TokenStatusCondition::disabled, TokenStatus::disabled},
    {TokenStatusCondition::expired, TokenStatus::expired},
    {TokenStatusCondition::otherwise, TokenStatus::enabled},
}};
static_assert(kTokenStatusRule.back().condition == TokenStatusCondition::otherwise,
              "the status rule ends with the clause that always holds");

// The status of a token that is not revoked, at Unix time `now`, by kTokenStatusRule.
TokenStatus token_status(bool disabled, std::optional<std::int64_t> expires_at, std::int64_t now);

struct ProjectGrant {
  std::int64_t project_id = 0;
  std::string project_name;
  ProjectRole role = ProjectRole::viewer;
};

struct UserRef {
  std::int64_t id = 0;
  std::string name;
};

// Why the server, not a person, disabled a token; shown in its details.
enum class DisabledReason {
  owner_removed,  // its owner was removed from the workspace
  unused,         // unused for longer than the workspace policy allows
  leaked,         // a secret scanner reported its value (see TokenLeak)
};
std::string_view wire_name(DisabledReason reason);  // "owner_removed" | "unused" | "leaked"
std::optional<DisabledReason> parse_disabled_reason(std::string_view wire);

// Where a leak report said the token's value was found (docs/product.md#leak-reports).
struct TokenLeak {
  std::string url;     // as the scanner reported it
  std::string source;  // the scanner's name for where it looked ("commit", "gist", ...)
  std::int64_t reported_at = 0;
};

struct AccessToken {
  std::int64_t id = 0;
  std::string name;
  std::string identifier;  // "hwz_Ab12Cd34", public
  AccessType access_type = AccessType::workspace;
  std::optional<WorkspaceRole> workspace_role;  // workspace tokens
  std::vector<ProjectGrant> projects;           // project tokens
  TokenStatus status = TokenStatus::enabled;
  UserRef created_by;
  // The member whose authority the token acts under: its creator, until an Owner or
  // Manager enables it after its owner left. Bearer requests are bounded by the
  // owner's current role as well as the token's own.
  UserRef owner;
  std::optional<DisabledReason> disabled_reason;  // set only while disabled by the server
  std::int64_t created_at = 0;                    // Unix seconds
  std::optional<std::int64_t> expires_at;         // Unix seconds, last valid second
  std::optional<std::int64_t> last_used_at;
  // After a rotation with an overlap: the last second the previous value still
  // authenticates (docs/product.md#rotating-a-token). Nullopt without an overlap, and
  // in the API object once that second has passed.
  std::optional<std::int64_t> previous_value_expires_at;
  // The client address of its latest recorded call (docs/product.md#usage); written by
  // the usage recorder a second or so after the call.
  std::optional<std::string> last_used_ip;
  // Inside the workspace policy's first expiry warning window (and not yet expired):
  // the Expires soon badge.
  bool expires_soon = false;
  // The latest leak report, kept while the token is disabled because of it.
  std::optional<TokenLeak> leak;
};

// Field names and formats exactly as docs/product.md#token-management: times as RFC 3339 UTC, null
// when absent; workspace_role null for project tokens; projects [] for workspace tokens;
// each project {"project_id","project_name","role"}.
nlohmann::json to_json(const AccessToken &token);
// Returns nullopt when `json` is not a well-formed token object.
std::optional<AccessToken> access_token_from_json(const nlohmann::json &json);

}  // namespace hawzu
