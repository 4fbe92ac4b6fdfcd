#include "services/resource_fields.h"

namespace hawzu::server {

FieldErrors check_object_fields(const nlohmann::json &body,
                                std::initializer_list<const char *> known) {
  FieldErrors errors;
  if (!body.is_object()) {
    errors.push_back({"", "The body must be a JSON object."});
    return errors;
  }
  for (const auto &member : body.items()) {
    bool is_known = false;
    for (const char *name : known) is_known = is_known || member.key() == name;
    if (!is_known) errors.push_back({member.key(), "Unknown field."});
  }
  return errors;
}

std::optional<std::string> read_string_field(const nlohmann::json &body, const char *name,
                                             FieldErrors &errors) {
  if (!body.is_object()) return std::nullopt;
  auto it = body.find(name);
  if (it == body.end()) return std::nullopt;
  if (!it->is_string()) {
    errors.push_back({name, "Must be a string."});
    return std::nullopt;
  }
  return it->get<std::string>();
}

}  // namespace hawzu::server
