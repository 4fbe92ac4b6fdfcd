// What hawzu-load counts for one kind of request: how many were sent, how each ended,
// and how long each took, so that the report can give throughput and latency
// percentiles. Not thread-safe: each client thread keeps its own tallies, and they are
// added together after the run.
#pragma once

#include "bench_clients.h"

#include <cstdint>
#include <vector>

namespace hawzu::bench {

// How one request ended, against the status it should have had.
enum class Outcome {
  expected,           // the status the request should get (200, 201 or 204)
  unexpected_status,  // another status below 500: a 4xx the run should never provoke
  server_error,       // 5xx
  transport_failure,  // no answer: refused, reset, timed out
};

// The outcome of `result` for a request that should get `expected_status`.
Outcome classify(const httplib::Result &result, int expected_status);

class RequestTally {
 public:
  void record(Clock::duration latency, Outcome outcome);
  void add(const RequestTally &other);

  long requests() const { return static_cast<long>(latencies_us_.size()); }
  // Requests that did not get their expected status, for any reason.
  long failures() const { return unexpected_statuses_ + server_errors_ + transport_failures_; }
  long unexpected_statuses() const { return unexpected_statuses_; }
  long server_errors() const { return server_errors_; }
  long transport_failures() const { return transport_failures_; }

  // The latency (ms) that `fraction` of the requests did not exceed (nearest rank; 1.0
  // gives the maximum). 0 without requests. Sorts the recorded latencies.
  double percentile_ms(double fraction);

 private:
  std::vector<std::uint32_t> latencies_us_;
  bool sorted_ = true;
  long unexpected_statuses_ = 0;
  long server_errors_ = 0;
  long transport_failures_ = 0;
};

}  // namespace hawzu::bench
