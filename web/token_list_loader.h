// Loading the token table from the server: the first page of the current query, further
// pages as the person scrolls, and a reload once the search text has settled.
#pragma once

#include "web/ui_state.h"

namespace hawzu {

// Starts over with the first page of state.list.query; answers to older queries are
// dropped. The rows on show stay until the new page arrives (no flicker while typing).
void reload_token_list(UiState &state);
void load_more_tokens(UiState &state);

// Typing in the search box reloads once no key was pressed for this long.
inline constexpr double kSearchSettleMilliseconds = 250;
// Called every frame: reloads when the search text changed and has settled.
void reload_when_search_settled(UiState &state);

}  // namespace hawzu
