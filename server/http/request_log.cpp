#include "request_log.h"

#include "request_context.h"
#include "shared/token_format.h"
#include "util/event_log.h"

#include <nlohmann/json.hpp>

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
  double duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                 context.started_at)
                           .count();
  nlohmann::ordered_json line = {
      {"time", log_time_now()},
      {"method", request.method},
      {"path", mask_token_like_text(request.path)},
      {"status", response.status},
      {"duration_ms", static_cast<double>(static_cast<long long>(duration_ms * 100)) / 100.0},
      {"principal",
       context.principal.empty() ? nlohmann::json(nullptr) : nlohmann::json(context.principal)},
      {"remote", context.client_address.empty() ? request.remote_addr : context.client_address},
  };
  write_log_line(line);
}

}  // namespace hawzu::server
