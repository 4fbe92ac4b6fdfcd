// The once-shown secret field (secret_field.h).
#include "web/secret_field.h"

#include "web/platform/clipboard.h"
#include "web/platform/frame_scheduler.h"
#include "web/platform/ui_items.h"
#include "web/screen_kit.h"

#include "imgui_internal.h"  // ImGuiButtonFlags_PressedOnClick

#include <emscripten.h>

#include <algorithm>
#include <cmath>

namespace hawzu {
namespace {

constexpr double kCopiedShownMs = 2500;

}  // namespace

void draw_secret_field(const char *label_id, SecretBuffer &secret, const char *spoken,
                       CopyFeedback &feedback, float width) {
  const char *copy_label = ICON_COPY "  Copy";
  const char *copied_label = ICON_CHECK "  Copied";
  const double now = emscripten_get_now();
  if (feedback.requested && feedback.copied_at == 0 &&
      platform::clipboard_write_state() == platform::ClipboardWrite::copied) {
    feedback.copied_at = now;
  }
  const bool show_copied = feedback.copied_at != 0 && now - feedback.copied_at < kCopiedShownMs;
  if (show_copied) platform::request_frame_after(kCopiedShownMs - (now - feedback.copied_at) + 20);

  const float button_width = std::max(ui::button_width(copy_label), ui::button_width(copied_label));
  ImGui::PushFont(fonts().mono);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, rgb(color::surface_subtle));
  ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, rgb(color::surface_subtle));
  ImGui::PushStyleColor(ImGuiCol_Border, rgb(color::border_strong));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(dp(12), std::floor((dp(36) - fonts().mono->FontSize) * 0.5f)));
  ImGui::SetNextItemWidth(width - button_width - dp(10));
  ImGui::InputText(label_id, secret.data(), secret.size(),
                   ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
  platform::set_last_item_value(spoken);
  platform::set_last_item_read_only();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(3);
  ImGui::PopFont();
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);

  ImGui::SameLine(0, dp(10));
  ui::ButtonOptions options;
  options.size = ImVec2(button_width, 0);
  // Pressed on mouse-down, so the mouse-up that follows is a user gesture in which the
  // clipboard fallback may copy (see platform/clipboard.h).
  options.flags = ImGuiButtonFlags_PressedOnClick;
  if (ui::button(show_copied ? copied_label : copy_label,
                 show_copied ? ui::ButtonKind::secondary : ui::ButtonKind::primary, options)) {
    platform::write_clipboard(secret.data());
    feedback.requested = true;
    feedback.copied_at = 0;
  }
}

void draw_copy_failure(const CopyFeedback &feedback) {
  if (feedback.requested && platform::clipboard_write_state() == platform::ClipboardWrite::failed)
    ui::field_error("Copying did not work in this browser. Select it and press Ctrl+C.");
}

}  // namespace hawzu
