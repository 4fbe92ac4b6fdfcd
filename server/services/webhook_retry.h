// When a failed webhook delivery is tried again (docs/product.md#webhooks): after
// 30 s, then twice as long after each further failure, at most an hour apart, for as
// long as the next attempt would still start within a day of the event. Pure;
// thread-safe.
#pragma once

#include <cstdint>
#include <optional>

namespace hawzu::server {

inline constexpr std::int64_t kFirstRetryDelaySeconds = 30;
inline constexpr std::int64_t kMaxRetryDelaySeconds = 3600;
inline constexpr std::int64_t kRetryWindowSeconds = 86400;

// The wait after the `failed_attempts`-th failed attempt (1 for the first).
std::int64_t retry_delay_seconds(int failed_attempts);

// When to try an event created at `created_at` again after its `failed_attempts`-th
// attempt failed at `now`; nullopt: give up (the event is failed).
std::optional<std::int64_t> next_attempt_time(std::int64_t created_at, int failed_attempts,
                                              std::int64_t now);

}  // namespace hawzu::server
