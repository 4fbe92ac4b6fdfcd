// The rotate body and its rules (shared/token_rotation.h).
#include "shared/token_rotation.h"

#include "shared/access_token_request.h"

#include <nlohmann/json.hpp>

namespace hawzu {

std::string_view wire_name(RotationOverlap overlap) {
  switch (overlap) {
    case RotationOverlap::none:
      return "none";
    case RotationOverlap::one_hour:
      return "1h";
    case RotationOverlap::one_day:
      return "24h";
    case RotationOverlap::one_week:
      return "7d";
  }
  return "";
}

std::string_view display_name(RotationOverlap overlap) {
  switch (overlap) {
    case RotationOverlap::none:
      return "No overlap";
    case RotationOverlap::one_hour:
      return "1 hour";
    case RotationOverlap::one_day:
      return "24 hours";
    case RotationOverlap::one_week:
      return "7 days";
  }
  return "";
}

std::optional<RotationOverlap> parse_rotation_overlap(std::string_view wire) {
  for (RotationOverlap overlap : all_rotation_overlaps())
    if (wire_name(overlap) == wire) return overlap;
  return std::nullopt;
}

const std::vector<RotationOverlap> &all_rotation_overlaps() {
  static const std::vector<RotationOverlap> overlaps{
      RotationOverlap::none, RotationOverlap::one_hour, RotationOverlap::one_day,
      RotationOverlap::one_week};
  return overlaps;
}

std::int64_t overlap_seconds(RotationOverlap overlap) {
  switch (overlap) {
    case RotationOverlap::none:
      return 0;
    case RotationOverlap::one_hour:
      return 3600;
    case RotationOverlap::one_day:
      return 24 * 3600;
    case RotationOverlap::one_week:
      return 7 * 24 * 3600;
  }
  return 0;
}

std::optional<std::int64_t> previous_value_end(RotationOverlap overlap, std::int64_t now_unix) {
  if (overlap == RotationOverlap::none) return std::nullopt;
  return now_unix + overlap_seconds(overlap);
}

FieldErrors parse_rotate_request(const nlohmann::json &body, TokenRotation &rotation) {
  rotation = TokenRotation{};
  FieldErrors errors;
  if (!body.is_object()) {
    errors.push_back({"", "The request body must be a JSON object."});
    return errors;
  }
  for (auto it = body.begin(); it != body.end(); ++it)
    if (it.key() != "overlap" && it.key() != "expiry")
      errors.push_back({it.key(), "Unknown field."});

  auto overlap = body.find("overlap");
  if (overlap == body.end()) {
    errors.push_back({"overlap", "Overlap is required."});
  } else if (!overlap->is_string()) {
    errors.push_back({"overlap", "Must be a string."});
  } else {
    rotation.overlap = parse_rotation_overlap(overlap->get<std::string>());
    if (!rotation.overlap)
      errors.push_back(
          {"overlap", must_be_one_of<RotationOverlap>(all_rotation_overlaps(), &wire_name)});
  }
  // Absent keeps the current expiry; when sent it is an object, as in a create body.
  if (auto expiry = body.find("expiry"); expiry != body.end())
    rotation.expiry = parse_expiry(*expiry, errors);
  return errors;
}

FieldErrors validate_rotation(const TokenRotation &rotation,
                              std::optional<std::int64_t> current_expires_at, std::int64_t now_unix,
                              const TokenPolicy &policy) {
  FieldErrors errors;
  if (rotation.expiry) {
    errors = validate_expiry(*rotation.expiry, now_unix);
    if (!errors.empty()) return errors;
    if (std::optional<std::string> problem =
            expiry_policy_problem(policy, compute_expires_at(*rotation.expiry, now_unix), now_unix))
      errors.push_back({"expiry", *problem});
    return errors;
  }
  if (is_expired(current_expires_at, now_unix)) {
    errors.push_back({"expiry", "The token has expired. Choose a new expiry to rotate it."});
  } else if (std::optional<std::string> problem =
                 expiry_policy_problem(policy, current_expires_at, now_unix)) {
    errors.push_back({"expiry", *problem + " Choose a new expiry to rotate it."});
  }
  return errors;
}

nlohmann::json to_rotate_request(const TokenRotation &rotation) {
  nlohmann::json body = nlohmann::json::object();
  body["overlap"] = std::string(wire_name(rotation.overlap.value_or(RotationOverlap::none)));
  if (rotation.expiry) body["expiry"] = to_expiry_json(*rotation.expiry);
  return body;
}

}  // namespace hawzu
