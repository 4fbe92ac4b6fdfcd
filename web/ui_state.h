// The plain state the screens draw from. Screens read it, edit the parts a person edits
// (a draft being typed), and record what the person asked for in `Intents`; the app
// (app.cpp) turns intents into API requests and writes the answers back here.
#pragma once

#include "shared/access_token.h"
#include "shared/access_token_request.h"
#include "shared/calendar.h"
#include "shared/field_error.h"
#include "shared/roles.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
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
};

// A request's progress as the UI shows it.
struct LoadState {
  bool loading = false;
  bool loaded = false;
  std::string error;  // a sentence for the person; empty when fine
};

struct TokenListState {
  std::vector<AccessToken> tokens;
  LoadState load;
  // The server does not show this person the list (403): a notice replaces the table.
  bool forbidden = false;
};

struct DatePickerState {
  bool open = false;
  int year = 0;  // the month shown
  int month = 0;
};

struct CreateWindowState {
  bool open = false;
  bool appearing = false;   // open the window this frame
  bool focus_name = false;  // give the name field the keyboard until it has it
  AccessTokenDraft draft;
  bool name_edited = false;    // show name problems only once the person typed
  FieldErrors server_errors;   // from the last create attempt, cleared when a field changes
  std::string server_message;  // an error not tied to a field
  bool submitting = false;
  DatePickerState date_picker;
  bool child_popup_was_open = false;  // a list or the calendar, last frame (for Esc)
};

// The token value lives in a fixed buffer so it can be overwritten when the window
// closes: the only copy the page keeps.
struct CreatedWindowState {
  bool open = false;
  std::array<char, 64> token{};
  AccessToken access_token;
  bool copy_requested = false;  // this window asked the clipboard for a copy
  double copied_at = 0;         // emscripten_get_now() when the copy was confirmed
};

struct DetailsWindowState {
  bool open = false;
  std::int64_t token_id = 0;
};

// What the person asked for during a frame; handled by the app after the frame.
struct Intents {
  bool sign_out = false;
  bool reload_tokens = false;
  bool reload_options = false;
  bool open_create = false;
  bool submit_create = false;
  bool close_create = false;
  bool close_created = false;
  std::optional<std::int64_t> open_details;
};

enum class AppScreen { starting, signed_out, signed_in };

struct UiState {
  AppScreen screen = AppScreen::starting;
  bool signing_out = false;
  SessionInfo session;
  TokenOptions options;
  LoadState options_load;
  TokenListState list;
  CreateWindowState create;
  CreatedWindowState created;
  DetailsWindowState details;
  Intents intents;
  std::int64_t now_unix = 0;   // this frame's time
  int utc_offset_minutes = 0;  // the browser's offset now (for expiry choices)
};

}  // namespace hawzu
