// The body of POST /api/v1/access-tokens/leaks (docs/api.md#leak-reports), in the shape
// secret scanners send (GitHub secret scanning's partner format): a JSON array of at
// most kMaxLeakReportItems objects {"token", "type", "url", "source"}, where token is a
// string and the others are optional strings of at most kMaxLeakTextLength characters
// (unknown members are ignored, as scanners add their own). Each token value is checked
// against the token format (shared/token_format.h) here, before any database work; a
// value that is not a well-formed token is counted but never looked up. The values are
// moved out of the JSON into SecretStrings and the JSON copies are wiped. Pure apart
// from wiping `body`; thread-compatible.
#pragma once

#include "security/secret_string.h"
#include "shared/field_error.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace hawzu::server {

inline constexpr std::size_t kMaxLeakReportItems = 1000;
inline constexpr std::size_t kMaxLeakReportBytes = 1024 * 1024;
inline constexpr std::size_t kMaxLeakTextLength = 2048;

struct ReportedLeak {
  SecretString token;  // only when well_formed; empty otherwise
  bool well_formed = false;
  std::string url;     // "" when not given
  std::string source;  // "" when not given
};

struct LeakReport {
  std::vector<ReportedLeak> leaks;
  std::size_t received = 0;  // items in the report
  FieldErrors errors;
};

LeakReport parse_leak_report(nlohmann::json &body);

}  // namespace hawzu::server
