#include "http/json_body.h"

#include "http/problem.h"

namespace hawzu::server {
namespace {

void send_malformed(httplib::Response &response, std::string detail) {
  Problem problem = problem_for_status(400);
  problem.code = "malformed_json";
  problem.title = "Malformed JSON";
  problem.detail = std::move(detail);
  send_problem(response, problem);
}

}  // namespace

int json_nesting_depth(std::string_view text, int limit) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

std::optional<nlohmann::json> read_json_body(const httplib::Request &request,
                                             httplib::Response &response) {
  if (request.body.empty()) {
    send_malformed(response, "A JSON body is required.");
    return std::nullopt;
  }
  // nlohmann's parser recurses per level: bound the depth before parsing.
  if (json_nesting_depth(request.body, kMaxJsonDepth) > kMaxJsonDepth) {
    send_malformed(response, "The JSON body is nested more than " + std::to_string(kMaxJsonDepth) +
                                 " levels deep.");
    return std::nullopt;
  }
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    send_malformed(response, "The body is not valid JSON (UTF-8).");
    return std::nullopt;
  }
  return body;
}

}  // namespace hawzu::server
