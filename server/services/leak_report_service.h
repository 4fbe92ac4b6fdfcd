// Leak reports from secret scanners (docs/product.md#leak-reports): no authentication,
// so the answer never says whether a value matched. Every well-formed value is hashed
// and looked up alike (its text wiped once hashed); each live match (enabled, not
// expired; a rotation's previous value still in its overlap counts) is disabled with
// the reason leaked, not revoked, so a false alarm can be undone by enabling it. Each
// is audited as access_token.leak_reported (no actor: the server did it; details url
// and source, never the value) and announced (access_token.leaked, data {url, source})
// in the same transaction. At most kLeakReportsPerMinute reports per client address
// (IPv6: per /64) are taken per minute, counted in the database so the limit holds
// across servers. Thread-safe.
#pragma once

#include "db/database.h"
#include "security/token_hasher.h"
#include "services/leak_report_request.h"
#include "services/service_result.h"
#include "util/clock.h"

#include <cstddef>
#include <string>

namespace hawzu::server {

inline constexpr int kLeakReportsPerMinute = 10;

struct LeakReportOutcome {
  std::size_t received = 0;
  int disabled = 0;  // for the log only: never in the answer
};

class LeakReportService {
 public:
  LeakReportService(Database &database, const Clock &clock, const TokenHasher &hasher)
      : database_(database), clock_(clock), hasher_(hasher) {}

  // REQUIRES: report.errors is empty. Wipes the values in `report`.
  Result<LeakReportOutcome> report(const std::string &client_address, LeakReport &report);

 private:
  Database &database_;
  const Clock &clock_;
  const TokenHasher &hasher_;
};

}  // namespace hawzu::server
