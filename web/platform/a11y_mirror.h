// The accessibility mirror: the page's accessibility tree, kept in step with the canvas.
//
// After every frame whose widgets changed, the frame's items (ui_items.h, the same list
// as window.hawzuUi.items()) go to public/js/a11y-mirror.js, which updates a visually
// hidden DOM tree with real ARIA roles, names, states and values, keyed by ImGui ID so
// that the element with the focus survives the update. That script calls back into the
// functions installed here when assistive technology (or a keyboard user) operates a
// mirrored element: focus it, activate it, type into it. ImGui stays the one place
// where the UI's state lives; the mirror only reflects it and forwards to it.
//
// Main thread only, between frames (the DOM's event handlers run there).
#pragma once

namespace hawzu::platform {

// Gives public/js/a11y-mirror.js the functions below it calls (window.hawzuA11y.app).
// REQUIRES: install_ui_items() ran.
void install_a11y_mirror();

// ImGui::NewFrame(), keeping the order of the mirror's requests and the typed input:
// a focus or activation that arrived while keys were still queued is applied once
// those keys are processed, and keys that came after it wait until then. Use in
// place of ImGui::NewFrame().
void new_frame_in_input_order();

// Hands the last frame's items, and the ID of the widget with ImGui's focus, to the
// mirror when either changed since the last call. Call after end_ui_items_frame().
void publish_a11y_mirror();

}  // namespace hawzu::platform
