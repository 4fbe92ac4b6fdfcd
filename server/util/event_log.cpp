#include "util/event_log.h"

#include "shared/calendar.h"

#include <unistd.h>

#include <ctime>

namespace hawzu::server {

// One write(2) per line: lines from different threads never interleave (a pipe write
// of up to PIPE_BUF bytes is atomic), and no lock is held on the request path.
void write_log_line(const nlohmann::ordered_json &line) {
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
  return format_rfc3339_utc(static_cast<std::int64_t>(std::time(nullptr)));
}

void log_event(std::string_view message, std::string_view detail) {
  nlohmann::ordered_json line = {{"time", log_time_now()}, {"message", message}};
  if (!detail.empty()) line["detail"] = detail;
  write_log_line(line);
}

}  // namespace hawzu::server
