// The toast: a one-line confirmation at the bottom of the page after an action
// ("“CI Runner” is disabled."), gone after a few seconds.
#include "web/screens.h"

#include "web/icons.h"
#include "web/platform/fonts.h"
#include "web/platform/frame_scheduler.h"
#include "web/platform/ui_items.h"
#include "web/theme.h"
#include "web/token_manage.h"
#include "web/widgets.h"

#include "imgui.h"

#include <emscripten.h>

#include <cmath>
#include <string>

namespace hawzu {

void draw_toast(UiState &state) {
  Toast &toast = state.toast;
  if (toast.message.empty()) return;
  const double age = emscripten_get_now() - toast.shown_at;
  if (age >= kToastMilliseconds) {
    toast = Toast{};
    return;
  }
  platform::request_frame_after(kToastMilliseconds - age + 1);

  using ui::dp;
  using ui::rgb;
  namespace color = ui::color;
  ImFont *font = platform::fonts().body_medium;
  const std::string line = std::string(ICON_CHECK_CIRCLE "   ") + toast.message;
  const ImVec2 text = ui::text_size(line.c_str(), font);
  const ImVec2 padding(dp(18), dp(12));
  const ImGuiViewport *viewport = ImGui::GetMainViewport();
  const ImVec2 size(text.x + padding.x * 2, text.y + padding.y * 2);
  const ImVec2 min(std::floor(viewport->Pos.x + (viewport->Size.x - size.x) * 0.5f),
                   std::floor(viewport->Pos.y + viewport->Size.y - size.y - dp(28)));
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImDrawList *draw_list = ImGui::GetForegroundDrawList();
  ui::draw_shadow(draw_list, min, max, dp(10), 3.0f);
  draw_list->AddRectFilled(min, max, rgb(color::text), dp(10));
  ui::draw_text(draw_list, ImVec2(min.x + padding.x, min.y + padding.y), line.c_str(), font,
                rgb(0xFFFFFF));
  platform::set_last_item_live("status");  // announced by screen readers
}

}  // namespace hawzu
