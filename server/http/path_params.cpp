#include "http/path_params.h"

namespace hawzu::server {

std::optional<std::int64_t> path_id(const httplib::Request &request, const char *name) {
  auto it = request.path_params.find(name);
  if (it == request.path_params.end()) return std::nullopt;
  const std::string &text = it->second;
  if (text.empty() || text.size() > 18 || text[0] == '0') return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace hawzu::server
