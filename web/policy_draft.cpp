// The policy form's draft and bodies (policy_draft.h).
#include "web/policy_draft.h"

#include <nlohmann/json.hpp>

#include <cctype>

namespace hawzu {
namespace {

std::string trimmed(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

// "30" → 30; anything else stays text for the parser to refuse (digits only, so "1e3"
// and "+5" are not read as numbers the person did not type).
nlohmann::json day_value(std::string_view typed) {
  const std::string text = trimmed(typed);
  if (text.empty() || text.size() > 6) return text;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return text;
  return std::stoi(text);
}

std::string days_text(const std::optional<int> &days) {
  return days ? std::to_string(*days) : "";
}

}  // namespace

PolicyDraft draft_from_policy(const TokenPolicy &policy) {
  PolicyDraft draft;
  draft.limit_lifetime = policy.max_lifetime_days.has_value();
  draft.max_lifetime_days = days_text(policy.max_lifetime_days);
  draft.allow_never_expires = policy.allow_never_expires;
  draft.disable_unused = policy.disable_after_unused_days.has_value();
  draft.unused_days = days_text(policy.disable_after_unused_days);
  for (std::size_t i = 0; i < policy.expiry_warning_days.size(); ++i) {
    if (i > 0) draft.warning_days += ", ";
    draft.warning_days += std::to_string(policy.expiry_warning_days[i]);
  }
  return draft;
}

nlohmann::json policy_body(const PolicyDraft &draft) {
  nlohmann::json warnings = nlohmann::json::array();
  std::string_view rest = draft.warning_days;
  while (!trimmed(rest).empty()) {
    const std::size_t comma = rest.find(',');
    warnings.push_back(day_value(rest.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return {{"max_lifetime_days",
           draft.limit_lifetime ? day_value(draft.max_lifetime_days) : nlohmann::json(nullptr)},
          // What the page shows: a lifetime limit leaves Never Expires off.
          {"allow_never_expires", draft.allow_never_expires && !draft.limit_lifetime},
          {"disable_after_unused_days",
           draft.disable_unused ? day_value(draft.unused_days) : nlohmann::json(nullptr)},
          {"expiry_warning_days", warnings}};
}

FieldErrors policy_draft_errors(const PolicyDraft &draft) {
  TokenPolicy parsed;
  return parse_token_policy(policy_body(draft), parsed);
}

bool policy_draft_changed(const PolicyDraft &draft, const TokenPolicy &saved) {
  TokenPolicy parsed;
  if (!parse_token_policy(policy_body(draft), parsed).empty()) return true;
  return !(parsed == saved);
}

std::string policy_field_error(const FieldErrors &errors, std::string_view field) {
  for (const FieldError &error : errors) {
    const std::string_view name = error.field;
    if (name == field || (name.size() > field.size() && name.substr(0, field.size()) == field &&
                          name[field.size()] == '['))
      return error.message;
  }
  return "";
}

nlohmann::json webhook_body(const WebhookFormState &form) {
  return {{"url", trimmed(form.url)}, {"events", form.events}};
}

}  // namespace hawzu
