#include "services/webhook_retry.h"

namespace hawzu::server {

std::int64_t retry_delay_seconds(int failed_attempts) {
  std::int64_t delay = kFirstRetryDelaySeconds;
  for (int i = 1; i < failed_attempts && delay < kMaxRetryDelaySeconds; ++i) delay *= 2;
  return delay < kMaxRetryDelaySeconds ? delay : kMaxRetryDelaySeconds;
}

std::optional<std::int64_t> next_attempt_time(std::int64_t created_at, int failed_attempts,
                                              std::int64_t now) {
  const std::int64_t next = now + retry_delay_seconds(failed_attempts);
  if (next > created_at + kRetryWindowSeconds) return std::nullopt;
  return next;
}

}  // namespace hawzu::server
