#include "request_log.h"

#include "request_context.h"
#include "shared/token_format.h"
#include "util/event_log.h"
#include "util/json_text.h"

#include <chrono>

namespace hawzu::server {
namespace {

bool is_base62(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

std::string mask_token_like_text(std::string_view text) {
  const std::size_t secret_length = kTokenLength - kTokenPrefix.size();
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, kTokenPrefix.size(), kTokenPrefix) == 0) {
      std::size_t run = 0;
      std::size_t start = i + kTokenPrefix.size();
      while (start + run < text.size() && is_base62(text[start + run])) ++run;
      if (run >= secret_length) {
        out += "hwz_[redacted]";
        i = start + run;
        continue;
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

void log_request(const httplib::Request &request, const httplib::Response &response) {
  const auto &context = current_request_context();
  const double duration_ms = std::chrono::duration<double, std::milli>(
                                 std::chrono::steady_clock::now() - context.started_at)
                                 .count();
  // Written as text (util/json_text.h): one line per request, so building a JSON tree
  // for it was a good part of a small request's cost. Same keys, same order.
  std::string line;
  line.reserve(160 + request.path.size());
  line.append("{\"time\":");
  append_json_string(line, log_time_now());
  line.append(",\"method\":");
  append_json_string(line, request.method);
  line.append(",\"path\":");
  append_json_string(line, mask_token_like_text(request.path));
  line.append(",\"status\":");
  append_json_integer(line, response.status);
  line.append(",\"duration_ms\":");
  append_json_hundredths(line, static_cast<std::int64_t>(duration_ms * 100));
  line.append(",\"principal\":");
  if (context.principal.empty())
    line.append("null");
  else
    append_json_string(line, context.principal);
  line.append(",\"remote\":");
  append_json_string(line,
                     context.client_address.empty() ? request.remote_addr : context.client_address);
  line.push_back('}');
  write_log_text(std::move(line));
}

}  // namespace hawzu::server
