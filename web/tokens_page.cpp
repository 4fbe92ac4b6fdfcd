// The Access Tokens page: heading, the read-only notice for people who cannot manage
// tokens, and then one of: loading, an error, the empty state, or the token table.
#include "web/screen_kit.h"
#include "web/screens.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace hawzu {
namespace {

constexpr const char *kCreateTokenLabel = ICON_PLUS "  Create Token";
constexpr const char *kCreateAccessTokenLabel = ICON_PLUS "  Create Access Token";

void draw_page_header(UiState &state, float width) {
  const bool show_create =
      state.session.can_manage_access_tokens && state.list.load.loaded && !state.list.forbidden &&
      (!state.list.tokens.empty() || state.list.query.filtered() || state.list.rows_filtered);
  const float button_width = show_create ? ui::button_width(kCreateTokenLabel) : 0;
  const ImVec2 top = ImGui::GetCursorScreenPos();

  ImGui::BeginGroup();
  ui::text("Access Tokens", fonts().title, rgb(color::text));
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - dp(4));
  ui::text_wrapped(
      "Access tokens let external systems such as CI runners, nightly jobs and sync services "
      "call the Hawzu API for this workspace.",
      std::min(dp(760), width - button_width - dp(24)), fonts().body, rgb(color::text_muted));
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y;

  if (show_create) {
    ImGui::SetCursorScreenPos(ImVec2(top.x + width - button_width, top.y + dp(6)));
    if (ui::button(kCreateTokenLabel, ui::ButtonKind::primary)) state.intents.open_create = true;
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
    ImGui::Dummy(ImVec2(0, 0));
  }
  ImGui::Dummy(ImVec2(0, dp(14)));
}

void draw_loading(float width) {
  ui::begin_card("##loading", width, ImVec2(dp(24), dp(40)));
  const char *label = "Loading access tokens\xE2\x80\xA6";
  const float label_width = ui::text_size(label, fonts().body).x;
  const float total = dp(20) + dp(10) + label_width;
  ImGui::SetCursorPosX(std::floor((width - total) * 0.5f));
  ui::spinner(dp(10), rgb(color::accent));
  ImGui::SameLine(0, dp(10));
  ui::text_muted(label);
  ui::end_card();
}

void draw_load_error(UiState &state, float width) {
  ui::callout(ui::Tone::danger, ICON_EXCLAMATION_CIRCLE, "The access tokens could not be loaded",
              state.list.load.error.c_str(), width);
  ImGui::Dummy(ImVec2(0, dp(2)));
  if (ui::button(ICON_REFRESH "  Try again", ui::ButtonKind::secondary)) {
    state.intents.reload_tokens = true;
  }
}

// For people whose role may not see the list: what the page is, and whom to ask.
void draw_no_access(const UiState &state, float width) {
  ui::begin_card("##no-access", width, ImVec2(dp(32), dp(48)));
  const float inner = width - dp(64);
  const float circle = dp(56);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const ImVec2 center(std::floor(top.x + inner * 0.5f), top.y + circle * 0.5f);
  ui::icon_in_circle(ImGui::GetWindowDrawList(), center, circle, rgb(color::neutral_soft),
                     ICON_LOCK, fonts().icon_large, rgb(color::text_muted));
  ImGui::Dummy(ImVec2(inner, circle + dp(18)));
  ui::text_centered("Access tokens are managed by workspace admins", inner, fonts().heading,
                    rgb(color::text));
  ImGui::Dummy(ImVec2(0, dp(2)));
  const std::string explanation =
      "Your role (" + std::string(display_name(state.session.workspace_role)) +
      ") does not show this workspace's access tokens. Only Workspace Owners and Managers "
      "can see, create or change them. Ask one of them if a system needs a token.";
  const float paragraph = std::min(inner, dp(520));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::floor((inner - paragraph) * 0.5f));
  ui::text_centered(explanation.c_str(), paragraph, fonts().body, rgb(color::text_muted));
  ui::end_card();
}

void draw_empty_state(UiState &state, float width) {
  ui::begin_card("##empty", width, ImVec2(dp(32), dp(56)));
  const float inner = width - dp(64);

  // A soft circle with a key.
  const float circle = dp(64);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const ImVec2 center(std::floor(top.x + inner * 0.5f), top.y + circle * 0.5f);
  ImDrawList *draw_list = ImGui::GetWindowDrawList();
  draw_list->AddCircleFilled(center, circle * 0.5f + dp(8), rgb(color::accent_soft, 0.6f));
  ui::icon_in_circle(draw_list, center, circle, rgb(color::accent_soft_strong), ICON_KEY,
                     fonts().icon_large, rgb(color::accent));
  ImGui::Dummy(ImVec2(inner, circle + dp(20)));

  ui::text_centered("No access tokens yet", inner, fonts().heading, rgb(color::text));
  ImGui::Dummy(ImVec2(0, dp(2)));
  const float paragraph = std::min(inner, dp(520));
  const float indent = std::floor((inner - paragraph) * 0.5f);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
  ui::text_centered(
      "Access tokens let CI runners, nightly jobs and sync services call the Hawzu API "
      "without a person's password. Each token carries a workspace role, or roles in "
      "chosen projects, and can expire on its own.",
      paragraph, fonts().body, rgb(color::text_muted));
  ImGui::Dummy(ImVec2(0, dp(12)));

  if (state.session.can_manage_access_tokens) {
    const float button_width = ui::button_width(kCreateAccessTokenLabel);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::floor((inner - button_width) * 0.5f));
    if (ui::button(kCreateAccessTokenLabel, ui::ButtonKind::primary)) {
      state.intents.open_create = true;
    }
  } else {
    ui::text_centered("Workspace Owners and Managers can create access tokens.", inner,
                      fonts().small, rgb(color::text_muted));
  }
  ui::end_card();
}

// A search or filter that matches nothing: say so, and offer the way back.
void draw_no_matches(float width) {
  ui::begin_card("##no-matches", width, ImVec2(dp(32), dp(40)));
  const float inner = width - dp(64);
  ui::text_centered("No access tokens match", inner, fonts().heading, rgb(color::text));
  ImGui::Dummy(ImVec2(0, dp(2)));
  ui::text_centered("Try other words, or clear the search and filters to see every token.", inner,
                    fonts().body, rgb(color::text_muted));
  ui::end_card();
}

}  // namespace

void draw_tokens_page(UiState &state) {
  const float width = ImGui::GetContentRegionAvail().x;
  draw_page_header(state, width);

  if (state.list.forbidden) {
    draw_no_access(state, width);
    return;
  }
  if (!state.session.can_manage_access_tokens) {
    ui::callout(ui::Tone::info, ICON_LOCK, "View only",
                "You can see this workspace's access tokens. Only Workspace Owners and "
                "Managers can create or change them.",
                width);
    ImGui::Dummy(ImVec2(0, dp(6)));
  }

  if (!state.list.load.loaded) {
    if (!state.list.load.error.empty()) {
      draw_load_error(state, width);
    } else {
      draw_loading(width);
    }
  } else if (state.list.tokens.empty() && !state.list.query.filtered() &&
             !state.list.rows_filtered) {
    draw_empty_state(state, width);
  } else {
    if (!state.list.load.error.empty()) {
      draw_load_error(state, width);
      ImGui::Dummy(ImVec2(0, dp(6)));
    }
    draw_token_toolbar(state, width);
    draw_filter_summary(state);
    ImGui::Dummy(ImVec2(0, dp(2)));
    if (state.list.tokens.empty()) {
      draw_no_matches(width);
    } else {
      draw_token_table(state, width);
    }
  }
}

}  // namespace hawzu
