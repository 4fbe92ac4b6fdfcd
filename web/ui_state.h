// The plain state the screens draw from. Screens read it, edit the parts a person edits
// (a draft being typed), and record what the person asked for in `Intents`; the app
// (app.cpp) turns intents into API requests and writes the answers back here.
#pragma once

#include "web/audit_event.h"
#include "web/load_state.h"
#include "web/policy_state.h"
#include "web/secret_field.h"

#include "shared/access_token.h"
#include "shared/access_token_request.h"
#include "shared/calendar.h"
#include "shared/field_error.h"
#include "shared/roles.h"
#include "shared/token_policy.h"
#include "shared/token_rotation.h"
#include "shared/token_sort.h"
#include "shared/token_usage.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hawzu {

// Who is signed in, in which workspace (GET /api/v1/session).
struct SessionInfo {
  std::int64_t user_id = 0;
  std::string user_name;
  std::string user_email;
  std::int64_t workspace_id = 0;
  std::string workspace_name;
  WorkspaceRole workspace_role = WorkspaceRole::viewer;
  bool can_manage_access_tokens = false;
  bool can_read_audit_log = false;
  bool can_read_token_policy = false;    // the Token policy page
  bool can_manage_token_policy = false;  // and change it (else it is read-only)
};

struct ProjectOption {
  std::int64_t id = 0;
  std::string name;
};

// The create window's pickers (GET .../access-tokens/options).
struct TokenOptions {
  std::vector<WorkspaceRole> workspace_roles;  // assignable, not above the caller
  std::vector<ProjectRole> project_roles;
  std::vector<ProjectOption> projects;
  std::vector<UserRef> creators;  // who created the live tokens (the created-by filter)
  TokenPolicy policy;             // the workspace's token policy: the expiry choices obey it
};

struct DatePickerState {
  bool open = false;
  int year = 0;  // the month shown
  int month = 0;
};

// A date range filter: both ends optional, local days, inclusive.
struct DateRange {
  std::optional<CivilDate> from;
  std::optional<CivilDate> to;
  DatePickerState from_picker;
  DatePickerState to_picker;
  bool active() const { return from.has_value() || to.has_value(); }
};

// What the person asked the list to show: searched, filtered and sorted by the server
// (the sort fields and their names: shared/token_sort.h).

// The list's status filter: the statuses, and the active tokens that expire soon.
enum class StatusFilter { enabled, expiring_soon, disabled, expired };

struct TokenListQuery {
  std::string search;
  std::optional<AccessType> access_type;
  std::optional<StatusFilter> status;
  std::optional<std::int64_t> created_by;
  DateRange created;
  DateRange expires;
  TokenSort sort = kDefaultTokenSort;
  bool descending = kDefaultSortDescending;
  bool filtered() const {
    return !search.empty() || access_type || status || created_by || created.active() ||
           expires.active();
  }
};

// The table's rows: the pages loaded so far, in the server's order. Further pages load
// as the person scrolls towards the end.
struct TokenListState {
  TokenListQuery query;
  std::vector<AccessToken> tokens;
  std::string next_cursor;  // empty when every page is loaded
  // Whether the rows on show answer a search or filter. Until a new answer arrives they
  // decide between the empty state and the "no match" card, so clearing a filter that
  // matched nothing does not flash the empty state (and close the toolbar's popovers).
  bool rows_filtered = false;
  LoadState load;  // the first page of the current query
  bool loading_more = false;
  std::string more_error;
  int generation = 0;           // bumped per new query: older answers are dropped
  double search_edited_at = 0;  // emscripten_get_now() of the last keystroke (debounce)
  // The server does not show this person the list (403): a notice replaces the table.
  bool forbidden = false;
};

// The fields the create window and the edit mode of the details window share.
struct TokenFormState {
  AccessTokenDraft draft;
  bool focus_name = false;     // give the name field the keyboard until it has it
  bool name_edited = false;    // show name problems only once the person typed
  FieldErrors server_errors;   // from the last attempt, cleared when a field changes
  std::string server_message;  // an error not tied to a field
  bool submitting = false;
  DatePickerState date_picker;
  bool child_popup_was_open = false;  // a list or the calendar, last frame (for Esc)
};

struct CreateWindowState {
  bool open = false;
  bool appearing = false;  // open the window this frame
  TokenFormState form;
};

// The token value lives in a fixed buffer so it can be overwritten when the window
// closes: the only copy the page keeps.
struct CreatedWindowState {
  bool open = false;
  SecretBuffer token{};
  AccessToken access_token;
  CopyFeedback copy;
  bool rotated = false;  // the new value of an existing token, not a new token
};

// One token's details; in edit mode the same window holds the edit form.
// A token's latest audit entries, in its details window.
struct TokenActivityState {
  std::vector<AuditEvent> events;
  bool more = false;  // older entries exist (the Audit log page shows them)
  LoadState load;
};

// The token's recorded usage in its details window (web/token_usage_view.cpp), fetched
// when the window opens.
struct TokenUsageState {
  bool loading = false;
  bool loaded = false;
  std::string error;  // the fetch failed: said in place of the usage
  TokenUsage usage;
};

struct DetailsWindowState {
  bool open = false;
  TokenActivityState activity;
  AccessToken token;  // as the server last described it
  bool editing = false;
  TokenFormState edit;
  bool new_expiry = false;  // the person chose a new expiry (else the current one stays)
  bool busy = false;        // a disable or enable is on its way
  std::string error;        // the last action's failure, for the person
  TokenUsageState usage;
};

// "Revoke access token?": names the token and says it is permanent.
struct RevokeWindowState {
  bool open = false;
  AccessToken token;
  bool submitting = false;
  std::string error;
  bool return_to_details = false;  // Cancel goes back to the details window
};

// "Rotate access token": the overlap choice and, optionally, a new expiry. The form's
// draft holds only the expiry choice (its other fields are not drawn).
struct RotateWindowState {
  bool open = false;
  AccessToken token;
  RotationOverlap overlap = RotationOverlap::one_day;
  TokenFormState form;
  bool new_expiry = false;         // another expiry was chosen (else the current one stays)
  bool return_to_details = false;  // Cancel goes back to the details window
};

// A short confirmation at the bottom of the page ("CI Runner was disabled.").
struct Toast {
  std::string message;
  double shown_at = 0;  // emscripten_get_now()
};

// The Audit log page's filters (GET .../audit-events): all optional.
struct AuditLogQuery {
  std::optional<std::string> action;
  std::optional<std::int64_t> actor_id;
  std::optional<std::int64_t> token_id;  // set from a token's details ("See all activity")
  std::string token_name;                // for the filter chip
  DateRange dates;
  bool filtered() const { return action || actor_id || token_id || dates.active(); }
};

// The Audit log page: entries newest first, further pages as the person scrolls.
struct AuditLogState {
  AuditLogQuery query;
  std::vector<AuditEvent> events;
  std::string next_cursor;  // empty when every page is loaded
  LoadState load;
  bool loading_more = false;
  std::string more_error;
  int generation = 0;           // bumped per new query: older answers are dropped
  std::vector<UserRef> people;  // the workspace's members, for the person filter
  bool people_requested = false;
};

enum class AppPage { access_tokens, audit_log, token_policy };

enum class TokenAction { disable, enable };

// What the person asked for during a frame; handled by the app after the frame.
struct Intents {
  bool sign_out = false;
  bool reload_tokens = false;
  bool load_more_tokens = false;
  bool reload_options = false;
  bool open_create = false;
  bool submit_create = false;
  bool close_create = false;
  bool close_created = false;
  std::optional<std::int64_t> open_details;
  std::optional<std::int64_t> edit_token;  // open the details window in edit mode
  bool start_edit = false;
  bool cancel_edit = false;
  bool submit_edit = false;
  bool close_details = false;
  std::optional<std::pair<std::int64_t, TokenAction>> lifecycle;
  std::optional<std::int64_t> ask_revoke;
  bool confirm_revoke = false;
  bool cancel_revoke = false;
  std::optional<AppPage> show_page;
  std::optional<std::int64_t> show_token_activity;  // the Audit log page for one token
  bool reload_audit_log = false;
  bool load_more_audit_log = false;
  bool export_audit_log = false;
  std::optional<std::int64_t> ask_rotate;
  bool submit_rotate = false;
  bool cancel_rotate = false;
  bool save_policy = false;
  bool save_webhook = false;
  bool remove_webhook = false;
  bool test_webhook = false;
  bool reload_deliveries = false;
  bool dismiss_webhook_secret = false;
};

enum class AppScreen { starting, signed_out, signed_in };

struct UiState {
  AppScreen screen = AppScreen::starting;
  bool signing_out = false;
  SessionInfo session;
  AppPage page = AppPage::access_tokens;
  TokenOptions options;
  LoadState options_load;
  TokenListState list;
  AuditLogState audit;
  PolicyPageState policy_page;
  CreateWindowState create;
  CreatedWindowState created;
  DetailsWindowState details;
  RevokeWindowState revoke;
  RotateWindowState rotate;
  Toast toast;
  Intents intents;
  std::int64_t now_unix = 0;   // this frame's time
  int utc_offset_minutes = 0;  // the browser's offset now (for expiry choices)
};

}  // namespace hawzu
