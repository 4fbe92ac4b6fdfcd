// The token policy's housekeeping (docs/product.md#token-policy), run by one server of a
// cluster at a time: whichever holds the "policy_sweeper" lease (store/lease_store.h)
// sweeps, every --sweep-interval-seconds. A sweep goes through every workspace, each in
// one write transaction:
//   - tokens unused for the policy's disable_after_unused_days are disabled with the
//     reason unused, audited as access_token.auto_disabled (details: the day count) and
//     announced (access_token.auto_disabled);
//   - an enabled token whose expiry has come inside a warning window is announced
//     (access_token.expiring, data.warning_days) once per window and expiry instant;
//   - a token that expired in the last kExpiredAnnouncementDays is announced once
//     (access_token.expired); older expiries, from before the sweeper ran, are not.
// Announcing is queuing a webhook event (services/webhook_events.h) in the same
// transaction; what was announced is recorded (store/reminder_store.h), so a sweep is
// idempotent even if two servers ever ran one at once. Thread-safe.
#pragma once

#include "db/database.h"
#include "shared/token_policy.h"
#include "util/clock.h"
#include "util/periodic_task.h"

#include <cstdint>
#include <memory>
#include <string>

namespace hawzu::server {

inline constexpr int kExpiredAnnouncementDays = 7;
inline constexpr const char *kSweeperLease = "policy_sweeper";

struct SweepReport {
  bool ran = false;  // false: another server holds the lease
  int disabled = 0;
  int expiring = 0;
  int expired = 0;
};

class PolicySweeper {
 public:
  PolicySweeper(Database &database, const Clock &clock, int interval_seconds);
  ~PolicySweeper() { stop(); }

  // One sweep now, if this server holds or can take the lease.
  SweepReport sweep();

  void start();  // sweeps at once, then every interval
  void stop();   // and hands the lease back

 private:
  void sweep_workspace(std::int64_t workspace_id, const TokenPolicy &policy, std::int64_t now,
                       SweepReport &report);

  Database &database_;
  const Clock &clock_;
  const int interval_seconds_;
  const std::string holder_;  // this process, in the leases table
  std::unique_ptr<PeriodicTask> task_;
};

}  // namespace hawzu::server
