// The filter controls the list pages share (the token toolbar, the audit log): a select
// over optional values with an "Any ..." choice, and a date range of two calendar fields.
#pragma once

#include "web/screen_kit.h"
#include "web/ui_state.h"

#include <optional>
#include <string>
#include <vector>

namespace hawzu {

// A select over optional values: "Any …" first, then `choices`.
template <typename T, typename Label>
inline bool draw_filter_select(const char *label_id, const char *any_label, std::optional<T> &value,
                               const std::vector<T> &choices, Label label_of, float width) {
  bool changed = false;
  const std::string preview = value ? label_of(*value) : std::string(any_label);
  if (ui::begin_select(label_id, preview.c_str(), !value, width)) {
    if (ui::select_option(any_label, !value)) {
      changed = value.has_value();
      value.reset();
    }
    for (const T &choice : choices) {
      const std::string text = label_of(choice);
      if (ui::select_option(text.c_str(), value == choice)) {
        changed = value != choice;
        value = choice;
      }
    }
    ui::end_select();
  }
  return changed;
}

// A titled range, "<title> from" and "<title> to": each a field that opens a calendar,
// with a clear button once set. True when either end changed.
bool draw_date_range(const char *title, const char *id, DateRange &range, const CivilDate &today,
                     float width);

}  // namespace hawzu
