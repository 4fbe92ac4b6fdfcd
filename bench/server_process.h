// The real hawzu-server as a separate process, for hawzu-load: started on a free loopback
// port (--listen 127.0.0.1:0) with the demo workspace (--demo) in a fresh temporary data
// directory (or, with ServerSettings, on a PostgreSQL database and a given token key),
// stopped with SIGTERM like a service manager would. Its standard output (one
// access-log line per request) is read and discarded by a thread of this process, so the
// server pays for writing its log as it would in production; its standard error goes to
// ours. Not thread-safe: one thread starts and stops it.
#pragma once

#include <sys/types.h>

#include <string>
#include <thread>

namespace hawzu::bench {

// How to start one server; the defaults give `--data TEMP/data --listen 127.0.0.1:0 --demo`.
struct ServerSettings {
  std::string database_url;    // non-empty: --database URL
  std::string token_key_file;  // non-empty: --token-key-file FILE
  bool demo = true;            // --demo
};

class ServerProcess {
 public:
  ServerProcess() = default;
  ServerProcess(const ServerProcess &) = delete;
  ServerProcess &operator=(const ServerProcess &) = delete;
  // Kills a server still running and removes the temporary directory.
  ~ServerProcess();

  // Starts `binary` and waits (up to 30 s) until it says where it listens. Returns an
  // empty string, or why it could not start.
  std::string start(const std::string &binary, const ServerSettings &settings = {});

  // REQUIRES: start() succeeded.
  int port() const { return port_; }
  // Its data directory (where it keeps token-hash.key unless --token-key-file says
  // otherwise). REQUIRES: start() succeeded.
  std::string data_dir() const { return temp_dir_ + "/data"; }

  // Sends SIGTERM and waits for the exit (requests in flight finish first). Returns an
  // empty string when the server exited with status 0, else how it ended.
  std::string stop();

 private:
  std::string temp_dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::thread output_reader_;
};

}  // namespace hawzu::bench
