// Reading the JSON bodies of the Hawzu API resources field by field: a body must be an
// object, unknown fields are refused (a typo must not be silently ignored), and each
// field has a type. Shared by project_request.h and test_case_request.h so both report
// mistakes in the same words. Pure functions; thread-safe.
#pragma once

#include "shared/field_error.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>

namespace hawzu::server {

// Field errors for a body that is not an object ("" field), and for each member whose
// name is not in `known` ("Unknown field.").
FieldErrors check_object_fields(const nlohmann::json &body,
                                std::initializer_list<const char *> known);

// The member `name` as a string when present; a "Must be a string." error when present
// with another type (null included). Nullopt when absent or mistyped.
std::optional<std::string> read_string_field(const nlohmann::json &body, const char *name,
                                             FieldErrors &errors);

}  // namespace hawzu::server
