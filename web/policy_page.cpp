// The Token policy page (docs/web-app.md#the-token-policy-page): the workspace's rules
// for its tokens (lifetime, Never Expires, unused tokens, expiry reminders) and, below
// them, the webhook that announces what the rules do. Owners edit both; Managers see
// them read-only. The form's problems are the shared parser's (web/policy_draft.h), so
// the page refuses what the server would.
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/platform/ui_items.h"
#include "web/policy_draft.h"

#include <cmath>
#include <string>

namespace hawzu {
namespace {

constexpr float kDaysFieldWidth = 140;

void draw_header(float width) {
  ui::text("Token policy", fonts().title, rgb(color::text));
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - dp(4));
  ui::text_wrapped(
      "Rules every access token of this workspace follows, and where Hawzu reports what they "
      "do. The create, edit and rotate windows offer only what the policy allows.",
      std::min(dp(760), width), fonts().body, rgb(color::text_muted));
  ImGui::Dummy(ImVec2(0, dp(14)));
}

std::string days_phrase(int days) {
  return std::to_string(days) + (days == 1 ? " day" : " days");
}

std::string warning_phrase(const std::vector<int> &days) {
  if (days.empty()) return "None";
  std::string text;
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (i > 0) text += i + 1 == days.size() ? " and " : ", ";
    text += std::to_string(days[i]);
  }
  return text + (days.size() == 1 && days[0] == 1 ? " day" : " days") + " before expiry";
}

// A day count under its checkbox, indented to the checkbox's text.
void draw_days_field(const char *label_id, std::string &value, const char *hint,
                     const std::string &error) {
  const float indent = dp(30);
  ImGui::Indent(indent);
  ui::input_text(label_id, value, hint, dp(kDaysFieldWidth), !error.empty());
  ImGui::SameLine(0, dp(10));
  ui::text_muted("days");
  ui::field_error(error);
  ImGui::Unindent(indent);
}

// The first problem of `field`: the server's from the last save, else the draft's.
std::string field_problem(const PolicyPageState &policy, const FieldErrors &draft_errors,
                          const char *field) {
  std::string error = policy_field_error(policy.errors, field);
  return error.empty() ? policy_field_error(draft_errors, field) : error;
}

void draw_policy_form(UiState &state, float inner) {
  PolicyPageState &policy = state.policy_page;
  PolicyDraft &draft = policy.draft;
  const FieldErrors draft_errors = policy_draft_errors(draft);
  bool edited = false;

  edited |= ui::checkbox("Limit how long a token lasts", draft.limit_lifetime);
  if (draft.limit_lifetime) {
    draw_days_field("##Maximum lifetime in days", draft.max_lifetime_days, "90",
                    field_problem(policy, draft_errors, "max_lifetime_days"));
    ImGui::Indent(dp(30));
    ui::field_hint("New values (create, rotate, a new expiry) last at most this many days.");
    ImGui::Unindent(dp(30));
  }
  ImGui::Dummy(ImVec2(0, dp(4)));

  // A lifetime limit is a limit on every value, so it rules out Never as well.
  bool never = draft.allow_never_expires && !draft.limit_lifetime;
  if (ui::checkbox("Allow tokens that never expire", never, !draft.limit_lifetime)) {
    draft.allow_never_expires = never;
    edited = true;
  }
  if (draft.limit_lifetime)
    platform::set_last_item_description("A lifetime limit rules out Never Expires.");
  ImGui::Dummy(ImVec2(0, dp(4)));

  edited |= ui::checkbox("Disable tokens that go unused", draft.disable_unused);
  if (draft.disable_unused) {
    draw_days_field("##Days without use", draft.unused_days, "60",
                    field_problem(policy, draft_errors, "disable_after_unused_days"));
    ImGui::Indent(dp(30));
    ui::field_hint(
        "A token not used, edited or enabled for this long is disabled by Hawzu. Its owner "
        "can enable it again.");
    ImGui::Unindent(dp(30));
  }
  ImGui::Dummy(ImVec2(0, dp(8)));

  ui::field_label("Expiry reminders");
  const std::string warning_error = field_problem(policy, draft_errors, "expiry_warning_days");
  ui::input_text("##Expiry reminders, days before expiry", draft.warning_days, "7, 1", dp(240),
                 !warning_error.empty());
  ui::field_error(warning_error);
  ui::field_hint(
      "Days before a token expires, separated by commas (at most five; empty for none). The "
      "largest also shows the Expires soon badge.");
  ImGui::Dummy(ImVec2(0, dp(8)));

  if (edited) policy.errors.clear();
  if (!policy.message.empty()) {
    ui::callout(ui::Tone::danger, ICON_EXCLAMATION_CIRCLE, "The policy was not saved",
                policy.message.c_str(), inner);
    ImGui::Dummy(ImVec2(0, dp(4)));
  }
  const bool changed = policy_draft_changed(draft, policy.policy);
  ui::ButtonOptions save;
  save.enabled = changed && draft_errors.empty() && !policy.saving;
  if (ui::button(policy.saving ? "Saving\xE2\x80\xA6" : "Save policy", ui::ButtonKind::primary,
                 save))
    state.intents.save_policy = true;
  if (!changed)
    platform::set_last_item_description("Nothing has changed.");
  else if (!draft_errors.empty())
    platform::set_last_item_description("Fix the fields above first.");
  if (changed) {
    ImGui::SameLine(0, dp(10));
    if (ui::button("Discard changes", ui::ButtonKind::ghost)) {
      draft = draft_from_policy(policy.policy);
      policy.errors.clear();
      policy.message.clear();
    }
  }
}

void draw_policy_summary(const TokenPolicy &policy, float inner) {
  const float value_x = ImGui::GetCursorPosX() + dp(200);
  ui::detail_row("Maximum lifetime",
                 policy.max_lifetime_days ? days_phrase(*policy.max_lifetime_days) : "No limit",
                 value_x);
  const bool never = policy.allow_never_expires && !policy.max_lifetime_days;
  ui::detail_row("Never Expires", never ? "Allowed" : "Not allowed", value_x);
  ui::detail_row("Unused tokens",
                 policy.disable_after_unused_days
                     ? "Disabled after " + days_phrase(*policy.disable_after_unused_days)
                     : std::string("Never disabled"),
                 value_x);
  ui::detail_row("Expiry reminders", warning_phrase(policy.expiry_warning_days), value_x);
  ImGui::Dummy(ImVec2(0, dp(6)));
  ui::callout(ui::Tone::info, ICON_LOCK, nullptr,
              "Only Workspace Owners can change the token policy.", inner);
}

void draw_policy_card(UiState &state, float width) {
  PolicyPageState &policy = state.policy_page;
  ui::begin_card("##policy", width, ImVec2(dp(28), dp(24)));
  const float inner = width - dp(56);
  ui::text("Expiry and unused tokens", fonts().heading, rgb(color::text));
  ImGui::Dummy(ImVec2(0, dp(4)));
  if (!policy.load.loaded) {
    if (!policy.load.error.empty()) {
      ui::callout(ui::Tone::danger, ICON_EXCLAMATION_CIRCLE, "The policy could not be loaded",
                  policy.load.error.c_str(), inner);
      ImGui::Dummy(ImVec2(0, dp(2)));
      if (ui::button(ICON_REFRESH "  Try again##policy", ui::ButtonKind::secondary))
        state.intents.show_page = AppPage::token_policy;
    } else {
      ui::spinner(dp(8), rgb(color::accent));
      ImGui::SameLine(0, dp(8));
      ui::text_muted("Loading the policy\xE2\x80\xA6");
    }
  } else if (state.session.can_manage_token_policy) {
    draw_policy_form(state, inner);
  } else {
    draw_policy_summary(policy.policy, inner);
  }
  ui::end_card();
}

}  // namespace

void draw_token_policy_page(UiState &state) {
  const float width = ImGui::GetContentRegionAvail().x;
  draw_header(width);
  draw_policy_card(state, width);
  ImGui::Dummy(ImVec2(0, dp(16)));
  draw_webhook_section(state, width);
}

}  // namespace hawzu
