// What hawzu-bench and hawzu-load share: their "--flag N" command lines, and a set of
// client threads that each hold one keep-alive connection to the server on loopback and
// send requests until a deadline. Everything else (which requests, what is counted)
// belongs to each program.
#pragma once

#include "http/httplib_config.h"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace hawzu::bench {

using Clock = std::chrono::steady_clock;

// One "--name N" flag and where its value goes.
struct IntFlag {
  const char *name;
  int *value;
};

// Reads "--name N" pairs into `flags`. Returns false (after printing why to standard
// error) for an unknown flag, a missing value, or a value that is not a positive integer.
bool parse_int_flags(int argc, char **argv, const std::vector<IntFlag> &flags);

// A client of 127.0.0.1:port that keeps its connection open between requests, as a CI
// runner or sync service would, and sends each request without Nagle's delay.
httplib::Client keep_alive_client(int port);

// Runs `count` client threads until `deadline`. Thread i calls send(i, client) again and
// again with its own keep-alive client; each call sends one or more requests. Returns
// when every thread has finished its last call.
void run_clients(int port, int count, Clock::time_point deadline,
                 const std::function<void(int index, httplib::Client &client)> &send);

// The same with several servers: thread i's client talks to ports[i % ports.size()].
// REQUIRES: ports is not empty.
void run_clients(const std::vector<int> &ports, int count, Clock::time_point deadline,
                 const std::function<void(int index, httplib::Client &client)> &send);

}  // namespace hawzu::bench
