// How services report an outcome to the routes: a value, or a ServiceError saying what
// kind of refusal it is. Services know nothing of HTTP; http/service_errors.h maps a
// kind to a status code and a problem+json body.
#pragma once

#include "shared/field_error.h"

#include <cassert>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace hawzu::server {

enum class ErrorKind {
  invalid_request,    // 400: the request itself is wrong (field errors say where)
  unauthenticated,    // 401
  forbidden,          // 403: authenticated, in scope, not allowed
  not_found,          // 404: unknown, or outside the caller's scope
  conflict,           // 409: the current state forbids it (a duplicate name, a disabled token)
  too_many_requests,  // 429
};

struct ServiceError {
  ErrorKind kind = ErrorKind::invalid_request;
  std::string code;    // machine-readable: "validation_failed", "name_taken", ...
  std::string detail;  // a sentence for a person; never a secret
  FieldErrors errors;
  std::int64_t retry_after_seconds = 0;  // too_many_requests only
};

template <typename T>
class Result {
 public:
  Result(T value) : outcome_(std::move(value)) {}             // NOLINT: implicit on purpose
  Result(ServiceError error) : outcome_(std::move(error)) {}  // NOLINT

  bool ok() const { return outcome_.index() == 0; }
  explicit operator bool() const { return ok(); }
  // REQUIRES: ok()
  T &value() {
    assert(ok());
    return std::get<0>(outcome_);
  }
  const T &value() const {
    assert(ok());
    return std::get<0>(outcome_);
  }
  // REQUIRES: !ok()
  const ServiceError &error() const {
    assert(!ok());
    return std::get<1>(outcome_);
  }

 private:
  std::variant<T, ServiceError> outcome_;
};

struct Done {};

// 400 validation_failed for a request body, with the fields that are wrong.
inline ServiceError invalid_fields(FieldErrors errors) {
  return {ErrorKind::invalid_request, "validation_failed", "The request has invalid fields.",
          std::move(errors), 0};
}

// 400 validation_failed for a list's query string, with the parameters that are wrong.
inline ServiceError invalid_query(FieldErrors errors) {
  return {ErrorKind::invalid_request, "validation_failed", "The query has invalid parameters.",
          std::move(errors), 0};
}

}  // namespace hawzu::server
