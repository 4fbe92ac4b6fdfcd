// Editing an existing token (docs/product.md#manage-a-token): the draft the edit form starts from,
// and the PATCH body holding only what the person changed. The access type is locked, so
// it is never sent; an unchanged expiry is not sent either (the server then keeps the
// current expiry instant instead of counting a new one from now).
#pragma once

#include "access_token.h"
#include "access_token_request.h"

#include <nlohmann/json_fwd.hpp>

namespace hawzu {

// The token's current values as a draft. The expiry choice is a placeholder (1 Week in
// `utc_offset_minutes`): the form offers "keep the current expiry" until it is changed.
AccessTokenDraft draft_from_token(const AccessToken &token);

// The PATCH body for `draft` against `original`: "name" (trimmed) when it changed,
// "workspace_role" or "projects" (all rows, in the draft's order) when the grants
// changed, "expiry" when `new_expiry` is set. An empty object means nothing changed.
nlohmann::json to_edit_request(const AccessToken &original, const AccessTokenDraft &draft,
                               bool new_expiry);

}  // namespace hawzu
