#include "bench_clients.h"

#include <cstdio>
#include <cstdlib>
#include <thread>

namespace hawzu::bench {

bool parse_int_flags(int argc, char **argv, const std::vector<IntFlag> &flags) {
  for (int i = 1; i < argc; i += 2) {
    const std::string name = argv[i];
    const IntFlag *flag = nullptr;
    for (const IntFlag &candidate : flags)
      if (name == candidate.name) flag = &candidate;
    if (!flag) {
      std::fprintf(stderr, "unknown flag %s\n", name.c_str());
      return false;
    }
    char *end = nullptr;
    const long value = i + 1 < argc ? std::strtol(argv[i + 1], &end, 10) : 0;
    if (i + 1 >= argc || *end != '\0' || value <= 0 || value > 1000000) {
      std::fprintf(stderr, "%s needs a positive whole number\n", name.c_str());
      return false;
    }
    *flag->value = static_cast<int>(value);
  }
  return true;
}

httplib::Client keep_alive_client(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);
  return client;
}

void run_clients(int port, int count, Clock::time_point deadline,
                 const std::function<void(int index, httplib::Client &client)> &send) {
  run_clients(std::vector<int>{port}, count, deadline, send);
}

void run_clients(const std::vector<int> &ports, int count, Clock::time_point deadline,
                 const std::function<void(int index, httplib::Client &client)> &send) {
  std::vector<std::thread> threads;
  for (int index = 0; index < count; ++index)
    threads.emplace_back([&, index] {
      httplib::Client client = keep_alive_client(ports[index % ports.size()]);
      while (Clock::now() < deadline) send(index, client);
    });
  for (std::thread &thread : threads) thread.join();
}

}  // namespace hawzu::bench
