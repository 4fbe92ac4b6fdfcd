// The token table: Label, Access Type, Created by, Created, Expires, Status, Actions.
// The server sorts (click a header), searches and filters; the table draws only the rows
// in view (ImGuiListClipper) and asks for the next page when the end comes into view,
// so 10,000 tokens scroll like 10. Columns other than Label can be hidden (the button at
// the header's right end, or a right-click on the header). Disabled tokens are drawn with
// less emphasis. A row opens its details; its ⋯ button offers the actions.
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/format.h"
#include "web/platform/ui_items.h"
#include "web/token_labels.h"

#include "shared/relative_time.h"

#include "imgui_internal.h"  // ImRect

#include <cmath>
#include <string>

namespace hawzu {
namespace {

enum Column { label, access_type, created_by, created, expires, status, actions, kColumnCount };

constexpr float kRowHeight = 64;
// Ask for the next page when this few loaded rows are left below the view.
constexpr int kLoadAheadRows = 30;

TokenSort sort_column_of(int column) {
  switch (column) {
    case access_type:
      return TokenSort::access_type;
    case created_by:
      return TokenSort::created_by;
    case expires:
      return TokenSort::expires_at;
    case status:
      return TokenSort::status;
    case label:
      return TokenSort::name;
    case created:
    default:
      return TokenSort::created_at;
  }
}

// A header click changes the server's sort and starts the list over.
void apply_sort_specs(UiState &state, ImGuiTableSortSpecs *specs) {
  if (specs == nullptr || !specs->SpecsDirty) return;
  specs->SpecsDirty = false;
  if (specs->SpecsCount == 0) return;
  const ImGuiTableColumnSortSpecs &spec = specs->Specs[0];
  TokenListQuery &query = state.list.query;
  const TokenSort column = sort_column_of(spec.ColumnIndex);
  const bool descending = spec.SortDirection == ImGuiSortDirection_Descending;
  if (column == query.sort && descending == query.descending) return;
  query.sort = column;
  query.descending = descending;
  state.intents.reload_tokens = true;
}

// The column's sort state for assistive technology, as ARIA names it.
const char *sort_state_of(int column) {
  const ImGuiTableColumnFlags flags = ImGui::TableGetColumnFlags(column);
  if (flags & ImGuiTableColumnFlags_NoSort) return "";
  if (!(flags & ImGuiTableColumnFlags_IsSorted)) return "none";
  const ImGuiTable *table = ImGui::GetCurrentTable();
  return table->Columns[column].SortDirection == ImGuiSortDirection_Descending ? "descending"
                                                                               : "ascending";
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

// During a rotation's overlap the identifier (the new one) moves up beside the name, and
// the second line says until when the previous value works: the Label column is too
// narrow for both on one line.
void label_cell_during_overlap(float row_top, const AccessToken &token) {
  const float gap = dp(3);
  ImFont *name_font = fonts().body_medium;
  ImFont *identifier_font = fonts().mono_small;
  center_in_row(row_top, name_font->FontSize + gap + fonts().small->FontSize);
  const float line_y = ImGui::GetCursorPosY();
  ui::text(token.name.c_str(), name_font, rgb(color::text));
  const float after_name_y = ImGui::GetCursorPosY();
  ImGui::SameLine(0, dp(8));
  ImGui::SetCursorPosY(line_y +
                       std::floor((name_font->FontSize - identifier_font->FontSize) * 0.5f));
  ui::text(token.identifier.c_str(), identifier_font, rgb(color::text_muted));
  ImGui::SetCursorPosY(after_name_y - ImGui::GetStyle().ItemSpacing.y + gap);
  const std::string overlap =
      "Previous value works until " + format_date_time(*token.previous_value_expires_at);
  ui::text(overlap.c_str(), fonts().small, rgb(color::warning_text));
  ui::hover_text(overlap.c_str());
}

// A relative time ("3 hours ago") with the exact one on hover.
void time_cell(float row_top, const std::string &value, const std::string &exact,
               ImU32 text_color) {
  center_in_row(row_top, fonts().body->FontSize);
  ui::text(value.c_str(), fonts().body, text_color);
  ui::hover_text(exact.c_str());
}

// At the right end of the header: the column visibility menu, which a right-click on any
// header opens too (Label cannot be hidden).
void draw_columns_button(float cell_right, float label_top) {
  const float size = dp(28);
  const float label_height = fonts().small_medium->FontSize;
  ImGui::SetCursorScreenPos(
      ImVec2(cell_right - size, std::floor(label_top + (label_height - size) * 0.5f) - dp(2)));
  ui::ButtonOptions options;
  options.size = ImVec2(size, size);
  if (ui::button(ICON_COLUMNS "##Show or hide columns", ui::ButtonKind::icon, options)) {
    ImGui::TableOpenContextMenu();
  }
  ui::hover_text("Show or hide columns");
}

void draw_actions_menu(UiState &state, const AccessToken &token) {
  const std::string button_label = "Actions for " + token.name;
  if (ui::icon_button(ICON_ELLIPSIS, button_label.c_str())) ImGui::OpenPopup("##actions");
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(dp(6), dp(6)));
  ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, dp(10));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(dp(8), dp(2)));
  if (ImGui::BeginPopup("##actions")) {
    Intents &intents = state.intents;
    if (ui::menu_item(ICON_EYE, "View details")) intents.open_details = token.id;
    // A disabled token offers no edit or revoke until it is enabled again.
    if (token.status == TokenStatus::disabled) {
      if (ui::menu_item(ICON_PLAY, "Enable")) {
        intents.lifecycle = std::make_pair(token.id, TokenAction::enable);
      }
    } else {
      if (ui::menu_item(ICON_PENCIL, "Edit")) intents.edit_token = token.id;
      if (ui::menu_item(ICON_REFRESH, "Rotate\xE2\x80\xA6")) intents.ask_rotate = token.id;
      if (ui::menu_item(ICON_BAN, "Disable")) {
        intents.lifecycle = std::make_pair(token.id, TokenAction::disable);
      }
      ImGui::Separator();
      if (ui::menu_item(ICON_TRASH, "Revoke\xE2\x80\xA6", true)) intents.ask_revoke = token.id;
    }
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar(3);
}

void draw_row(UiState &state, const AccessToken &token) {
  ImGui::PushID(static_cast<int>(token.id));
  ImGui::TableNextRow(ImGuiTableRowFlags_None, dp(kRowHeight));
  const bool dimmed = token.status == TokenStatus::disabled;
  const std::int64_t now = state.now_unix;

  ImGui::TableSetColumnIndex(label);
  const float row_top = ImGui::GetCursorPosY();

  if (dimmed) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.55f);
  ImGui::SetCursorPosY(row_top);
  if (token.previous_value_expires_at) {
    label_cell_during_overlap(row_top, token);
  } else {
    two_lines(row_top, token.name, fonts().body_medium, rgb(color::text), token.identifier,
              fonts().mono_small);
  }

  if (ImGui::TableSetColumnIndex(access_type)) {
    two_lines(row_top, std::string(display_name(token.access_type)), fonts().body, rgb(color::text),
              access_summary(token), fonts().small);
  }
  if (ImGui::TableSetColumnIndex(created_by)) {
    center_in_row(row_top, fonts().body->FontSize);
    ui::text(token.created_by.name.c_str(), fonts().body, rgb(color::text_secondary));
  }
  if (ImGui::TableSetColumnIndex(created)) {
    time_cell(row_top, relative_time(token.created_at, now), format_date_time(token.created_at),
              rgb(color::text_secondary));
  }
  if (ImGui::TableSetColumnIndex(expires)) {
    const bool expired = token.status == TokenStatus::expired;
    time_cell(row_top, expiry_relative(token, now),
              exact_time_hint(token.expires_at, "This token never expires."),
              rgb(expired ? color::danger_text
                          : (token.expires_at ? color::text_secondary : color::text_muted)));
  }
  if (dimmed) ImGui::PopStyleVar();

  if (ImGui::TableSetColumnIndex(status)) {
    center_in_row(row_top, dp(22));
    ui::badge(status_badge_label(token), status_badge_tone(token));
  }
  if (ImGui::TableSetColumnIndex(actions)) {
    center_in_row(row_top, dp(36));
    if (state.session.can_manage_access_tokens) draw_actions_menu(state, token);
  }

  // The whole row is one selectable that opens the details. Submitted last, so the ⋯
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

// Below the rows: more rows on their way, or why they did not come.
void draw_list_end(UiState &state) {
  TokenListState &list = state.list;
  if (list.loading_more) {
    ImGui::Dummy(ImVec2(0, dp(8)));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + dp(16));
    ui::spinner(dp(8), rgb(color::accent));
    ImGui::SameLine(0, dp(8));
    ui::text_muted("Loading more tokens\xE2\x80\xA6", fonts().small);
    ImGui::Dummy(ImVec2(0, dp(8)));
  } else if (!list.more_error.empty()) {
    ImGui::Dummy(ImVec2(0, dp(8)));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + dp(16));
    const std::string message = "More tokens could not be loaded: " + list.more_error;
    ui::text(message.c_str(), fonts().small, rgb(color::danger_text));
    ImGui::SameLine(0, dp(8));
    if (ui::button("Try again##more", ui::ButtonKind::link)) state.intents.load_more_tokens = true;
    ImGui::Dummy(ImVec2(0, dp(8)));
  }
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
        1.1f);
    ImGui::TableSetupColumn("Expires", 0, 1.3f);
    ImGui::TableSetupColumn("Status", fixed, dp(96));
    ImGui::TableSetupColumn("Actions", fixed | ImGuiTableColumnFlags_NoSort, dp(96));

    // Header: small, muted, on a tinted band.
    ImGui::PushFont(fonts().small_medium);
    ImGui::PushStyleColor(ImGuiCol_Text, rgb(color::text_muted));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, rgb(color::neutral_soft));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, rgb(color::border));
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, dp(44));
    for (int column = 0; column < kColumnCount; ++column) {
      if (!ImGui::TableSetColumnIndex(column)) continue;
      const char *name = ImGui::TableGetColumnName(column);
      const ImVec2 cell = ImGui::GetCursorScreenPos();
      const float cell_right = cell.x + ImGui::GetContentRegionAvail().x;
      ImGui::TableHeader(name);
      // TableHeader (AllowOverlap) ignores a press that arrives in the same frame as the
      // pointer's move onto it: a tap, or a click with no hovered frame before it. Such a
      // press leaves the header inactive; sort here as TableHeader would have.
      if (ImGui::IsItemHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
          !ImGui::IsItemActive() &&
          !(ImGui::TableGetColumnFlags(column) & ImGuiTableColumnFlags_NoSort)) {
        ImGuiTable *table = ImGui::GetCurrentTable();
        ImGui::TableSetColumnSortDirection(
            column, ImGui::TableGetColumnNextSortDirection(&table->Columns[column]), false);
      }
      platform::record_ui_item("columnheader", name,
                               ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), true,
                               ImGui::GetItemID());
      platform::set_last_item_sort(sort_state_of(column));
      // The table's name for the accessibility mirror, recorded where the first
      // header's cell clips it (Label is never hidden).
      if (column == label)
        platform::record_ui_item("table", "Access tokens",
                                 ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
      if (column == actions) draw_columns_button(cell_right, cell.y);
    }
    ImGui::PopStyleColor(3);
    ImGui::PopFont();
    apply_sort_specs(state, ImGui::TableGetSortSpecs());

    const std::vector<AccessToken> &tokens = state.list.tokens;
    const int count = static_cast<int>(tokens.size());
    ImGuiListClipper clipper;
    clipper.Begin(count, dp(kRowHeight));
    int last_drawn = -1;
    while (clipper.Step()) {
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        draw_row(state, tokens[static_cast<std::size_t>(row)]);
        last_drawn = row;
      }
    }
    if (last_drawn >= count - kLoadAheadRows && !state.list.next_cursor.empty()) {
      state.intents.load_more_tokens = true;
    }
    ImGui::EndTable();
  }
  ImGui::PopStyleVar(3);
  draw_list_end(state);
  ui::end_card();
}

}  // namespace hawzu
