// A validation failure tied to one request field, as it appears in problem+json
// `errors[]` and next to the field in the web app.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hawzu {

struct FieldError {
  // Dotted path of the field on the wire: "name", "workspace_role",
  // "projects[1].role", "expiry.date". Empty for an error about the whole body.
  std::string field;
  // One sentence a person can act on: "Token name is required."
  std::string message;
};

using FieldErrors = std::vector<FieldError>;

// The first error for `field`, or nullptr.
const FieldError *find_field_error(const FieldErrors &errors, const std::string &field);

// "Must be one of: a, b, c." for the wire names of `values`, the message of a field that
// names something outside a closed list.
template <typename Enum, typename Values>
std::string must_be_one_of(const Values &values, std::string_view (*name_of)(Enum)) {
  std::string message = "Must be one of: ";
  bool first = true;
  for (Enum value : values) {
    if (!first) message += ", ";
    message += name_of(value);
    first = false;
  }
  return message + ".";
}

}  // namespace hawzu
