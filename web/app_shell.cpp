// The signed-in page's frame: a full-window ImGui window holding the top bar and a
// scrolling content column, with the app's windows drawn over it.
#include "web/screens.h"

#include "web/theme.h"

#include "imgui.h"

#include <algorithm>

namespace hawzu {

namespace {
constexpr float kTopBarHeight = 64;
constexpr float kContentMaxWidth = 1200;
}  // namespace

void draw_app(UiState &state) {
  using ui::dp;
  const ImGuiViewport *viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::rgb(ui::color::page));
  ImGui::Begin("##page", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(3);

  draw_top_bar(state, dp(kTopBarHeight));

  // The content column: at most kContentMaxWidth wide, centred, scrolling vertically.
  const float available = ImGui::GetContentRegionAvail().x;
  const float side_padding = std::max(dp(32), (available - dp(kContentMaxWidth)) * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side_padding, dp(32)));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::rgb(ui::color::page));
  // Flattened for keyboard navigation: Tab walks the top bar, the page and its cards as
  // one sequence (a child window is otherwise a separate Tab cycle).
  ImGui::BeginChild("##content", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NavFlattened);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  switch (state.page) {
    case AppPage::audit_log:
      draw_audit_log_page(state);
      break;
    case AppPage::token_policy:
      draw_token_policy_page(state);
      break;
    case AppPage::access_tokens:
      draw_tokens_page(state);
      break;
  }
  ImGui::Dummy(ImVec2(0, dp(16)));
  ImGui::EndChild();

  draw_create_token_window(state);
  draw_token_created_window(state);
  draw_token_details_window(state);
  draw_revoke_token_window(state);
  draw_rotate_token_window(state);
  draw_toast(state);
  ImGui::End();
}

}  // namespace hawzu
