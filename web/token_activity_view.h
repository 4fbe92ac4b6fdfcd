// The Activity section of a token's details: its latest audit entries (who did what,
// when, from where), and a link to all of them on the Audit log page.
#pragma once

#include "web/ui_state.h"

namespace hawzu {

// Draws nothing for people who may not read the audit log.
void draw_token_activity(UiState &state, float width);

}  // namespace hawzu
