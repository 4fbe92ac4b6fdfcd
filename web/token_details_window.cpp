// The read-only details of one token: what it may do, when it expires, who made it and
// when it was last used. Never the secret (the server does not have it).
#include "web/screens.h"

#include "web/format.h"
#include "web/icons.h"
#include "web/platform/fonts.h"
#include "web/theme.h"
#include "web/token_labels.h"
#include "web/widgets.h"

#include "imgui.h"

#include <algorithm>
#include <string>

namespace hawzu {
namespace {

using platform::fonts;
using ui::dp;
using ui::rgb;
namespace color = ui::color;

constexpr const char *kWindowName = "Access Token Details";

const AccessToken *find_token(const UiState &state, std::int64_t id) {
  for (const AccessToken &token : state.list.tokens) {
    if (token.id == id) return &token;
  }
  return nullptr;
}

void detail_row(const char *label, const std::string &value, float label_width,
                ImFont *font = nullptr) {
  const float y = ImGui::GetCursorPosY();
  ui::text(label, fonts().body, rgb(color::text_muted));
  ImGui::SameLine(label_width);
  ImGui::SetCursorPosY(y);
  ui::text(value.c_str(), font ? font : fonts().body_medium, rgb(color::text));
}

}  // namespace

void draw_token_details_window(UiState &state) {
  DetailsWindowState &details = state.details;
  if (details.open && !ImGui::IsPopupOpen(kWindowName)) ImGui::OpenPopup(kWindowName);
  if (!ImGui::IsPopupOpen(kWindowName)) return;

  const ImGuiViewport *viewport = ImGui::GetMainViewport();
  const float width = std::min(dp(540), viewport->Size.x - dp(32));
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, viewport->Size.y - dp(48)));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(dp(28), dp(24)));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, dp(14));
  ImGui::PushStyleColor(ImGuiCol_Border, rgb(color::border));
  const bool visible = ImGui::BeginPopupModal(
      kWindowName, nullptr,
      ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
          ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
  if (!visible) return;
  const float content = std::max(ImGui::GetContentRegionAvail().x, width - dp(56));

  const ImVec2 top = ImGui::GetCursorPos();
  ui::text(kWindowName, fonts().heading, rgb(color::text));
  ImGui::SetCursorPos(ImVec2(top.x + content - dp(36), top.y - dp(8)));
  if (ui::icon_button(ICON_TIMES, "Close")) details.open = false;
  ImGui::SetCursorPos(ImVec2(top.x, top.y + fonts().heading->FontSize + dp(16)));

  const AccessToken *token = find_token(state, details.token_id);
  if (token == nullptr) {
    ui::text_muted("This access token is no longer in the list.");
  } else {
    const float label_width = ImGui::GetCursorPosX() + dp(130);
    detail_row("Name", token->name, label_width);
    detail_row("Identifier", token->identifier, label_width, fonts().mono);
    {
      const float y = ImGui::GetCursorPosY();
      ui::text("Status", fonts().body, rgb(color::text_muted));
      ImGui::SameLine(label_width);
      ImGui::SetCursorPosY(y - dp(3));
      ui::badge(status_label(token->status),
                token->status == TokenStatus::enabled   ? ui::Tone::success
                : token->status == TokenStatus::expired ? ui::Tone::danger
                                                        : ui::Tone::neutral);
    }
    detail_row("Access type", std::string(display_name(token->access_type)), label_width);
    if (token->access_type == AccessType::workspace && token->workspace_role) {
      detail_row("Workspace role", std::string(display_name(*token->workspace_role)), label_width);
    }
    for (const ProjectGrant &grant : token->projects) {
      detail_row(&grant == &token->projects.front() ? "Projects" : "",
                 grant.project_name + " \xC2\xB7 " + std::string(display_name(grant.role)),
                 label_width);
    }
    detail_row("Expires", token->expires_at ? format_date_time(*token->expires_at) : "Never",
               label_width);
    detail_row("Created by", token->created_by.name, label_width);
    detail_row("Created", format_date_time(token->created_at), label_width);
    detail_row("Last used",
               token->last_used_at ? format_date_time(*token->last_used_at) : "Never used",
               label_width);
  }

  ImGui::Dummy(ImVec2(0, dp(12)));
  const char *close_label = "Close##footer";
  const float close_width = std::max(ui::button_width(close_label), dp(96));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + content - close_width);
  ui::ButtonOptions options;
  options.size = ImVec2(close_width, 0);
  if (ui::button(close_label, ui::ButtonKind::secondary, options)) details.open = false;
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
      ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    details.open = false;
  }
  if (!details.open) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace hawzu
