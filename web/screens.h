// The screens and windows of the app. Each is a function that draws one frame of it
// from the UI state, edits what the person edits and records intents (ui_state.h).
#pragma once

#include "web/ui_state.h"

namespace hawzu {

// The whole signed-in page: top bar, the page chosen there (Access Tokens, Audit log, Token
// policy), and any open window.
void draw_app(UiState &state);

void draw_top_bar(UiState &state, float height);
void draw_tokens_page(UiState &state);
// The workspace's audit log, for Owners and Managers.
void draw_audit_log_page(UiState &state);
// The workspace's token policy and webhook: Owners edit, Managers read.
void draw_token_policy_page(UiState &state);
// Its webhook card, `width` wide.
void draw_webhook_section(UiState &state, float width);
void draw_token_toolbar(UiState &state, float width);
// "3 tokens match · Clear search and filters", while a search or filter is on.
void draw_filter_summary(UiState &state);
void draw_token_table(UiState &state, float width);
void draw_create_token_window(UiState &state);
void draw_token_created_window(UiState &state);
void draw_token_details_window(UiState &state);
// The usage section of the details window: last used from, the 30-day chart, the
// recent calls. `content` is the window's content width.
void draw_token_usage(UiState &state, float content);
void draw_revoke_token_window(UiState &state);
void draw_rotate_token_window(UiState &state);
// The toast at the bottom of the page, while it lasts.
void draw_toast(UiState &state);

// A month calendar for the custom expiry date. Days before `earliest` or after `latest`
// cannot be chosen. Returns true when a day was clicked (then `chosen` holds it).
bool draw_date_picker(DatePickerState &picker, std::optional<CivilDate> &chosen,
                      const CivilDate &earliest, const CivilDate &latest, const CivilDate &today);

}  // namespace hawzu
