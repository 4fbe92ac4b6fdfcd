// Leak reports per client address (docs/product.md#leak-reports), kept only for their
// rate limit: in the database, so the limit holds across every server. SQL only; the
// rule is services/leak_report_service.h's. Not thread-safe.
#pragma once

#include "db/database.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hawzu::server {

struct RecentLeakReports {
  int count = 0;
  std::optional<std::int64_t> oldest;  // the time of the oldest one counted
};

class LeakReportStore {
 public:
  explicit LeakReportStore(Connection &connection) : db_(connection) {}

  // Reports from `address_key` after `since`.
  RecentLeakReports since(const std::string &address_key, std::int64_t since);
  void insert(const std::string &address_key, std::int64_t time, std::int64_t tokens);
  // Forgets every report at or before `before` (of any address).
  void forget_before(std::int64_t before);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
