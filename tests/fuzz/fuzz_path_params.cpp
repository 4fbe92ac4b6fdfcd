// libFuzzer target: ids in request paths as the server receives them: cpp-httplib's
// path-parameter matcher on a route pattern of the API, then path_id on each captured
// segment, and the test-case list cursor that carries an id. An accepted id is a plain
// positive decimal number that prints back as the text it came from.
#include "http/httplib_config.h"
#include "http/path_params.h"
#include "http/route_table.h"
#include "services/id_cursor.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

// The route table's own translation of the API's path template.
const httplib::detail::PathParamsMatcher kTestCasePath(
    hawzu::server::RouteTable::to_httplib_pattern(
        "/api/v1/workspace/{wid}/project/{pid}/testcase/{cid}"));

void check_id(const httplib::Request &request, const char *name) {
  std::optional<std::int64_t> id = hawzu::server::path_id(request, name);
  if (!id) return;
  auto it = request.path_params.find(name);
  if (it == request.path_params.end() || *id < 1 || std::to_string(*id) != it->second)
    __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string text(reinterpret_cast<const char *>(data), size);

  // The bytes as the tail of a test-case path ("<wid>/project/<pid>/testcase/<cid>" when
  // they hold slashes in the right places) and as one whole segment.
  httplib::Request request;
  request.path = "/api/v1/workspace/" + text;
  if (kTestCasePath.match(request)) {
    check_id(request, "wid");
    check_id(request, "pid");
    check_id(request, "cid");
  }
  httplib::Request single;
  single.path_params.emplace("wid", text);
  check_id(single, "wid");

  if (std::optional<std::int64_t> after = hawzu::server::decode_id_cursor(text)) {
    if (*after < 1 ||
        hawzu::server::decode_id_cursor(hawzu::server::encode_id_cursor(*after)) != after)
      __builtin_trap();
  }
  return 0;
}
