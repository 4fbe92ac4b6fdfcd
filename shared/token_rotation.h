// Rotating an access token (docs/product.md#rotating-a-token): the overlap choices, the
// POST .../access-tokens/{tid}/rotate body and its rules. A rotation gives the token a
// new secret and identifier and keeps everything else; with an overlap, the previous
// value keeps authenticating until previous_value_end(). The web app's rotate window
// builds the body with to_rotate_request(); the server reads it with
// parse_rotate_request() and checks it with validate_rotation(). Pure functions;
// thread-safe.
#pragma once

#include "expiry.h"
#include "field_error.h"
#include "token_policy.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace hawzu {

// How long the previous value keeps working after a rotation.
enum class RotationOverlap { none, one_hour, one_day, one_week };

std::string_view wire_name(RotationOverlap overlap);     // "none" | "1h" | "24h" | "7d"
std::string_view display_name(RotationOverlap overlap);  // "No overlap", "1 hour", ...
std::optional<RotationOverlap> parse_rotation_overlap(std::string_view wire);
const std::vector<RotationOverlap> &all_rotation_overlaps();  // shortest first, none first
std::int64_t overlap_seconds(RotationOverlap overlap);

// The last second the previous value authenticates when rotated at `now` (like
// expires_at, the instant itself is still valid), or nullopt for no overlap.
std::optional<std::int64_t> previous_value_end(RotationOverlap overlap, std::int64_t now_unix);

// What a rotate body asks for. Without `expiry` the token keeps its expiry instant.
struct TokenRotation {
  std::optional<RotationOverlap> overlap;  // required
  std::optional<ExpiryChoice> expiry;      // counted from the rotation, like an edit
};

// Reads a rotate body into `rotation`. Unknown members, wrong JSON types and unknown
// values are field errors ("overlap", "expiry.kind", ...); reading goes on, so every
// problem is reported at once. A body that is not an object is one error (field "").
FieldErrors parse_rotate_request(const nlohmann::json &body, TokenRotation &rotation);

// The rules that need the token: a new expiry must pass the create rules; a token that
// has expired (`current_expires_at` passed at `now`) needs a new expiry, as rotating it
// would otherwise hand out a value that is refused from the start ("expiry" error). The
// expiry the new value gets, kept or new, must obey the workspace's token policy: a
// fresh value is a new credential, so it cannot outlive the policy's limits ("expiry").
FieldErrors validate_rotation(const TokenRotation &rotation,
                              std::optional<std::int64_t> current_expires_at, std::int64_t now_unix,
                              const TokenPolicy &policy = {});

// The body for `rotation`, as the web app sends it ("expiry" only when set).
nlohmann::json to_rotate_request(const TokenRotation &rotation);

}  // namespace hawzu
