#include "services/usage_recorder.h"

#include "shared/unicode_text.h"
#include "store/usage_store.h"
#include "util/event_log.h"

#include <algorithm>
#include <map>
#include <utility>

namespace hawzu::server {
namespace {

// The length of the UTF-8 sequence `lead` starts, 0 when it starts none.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

}  // namespace

std::string stored_user_agent(const std::string &text) {
  static const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  std::u32string decoded;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = sequence_length(static_cast<unsigned char>(text[i]));
    std::string_view piece;
    if (length > 0 && i + length <= text.size()) {
      piece = std::string_view(text).substr(i, length);
      if (!unicode::decode_utf8(piece, decoded) || decoded.size() != 1 || decoded[0] < 0x20 ||
          decoded[0] == 0x7F)
        piece = {};
    }
    const std::string_view add = piece.empty() ? std::string_view(kReplacement) : piece;
    if (out.size() + add.size() > kMaxStoredUserAgent) break;
    out.append(add);
    i += piece.empty() ? 1 : length;
  }
  return out;
}

void UsageRecorder::record(RecordedCall call) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (buffer_.size() >= limits_.max_buffered_calls) {
    ++dropped_;
    ++dropped_by_full_buffer_;
    return;
  }
  buffer_.push_back(std::move(call));
}

std::uint64_t UsageRecorder::dropped_calls() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return dropped_;
}

std::size_t UsageRecorder::buffered_calls() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return buffer_.size();
}

void UsageRecorder::write_batch(const std::vector<RecordedCall> &calls) {
  // What the batch adds up to per token: its days and its latest address.
  std::map<std::pair<std::int64_t, std::int64_t>, DailyUse> days;
  std::map<std::int64_t, const std::string *> latest_ip;
  const std::int64_t first_day = utc_day(clock_.now()) - (kUsageDays - 1);

  // Only a token's newest kUsageRecentCalls calls of the batch are written: the older
  // ones would be pruned in the same transaction (a busy token makes thousands a second).
  std::map<std::int64_t, int> to_skip;
  for (const RecordedCall &recorded : calls) ++to_skip[recorded.token_id];
  for (auto &[token_id, count] : to_skip) count = std::max(0, count - kUsageRecentCalls);

  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  UsageStore store(*connection);
  for (const RecordedCall &recorded : calls) {
    const std::int64_t day = utc_day(recorded.time);
    DailyUse &use = days[{recorded.token_id, day}];
    use.day = day;
    ++use.requests;
    if (recorded.status >= 400) ++use.errors;
    latest_ip[recorded.token_id] = &recorded.ip;
    if (int &skip = to_skip[recorded.token_id]; skip > 0) {
      --skip;
      continue;
    }
    TokenCall call;
    call.time = recorded.time;
    call.method = recorded.method;
    call.route = recorded.route ? *recorded.route : std::string();
    call.status = recorded.status;
    call.ip = recorded.ip;
    call.user_agent = stored_user_agent(recorded.user_agent);
    store.insert_call(recorded.token_id, call);
  }
  for (const auto &[key, use] : days)
    if (use.day >= first_day) store.add_daily(key.first, use);
  for (const auto &[token_id, ip] : latest_ip) {
    store.set_last_used_ip(token_id, *ip);
    store.prune(token_id, kUsageRecentCalls, first_day);
  }
  transaction.commit();
}

bool UsageRecorder::flush() {
  std::lock_guard<std::mutex> flushing(flush_mutex_);
  std::vector<RecordedCall> batch;
  std::uint64_t dropped_now = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batch.swap(buffer_);
    dropped_now = dropped_by_full_buffer_;
  }
  if (dropped_now != dropped_logged_) {
    log_event("token usage buffer full",
              std::to_string(dropped_now - dropped_logged_) + " calls not recorded");
    dropped_logged_ = dropped_now;
  }
  if (!retry_.empty()) {
    // Older calls first, so each token's calls stay in time order.
    batch.insert(batch.begin(), std::make_move_iterator(retry_.begin()),
                 std::make_move_iterator(retry_.end()));
    retry_.clear();
  }
  if (batch.empty()) return true;
  try {
    write_batch(batch);
    retry_attempts_ = 0;
    return true;
  } catch (const DatabaseError &error) {
    // The message names the statement and the database's text, never a bound value.
    if (++retry_attempts_ < kFlushAttempts) {
      log_event("cannot record token usage yet (will retry)",
                std::to_string(batch.size()) + " calls: " + error.what());
      retry_ = std::move(batch);
    } else {
      log_event("token usage dropped", std::to_string(batch.size()) + " calls after " +
                                           std::to_string(kFlushAttempts) +
                                           " failed writes: " + error.what());
      retry_attempts_ = 0;
      std::lock_guard<std::mutex> lock(mutex_);
      dropped_ += batch.size();
    }
    return false;
  }
}

void UsageRecorder::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (thread_.joinable() || stopping_) return;
  thread_ = std::thread([this] { run(); });
}

void UsageRecorder::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void UsageRecorder::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, limits_.flush_interval, [this] { return stopping_; });
    lock.unlock();
    try {
      flush();
    } catch (const std::exception &error) {
      // Anything else a write can throw must not end the thread (or the process).
      log_event("cannot record token usage", error.what());
    }
    lock.lock();
  }
  // The last flush after stop(): whatever the requests in flight recorded.
  lock.unlock();
  try {
    flush();
  } catch (const std::exception &error) {
    log_event("cannot record token usage", error.what());
  }
}

}  // namespace hawzu::server
