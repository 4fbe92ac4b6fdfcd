// What the last frame showed, as a list of items that JavaScript can read:
// window.hawzuUi.items() → [{label, role, x, y, w, h, enabled, focused, value?}],
// rectangles in CSS pixels
// of the viewport. Browser tests use it to find where to click (they then click and
// type like a person); it is also the base for exposing the UI to assistive technology.
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

#include <string_view>

struct ImRect;

namespace hawzu::platform {

// Defines window.hawzuUi. REQUIRES: an ImGui context exists.
void install_ui_items();

// Bracket every ImGui frame; `pixel_ratio` converts device pixels to CSS pixels.
void begin_ui_items_frame(float pixel_ratio);
void end_ui_items_frame();

// The role of the next widget where ImGui's flags cannot tell: "radio", "row", ...
void set_next_item_role(const char *role);

// Adds the text of the widget just drawn (a text field) as its `value`. Never used for
// the token value, which stays out of JavaScript's reach but for the clipboard.
void set_last_item_value(std::string_view value);

// Records something the app drew itself (rectangle in ImGui's device pixels), clipped
// by the current window's clip rectangle.
// `id` (for a widget) lets the record say whether it has the keyboard.
void record_ui_item(const char *role, std::string_view label, const ImRect &rect,
                    bool enabled = true, unsigned int id = 0);

}  // namespace hawzu::platform
