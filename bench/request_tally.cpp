#include "request_tally.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hawzu::bench {

Outcome classify(const httplib::Result &result, int expected_status) {
  if (!result) return Outcome::transport_failure;
  if (result->status == expected_status) return Outcome::expected;
  if (result->status >= 500) return Outcome::server_error;
  return Outcome::unexpected_status;
}

void RequestTally::record(Clock::duration latency, Outcome outcome) {
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(latency).count();
  latencies_us_.push_back(static_cast<std::uint32_t>(
      std::min<long long>(us, std::numeric_limits<std::uint32_t>::max())));
  sorted_ = false;
  if (outcome == Outcome::unexpected_status) ++unexpected_statuses_;
  if (outcome == Outcome::server_error) ++server_errors_;
  if (outcome == Outcome::transport_failure) ++transport_failures_;
}

void RequestTally::add(const RequestTally &other) {
  latencies_us_.insert(latencies_us_.end(), other.latencies_us_.begin(), other.latencies_us_.end());
  sorted_ = false;
  unexpected_statuses_ += other.unexpected_statuses_;
  server_errors_ += other.server_errors_;
  transport_failures_ += other.transport_failures_;
}

double RequestTally::percentile_ms(double fraction) {
  if (latencies_us_.empty()) return 0;
  if (!sorted_) std::sort(latencies_us_.begin(), latencies_us_.end());
  sorted_ = true;
  const auto rank = static_cast<std::size_t>(std::ceil(fraction * latencies_us_.size()));
  return latencies_us_[std::clamp<std::size_t>(rank, 1, latencies_us_.size()) - 1] / 1000.0;
}

}  // namespace hawzu::bench
