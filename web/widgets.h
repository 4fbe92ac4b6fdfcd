// The app's own widgets on top of ImGui: buttons in three weights, badges, callouts,
// form fields with labels, hints and errors, selects, cards and text that the test seam
// (platform/ui_items.h) can see. Sizes are CSS pixels through ui::dp().
#pragma once

#include "imgui.h"

#include <string>

namespace hawzu::ui {

// ---------------------------------------------------------------------------
// Text. Every text drawn through these is recorded for window.hawzuUi.items().

void text(const char *text, ImFont *font = nullptr, ImU32 color = 0);
void text_muted(const char *text, ImFont *font = nullptr);
// Wraps at `width` from the cursor (0: the remaining width of the region).
void text_wrapped(const char *text, float width = 0, ImFont *font = nullptr, ImU32 color = 0);
// Each wrapped line centred within `width` from the cursor.
void text_centered(const char *text, float width, ImFont *font = nullptr, ImU32 color = 0);
// Wrapped text with comfortable line spacing (ImGui's own wrapping has none), as one item.
void paragraph(const char *text, float width, ImFont *font, ImU32 color, bool centered);
float paragraph_height(const char *text, float width, ImFont *font);
// The same, drawn straight into a draw list; returns its height.
float draw_paragraph(ImDrawList *draw_list, ImVec2 position, const char *text, float width,
                     ImFont *font, ImU32 color, bool centered);
ImVec2 text_size(const char *text, ImFont *font = nullptr);
// Records text drawn straight into a draw list at `position`.
void draw_text(ImDrawList *draw_list, ImVec2 position, const char *text, ImFont *font, ImU32 color);
// An icon centred in a filled circle of `diameter` around `center` (the empty state's
// key, the no-access lock, the created token's check).
void icon_in_circle(ImDrawList *draw_list, ImVec2 center, float diameter, ImU32 fill,
                    const char *icon, ImFont *font, ImU32 icon_color);

// ---------------------------------------------------------------------------
// Buttons.

enum class ButtonKind { primary, secondary, danger, ghost, link, icon };

struct ButtonOptions {
  bool enabled = true;
  ImVec2 size = ImVec2(0, 0);  // 0: fit the label, standard height
  ImGuiButtonFlags flags = 0;  // e.g. ImGuiButtonFlags_PressedOnClick
};

bool button(const char *label, ButtonKind kind, const ButtonOptions &options = {});
// Width button() would take for `label`.
float button_width(const char *label);
// A square button showing one icon; `label` ("Remove project") is its accessible name.
bool icon_button(const char *icon, const char *label, bool enabled = true);

// One entry of a popup menu (row actions): an icon, a label, danger in red.
bool menu_item(const char *icon, const char *label, bool danger = false);

// Shows `text` in a tooltip while the last item is hovered (after the usual delay).
void hover_text(const char *text);

// ---------------------------------------------------------------------------
// Status and messages.

enum class Tone { neutral, accent, success, warning, danger, info };

void badge(const char *label, Tone tone);
float badge_width(const char *label);
// A tinted box with an icon, an optional bold title and body text, `width` wide.
void callout(Tone tone, const char *icon, const char *title, const char *body, float width);
void spinner(float radius, ImU32 color);

// ---------------------------------------------------------------------------
// Form fields.

void field_label(const char *label);
void field_hint(const char *hint);
void field_error(const std::string &message);

// A single-line text input bound to a std::string. `label_id` is "##Name" (hidden label,
// used as the accessible name). Returns true when the text changed. `submitted` is set
// when Enter was pressed in it.
bool input_text(const char *label_id, std::string &value, const char *hint, float width,
                bool invalid = false, bool *submitted = nullptr);

bool radio(const char *label, bool active);
// A checkbox bound to `value`; true when clicked (then `value` has flipped).
bool checkbox(const char *label, bool &value, bool enabled = true);

// A dropdown: a frame showing `preview` (grey when `placeholder`), a list of options.
bool begin_select(const char *label_id, const char *preview, bool placeholder, float width,
                  bool enabled = true);
bool select_option(const char *label, bool selected);
void end_select();

// A button that looks like a select (for a value picked in a popup, like a date), with
// `icon` at its right end. Returns true when clicked.
bool field_button(const char *label_id, const char *value, const char *icon, bool placeholder,
                  float width);

// ---------------------------------------------------------------------------
// Layout.

// A white, rounded, bordered box with padding that grows to its content.
void begin_card(const char *id, float width, ImVec2 padding = ImVec2(0, 0));
void end_card();

// A soft shadow under the rectangle (page coordinates), drawn into `draw_list`.
void draw_shadow(ImDrawList *draw_list, ImVec2 min, ImVec2 max, float rounding,
                 float strength = 1.0f);

// The app's windows: a centred modal `width` wide (at most the viewport less a margin),
// with the standard padding, rounding and border. Call end_modal() only when it returns
// true. modal_header() draws the title with a Close button; true when it was clicked.
bool begin_modal(const char *name, float width);
void end_modal();
bool modal_header(const char *title, float content_width, bool close_enabled = true);
// The content width of a modal begun with `width` (the auto-resizing window may report
// less on its first frame).
float modal_content_width(float width);
// A line across the whole modal (above its buttons), with space below it.
void modal_divider();

// A "label    value" line of a details table; the value starts at `value_x`.
void detail_row(const char *label, const std::string &value, float value_x,
                ImFont *value_font = nullptr);

// Moves the cursor right so an item of `width` ends at the right edge of the region.
void align_right(float width);

}  // namespace hawzu::ui
