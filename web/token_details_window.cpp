// One token's details (docs/product.md#manage-a-token): what it may do, when it expires, who made
// it and when and from where it was last used, its recent calls and a 30-day chart of its
// use (token_usage_view.cpp); never the secret (the server does not have it). From here
// the token is edited (the same window switches to the shared token form, with the
// access type locked), disabled or enabled, and revoked (after a confirmation).
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/format.h"
#include "web/token_activity_view.h"
#include "web/token_form.h"
#include "web/token_labels.h"

#include "shared/access_token_edit.h"
#include "shared/relative_time.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

namespace hawzu {
namespace {

constexpr const char *kWindowName = "Access Token Details";
constexpr float kWidth = 600;  // editing
// Viewing: the facts on the left, the usage (chart and recent calls) on the right, so that
// the window stays within a laptop screen's height.
constexpr float kViewWidth = 1060;
constexpr float kFactsWidth = 430;
constexpr float kColumnGap = 36;

// "28 Nov 2025, 14:05 (in 6 days)".
std::string time_with_distance(std::int64_t when, std::int64_t now) {
  return format_date_time(when) + "  (" + relative_time(when, now) + ")";
}

void draw_facts(const UiState &state, const AccessToken &token, float content) {
  const float value_x = ImGui::GetCursorPosX() + dp(130);
  const std::int64_t now = state.now_unix;
  ui::detail_row("Name", token.name, value_x);
  ui::detail_row("Identifier", token.identifier, value_x, fonts().mono);
  {
    const float y = ImGui::GetCursorPosY();
    ui::text("Status", fonts().body, rgb(color::text_muted));
    ImGui::SameLine(value_x);
    ImGui::SetCursorPosY(y - dp(3));
    ui::badge(status_badge_label(token), status_badge_tone(token));
  }
  ui::detail_row("Access type", std::string(display_name(token.access_type)), value_x);
  if (token.access_type == AccessType::workspace && token.workspace_role) {
    ui::detail_row("Workspace role", std::string(display_name(*token.workspace_role)), value_x);
  }
  for (const ProjectGrant &grant : token.projects) {
    ui::detail_row(&grant == &token.projects.front() ? "Projects" : "",
                   grant.project_name + " \xC2\xB7 " + std::string(display_name(grant.role)),
                   value_x);
  }
  ui::detail_row("Expires", token.expires_at ? time_with_distance(*token.expires_at, now) : "Never",
                 value_x);
  ui::detail_row("Created by", token.created_by.name, value_x);
  // Whose current role bounds the token; shown even when it is the creator, so that a
  // demotion's effect on the token is never a surprise.
  ui::detail_row("Owner", token.owner.name, value_x);
  ui::detail_row("Created", time_with_distance(token.created_at, now), value_x);
  ui::detail_row("Last used",
                 token.last_used_at ? time_with_distance(*token.last_used_at, now) : "Never used",
                 value_x);
  if (token.previous_value_expires_at) {
    // After a rotation with an overlap: both values work until then.
    ui::detail_row(
        "Rotation",
        "Previous value works until " + format_date_time(*token.previous_value_expires_at),
        value_x);
  }
  if (token.last_used_ip) ui::detail_row("Last used from", *token.last_used_ip, value_x);
  if (token.status == TokenStatus::disabled) {
    ImGui::Dummy(ImVec2(0, dp(4)));
    if (token.disabled_reason == DisabledReason::owner_removed) {
      const std::string why = "The token was disabled when " + token.owner.name +
                              " was removed from the workspace. Requests with it get 401 "
                              "Unauthorized. Enabling it makes you its owner.";
      ui::callout(ui::Tone::neutral, ICON_BAN, "Its owner left the workspace", why.c_str(),
                  content);
    } else if (token.disabled_reason == DisabledReason::unused) {
      ui::callout(ui::Tone::neutral, ICON_BAN, "Disabled for going unused",
                  "The workspace's token policy disables tokens that are not used for a while. "
                  "Requests with it get 401 Unauthorized. Enable it to use it again.",
                  content);
    } else if (token.disabled_reason == DisabledReason::leaked && token.leak) {
      const std::string why =
          "Reported as leaked at " + token.leak->url +
          (token.leak->source.empty() ? "" : " (" + token.leak->source + ")") + ", " +
          format_date_time(token.leak->reported_at) +
          ". Requests with it get 401 Unauthorized. Revoke it and give its users a new token; "
          "enable it only if the report was a false alarm.";
      ui::callout(ui::Tone::danger, ICON_EXCLAMATION_TRIANGLE, "Reported as leaked", why.c_str(),
                  content);
    } else {
      ui::callout(ui::Tone::neutral, ICON_BAN, "This token is disabled",
                  "Requests with it get 401 Unauthorized. Enable it to use it again, or to edit "
                  "or revoke it.",
                  content);
    }
  }
}

void draw_view_footer(UiState &state, float content) {
  DetailsWindowState &details = state.details;
  const AccessToken &token = details.token;
  ImGui::Dummy(ImVec2(0, dp(8)));
  if (!details.error.empty()) {
    ui::field_error(details.error);
    ImGui::Dummy(ImVec2(0, dp(4)));
  }
  const bool disabled = token.status == TokenStatus::disabled;
  const bool can_manage = state.session.can_manage_access_tokens;
  const float row_y = ImGui::GetCursorPosY();
  const float left = ImGui::GetCursorPosX();
  ui::ButtonOptions options;
  options.enabled = !details.busy;

  // Left: the permanent action, apart from the others.
  if (can_manage && !disabled) {
    if (ui::button(ICON_TRASH "  Revoke\xE2\x80\xA6", ui::ButtonKind::secondary, options)) {
      state.intents.ask_revoke = token.id;
    }
  }

  // Right: [Disable | Enable] [Rotate…] [Edit] [Close].
  const char *toggle_label = disabled ? ICON_PLAY "  Enable" : ICON_BAN "  Disable";
  const char *rotate_label = ICON_REFRESH "  Rotate\xE2\x80\xA6";
  const char *edit_label = ICON_PENCIL "  Edit";
  const char *close_label = "Close##footer";
  float right_width = ui::button_width(close_label);
  if (can_manage) {
    right_width += ui::button_width(toggle_label) + dp(10);
    if (!disabled)
      right_width += ui::button_width(rotate_label) + ui::button_width(edit_label) + dp(20);
  }
  ImGui::SetCursorPos(ImVec2(left + content - right_width, row_y));
  if (can_manage) {
    if (ui::button(toggle_label, disabled ? ui::ButtonKind::primary : ui::ButtonKind::secondary,
                   options)) {
      state.intents.lifecycle =
          std::make_pair(token.id, disabled ? TokenAction::enable : TokenAction::disable);
    }
    ImGui::SameLine(0, dp(10));
    if (!disabled) {
      if (ui::button(rotate_label, ui::ButtonKind::secondary, options))
        state.intents.ask_rotate = token.id;
      ImGui::SameLine(0, dp(10));
      if (ui::button(edit_label, ui::ButtonKind::primary, options)) state.intents.start_edit = true;
      ImGui::SameLine(0, dp(10));
    }
  }
  if (ui::button(close_label, ui::ButtonKind::secondary)) state.intents.close_details = true;
}

void draw_edit(UiState &state, float content) {
  DetailsWindowState &details = state.details;
  TokenForm form = make_token_form(state, details.edit, content, details.new_expiry);
  form.new_expiry = &details.new_expiry;
  form.current_expiry = details.token.expires_at;

  const std::string locked = std::string(display_name(details.token.access_type)) +
                             " token \xC2\xB7 " + details.token.identifier +
                             ". The access type cannot be changed.";
  ui::text_wrapped(locked.c_str(), content, fonts().body, rgb(color::text_muted));
  ImGui::Dummy(ImVec2(0, dp(8)));
  const bool name_submitted = draw_token_name_field(form);
  form_section_gap();
  if (details.token.access_type == AccessType::workspace) {
    draw_workspace_scope_field(form);
  } else {
    draw_project_rows_field(form);
  }
  const std::string type_error = form_field_message(form, "access_type", false);
  if (!type_error.empty()) ui::field_error(type_error);
  form_section_gap();
  draw_expiry_field(form);

  // Without a new choice the draft holds the default expiry (1 Week), which is not sent:
  // neither it nor the policy blocks.
  std::optional<std::string> blocking =
      first_blocking_reason(details.edit.draft, form_validation_context(state, details.new_expiry));
  if (!blocking && to_edit_request(details.token, details.edit.draft, details.new_expiry).empty()) {
    blocking = "Nothing has changed yet.";
  }
  const FormFooterResult footer =
      draw_form_footer(form, blocking, "Update Token", "Updating\xE2\x80\xA6", name_submitted);
  if (footer.cancel) state.intents.cancel_edit = true;
  if (footer.submit) state.intents.submit_edit = true;
}

}  // namespace

void draw_token_details_window(UiState &state) {
  DetailsWindowState &details = state.details;
  if (details.open && !ImGui::IsPopupOpen(kWindowName)) ImGui::OpenPopup(kWindowName);
  if (!ImGui::IsPopupOpen(kWindowName)) return;
  const float width = dp(details.editing ? kWidth : kViewWidth);
  if (!ui::begin_modal(kWindowName, width)) return;
  const float content = ui::modal_content_width(width);

  const bool editing = details.editing;
  const bool busy = details.edit.submitting;
  if (ui::modal_header(editing ? "Edit Access Token" : kWindowName, content, !busy)) {
    state.intents.close_details = true;
  }
  ImGui::Dummy(ImVec2(0, dp(6)));
  if (editing) {
    draw_edit(state, content);
  } else {
    const float facts = std::min(dp(kFactsWidth), content);
    ImGui::BeginGroup();
    draw_facts(state, details.token, facts);
    draw_token_activity(state, facts);
    ImGui::EndGroup();
    // At a fixed x: a long fact must not push the usage past the window's edge.
    ImGui::SameLine(facts + dp(kColumnGap) + ImGui::GetStyle().WindowPadding.x);
    ImGui::BeginGroup();
    draw_token_usage(state, std::max(content - facts - dp(kColumnGap), dp(200)));
    ImGui::EndGroup();
    draw_view_footer(state, content);
  }

  // Esc: leaves edit mode (keeping the original values), else closes; a list or the
  // calendar open last frame took that Esc for itself.
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
      ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !busy && !details.edit.child_popup_was_open) {
    if (editing) {
      state.intents.cancel_edit = true;
    } else {
      state.intents.close_details = true;
    }
  }
  details.edit.child_popup_was_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
  if (!details.open) ImGui::CloseCurrentPopup();
  ui::end_modal();
}

}  // namespace hawzu
