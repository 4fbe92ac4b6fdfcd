// The Token policy page's requests: the policy (GET/PUT .../access-token-policy), the
// webhook (GET/PUT/DELETE .../webhook, POST .../webhook/test) and its deliveries. Each
// answer lands in state.policy_page only while the session it was asked under lasts.
#pragma once

#include "web/ui_state.h"

namespace hawzu {

// Everything the page shows, fresh (on every visit: the sweeper and deliveries move on
// while the person is elsewhere).
void load_policy_page(UiState &state);
void save_policy(UiState &state);

void save_webhook(UiState &state);
void remove_webhook(UiState &state);
void send_test_event(UiState &state);
void reload_webhook_deliveries(UiState &state);
// Overwrites the signing secret on show (Done, leaving the page, signing out).
void forget_webhook_secret(UiState &state);

}  // namespace hawzu
