// The create/edit request model for access tokens and its validation
// (docs/product.md#create-window, docs/product.md#token-management). The web app's create/edit
// window holds an AccessTokenDraft and validates it every frame; the server parses the JSON body
// into the same draft and runs the same validation, then adds the checks that need the database
// (project exists in the workspace, name unique). Pure functions; thread-safe.
#pragma once

#include "calendar.h"
#include "expiry.h"
#include "field_error.h"
#include "roles.h"
#include "token_policy.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu {

enum class AccessType { workspace, project };

std::string_view wire_name(AccessType type);     // "workspace" | "project"
std::string_view display_name(AccessType type);  // "Workspace" | "Project"
std::optional<AccessType> parse_access_type(std::string_view wire);

inline constexpr std::size_t kMaxTokenNameLength = 80;  // Unicode code points
inline constexpr std::size_t kMaxProjectGrants = 100;

// One project row. In the web form a row may be incomplete (nothing chosen yet);
// a request that reaches the server must have both.
struct ProjectGrantDraft {
  std::optional<std::int64_t> project_id;
  std::optional<ProjectRole> role;
  bool is_complete() const { return project_id.has_value() && role.has_value(); }
};

struct AccessTokenDraft {
  std::string name;  // as typed; validation trims it
  std::optional<AccessType> access_type;
  std::optional<WorkspaceRole> workspace_role;  // workspace tokens
  std::vector<ProjectGrantDraft> projects;      // project tokens
  ExpiryChoice expiry;                          // default: 1 Week
};

// Who is asking and when: the rules depend on the creator's rank and today's date.
// The workspace's token policy bounds the expiry (shared/token_policy.h); the default
// policy has no limits.
struct ValidationContext {
  WorkspaceRole creator_role = WorkspaceRole::viewer;
  std::int64_t now_unix = 0;
  TokenPolicy policy;
};

// Name rules: trimmed of Unicode white space (White_Space, not only ASCII); valid UTF-8;
// 1..80 code points; no control characters (C0, DEL, C1), no line or paragraph
// separators, no format characters (Cf: zero-width space and joiners, word joiner,
// bidirectional controls, soft hyphen, byte order mark) and no unassigned code points
// (shared/unicode_text.h).
std::string trim_token_name(std::string_view name);
std::optional<std::string> token_name_problem(std::string_view trimmed_name);

// The key two names collide on: the full Unicode case folding of the name ("ÉCOLE" and
// "école" collide, and so do "STRASSE" and "straße").
std::string token_name_key(std::string_view trimmed_name);

// Every rule of docs/product.md#create-window that needs no database. Errors use wire field paths.
// The order is the order of the form (name, access type, roles, expiry).
FieldErrors validate_access_token_draft(const AccessTokenDraft &draft,
                                        const ValidationContext &context);

// What the web app shows next to a disabled Create Token button: the first thing
// missing or wrong, phrased as an instruction ("Choose a workspace role."), or nullopt
// when the draft is valid.
std::optional<std::string> first_blocking_reason(const AccessTokenDraft &draft,
                                                 const ValidationContext &context);

// For the project-row pickers: projects not already chosen in another row.
// `row` is the index of the row asking (its own choice stays available).
std::vector<std::int64_t> projects_available_for_row(const AccessTokenDraft &draft, std::size_t row,
                                                     const std::vector<std::int64_t> &all);

// "Add another project" is allowed only when every row is complete (and fewer than
// kMaxProjectGrants rows exist).
bool can_add_project_row(const AccessTokenDraft &draft);

// ---------------------------------------------------------------------------
// Wire format.

// Parses a create body. Unknown fields, wrong JSON types and unknown enum values are
// reported as field errors (and parsing continues, so all problems are reported at
// once). The draft then still needs validate_access_token_draft().
FieldErrors parse_create_request(const nlohmann::json &body, AccessTokenDraft &draft);

// One member of an edit body as read: whether it was sent, what it reads as, and the
// errors found reading it (a member with errors may still hold what could be read).
template <typename T>
struct EditedField {
  bool sent = false;
  T value{};
  FieldErrors errors;
};

// An edit (PATCH) body as read without the token it edits. Which members a token may
// change depends on its access type, so those rules wait for apply_edit_request().
struct AccessTokenEdit {
  bool body_is_object = true;
  FieldErrors body_errors;  // not a JSON object, or unknown members
  EditedField<std::string> name;
  EditedField<std::optional<AccessType>> access_type;
  EditedField<std::optional<WorkspaceRole>> workspace_role;  // null reads as none
  EditedField<std::vector<ProjectGrantDraft>> projects;      // null reads as no rows
  EditedField<ExpiryChoice> expiry;
};

AccessTokenEdit read_edit_request(const nlohmann::json &body);

// Applies a read edit body onto `draft`, which holds the token's current values, and
// returns every field error, in the order of the body's members as parse_create_request
// reports them. Members absent from the body keep their value. `access_type`, if sent,
// must equal the current one ("access_type" error: the access type cannot be changed);
// a project token takes no workspace role but null, a workspace token no project rows.
// The flag tells whether an "expiry" was sent (absent: the current expiry instant is kept).
FieldErrors apply_edit_request(const AccessTokenEdit &edit, AccessTokenDraft &draft,
                               bool &expiry_sent);

// read_edit_request() and apply_edit_request() in one.
FieldErrors parse_edit_request(const nlohmann::json &body, AccessTokenDraft &draft,
                               bool &expiry_sent);

// An "expiry" member read exactly as create reads it (errors under "expiry.*"), and
// the expiry rules of validate_access_token_draft() alone: for bodies that carry an
// expiry beside other things than a draft (shared/token_rotation.h).
ExpiryChoice parse_expiry(const nlohmann::json &value, FieldErrors &errors);
FieldErrors validate_expiry(const ExpiryChoice &expiry, std::int64_t now_unix);

// The create body for a draft, as the web app sends it (name trimmed; only the fields
// of its access type; expiry.date only for custom).
nlohmann::json to_create_request(const AccessTokenDraft &draft);

// The parts of a request body: project rows, and an expiry choice.
nlohmann::json to_projects_json(const std::vector<ProjectGrantDraft> &projects);
nlohmann::json to_expiry_json(const ExpiryChoice &choice);

}  // namespace hawzu
