#include "services/leak_report_service.h"

#include "security/sign_in_throttle.h"
#include "services/token_view.h"
#include "services/webhook_events.h"
#include "store/audit_store.h"
#include "store/leak_report_store.h"
#include "store/token_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace hawzu::server {
namespace {

constexpr std::int64_t kLeakReportWindowSeconds = 60;

struct HashedLeak {
  TokenHash hash{};
  const ReportedLeak *leak = nullptr;
};

bool is_live(const StoredToken &stored, std::int64_t now) {
  return stored.state == TokenState::enabled &&
         token_status(false, stored.token.expires_at, now) == TokenStatus::enabled;
}

AuditEntry leak_entry(const StoredToken &stored, const ReportedLeak &leak,
                      const std::string &client_address, std::int64_t now) {
  AuditEntry entry;
  entry.time = now;
  entry.workspace_id = stored.workspace_id;  // no actor: the server acted on a report
  entry.action = "access_token.leak_reported";
  entry.target_type = "access_token";
  entry.target_id = stored.token.id;
  entry.details = {{"name", stored.token.name},
                   {"identifier", stored.token.identifier},
                   {"url", leak.url},
                   {"source", leak.source}};
  entry.ip = client_address;
  return entry;
}

}  // namespace

Result<LeakReportOutcome> LeakReportService::report(const std::string &client_address,
                                                    LeakReport &report) {
  LeakReportOutcome outcome;
  outcome.received = report.received;
  std::vector<HashedLeak> hashed;
  for (ReportedLeak &leak : report.leaks) {
    if (!leak.well_formed) continue;
    hashed.push_back({hasher_.hash(leak.token.view()), &leak});
    leak.token.wipe();
  }

  const std::int64_t now = clock_.now();
  const std::string address_key = throttle_address_key(client_address);
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  LeakReportStore reports(*connection);
  const RecentLeakReports recent = reports.since(address_key, now - kLeakReportWindowSeconds);
  if (recent.count >= kLeakReportsPerMinute) {
    const std::int64_t wait = recent.oldest.value_or(now) + kLeakReportWindowSeconds - now;
    return ServiceError{ErrorKind::too_many_requests,
                        "too_many_requests",
                        "Too many leak reports from this address; try again later.",
                        {},
                        std::max<std::int64_t>(1, wait)};
  }
  reports.forget_before(now - kLeakReportWindowSeconds);
  reports.insert(address_key, now, static_cast<std::int64_t>(report.received));

  TokenStore tokens(*connection);
  AuditStore audit(*connection);
  for (const HashedLeak &item : hashed) {
    std::optional<StoredToken> stored = tokens.find_by_secret_hash(item.hash, now);
    if (!stored || !is_live(*stored, now)) continue;
    if (!tokens.disable_leaked(stored->token.id, item.leak->url, item.leak->source, now)) continue;
    audit.append(leak_entry(*stored, *item.leak, client_address, now));
    if (std::optional<StoredToken> after = tokens.find_live(stored->workspace_id, stored->token.id))
      queue_webhook_event(*connection, now, stored->workspace_id, WebhookEvent::leaked,
                          view_in(*connection, std::move(*after), now),
                          {{"url", item.leak->url}, {"source", item.leak->source}});
    ++outcome.disabled;
  }
  transaction.commit();
  return outcome;
}

}  // namespace hawzu::server
