// libFuzzer target: the query string of the two lists exactly as the server reads it:
// cpp-httplib's own query parser (percent-decoding, '&' and '=' splitting), then the
// access-token list query (filters, dates, sort, order, limit, cursor) and the test-case
// list query (limit, cursor). Checks what an accepted query promises: the limit in range,
// date bounds in order, and a cursor that encodes back to one that reads the same.
#include "http/httplib_config.h"
#include "services/list_cursor.h"
#include "services/test_case_request.h"
#include "services/token_list_query.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace hawzu::server;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string query(reinterpret_cast<const char *>(data), size);
  httplib::Params params;
  httplib::detail::parse_query_text(query, params);

  Result<TokenListFilter> tokens = parse_token_list_query(params);
  if (tokens.ok()) {
    const TokenListFilter &filter = tokens.value();
    if (filter.limit < 1 || filter.limit > kMaxListLimit) __builtin_trap();
    if (filter.search.size() > kMaxSearchLength) __builtin_trap();
    if (filter.created_by && *filter.created_by < 1) __builtin_trap();
    if (filter.created_from && filter.created_to && *filter.created_to < *filter.created_from)
      __builtin_trap();
    if (filter.expires_from && filter.expires_to && *filter.expires_to < *filter.expires_from)
      __builtin_trap();
    if (filter.after) {
      const std::string cursor = encode_list_cursor(filter.sort, filter.descending, *filter.after);
      std::optional<ListPosition> again =
          decode_list_cursor(cursor, filter.sort, filter.descending);
      if (!again || again->id != filter.after->id || again->sort_value != filter.after->sort_value)
        __builtin_trap();
    }
  } else if (tokens.error().errors.empty()) {
    __builtin_trap();  // a refused query always says which parameter is wrong
  }

  Result<TestCaseListQuery> test_cases = parse_test_case_list_query(params);
  if (test_cases.ok()) {
    const TestCaseListQuery &list = test_cases.value();
    if (list.limit < 1 || list.limit > kMaxTestCasePageSize || list.after_id < 0) __builtin_trap();
  } else if (test_cases.error().errors.empty()) {
    __builtin_trap();
  }
  return 0;
}
