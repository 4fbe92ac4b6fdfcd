// The calendar behind "Custom Date": one month as a grid of days (Monday first), with
// previous/next month buttons. Days outside [earliest, latest] are shown but disabled.
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/format.h"
#include "web/platform/ui_items.h"

#include <cmath>
#include <string>

namespace hawzu {
namespace {

constexpr float kCell = 38;
const char *const kWeekdays[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};

int month_index(int year, int month) {
  return year * 12 + (month - 1);
}

void step_month(DatePickerState &picker, int delta) {
  const int index = month_index(picker.year, picker.month) + delta;
  picker.year = index / 12;
  picker.month = index % 12 + 1;
}

bool day_button(const CivilDate &date, bool enabled, bool selected, bool today) {
  const float cell = dp(kCell);
  const std::string label = std::to_string(date.day) + "##" + format_iso_date(date);
  std::uint32_t background = color::surface, hovered = color::neutral_soft,
                text_color = color::text;
  float background_alpha = 0;
  if (selected) {
    background = hovered = color::accent;
    background_alpha = 1;
    text_color = 0xFFFFFF;
  } else if (today) {
    text_color = color::accent_text;
  }
  ImGui::PushStyleColor(ImGuiCol_Button, rgb(background, background_alpha));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgb(hovered));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive,
                        rgb(selected ? color::accent_active : color::border));
  ImGui::PushStyleColor(ImGuiCol_Text, rgb(enabled ? text_color : color::text_placeholder));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, cell * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0);
  ImGui::PushFont(selected || today ? fonts().body_semibold : fonts().body);
  if (!enabled) ImGui::BeginDisabled();
  platform::set_next_item_role("day");
  const bool pressed = ImGui::Button(label.c_str(), ImVec2(cell, cell));
  if (!enabled) ImGui::EndDisabled();
  if (today && !selected) {
    // A dot under today's number.
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2((min.x + max.x) * 0.5f, max.y - dp(7)),
                                                dp(2), rgb(color::accent));
  }
  if (enabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  ImGui::PopFont();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(4);
  return pressed && enabled;
}

}  // namespace

bool draw_date_picker(DatePickerState &picker, std::optional<CivilDate> &chosen,
                      const CivilDate &earliest, const CivilDate &latest, const CivilDate &today) {
  if (picker.year == 0) {
    // The chosen day's month, else this month (within the range).
    const CivilDate shown =
        chosen.value_or(today < earliest ? earliest : (latest < today ? latest : today));
    picker.year = shown.year;
    picker.month = shown.month;
  }
  const float cell = dp(kCell);
  const float grid_width = cell * 7;
  const ImVec2 origin = ImGui::GetCursorScreenPos();

  // Month header: ‹  December 2025  ›
  const bool can_go_back =
      month_index(picker.year, picker.month) > month_index(earliest.year, earliest.month);
  const bool can_go_forward =
      month_index(picker.year, picker.month) < month_index(latest.year, latest.month);
  if (ui::icon_button(ICON_CHEVRON_LEFT, "Previous month", can_go_back)) step_month(picker, -1);
  const std::string title = format_month_year(picker.year, picker.month);
  ImFont *title_font = fonts().body_semibold;
  const float title_width = ui::text_size(title.c_str(), title_font).x;
  ImGui::SameLine();
  ImGui::SetCursorScreenPos(ImVec2(std::floor(origin.x + (grid_width - title_width) * 0.5f),
                                   origin.y + std::floor((dp(36) - title_font->FontSize) * 0.5f)));
  ui::text(title.c_str(), title_font, rgb(color::text));
  ImGui::SetCursorScreenPos(ImVec2(origin.x + grid_width - dp(36), origin.y));
  if (ui::icon_button(ICON_CHEVRON_RIGHT, "Next month", can_go_forward)) step_month(picker, 1);

  // Weekday names.
  const float weekdays_y = origin.y + dp(36) + dp(10);
  ImFont *small = fonts().small_medium;
  for (int column = 0; column < 7; ++column) {
    const float width = ui::text_size(kWeekdays[column], small).x;
    ImGui::SetCursorScreenPos(
        ImVec2(std::floor(origin.x + column * cell + (cell - width) * 0.5f), weekdays_y));
    ui::text(kWeekdays[column], small, rgb(color::text_muted));
  }

  // Days: always six rows, so the popup keeps its size from month to month.
  const float grid_y = weekdays_y + small->FontSize + dp(10);
  const int first_column = weekday(CivilDate{picker.year, picker.month, 1});
  const int days = days_in_month(picker.year, picker.month);
  bool picked = false;
  for (int day = 1; day <= days; ++day) {
    const int slot = first_column + day - 1;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + (slot % 7) * cell, grid_y + (slot / 7) * cell));
    const CivilDate date{picker.year, picker.month, day};
    const bool enabled = earliest <= date && date <= latest;
    if (day_button(date, enabled, chosen && *chosen == date, date == today)) {
      chosen = date;
      picked = true;
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, grid_y + cell * 6 + dp(4)));
  if (earliest == today) {
    ui::text("Days before today cannot be chosen.", fonts().small, rgb(color::text_muted));
  } else {
    ImGui::Dummy(ImVec2(grid_width, 0));
  }
  return picked;
}

}  // namespace hawzu
