// Error responses as application/problem+json (RFC 9457), the one shape every API
// error takes: {"type","title","status","detail","code","errors":[{"field","message"}]}.
#pragma once

#include "httplib_config.h"
#include "shared/field_error.h"

#include <string>

namespace hawzu::server {

struct Problem {
  int status = 400;
  std::string code;    // machine-readable, e.g. "validation_failed", "name_taken"
  std::string title;   // short, the same for every instance of the code
  std::string detail;  // this instance, for a person
  FieldErrors errors;  // per-field problems, may be empty
};

void send_problem(httplib::Response &response, const Problem &problem);

// The generic problem for a bare status (used when nothing more specific was said).
Problem problem_for_status(int status);

// 400 with field errors.
Problem validation_problem(FieldErrors errors,
                           std::string detail = "The request has invalid fields.");

}  // namespace hawzu::server
