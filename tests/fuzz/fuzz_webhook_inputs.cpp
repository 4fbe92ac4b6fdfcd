// libFuzzer target: what strangers and Owners send to the webhook and leak-report routes.
// The first byte picks the parser, the rest is its input:
//   0  a webhook URL (services/webhook_url.h): an accepted one has a host, a port in
//      range, a target starting with '/', and fits the length limit;
//   1  an address for the target rule (util/private_address.h): an IPv4 address and its
//      IPv4-mapped IPv6 form are judged alike;
//   2  a leak report body (services/leak_report_request.h): an accepted one has one
//      entry per item, at most the limit, with bounded texts; a refused one keeps none;
//   3  a webhook PUT body (services/webhook_request.h): accepted events are known and
//      distinct, and the URL parses.
#include "services/leak_report_request.h"
#include "services/webhook_events.h"
#include "services/webhook_request.h"
#include "services/webhook_url.h"
#include "util/private_address.h"

#include <arpa/inet.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

using namespace hawzu::server;

namespace {

void check_url(const std::string &text) {
  std::string why;
  std::optional<WebhookUrl> url = parse_webhook_url(text, why);
  if (!url) {
    if (why.empty()) __builtin_trap();  // a refusal always says why
    return;
  }
  if (text.size() > kMaxWebhookUrlLength || url->host.empty() || url->port < 1 ||
      url->port > 65535 || url->target.empty() || url->target[0] != '/')
    __builtin_trap();
}

void check_address(const std::string &text) {
  const bool refused = non_public_address_reason(text).has_value();
  unsigned char v4[4];
  if (inet_pton(AF_INET, text.c_str(), v4) == 1 &&
      refused != non_public_address_reason("::ffff:" + text).has_value())
    __builtin_trap();
}

void check_leak_report(const std::string &text) {
  nlohmann::json body = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return;
  LeakReport report = parse_leak_report(body);
  if (!report.errors.empty()) {
    if (!report.leaks.empty()) __builtin_trap();
    return;
  }
  if (report.leaks.size() != report.received || report.received > kMaxLeakReportItems)
    __builtin_trap();
  for (const ReportedLeak &leak : report.leaks)
    if (leak.well_formed == leak.token.empty() || leak.url.size() > kMaxLeakTextLength ||
        leak.source.size() > kMaxLeakTextLength)
      __builtin_trap();
}

void check_settings(const std::string &text) {
  nlohmann::json body = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return;
  WebhookSettings settings;
  if (!parse_webhook_settings(body, settings).empty()) return;
  std::string why;
  if (!parse_webhook_url(settings.url, why) || settings.events.empty()) __builtin_trap();
  std::set<std::string> seen;
  for (const std::string &event : settings.events)
    if (!parse_webhook_event(event) || !seen.insert(event).second) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char *>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0:
      check_url(text);
      break;
    case 1:
      check_address(text);
      break;
    case 2:
      check_leak_report(text);
      break;
    default:
      check_settings(text);
      break;
  }
  return 0;
}
