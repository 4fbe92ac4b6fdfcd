// A validation failure tied to one request field, as it appears in problem+json
// `errors[]` and next to the field in the web app.
#pragma once

#include <string>
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

}  // namespace hawzu
