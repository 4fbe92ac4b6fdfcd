// Above the token table: the search box (label, creator, identifier) and the filters
// (access type, status, created by, created and expiry date ranges). The server does
// the searching; a changed filter reloads at once, typed search text once it settles.
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/filter_widgets.h"
#include "web/format.h"
#include "web/token_labels.h"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace hawzu {
namespace {

constexpr std::size_t kMaxSearchLength = 200;  // the server's limit for q

// The "Dates" button: a popover with both ranges.
bool draw_dates_filter(UiState &state, float width) {
  TokenListQuery &query = state.list.query;
  const int active = (query.created.active() ? 1 : 0) + (query.expires.active() ? 1 : 0);
  const std::string label =
      active ? "Dates (" + std::to_string(active) + ")" : std::string("Dates");
  if (ui::field_button("Dates", label.c_str(), ICON_CHEVRON_DOWN, !active, width)) {
    ImGui::OpenPopup("##dates");
  }
  const ImVec2 below(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y + dp(6));
  bool changed = false;
  ImGui::SetNextWindowPos(below, ImGuiCond_Always, ImVec2(1, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(dp(20), dp(16)));
  ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, dp(12));
  if (ImGui::BeginPopup("##dates", ImGuiWindowFlags_NoMove)) {
    const CivilDate today = local_date(state.now_unix);
    const float inner = dp(360);
    changed |= draw_date_range("Created", "created", query.created, today, inner);
    ImGui::Dummy(ImVec2(0, dp(8)));
    changed |= draw_date_range("Expires", "expires", query.expires, today, inner);
    ImGui::Dummy(ImVec2(0, dp(4)));
    ui::text_wrapped("Both ends are included. Tokens that never expire match no expiry range.",
                     inner, fonts().small, rgb(color::text_muted));
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar(2);
  return changed;
}

std::string creator_name(const TokenOptions &options, std::int64_t id) {
  for (const UserRef &person : options.creators) {
    if (person.id == id) return person.name;
  }
  return "Person " + std::to_string(id);
}

}  // namespace

void draw_token_toolbar(UiState &state, float width) {
  TokenListQuery &query = state.list.query;
  const float gap = dp(10);
  const float type_width = dp(150), status_width = dp(140), creator_width = dp(170),
              dates_width = dp(130);
  const float filters_width = type_width + status_width + creator_width + dates_width + gap * 3;
  // One row when it fits, else the search box gets a row of its own.
  const bool one_row = width - filters_width - gap >= dp(260);
  const float search_width = one_row ? width - filters_width - gap : width;

  const ImVec2 search_min = ImGui::GetCursorScreenPos();
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(dp(36), ImGui::GetStyle().FramePadding.y));
  if (ui::input_text("##Search tokens", query.search, "Search by label, creator or identifier",
                     search_width)) {
    if (query.search.size() > kMaxSearchLength) query.search.resize(kMaxSearchLength);
    state.list.search_edited_at = emscripten_get_now();
  }
  ImGui::PopStyleVar();
  ImFont *icon_font = fonts().body;
  ImGui::GetWindowDrawList()->AddText(
      icon_font, icon_font->FontSize,
      ImVec2(search_min.x + dp(13),
             std::floor(search_min.y + (ImGui::GetFrameHeight() - icon_font->FontSize) * 0.5f)),
      rgb(color::text_placeholder), ICON_SEARCH);
  if (one_row) ImGui::SameLine(0, gap);

  bool changed = false;
  changed |= draw_filter_select(
      "##Access type filter", "Any access type", query.access_type,
      std::vector<AccessType>{AccessType::workspace, AccessType::project},
      [](AccessType type) { return std::string(display_name(type)); }, type_width);
  ImGui::SameLine(0, gap);
  changed |= draw_filter_select(
      "##Status filter", "Any status", query.status, all_status_filters(),
      [](StatusFilter filter) { return std::string(status_filter_label(filter)); }, status_width);
  ImGui::SameLine(0, gap);
  std::vector<std::int64_t> creators;
  for (const UserRef &person : state.options.creators) creators.push_back(person.id);
  changed |= draw_filter_select(
      "##Created by filter", "Anyone", query.created_by, creators,
      [&](std::int64_t id) { return "By " + creator_name(state.options, id); }, creator_width);
  ImGui::SameLine(0, gap);
  changed |= draw_dates_filter(state, dates_width);

  if (changed) state.intents.reload_tokens = true;
}

void draw_filter_summary(UiState &state) {
  const TokenListState &list = state.list;
  if (!list.query.filtered()) return;
  std::string summary;
  if (list.load.loading) {
    summary = "Searching\xE2\x80\xA6";
  } else if (list.next_cursor.empty()) {
    const std::size_t count = list.tokens.size();
    summary = std::to_string(count) + (count == 1 ? " token matches" : " tokens match");
  } else {
    summary = "More than " + std::to_string(list.tokens.size()) + " tokens match";
  }
  ImGui::Dummy(ImVec2(0, dp(2)));
  const float y = ImGui::GetCursorPosY();
  ui::text(summary.c_str(), fonts().body, rgb(color::text_muted));
  ImGui::SameLine(0, dp(12));
  ImGui::SetCursorPosY(y - dp(4));  // the link's padding, so both texts share a baseline
  if (ui::button("Clear search and filters", ui::ButtonKind::link)) {
    TokenListQuery cleared;  // the sort stays
    cleared.sort = list.query.sort;
    cleared.descending = list.query.descending;
    state.list.query = cleared;
    state.intents.reload_tokens = true;
  }
}

}  // namespace hawzu
