#include "web/filter_widgets.h"

#include "web/format.h"
#include "web/screens.h"

#include <algorithm>
#include <cmath>

namespace hawzu {
namespace {

// "From" or "To" of a range: a field that opens a calendar, and a clear button.
bool draw_range_end(const char *label_id, std::optional<CivilDate> &date, DatePickerState &picker,
                    const CivilDate &today, float width) {
  bool changed = false;
  const std::string popup = std::string("##calendar") + label_id;
  const std::string text = date ? format_date(*date) : "Any day";
  const float clear_width = date ? dp(36) + dp(4) : 0;
  const ImVec2 field_min = ImGui::GetCursorScreenPos();
  if (ui::field_button(label_id, text.c_str(), ICON_CALENDAR, !date, width - clear_width)) {
    picker.year = 0;
    ImGui::OpenPopup(popup.c_str());
  }
  if (date) {
    ImGui::SameLine(0, dp(4));
    const std::string clear_label = std::string("Clear ") + label_id;
    if (ui::icon_button(ICON_TIMES, clear_label.c_str())) {
      date.reset();
      changed = true;
    }
  }
  ImGui::SetNextWindowPos(ImVec2(field_min.x, field_min.y + ImGui::GetFrameHeight() + dp(6)));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(dp(16), dp(16)));
  ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, dp(12));
  if (ImGui::BeginPopup(popup.c_str(), ImGuiWindowFlags_NoMove)) {
    // Under its field, but never past the viewport's right edge (the "to" field sits
    // near it): the month arrows and the last column must stay reachable.
    const ImGuiViewport *viewport = ImGui::GetMainViewport();
    const float right_limit = viewport->WorkPos.x + viewport->WorkSize.x - dp(8);
    const ImVec2 position = ImGui::GetWindowPos();
    const float overflow = position.x + ImGui::GetWindowWidth() - right_limit;
    if (overflow > 0) {
      ImGui::SetWindowPos(
          ImVec2(std::max(viewport->WorkPos.x + dp(8), position.x - overflow), position.y));
    }
    const CivilDate earliest{2000, 1, 1};
    const CivilDate latest{today.year + 30, 12, 31};
    if (draw_date_picker(picker, date, earliest, latest, today)) {
      changed = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar(2);
  return changed;
}

}  // namespace

bool draw_date_range(const char *title, const char *id, DateRange &range, const CivilDate &today,
                     float width) {
  ImGui::PushID(id);
  ui::field_label(title);
  const float gap = dp(8);
  const float half = std::floor((width - gap) * 0.5f);
  const std::string from_id = std::string(title) + " from";
  const std::string to_id = std::string(title) + " to";
  bool changed = draw_range_end(from_id.c_str(), range.from, range.from_picker, today, half);
  ImGui::SameLine(0, gap);
  changed |= draw_range_end(to_id.c_str(), range.to, range.to_picker, today, half);
  ImGui::PopID();
  return changed;
}

}  // namespace hawzu
