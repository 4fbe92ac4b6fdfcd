// "Revoke access token?": names the token, says what revoking does and that it is
// permanent, and asks for a deliberate click on a red button (docs/product.md#manage-a-token).
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/token_labels.h"

#include <algorithm>
#include <string>

namespace hawzu {
namespace {

constexpr const char *kWindowName = "Revoke Access Token";
constexpr float kWidth = 520;

}  // namespace

void draw_revoke_token_window(UiState &state) {
  RevokeWindowState &revoke = state.revoke;
  if (revoke.open && !ImGui::IsPopupOpen(kWindowName)) ImGui::OpenPopup(kWindowName);
  if (!ImGui::IsPopupOpen(kWindowName)) return;
  if (!ui::begin_modal(kWindowName, dp(kWidth))) return;
  const float content = ui::modal_content_width(dp(kWidth));
  const AccessToken &token = revoke.token;

  const std::string title = "Revoke \xE2\x80\x9C" + token.name + "\xE2\x80\x9D?";
  if (ui::modal_header(title.c_str(), content, !revoke.submitting)) {
    state.intents.cancel_revoke = true;
  }
  ImGui::Dummy(ImVec2(0, dp(4)));
  const std::string identity = token.identifier + " \xC2\xB7 " +
                               std::string(display_name(token.access_type)) + " \xC2\xB7 " +
                               access_summary(token);
  ui::text(identity.c_str(), fonts().mono_small, rgb(color::text_muted));
  ImGui::Dummy(ImVec2(0, dp(8)));
  ui::callout(ui::Tone::danger, ICON_EXCLAMATION_TRIANGLE, "This cannot be undone",
              "Every system using this token gets 401 Unauthorized from its next request. "
              "The token is gone for good and cannot be enabled again; its record stays in "
              "the audit log. To pause a token instead, disable it.",
              content);
  if (!revoke.error.empty()) {
    ImGui::Dummy(ImVec2(0, dp(4)));
    ui::field_error(revoke.error);
  }

  ImGui::Dummy(ImVec2(0, dp(10)));
  ui::modal_divider();
  const char *cancel_label = "Cancel";
  const char *revoke_label = revoke.submitting ? "Revoking\xE2\x80\xA6##revoke" : "Revoke Token";
  const float revoke_width = std::max(ui::button_width(revoke_label), dp(128));
  const float buttons = ui::button_width(cancel_label) + dp(10) + revoke_width;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + content - buttons);
  ui::ButtonOptions options;
  options.enabled = !revoke.submitting;
  if (ui::button(cancel_label, ui::ButtonKind::secondary, options)) {
    state.intents.cancel_revoke = true;
  }
  ImGui::SameLine(0, dp(10));
  options.size = ImVec2(revoke_width, 0);
  if (ui::button(revoke_label, ui::ButtonKind::danger, options)) {
    state.intents.confirm_revoke = true;
  }
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
      ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !revoke.submitting) {
    state.intents.cancel_revoke = true;
  }
  if (!revoke.open) ImGui::CloseCurrentPopup();
  ui::end_modal();
}

}  // namespace hawzu
