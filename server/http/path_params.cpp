#include "http/path_params.h"

#include "shared/decimal.h"

namespace hawzu::server {

std::optional<std::int64_t> path_id(const httplib::Request &request, const char *name) {
  auto it = request.path_params.find(name);
  if (it == request.path_params.end()) return std::nullopt;
  return parse_positive_decimal(it->second);
}

}  // namespace hawzu::server
