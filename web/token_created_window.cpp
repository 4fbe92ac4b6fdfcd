// The "Access Token Created" window (docs/product.md#access-token-created-window): the token value,
// once, with Copy. Closing it overwrites the value (the page's only copy) and refreshes the table.
// After a rotation the same window shows the new value, titled "Access Token Rotated".
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/format.h"
#include "web/secret_field.h"
#include "web/token_labels.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace hawzu {
namespace {

constexpr const char *kWindowName = "Access Token Created";

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
  draw_secret_field("##Access token", created.token,
                    "token value, hidden from assistive tools, use Copy", created.copy, content);
  draw_copy_failure(created.copy);

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
