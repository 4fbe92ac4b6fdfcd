#include "services/last_use_writer.h"

#include "auth/authenticator.h"
#include "store/token_store.h"
#include "util/event_log.h"

#include <exception>
#include <string>

namespace hawzu::server {

LastUseWriter::LastUseWriter(Database &database, std::chrono::milliseconds interval)
    : database_(database),
      task_(std::make_unique<PeriodicTask>("last use of access tokens", interval,
                                           [this] { flush(); })) {}

void LastUseWriter::note(std::int64_t token_id, std::int64_t when) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::int64_t &noted = noted_[token_id];
  if (when > noted) noted = when;
}

void LastUseWriter::flush() {
  std::lock_guard<std::mutex> flushing(flush_mutex_);
  std::map<std::int64_t, std::int64_t> batch;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batch.swap(noted_);
  }
  if (batch.empty()) return;
  try {
    Database::Lease connection = database_.connect();
    Transaction transaction(*connection);
    TokenStore tokens(*connection);
    for (const auto &[token_id, when] : batch)
      tokens.record_use(token_id, when, kLastUsedWriteInterval);
    transaction.commit();
  } catch (const std::exception &error) {
    // Also from stop() and the destructor: nothing may escape.
    log_event("cannot record the last use of access tokens",
              std::to_string(batch.size()) + " tokens: " + error.what());
  }
}

void LastUseWriter::start() {
  task_->start();
}

void LastUseWriter::stop() {
  task_->stop();
  flush();
}

}  // namespace hawzu::server
