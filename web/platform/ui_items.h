// What the last frame showed, as a list of items that JavaScript can read:
// window.hawzuUi.items() → [{label, role, x, y, w, h, enabled, focused, id, window,
// value?, checked?, expanded?, sort?, description?, live?, readOnly?, parent?, modal?}], rectangles
// in CSS pixels of the viewport. `id` is the widget's ImGui ID (0 for text), `window` the ID of the
// window it belongs to (a dialog, a popup or the page); a window item's `parent` is the
// window it opened over. Browser tests use it to find where to click (they then click and
// type like a person); it is also what the accessibility mirror (a11y_mirror.h) builds
// the page's accessibility tree from. Widgets report what ImGui's flags cannot tell
// (role, value, checked, expanded, sort, description) through the set_* functions here,
// and nowhere else.
//
// Widgets are reported by ImGui itself through its test-engine hooks
// (IMGUI_ENABLE_TEST_ENGINE: ImGuiTestEngineHook_ItemAdd / _ItemInfo, implemented
// here; nothing of the separate imgui_test_engine project is used). Text the app draws
// itself is recorded with record_ui_item(). Items outside their clip rectangle (scrolled
// away) are left out; items partly clipped report their visible part.
//
// Labels: ImGui's "Visible##id" gives "Visible"; a hidden label "##Token Name" gives
// "Token Name"; icon glyphs are dropped. Main thread only.
#pragma once

#include <string>
#include <string_view>

struct ImRect;
struct ImGuiWindow;

namespace hawzu::platform {

// Defines window.hawzuUi. REQUIRES: an ImGui context exists.
void install_ui_items();

// Bracket every ImGui frame; `pixel_ratio` converts device pixels to CSS pixels.
void begin_ui_items_frame(float pixel_ratio);
void end_ui_items_frame();

// The role of the next widget where ImGui's flags cannot tell: "radio", "row", ...
void set_next_item_role(const char *role);

// The functions below describe the item recorded last (the widget just drawn, or the
// record_ui_item() just made); they do nothing when that item was not recorded (clipped).

// Adds the text of the widget just drawn (a text field, a select's shown value) as its
// `value`. Never given the token value, which stays out of JavaScript's reach but for
// the clipboard.
void set_last_item_value(std::string_view value);
// Radio buttons, checkboxes and options: whether it is on (selected).
void set_last_item_checked(bool checked);
// A select: whether its list is open.
void set_last_item_expanded(bool expanded);
// A column header: "ascending", "descending" or "none".
void set_last_item_sort(const char *sort);
// A sentence that explains the item (why a button is disabled).
void set_last_item_description(std::string_view description);
// Text that screen readers announce when it appears: "status" (a confirmation) or
// "alert" (an error).
void set_last_item_live(const char *live);
// A text field that can be read and selected but not changed.
void set_last_item_read_only();

// Records something the app drew itself (rectangle in ImGui's device pixels), clipped
// by the current window's clip rectangle.
// `id` (for a widget) lets the record say whether it has the keyboard.
void record_ui_item(const char *role, std::string_view label, const ImRect &rect,
                    bool enabled = true, unsigned int id = 0);

// Where widget `id` showed in the last frame: the window that drew it (a child window
// too) and its rectangle in device pixels. False when it did not show.
bool find_last_frame_item(unsigned int id, ImGuiWindow **window, ImRect *rect);

// window.hawzuUi.items() of the last frame, as JSON text (built once per frame).
const std::string &last_frame_items_json();

}  // namespace hawzu::platform
