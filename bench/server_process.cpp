#include "server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <regex>
#include <vector>

extern char **environ;

namespace hawzu::bench {

namespace {

std::string describe_exit(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "was killed by signal " + std::to_string(WTERMSIG(status));
  return "ended with wait status " + std::to_string(status);
}

}  // namespace

std::string ServerProcess::start(const std::string &binary, const ServerSettings &settings) {
  std::string pattern = (std::filesystem::temp_directory_path() / "hawzu-load-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) return "cannot create a temporary directory";
  temp_dir_ = pattern;
  // The server creates the data directory itself (mode 0700), as on a first start.
  const std::string data_dir = this->data_dir();

  int output[2];
  if (::pipe2(output, O_CLOEXEC) != 0) return "cannot create a pipe";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO);
  std::vector<std::string> args = {binary, "--data", data_dir, "--listen", "127.0.0.1:0"};
  if (settings.demo) args.push_back("--demo");
  if (!settings.database_url.empty())
    args.insert(args.end(), {"--database", settings.database_url});
  if (!settings.token_key_file.empty())
    args.insert(args.end(), {"--token-key-file", settings.token_key_file});
  std::vector<char *> argv;
  for (std::string &arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const int spawned = ::posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(output[1]);
  if (spawned != 0) {
    ::close(output[0]);
    pid_ = -1;
    return "cannot start " + binary;
  }

  // The reader looks for the "listening on" line, then keeps draining the access log
  // until the server closes its end: a full pipe would block the server's workers. It
  // shares the start-up state with this function, which may have returned by then.
  struct StartUp {
    std::mutex mutex;
    std::condition_variable changed;
    int port = 0;
    bool ended = false;
  };
  auto start_up = std::make_shared<StartUp>();
  output_reader_ = std::thread([fd = output[0], start_up] {
    const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+))");
    std::string text;  // the output until the port is known
    bool port_known = false;
    char buffer[1 << 16];
    ssize_t got;
    while ((got = ::read(fd, buffer, sizeof buffer)) > 0 || (got < 0 && errno == EINTR)) {
      if (port_known || got <= 0) continue;
      text.append(buffer, static_cast<std::size_t>(got));
      std::smatch match;
      if (std::regex_search(text, match, listening)) {
        std::lock_guard<std::mutex> lock(start_up->mutex);
        start_up->port = std::stoi(match[1]);
        port_known = true;
        start_up->changed.notify_all();
      }
    }
    ::close(fd);
    std::lock_guard<std::mutex> lock(start_up->mutex);
    start_up->ended = true;
    start_up->changed.notify_all();
  });

  std::unique_lock<std::mutex> lock(start_up->mutex);
  start_up->changed.wait_for(lock, std::chrono::seconds(30),
                             [&] { return start_up->port != 0 || start_up->ended; });
  const int port = start_up->port;
  lock.unlock();
  port_ = port;
  if (port_ == 0) {
    ::kill(pid_, SIGKILL);
    output_reader_.join();
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return binary + " did not say where it listens (" + describe_exit(status) + ")";
  }
  return "";
}

std::string ServerProcess::stop() {
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  output_reader_.join();
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
  return "hawzu-server " + describe_exit(status);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (output_reader_.joinable()) output_reader_.join();
  std::error_code ignored;
  if (!temp_dir_.empty()) std::filesystem::remove_all(temp_dir_, ignored);
}

}  // namespace hawzu::bench
