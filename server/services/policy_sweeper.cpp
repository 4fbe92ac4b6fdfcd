#include "services/policy_sweeper.h"

#include "security/random_text.h"
#include "services/token_view.h"
#include "services/webhook_events.h"
#include "shared/calendar.h"
#include "store/audit_store.h"
#include "store/lease_store.h"
#include "store/policy_store.h"
#include "store/reminder_store.h"
#include "store/token_store.h"
#include "util/event_log.h"

#include <nlohmann/json.hpp>

namespace hawzu::server {
namespace {

// The lease outlives two missed sweeps, so a busy holder keeps it, and a holder that
// died hands it over within a few intervals.
std::int64_t lease_seconds(int interval_seconds) {
  return 2 * static_cast<std::int64_t>(interval_seconds) + 60;
}

AuditEntry auto_disabled_entry(std::int64_t workspace_id, const AccessToken &token, int days,
                               std::int64_t now) {
  AuditEntry entry;
  entry.time = now;
  entry.workspace_id = workspace_id;  // no actor: the server did it
  entry.action = "access_token.auto_disabled";
  entry.target_type = "access_token";
  entry.target_id = token.id;
  entry.details = {{"name", token.name},
                   {"identifier", token.identifier},
                   {"reason", "unused"},
                   {"unused_days", days}};
  return entry;
}

}  // namespace

PolicySweeper::PolicySweeper(Database &database, const Clock &clock, int interval_seconds)
    : database_(database),
      clock_(clock),
      interval_seconds_(interval_seconds),
      holder_("server_" + std::string(random_base62(16).view())) {}

SweepReport PolicySweeper::sweep() {
  SweepReport report;
  const std::int64_t now = clock_.now();
  {
    Database::Lease connection = database_.connect();
    Transaction transaction(*connection);
    const bool held =
        LeaseStore(*connection)
            .acquire(kSweeperLease, holder_, now, now + lease_seconds(interval_seconds_));
    transaction.commit();
    if (!held) return report;
  }
  report.ran = true;
  std::vector<std::pair<std::int64_t, TokenPolicy>> workspaces;
  {
    Database::Lease connection = database_.connect();
    workspaces = PolicyStore(*connection).all_workspaces();
  }
  for (const auto &[workspace_id, policy] : workspaces)
    sweep_workspace(workspace_id, policy, now, report);
  if (report.disabled + report.expiring + report.expired > 0)
    log_event("policy sweep", std::to_string(report.disabled) + " tokens disabled as unused, " +
                                  std::to_string(report.expiring) + " expiry reminders, " +
                                  std::to_string(report.expired) + " expiries announced");
  return report;
}

void PolicySweeper::sweep_workspace(std::int64_t workspace_id, const TokenPolicy &policy,
                                    std::int64_t now, SweepReport &report) {
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  TokenStore tokens(*connection);
  ReminderStore reminders(*connection);

  if (std::optional<std::int64_t> cutoff = unused_cutoff(policy, now)) {
    AuditStore audit(*connection);
    for (StoredToken &before : tokens.disable_unused(workspace_id, *cutoff, now)) {
      const int days = *policy.disable_after_unused_days;
      audit.append(auto_disabled_entry(workspace_id, before.token, days, now));
      std::optional<StoredToken> after = tokens.find_live(workspace_id, before.token.id);
      if (after)
        queue_webhook_event(*connection, now, workspace_id, WebhookEvent::auto_disabled,
                            view_at(std::move(*after), now, policy), {{"unused_days", days}});
      ++report.disabled;
    }
  }

  if (const int window = expiry_warning_window_days(policy); window > 0) {
    for (StoredToken &stored :
         tokens.enabled_expiring_between(workspace_id, now, now + window * kSecondsPerDay)) {
      const std::int64_t expires_at = *stored.token.expires_at;
      std::optional<int> days = due_expiry_warning(policy, expires_at, now);
      if (!days || !reminders.mark_sent(stored.token.id, "expiring:" + std::to_string(*days),
                                        expires_at, now))
        continue;
      queue_webhook_event(
          *connection, now, workspace_id, WebhookEvent::expiring,
          view_at(std::move(stored), now, policy),
          {{"warning_days", *days}, {"expires_at", format_rfc3339_utc(expires_at)}});
      ++report.expiring;
    }
  }

  for (StoredToken &stored : tokens.enabled_expiring_between(
           workspace_id, now - kExpiredAnnouncementDays * kSecondsPerDay, now - 1)) {
    const std::int64_t expires_at = *stored.token.expires_at;
    if (!reminders.mark_sent(stored.token.id, "expired", expires_at, now)) continue;
    queue_webhook_event(*connection, now, workspace_id, WebhookEvent::expired,
                        view_at(std::move(stored), now, policy),
                        {{"expires_at", format_rfc3339_utc(expires_at)}});
    ++report.expired;
  }
  transaction.commit();
}

void PolicySweeper::start() {
  if (task_) return;
  task_ = std::make_unique<PeriodicTask>("policy sweep", std::chrono::seconds(interval_seconds_),
                                         [this] { sweep(); });
  task_->start();
}

void PolicySweeper::stop() {
  if (!task_) return;
  task_->stop();
  task_.reset();
  try {
    Database::Lease connection = database_.connect();
    LeaseStore(*connection).release(kSweeperLease, holder_);
  } catch (const DatabaseError &) {
    // The lease then expires by itself.
  }
}

}  // namespace hawzu::server
