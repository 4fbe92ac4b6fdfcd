#include "services/leak_report_request.h"

#include "shared/token_format.h"

#include <sodium.h>
#include <nlohmann/json.hpp>

namespace hawzu::server {
namespace {

// An optional text member: absent is "", else a string of bounded length.
void read_text(const nlohmann::json &item, const char *name, const std::string &prefix,
               std::string &out, FieldErrors &errors) {
  auto found = item.find(name);
  if (found == item.end()) return;
  if (!found->is_string()) {
    errors.push_back({prefix + name, "Must be a string."});
    return;
  }
  if (found->get_ref<const std::string &>().size() > kMaxLeakTextLength) {
    errors.push_back(
        {prefix + name, "At most " + std::to_string(kMaxLeakTextLength) + " characters."});
    return;
  }
  out = found->get<std::string>();
}

void wipe_strings(nlohmann::json &json) {
  if (json.is_string()) {
    std::string &text = json.get_ref<std::string &>();
    sodium_memzero(text.data(), text.size());
  } else if (json.is_structured()) {
    for (nlohmann::json &child : json) wipe_strings(child);
  }
}

}  // namespace

LeakReport parse_leak_report(nlohmann::json &body) {
  LeakReport report;
  if (!body.is_array()) {
    report.errors.push_back({"", "The request body must be a JSON array of reported tokens."});
    wipe_strings(body);
    return report;
  }
  if (body.size() > kMaxLeakReportItems) {
    report.errors.push_back({"", "At most " + std::to_string(kMaxLeakReportItems) +
                                     " tokens per report; send the rest in another."});
    wipe_strings(body);
    return report;
  }
  report.received = body.size();
  for (std::size_t i = 0; i < body.size(); ++i) {
    nlohmann::json &item = body[i];
    const std::string prefix = "[" + std::to_string(i) + "].";
    if (!item.is_object()) {
      report.errors.push_back({"[" + std::to_string(i) + "]", "Must be an object with a token."});
      continue;
    }
    ReportedLeak leak;
    auto token = item.find("token");
    if (token == item.end() || !token->is_string()) {
      report.errors.push_back({prefix + "token", "Required: the string that was found."});
    } else {
      std::string &text = token->get_ref<std::string &>();
      leak.well_formed = is_well_formed_token(text);
      if (leak.well_formed) {
        std::string copy;
        copy.reserve(text.size());
        copy.assign(text);
        leak.token = SecretString(std::move(copy));
      }
    }
    std::string type;
    read_text(item, "type", prefix, type, report.errors);
    read_text(item, "url", prefix, leak.url, report.errors);
    read_text(item, "source", prefix, leak.source, report.errors);
    report.leaks.push_back(std::move(leak));
  }
  wipe_strings(body);
  if (!report.errors.empty()) report.leaks.clear();
  return report;
}

}  // namespace hawzu::server
