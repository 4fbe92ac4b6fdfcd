#include "shared/field_error.h"

namespace hawzu {

const FieldError *find_field_error(const FieldErrors &errors, const std::string &field) {
  for (const FieldError &error : errors) {
    if (error.field == field) return &error;
  }
  return nullptr;
}

}  // namespace hawzu
