// The widgets every screen draws with: text, buttons, badges and callouts, form fields,
// cards and modal windows, in the product's look (theme.h). Each is a plain function
// called every frame; see widgets.h for what each one does.
//
// Index of this file (search for "[SECTION]"):
//   [SECTION] Helpers: tone colours, line wrapping, the focus ring
//   [SECTION] Text: labels, paragraphs, measured and drawn text
//   [SECTION] Buttons: buttons, icon buttons, menu items, hover text
//   [SECTION] Status and messages: badges, callouts, the spinner
//   [SECTION] Form fields: labels, hints, errors, text input, radios, selects
//   [SECTION] Layout: cards, shadows, modal windows, detail rows, alignment

#include "web/widgets.h"

#include "web/icons.h"
#include "web/platform/fonts.h"
#include "web/platform/frame_scheduler.h"
#include "web/platform/ui_items.h"
#include "web/theme.h"

#include "imgui_internal.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace hawzu::ui {

// ---------------------------------------------------------------------------
// [SECTION] Helpers: tone colours, line wrapping, the focus ring

namespace {

using platform::fonts;
using platform::record_ui_item;

struct ToneColors {
  std::uint32_t background, border, text, icon;
};

ToneColors tone_colors(Tone tone) {
  switch (tone) {
    case Tone::accent:
      return {color::accent_soft, color::accent_soft_strong, color::accent_text, color::accent};
    case Tone::success:
      return {color::success_soft, color::success_border, color::success_text, color::success_icon};
    case Tone::warning:
      return {color::warning_soft, color::warning_border, color::warning_text, color::warning_icon};
    case Tone::danger:
      return {color::danger_soft, color::danger_border, color::danger_text, color::danger};
    case Tone::info:
      return {color::info_soft, color::info_border, color::info_text, color::info_text};
    case Tone::neutral:
    default:
      return {color::neutral_soft, color::border, color::text_secondary, color::text_placeholder};
  }
}

ImFont *font_or_current(ImFont *font) {
  return font ? font : ImGui::GetFont();
}

// The line starting at `line` when wrapping at `width`: sets *line_end (without trailing
// spaces) and returns where the next line starts. Honours '\n'.
const char *next_line(ImFont *font, const char *line, const char *end, float width,
                      const char **line_end) {
  const char *newline = static_cast<const char *>(std::memchr(line, '\n', end - line));
  const char *limit = newline ? newline : end;
  const char *wrap = font->CalcWordWrapPositionA(1.0f, line, limit, width);
  if (wrap == line) wrap = line + 1;  // a single character wider than the line
  const char *stop = wrap;
  while (stop > line && stop[-1] == ' ') --stop;
  if (line_end) *line_end = stop;
  const char *next = wrap;
  while (next < end && *next == ' ') ++next;
  if (next < end && *next == '\n') ++next;
  return next;
}

int resize_string_callback(ImGuiInputTextCallbackData *data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto *text = static_cast<std::string *>(data->UserData);
    text->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = text->data();
  }
  return 0;
}

void draw_focus_ring(ImVec2 min, ImVec2 max, std::uint32_t border_color) {
  ImDrawList *draw_list = ImGui::GetWindowDrawList();
  const float rounding = ImGui::GetStyle().FrameRounding;
  draw_list->AddRect(min, max, rgb(border_color), rounding, 0, dp(1));
  const float ring = dp(3);
  draw_list->AddRect(
      ImVec2(min.x - ring * 0.5f - dp(0.5f), min.y - ring * 0.5f - dp(0.5f)),
      ImVec2(max.x + ring * 0.5f + dp(0.5f), max.y + ring * 0.5f + dp(0.5f)),
      rgb(border_color == color::danger ? color::danger_border : color::accent_soft_strong),
      rounding + ring * 0.5f, 0, ring);
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] Text

void text(const char *value, ImFont *font, ImU32 color) {
  if (font) ImGui::PushFont(font);
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(value);
  record_ui_item("text", value, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
  if (color) ImGui::PopStyleColor();
  if (font) ImGui::PopFont();
}

void text_muted(const char *value, ImFont *font) {
  text(value, font, rgb(color::text_muted));
}

void text_wrapped(const char *value, float width, ImFont *font, ImU32 color) {
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  paragraph(value, width, font, color, false);
}

void text_centered(const char *value, float width, ImFont *font, ImU32 color) {
  paragraph(value, width, font, color, true);
}

float line_gap(const ImFont *font) {
  return std::round(font->FontSize * 0.45f);
}

float paragraph_height(const char *value, float width, ImFont *font) {
  font = font_or_current(font);
  const char *end = value + std::strlen(value);
  int lines = 0;
  for (const char *line = value; line < end; ++lines)
    line = next_line(font, line, end, width, nullptr);
  return lines == 0 ? 0 : lines * font->FontSize + (lines - 1) * line_gap(font);
}

float draw_paragraph(ImDrawList *draw_list, ImVec2 position, const char *value, float width,
                     ImFont *font, ImU32 color, bool centered) {
  font = font_or_current(font);
  if (color == 0) color = ImGui::GetColorU32(ImGuiCol_Text);
  const char *end = value + std::strlen(value);
  float y = position.y;
  for (const char *line = value; line < end;) {
    const char *line_end = nullptr;
    const char *next = next_line(font, line, end, width, &line_end);
    float x = position.x;
    if (centered) {
      const float line_width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line, line_end).x;
      x += std::floor((width - line_width) * 0.5f);
    }
    draw_list->AddText(font, font->FontSize, ImVec2(x, y), color, line, line_end);
    y += font->FontSize + line_gap(font);
    line = next;
  }
  const float height = y - position.y - (y > position.y ? line_gap(font) : 0);
  record_ui_item("text", value, ImRect(position, ImVec2(position.x + width, position.y + height)));
  return height;
}

void paragraph(const char *value, float width, ImFont *font, ImU32 color, bool centered) {
  const ImVec2 position = ImGui::GetCursorScreenPos();
  const float height =
      draw_paragraph(ImGui::GetWindowDrawList(), position, value, width, font, color, centered);
  ImGui::Dummy(ImVec2(width, height));
}

ImVec2 text_size(const char *value, ImFont *font) {
  ImFont *used = font_or_current(font);
  return used->CalcTextSizeA(used->FontSize, FLT_MAX, 0, value);
}

void draw_text(ImDrawList *draw_list, ImVec2 position, const char *value, ImFont *font,
               ImU32 color) {
  draw_list->AddText(font, font->FontSize, position, color, value);
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, value);
  record_ui_item("text", value, ImRect(position, ImVec2(position.x + size.x, position.y + size.y)));
}

void icon_in_circle(ImDrawList *draw_list, ImVec2 center, float diameter, ImU32 fill,
                    const char *icon, ImFont *font, ImU32 icon_color) {
  draw_list->AddCircleFilled(center, diameter * 0.5f, fill);
  const ImVec2 icon_size = text_size(icon, font);
  draw_list->AddText(
      font, font->FontSize,
      ImVec2(std::floor(center.x - icon_size.x * 0.5f), std::floor(center.y - icon_size.y * 0.5f)),
      icon_color, icon);
}

// ---------------------------------------------------------------------------
// [SECTION] Buttons

float button_width(const char *label) {
  ImFont *font = fonts().body_medium;
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label, ImGui::FindRenderedTextEnd(label))
             .x +
         dp(16) * 2;
}

bool button(const char *label, ButtonKind kind, const ButtonOptions &options) {
  ImFont *font = fonts().body_medium;
  ImGui::PushFont(font);
  ImVec2 size = options.size;
  if (size.x <= 0) {
    size.x = kind == ButtonKind::link ? ImGui::CalcTextSize(label, nullptr, true).x + dp(4)
                                      : button_width(label);
  }
  if (size.y <= 0) size.y = kind == ButtonKind::link ? font->FontSize + dp(8) : dp(36);

  std::uint32_t background = color::surface, hovered = color::surface_subtle,
                active = color::neutral_soft, text_color = color::text_secondary,
                border = color::border_strong;
  float border_size = dp(1);
  float background_alpha = 1;
  switch (kind) {
    case ButtonKind::primary:
      background = color::accent, hovered = color::accent_hover, active = color::accent_active;
      text_color = 0xFFFFFF, border = color::accent;
      break;
    case ButtonKind::secondary:
      break;
    case ButtonKind::danger:
      background = color::danger, hovered = color::danger_text, active = color::danger_text;
      text_color = 0xFFFFFF, border = color::danger;
      break;
    case ButtonKind::ghost:
    case ButtonKind::icon:
      background = color::surface, hovered = color::neutral_soft, active = color::border;
      background_alpha = 0, border_size = 0;
      if (kind == ButtonKind::icon) text_color = color::text_muted;
      break;
    case ButtonKind::link:
      hovered = active = color::surface;
      text_color = color::accent_text, background_alpha = 0, border_size = 0;
      break;
  }
  ImGui::PushStyleColor(ImGuiCol_Button, rgb(background, background_alpha));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                        rgb(hovered, kind == ButtonKind::link ? 0.0f : 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, rgb(active, kind == ButtonKind::link ? 0.0f : 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, rgb(text_color));
  ImGui::PushStyleColor(ImGuiCol_Border, rgb(border));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, border_size);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, dp(8));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      kind == ButtonKind::link ? ImVec2(dp(2), dp(4))
                                               : ImVec2(dp(16), ImGui::GetStyle().FramePadding.y));

  if (!options.enabled) ImGui::BeginDisabled();
  const bool pressed = ImGui::ButtonEx(label, size, options.flags);
  if (!options.enabled) ImGui::EndDisabled();
  if (options.enabled && ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (kind == ButtonKind::link) {
      const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
      const float underline_y = std::floor((min.y + max.y) * 0.5f + font->FontSize * 0.5f);
      ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x + dp(2), underline_y),
                                          ImVec2(max.x - dp(2), underline_y),
                                          rgb(color::accent_text), dp(1));
    }
  }

  ImGui::PopStyleVar(3);
  ImGui::PopStyleColor(5);
  ImGui::PopFont();
  return pressed && options.enabled;
}

bool icon_button(const char *icon, const char *label, bool enabled) {
  const std::string id = std::string(icon) + "##" + label;
  ButtonOptions options;
  options.enabled = enabled;
  options.size = ImVec2(dp(36), dp(36));
  const bool pressed = button(id.c_str(), ButtonKind::icon, options);
  if (enabled) hover_text(label);
  return pressed;
}

bool menu_item(const char *icon, const char *label, bool danger) {
  const std::string text = std::string(icon) + "   " + label;
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered,
                        rgb(danger ? color::danger_soft : color::neutral_soft));
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, rgb(danger ? color::danger_border : color::border));
  ImGui::PushStyleColor(ImGuiCol_Text, rgb(danger ? color::danger_text : color::text_secondary));
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
  ImGui::PushFont(fonts().body);
  platform::set_next_item_role("menuitem");
  const bool pressed = ImGui::Selectable(text.c_str(), false, 0, ImVec2(dp(180), dp(34)));
  ImGui::PopFont();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(3);
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  return pressed;
}

// A delayed tooltip needs a frame after the delay, and an idle page draws none.
void hover_text(const char *text) {
  if (!ImGui::IsItemHovered()) return;
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
    ImGui::PushFont(fonts().small);
    ImGui::SetTooltip("%s", text);
    ImGui::PopFont();
  } else {
    platform::request_frame_after(ImGui::GetStyle().HoverDelayNormal * 1000 + 50);
  }
}

// ---------------------------------------------------------------------------
// [SECTION] Status and messages

float badge_width(const char *label) {
  return text_size(label, fonts().small_medium).x + dp(8) * 2 + dp(6) + dp(6);
}

void badge(const char *label, Tone tone) {
  const ToneColors colors = tone_colors(tone);
  ImFont *font = fonts().small_medium;
  const ImVec2 label_size = text_size(label, font);
  const ImVec2 size(badge_width(label), dp(22));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImGui::Dummy(size);
  ImDrawList *draw_list = ImGui::GetWindowDrawList();
  draw_list->AddRectFilled(min, max, rgb(colors.background), size.y * 0.5f);
  draw_list->AddRect(min, max, rgb(colors.border), size.y * 0.5f, 0, dp(1));
  const float dot_radius = dp(3);
  draw_list->AddCircleFilled(ImVec2(min.x + dp(8) + dot_radius, (min.y + max.y) * 0.5f), dot_radius,
                             rgb(colors.icon));
  const ImVec2 text_position(min.x + dp(8) + dot_radius * 2 + dp(6),
                             std::floor(min.y + (size.y - label_size.y) * 0.5f));
  draw_list->AddText(font, font->FontSize, text_position, rgb(colors.text), label);
  record_ui_item("badge", label, ImRect(min, max));
}

void callout(Tone tone, const char *icon, const char *title, const char *body, float width) {
  const ToneColors colors = tone_colors(tone);
  const float padding = dp(14), icon_width = dp(18), gap = dp(10);
  const float text_width = width - padding * 2 - icon_width - gap;
  ImFont *title_font = fonts().body_semibold;
  ImFont *body_font = fonts().body;
  const float title_height = title ? title_font->FontSize + dp(4) : 0;
  const float body_height = body ? paragraph_height(body, text_width, body_font) : 0;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + padding * 2 + title_height + body_height);
  ImGui::Dummy(ImVec2(width, max.y - min.y));

  ImDrawList *draw_list = ImGui::GetWindowDrawList();
  draw_list->AddRectFilled(min, max, rgb(colors.background), dp(10));
  draw_list->AddRect(min, max, rgb(colors.border), dp(10), 0, dp(1));
  draw_list->AddText(body_font, body_font->FontSize, ImVec2(min.x + padding, min.y + padding),
                     rgb(colors.icon), icon);
  const float text_x = min.x + padding + icon_width + gap;
  float y = min.y + padding;
  if (title) {
    draw_text(draw_list, ImVec2(text_x, y), title, title_font, rgb(colors.text));
    y += title_height;
  }
  if (body) {
    draw_paragraph(draw_list, ImVec2(text_x, y), body, text_width, body_font,
                   rgb(tone == Tone::neutral ? color::text_secondary : colors.text), false);
  }
}

void spinner(float radius, ImU32 color) {
  const ImVec2 position = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(radius * 2, radius * 2));
  const ImVec2 center(position.x + radius, position.y + radius);
  const float start = static_cast<float>(ImGui::GetTime()) * 6.0f;
  ImDrawList *draw_list = ImGui::GetWindowDrawList();
  draw_list->PathArcTo(center, radius - dp(1.5f), 0, IM_PI * 2, 32);
  draw_list->PathStroke((color & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 48), 0, dp(2.5f));
  draw_list->PathArcTo(center, radius - dp(1.5f), start, start + IM_PI * 0.6f, 16);
  draw_list->PathStroke(color, 0, dp(2.5f));
  // Keeps drawing while visible: it only shows while a request runs.
  platform::request_frames(1);
}

// ---------------------------------------------------------------------------
// [SECTION] Form fields

void field_label(const char *label) {
  text(label, fonts().body_medium, rgb(color::text_secondary));
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - dp(4));
}

void field_hint(const char *hint) {
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - dp(4));
  text_wrapped(hint, 0, fonts().small, rgb(color::text_muted));
}

void field_error(const std::string &message) {
  if (message.empty()) return;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - dp(4));
  const std::string line = std::string(ICON_EXCLAMATION_CIRCLE "  ") + message;
  text_wrapped(line.c_str(), 0, fonts().small, rgb(color::danger_text));
  platform::set_last_item_live("alert");
}

bool input_text(const char *label_id, std::string &value, const char *hint, float width,
                bool invalid, bool *submitted) {
  ImGui::SetNextItemWidth(width);
  ImGui::PushStyleColor(ImGuiCol_Border,
                        rgb(invalid ? color::danger_border : color::border_strong));
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
  if (submitted) flags |= ImGuiInputTextFlags_EnterReturnsTrue;
  const bool entered = ImGui::InputTextWithHint(label_id, hint, value.data(), value.capacity() + 1,
                                                flags, resize_string_callback, &value);
  ImGui::PopStyleColor();
  platform::set_last_item_value(value);
  if (submitted) *submitted = entered;
  if (ImGui::IsItemActive()) {
    draw_focus_ring(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                    invalid ? color::danger : color::accent);
  } else if (invalid) {
    ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                        rgb(color::danger), ImGui::GetStyle().FrameRounding, 0,
                                        dp(1));
  }
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
  return ImGui::IsItemEdited();
}

bool radio(const char *label, bool active) {
  platform::set_next_item_role("radio");
  ImGui::PushFont(fonts().body_medium);
  // The circle is as tall as a frame: smaller padding gives an 18 px circle.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(dp(2), dp(2)));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemInnerSpacing, ImVec2(dp(10), dp(6)));
  ImGui::PushStyleColor(ImGuiCol_Border, rgb(active ? color::accent : color::border_strong));
  const bool pressed = ImGui::RadioButton(label, active);
  platform::set_last_item_checked(active);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
  ImGui::PopFont();
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  return pressed;
}

bool checkbox(const char *label, bool &value, bool enabled) {
  ImGui::PushFont(fonts().body_medium);
  // The box is as tall as a frame: smaller padding gives an 18 px box, like a radio.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(dp(2), dp(2)));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemInnerSpacing, ImVec2(dp(10), dp(6)));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, dp(4));  // square: not a radio
  ImGui::PushStyleColor(ImGuiCol_Border, rgb(value ? color::accent : color::border_strong));
  if (!enabled) ImGui::BeginDisabled();
  const bool pressed = ImGui::Checkbox(label, &value);  // the mirror reads its checked state
  if (!enabled) ImGui::EndDisabled();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(3);
  ImGui::PopFont();
  if (enabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  return pressed;
}

bool begin_select(const char *label_id, const char *preview, bool placeholder, float width,
                  bool enabled) {
  ImDrawList *parent_draw_list = ImGui::GetWindowDrawList();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + ImGui::GetFrameHeight());
  const ImGuiID id = ImGui::GetID(label_id);
  // Recorded before BeginCombo, which has no test-engine ItemInfo call and, once the list
  // is open, leaves the list's window current. BeginCombo names its list this way.
  const bool was_open = ImGui::IsPopupOpen(ImHashStr("##ComboPopup", 0, id), ImGuiPopupFlags_None);
  platform::record_ui_item("combo", label_id, ImRect(min, max), enabled, id);
  platform::set_last_item_value(preview);
  platform::set_last_item_expanded(was_open);
  ImGui::SetNextItemWidth(width);
  if (!enabled) ImGui::BeginDisabled();
  ImGui::PushStyleColor(ImGuiCol_Text, rgb(placeholder ? color::text_placeholder : color::text));
  // The list's padding and rounding are read when its window begins, inside BeginCombo.
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(dp(6), dp(6)));
  ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, dp(10));
  const bool open = ImGui::BeginCombo(label_id, preview,
                                      ImGuiComboFlags_NoArrowButton | ImGuiComboFlags_HeightLarge);
  ImGui::PopStyleVar(2);
  const bool frame_active = open || ImGui::IsItemActive();
  ImGui::PopStyleColor();
  if (open) ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(dp(8), dp(2)));  // the options
  if (!enabled) ImGui::EndDisabled();

  // The chevron, and a focus ring while the list is open.
  ImFont *font = fonts().small;
  const float chevron_width = text_size(ICON_CHEVRON_DOWN, font).x;
  parent_draw_list->AddText(
      font, font->FontSize,
      ImVec2(max.x - dp(14) - chevron_width, std::floor((min.y + max.y - font->FontSize) * 0.5f)),
      rgb(enabled ? color::text_muted : color::text_placeholder, enabled ? 1.0f : 0.5f),
      ICON_CHEVRON_DOWN);
  if (frame_active) {
    parent_draw_list->AddRect(min, max, rgb(color::accent), ImGui::GetStyle().FrameRounding, 0,
                              dp(1));
  }
  if (enabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  return open;
}

bool select_option(const char *label, bool selected) {
  ImGui::PushStyleColor(ImGuiCol_Header, rgb(color::accent_soft));
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, rgb(color::neutral_soft));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, dp(6));
  ImGui::PushFont(selected ? fonts().body_medium : fonts().body);
  const bool pressed = ImGui::Selectable(label, selected, 0, ImVec2(0, dp(32)));
  platform::set_last_item_checked(selected);
  ImGui::PopFont();
  if (selected) {
    ImFont *font = fonts().small;
    const ImVec2 max = ImGui::GetItemRectMax();
    const ImVec2 min = ImGui::GetItemRectMin();
    const float check_width = text_size(ICON_CHECK, font).x;
    ImGui::GetWindowDrawList()->AddText(
        font, font->FontSize,
        ImVec2(max.x - dp(10) - check_width, std::floor((min.y + max.y - font->FontSize) * 0.5f)),
        rgb(color::accent), ICON_CHECK);
    if (ImGui::IsWindowAppearing()) ImGui::SetItemDefaultFocus();
  }
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  return pressed;
}

bool field_button(const char *label_id, const char *value, const char *icon, bool placeholder,
                  float width) {
  // "###": the ID stays the same while the shown value changes.
  const std::string label = std::string(value) + "###" + label_id;
  ImGui::PushStyleColor(ImGuiCol_Button, rgb(color::surface));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgb(color::surface));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, rgb(color::surface_subtle));
  ImGui::PushStyleColor(ImGuiCol_Text, rgb(placeholder ? color::text_placeholder : color::text));
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5f));
  const bool pressed = ImGui::ButtonEx(label.c_str(), ImVec2(width, ImGui::GetFrameHeight()));
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(4);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList *draw_list = ImGui::GetWindowDrawList();
  if (ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    draw_list->AddRect(min, max, rgb(color::text_placeholder), ImGui::GetStyle().FrameRounding, 0,
                       dp(1));
  }
  ImFont *font = fonts().body;
  const float icon_width = text_size(icon, font).x;
  draw_list->AddText(
      font, font->FontSize,
      ImVec2(max.x - dp(14) - icon_width, std::floor((min.y + max.y - font->FontSize) * 0.5f)),
      rgb(color::text_muted), icon);
  return pressed;
}

void end_select() {
  ImGui::PopStyleVar();
  ImGui::EndCombo();
}

// ---------------------------------------------------------------------------
// [SECTION] Layout

void begin_card(const char *id, float width, ImVec2 padding) {
  // Colours, padding and rounding are read when the child window begins; popping them
  // right away keeps them from leaking into popups opened inside (a table's menu).
  ImGui::PushStyleColor(ImGuiCol_ChildBg, rgb(color::surface));
  ImGui::PushStyleColor(ImGuiCol_Border, rgb(color::border));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, dp(12));
  ImGui::BeginChild(
      id, ImVec2(width, 0),
      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding,
      // NavFlattened: Tab goes on into the card (the token table) and out again.
      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
          ImGuiWindowFlags_NavFlattened);
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
}

void end_card() {
  ImGui::EndChild();
  draw_shadow(ImGui::GetWindowDrawList(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), dp(12),
              1.0f);
}

void draw_shadow(ImDrawList *draw_list, ImVec2 min, ImVec2 max, float rounding, float strength) {
  // Rings of growing size and fading alpha: ImGui 1.90 has no blurred shadows. Drawn
  // before (under) an opaque surface, so only the outside shows.
  constexpr int kRings = 6;
  for (int i = 1; i <= kRings; ++i) {
    const float grow = dp(static_cast<float>(i));
    const float alpha = strength * 0.035f * (1.0f - static_cast<float>(i) / (kRings + 1));
    draw_list->AddRect(ImVec2(min.x - grow, min.y - grow + dp(2)),
                       ImVec2(max.x + grow, max.y + grow + dp(2)), rgb(0x101828, alpha),
                       rounding + grow, 0, dp(1.2f));
  }
}

bool begin_modal(const char *name, float width) {
  const ImGuiViewport *viewport = ImGui::GetMainViewport();
  width = std::min(width, viewport->Size.x - dp(32));
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, viewport->Size.y - dp(48)));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(dp(28), dp(24)));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, dp(14));
  ImGui::PushStyleColor(ImGuiCol_Border, rgb(color::border));
  const bool visible = ImGui::BeginPopupModal(
      name, nullptr,
      ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
          ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
  return visible;
}

float modal_content_width(float width) {
  const float outer = std::min(width, ImGui::GetMainViewport()->Size.x - dp(32));
  return std::max(ImGui::GetContentRegionAvail().x, outer - dp(56));
}

void modal_divider() {
  const ImVec2 line_start = ImGui::GetCursorScreenPos();
  // Edge to edge across the window: past the content clip rectangle, which stops half
  // a padding short of the window's sides.
  const ImVec2 window_min = ImGui::GetWindowPos();
  const ImVec2 window_max(window_min.x + ImGui::GetWindowWidth(),
                          window_min.y + ImGui::GetWindowHeight());
  ImGui::PushClipRect(window_min, window_max, false);
  ImGui::GetWindowDrawList()->AddLine(ImVec2(window_min.x + 1, line_start.y),
                                      ImVec2(window_max.x - 1, line_start.y), rgb(color::border),
                                      dp(1));
  ImGui::PopClipRect();
  ImGui::Dummy(ImVec2(0, dp(10)));
}

void end_modal() {
  ImGui::EndPopup();
}

bool modal_header(const char *title, float content_width, bool close_enabled) {
  const ImVec2 top = ImGui::GetCursorPos();
  text(title, fonts().heading, rgb(color::text));
  ImGui::SetCursorPos(ImVec2(top.x + content_width - dp(36), top.y - dp(8)));
  const bool close = icon_button(ICON_TIMES, "Close", close_enabled);
  ImGui::SetCursorPos(ImVec2(top.x, top.y + fonts().heading->FontSize + dp(6)));
  return close;
}

void detail_row(const char *label, const std::string &value, float value_x, ImFont *value_font) {
  const float y = ImGui::GetCursorPosY();
  text(label, fonts().body, rgb(color::text_muted));
  ImGui::SameLine(value_x);
  ImGui::SetCursorPosY(y);
  text(value.c_str(), value_font ? value_font : fonts().body_medium, rgb(color::text));
}

void align_right(float width) {
  const float x = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - width;
  ImGui::SetCursorPosX(x);
}

}  // namespace hawzu::ui
