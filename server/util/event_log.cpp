#include "util/event_log.h"

#include "shared/calendar.h"

#include <unistd.h>

#include <ctime>

namespace hawzu::server {

// One write(2) per line: lines from different threads never interleave (a pipe write
// of up to PIPE_BUF bytes is atomic), and no lock is held on the request path.
void write_log_line(const nlohmann::ordered_json &line) {
  write_log_text(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void write_log_text(std::string text) {
  text.push_back('\n');
  const char *data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t written = ::write(STDOUT_FILENO, data, left);
    if (written <= 0) return;  // a closed stdout must not take the server down
    data += written;
    left -= static_cast<std::size_t>(written);
  }
}

std::string log_time_now() {
  // Formatted once a second per thread: every access-log line asks.
  thread_local std::int64_t formatted_second = -1;
  thread_local std::string formatted;
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  if (now != formatted_second) {
    formatted = format_rfc3339_utc(now);
    formatted_second = now;
  }
  return formatted;
}

void log_event(std::string_view message, std::string_view detail) {
  nlohmann::ordered_json line = {{"time", log_time_now()}, {"message", message}};
  if (!detail.empty()) line["detail"] = detail;
  write_log_line(line);
}

}  // namespace hawzu::server
