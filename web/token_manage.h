// The manage actions of docs/product.md#manage-a-token, from the person's intent to the server's
// answer: the details window and its edit mode, disable and enable, revoke after the
// confirmation, and rotate (docs/product.md#rotating-a-token). A changed token is replaced in the
// table where it stands; a revoked one leaves it.
#pragma once

#include "web/ui_state.h"

#include <cstdint>
#include <string>

namespace hawzu {

void open_token_details(UiState &state, std::int64_t token_id, bool edit);
void close_token_details(UiState &state);
// Fetches the open token's usage into state.details.usage (once at a time).
void load_token_usage(UiState &state);
void start_token_edit(UiState &state);
void cancel_token_edit(UiState &state);
void submit_token_edit(UiState &state);

void change_token_state(UiState &state, std::int64_t token_id, TokenAction action);

// Opens the one-time token window on `token` (the page's only copy of a value, wiped
// when the window closes), after a create or a rotation.
void present_token_value(UiState &state, const std::string &token, AccessToken access_token,
                         bool rotated);

void ask_to_rotate(UiState &state, std::int64_t token_id);
void submit_rotate(UiState &state);
void cancel_rotate(UiState &state);

void ask_to_revoke(UiState &state, std::int64_t token_id);
void confirm_revoke(UiState &state);
void cancel_revoke(UiState &state);

// How long a toast stays on screen.
inline constexpr double kToastMilliseconds = 5000;
void show_toast(UiState &state, std::string message);

}  // namespace hawzu
