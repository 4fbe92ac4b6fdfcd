// The token table: Label, Access Type, Created by, Created, Expires, Status, Actions.
// Columns other than Label can be hidden (right-click the header) and sorted (click a
// header). Disabled tokens are drawn with less emphasis. A row opens its details.
#include "web/screens.h"

#include "web/format.h"
#include "web/icons.h"
#include "web/platform/fonts.h"
#include "web/platform/ui_items.h"
#include "web/theme.h"
#include "web/token_labels.h"
#include "web/widgets.h"

#include "imgui.h"
#include "imgui_internal.h"  // ImRect

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

namespace hawzu {
namespace {

using platform::fonts;
using ui::dp;
using ui::rgb;
namespace color = ui::color;

enum Column { label, access_type, created_by, created, expires, status, actions, kColumnCount };

constexpr float kRowHeight = 64;

int compare_tokens(const AccessToken &a, const AccessToken &b, int column) {
  const auto order = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (column) {
    case access_type:
      return order(static_cast<int>(a.access_type), static_cast<int>(b.access_type));
    case created_by:
      return a.created_by.name.compare(b.created_by.name);
    case created:
      return order(a.created_at, b.created_at);
    case expires:
      // Tokens that never expire sort after every date.
      return order(a.expires_at.value_or(INT64_MAX), b.expires_at.value_or(INT64_MAX));
    case status:
      return order(static_cast<int>(a.status), static_cast<int>(b.status));
    case label:
    default:
      return token_name_key(a.name).compare(token_name_key(b.name));
  }
}

std::vector<std::size_t> sorted_rows(const std::vector<AccessToken> &tokens,
                                     const ImGuiTableSortSpecs *specs) {
  std::vector<std::size_t> rows(tokens.size());
  std::iota(rows.begin(), rows.end(), 0);
  if (specs == nullptr || specs->SpecsCount == 0) return rows;
  const ImGuiTableColumnSortSpecs &spec = specs->Specs[0];
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
    int result = compare_tokens(tokens[a], tokens[b], spec.ColumnIndex);
    if (spec.SortDirection == ImGuiSortDirection_Descending) result = -result;
    return result < 0;
  });
  return rows;
}

// Moves the cursor down so content `content_height` tall sits in the middle of the row.
void center_in_row(float row_top, float content_height) {
  const float inner = dp(kRowHeight) - ImGui::GetStyle().CellPadding.y * 2;
  ImGui::SetCursorPosY(row_top + std::floor((inner - content_height) * 0.5f));
}

void two_lines(float row_top, const std::string &first, ImFont *first_font, ImU32 first_color,
               const std::string &second, ImFont *second_font) {
  const float gap = dp(3);
  center_in_row(row_top, first_font->FontSize + gap + second_font->FontSize);
  ui::text(first.c_str(), first_font, first_color);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + gap);
  ui::text(second.c_str(), second_font, rgb(color::text_muted));
}

void one_line(float row_top, const std::string &value, ImU32 text_color) {
  center_in_row(row_top, fonts().body->FontSize);
  ui::text(value.c_str(), fonts().body, text_color);
}

void draw_row(UiState &state, const AccessToken &token) {
  ImGui::PushID(static_cast<int>(token.id));
  ImGui::TableNextRow(ImGuiTableRowFlags_None, dp(kRowHeight));
  const bool dimmed = token.status == TokenStatus::disabled;

  ImGui::TableSetColumnIndex(label);
  const float row_top = ImGui::GetCursorPosY();

  if (dimmed) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.55f);
  ImGui::SetCursorPosY(row_top);
  two_lines(row_top, token.name, fonts().body_medium, rgb(color::text), token.identifier,
            fonts().mono_small);

  if (ImGui::TableSetColumnIndex(access_type)) {
    two_lines(row_top, std::string(display_name(token.access_type)), fonts().body, rgb(color::text),
              access_summary(token), fonts().small);
  }
  if (ImGui::TableSetColumnIndex(created_by)) {
    one_line(row_top, token.created_by.name, rgb(color::text_secondary));
  }
  if (ImGui::TableSetColumnIndex(created)) {
    one_line(row_top, format_date(token.created_at), rgb(color::text_secondary));
  }
  if (ImGui::TableSetColumnIndex(expires)) {
    const bool expired = token.status == TokenStatus::expired;
    one_line(row_top, expiry_label(token),
             rgb(expired ? color::danger_text
                         : (token.expires_at ? color::text_secondary : color::text_muted)));
  }
  if (dimmed) ImGui::PopStyleVar();

  if (ImGui::TableSetColumnIndex(status)) {
    center_in_row(row_top, dp(22));
    const ui::Tone tone = token.status == TokenStatus::enabled   ? ui::Tone::success
                          : token.status == TokenStatus::expired ? ui::Tone::danger
                                                                 : ui::Tone::neutral;
    ui::badge(status_label(token.status), tone);
  }
  if (ImGui::TableSetColumnIndex(actions)) {
    center_in_row(row_top, dp(36));
    const std::string view_label = std::string(ICON_EYE "  View##") + token.name;
    if (ui::button(view_label.c_str(), ui::ButtonKind::ghost)) {
      state.intents.open_details = token.id;
    }
  }

  // The whole row is one selectable that opens the details. Submitted last, so the View
  // button (submitted before it) keeps the mouse where they overlap, without
  // AllowOverlap (which ignores a click that arrives in the same frame as the move).
  ImGui::TableSetColumnIndex(label);
  ImGui::SetCursorPosY(row_top);
  // Back in the first cell the line keeps the row's text baseline (the buttons'), which
  // Selectable would add to its position.
  ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset = 0;
  platform::set_next_item_role("row");
  const std::string row_id = "##" + token.name;
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, rgb(color::surface_subtle));
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, rgb(color::neutral_soft));
  if (ImGui::Selectable(row_id.c_str(), false, ImGuiSelectableFlags_SpanAllColumns,
                        ImVec2(0, dp(kRowHeight) - ImGui::GetStyle().CellPadding.y * 2))) {
    state.intents.open_details = token.id;
  }
  ImGui::PopStyleColor(2);
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  ImGui::PopID();
}

}  // namespace

void draw_token_table(UiState &state, float width) {
  ui::begin_card("##tokens", width, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(dp(16), dp(12)));
  // For the column menu (right-click a header), which the table opens with these.
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(dp(8), dp(8)));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(dp(8), dp(6)));
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Hideable |
                                ImGuiTableFlags_Sortable | ImGuiTableFlags_SizingStretchProp |
                                ImGuiTableFlags_PadOuterX;
  if (ImGui::BeginTable("Access tokens", kColumnCount, flags, ImVec2(width, 0))) {
    const ImGuiTableColumnFlags fixed = ImGuiTableColumnFlags_WidthFixed;
    ImGui::TableSetupColumn("Label", ImGuiTableColumnFlags_NoHide, 2.4f);
    ImGui::TableSetupColumn("Access Type", 0, 1.8f);
    ImGui::TableSetupColumn("Created by", 0, 1.2f);
    ImGui::TableSetupColumn(
        "Created", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending,
        1.0f);
    ImGui::TableSetupColumn("Expires", 0, 1.0f);
    ImGui::TableSetupColumn("Status", fixed, dp(96));
    ImGui::TableSetupColumn("Actions", fixed | ImGuiTableColumnFlags_NoSort, dp(84));

    // Header: small, muted, on a tinted band.
    ImGui::PushFont(fonts().small_medium);
    ImGui::PushStyleColor(ImGuiCol_Text, rgb(color::text_muted));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, rgb(color::neutral_soft));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, rgb(color::border));
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, dp(44));
    for (int column = 0; column < kColumnCount; ++column) {
      if (!ImGui::TableSetColumnIndex(column)) continue;
      const char *name = ImGui::TableGetColumnName(column);
      ImGui::TableHeader(name);
      platform::record_ui_item("columnheader", name,
                               ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    }
    ImGui::PopStyleColor(3);
    ImGui::PopFont();

    const std::vector<std::size_t> rows =
        sorted_rows(state.list.tokens, ImGui::TableGetSortSpecs());
    for (std::size_t index : rows) draw_row(state, state.list.tokens[index]);
    ImGui::EndTable();
  }
  ImGui::PopStyleVar(3);
  ui::end_card();
}

}  // namespace hawzu
