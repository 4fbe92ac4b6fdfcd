// The "Access Token Created" window (docs/product.md#access-token-created-window): the token value,
// once, with Copy. Closing it overwrites the value (the page's only copy) and refreshes the table.
// After a rotation the same window shows the new value, titled "Access Token Rotated".
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/format.h"
#include "web/platform/clipboard.h"
#include "web/platform/frame_scheduler.h"
#include "web/platform/ui_items.h"
#include "web/token_labels.h"

#include "imgui_internal.h"  // ImGuiButtonFlags_PressedOnClick

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace hawzu {
namespace {

constexpr const char *kWindowName = "Access Token Created";
constexpr double kCopiedShownMs = 2500;

// The token field and the Copy button on one line.
void draw_token_field(CreatedWindowState &created, float width) {
  const char *copy_label = ICON_COPY "  Copy";
  const char *copied_label = ICON_CHECK "  Copied";
  const double now = emscripten_get_now();
  if (created.copy_requested && created.copied_at == 0 &&
      platform::clipboard_write_state() == platform::ClipboardWrite::copied) {
    created.copied_at = now;
  }
  const bool show_copied = created.copied_at != 0 && now - created.copied_at < kCopiedShownMs;
  if (show_copied) platform::request_frame_after(kCopiedShownMs - (now - created.copied_at) + 20);

  const float button_width = std::max(ui::button_width(copy_label), ui::button_width(copied_label));
  const float field_width = width - button_width - dp(10);
  ImGui::PushFont(fonts().mono);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, rgb(color::surface_subtle));
  ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, rgb(color::surface_subtle));
  ImGui::PushStyleColor(ImGuiCol_Border, rgb(color::border_strong));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(dp(12), std::floor((dp(36) - fonts().mono->FontSize) * 0.5f)));
  ImGui::SetNextItemWidth(field_width);
  ImGui::InputText("##Access token", created.token.data(), created.token.size(),
                   ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
  // Assistive technology hears what the field is, never the token itself.
  platform::set_last_item_value("token value, hidden from assistive tools, use Copy");
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
    platform::write_clipboard(created.token.data());
    created.copy_requested = true;
    created.copied_at = 0;
  }
  if (created.copy_requested &&
      platform::clipboard_write_state() == platform::ClipboardWrite::failed) {
    ui::field_error("Copying did not work in this browser. Select the token and press Ctrl+C.");
  }
}

}  // namespace

void draw_token_created_window(UiState &state) {
  CreatedWindowState &created = state.created;
  if (created.open && !ImGui::IsPopupOpen(kWindowName)) ImGui::OpenPopup(kWindowName);
  if (!ImGui::IsPopupOpen(kWindowName)) return;

  if (!ui::begin_modal(kWindowName, dp(600))) return;
  const float content = ui::modal_content_width(dp(600));

  // A green check in a soft circle, then the title.
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float circle = dp(44);
  const ImVec2 center(top.x + circle * 0.5f, top.y + circle * 0.5f);
  ui::icon_in_circle(ImGui::GetWindowDrawList(), center, circle, rgb(color::success_soft),
                     ICON_CHECK, fonts().heading, rgb(color::success_icon));
  ImGui::SetCursorScreenPos(ImVec2(
      top.x + circle + dp(14), top.y + std::floor((circle - fonts().heading->FontSize) * 0.5f)));
  ui::text(created.rotated ? "Access Token Rotated" : kWindowName, fonts().heading,
           rgb(color::text));
  ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + circle + dp(16)));

  ui::callout(ui::Tone::warning, ICON_EXCLAMATION_TRIANGLE, "This is the only time it is shown",
              "Copy the token now and store it in a secrets manager or as a CI/CD secret. "
              "Hawzu keeps only a fingerprint of it and cannot show it again.",
              content);
  ImGui::Dummy(ImVec2(0, dp(4)));
  ui::field_label("Access token");
  draw_token_field(created, content);

  ImGui::Dummy(ImVec2(0, dp(8)));
  const AccessToken &token = created.access_token;
  const float label_width = ImGui::GetCursorPosX() + dp(110);
  ui::detail_row("Name", token.name, label_width);
  std::string access = std::string(display_name(token.access_type));
  const std::string summary = access_summary(token);
  if (!summary.empty()) access += " \xC2\xB7 " + summary;
  ui::detail_row("Access", access, label_width);
  ui::detail_row("Expires", token.expires_at ? format_date_time(*token.expires_at) : "Never",
                 label_width);
  ui::detail_row("Identifier", token.identifier, label_width, fonts().mono);
  if (created.rotated) {
    ui::detail_row("Previous value",
                   token.previous_value_expires_at
                       ? "Works until " + format_date_time(*token.previous_value_expires_at)
                       : std::string("Stopped working"),
                   label_width);
  }

  ImGui::Dummy(ImVec2(0, dp(8)));
  ui::modal_divider();
  const char *done_label = "Done";
  const float done_width = std::max(ui::button_width(done_label), dp(96));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + content - done_width);
  ui::ButtonOptions done_options;
  done_options.size = ImVec2(done_width, 0);
  if (ui::button(done_label, ui::ButtonKind::primary, done_options)) {
    state.intents.close_created = true;
  }

  if (!created.open) ImGui::CloseCurrentPopup();
  ui::end_modal();
}

}  // namespace hawzu
