#include "store/leak_report_store.h"

namespace hawzu::server {

RecentLeakReports LeakReportStore::since(const std::string &address_key, std::int64_t since) {
  Statement statement = db_.prepare(
      "SELECT count(*), min(time) FROM leak_reports WHERE address_key = ? AND time > ?");
  statement.bind(1, address_key).bind(2, since);
  RecentLeakReports recent;
  if (statement.step()) {
    recent.count = static_cast<int>(statement.column_int64(0));
    recent.oldest = statement.column_optional_int64(1);
  }
  return recent;
}

void LeakReportStore::insert(const std::string &address_key, std::int64_t time,
                             std::int64_t tokens) {
  db_.prepare("INSERT INTO leak_reports (address_key, time, tokens) VALUES (?, ?, ?)")
      .bind(1, address_key)
      .bind(2, time)
      .bind(3, tokens)
      .run();
}

void LeakReportStore::forget_before(std::int64_t before) {
  db_.prepare("DELETE FROM leak_reports WHERE time <= ?").bind(1, before).run();
}

}  // namespace hawzu::server
