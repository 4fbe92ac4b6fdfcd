// The look of the app: a light theme with a neutral grey scale and an indigo accent,
// and the size unit. The UI works in device pixels (see platform/display.h), so every
// size written in CSS pixels goes through dp().
#pragma once

#include "imgui.h"

#include <cstdint>

namespace hawzu::ui {

// CSS pixels → device pixels at the current ratio.
float dp(float css_pixels);
float pixel_ratio();

// Applies the theme to ImGui's style at `pixel_ratio` (call after the ratio changes).
void apply_theme(float pixel_ratio);

// 0xRRGGBB → ImGui colours.
constexpr ImU32 rgb(std::uint32_t hex, float alpha = 1.0f) {
  return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF,
                  static_cast<int>(alpha * 255.0f + 0.5f));
}
ImVec4 rgb_vec(std::uint32_t hex, float alpha = 1.0f);

// The palette, by purpose.
namespace color {
inline constexpr std::uint32_t page = 0xF5F6F8;
inline constexpr std::uint32_t surface = 0xFFFFFF;
inline constexpr std::uint32_t surface_subtle = 0xF9FAFB;
inline constexpr std::uint32_t border = 0xE4E7EC;
inline constexpr std::uint32_t border_strong = 0xD0D5DD;
inline constexpr std::uint32_t text = 0x101828;
inline constexpr std::uint32_t text_secondary = 0x344054;
inline constexpr std::uint32_t text_muted = 0x667085;
inline constexpr std::uint32_t text_placeholder = 0x98A2B3;
inline constexpr std::uint32_t accent = 0x4F46E5;
inline constexpr std::uint32_t accent_hover = 0x4338CA;
inline constexpr std::uint32_t accent_active = 0x3730A3;
inline constexpr std::uint32_t accent_soft = 0xEEF2FF;
inline constexpr std::uint32_t accent_soft_strong = 0xE0E7FF;
inline constexpr std::uint32_t accent_text = 0x4338CA;
inline constexpr std::uint32_t focus_ring = 0xA5B4FC;
inline constexpr std::uint32_t danger = 0xD92D20;
inline constexpr std::uint32_t danger_text = 0xB42318;
inline constexpr std::uint32_t danger_soft = 0xFEF3F2;
inline constexpr std::uint32_t danger_border = 0xFECDCA;
inline constexpr std::uint32_t warning_text = 0x93370D;
inline constexpr std::uint32_t warning_icon = 0xDC6803;
inline constexpr std::uint32_t warning_soft = 0xFFFAEB;
inline constexpr std::uint32_t warning_border = 0xFEDF89;
inline constexpr std::uint32_t success_text = 0x067647;
inline constexpr std::uint32_t success_icon = 0x17B26A;
inline constexpr std::uint32_t success_soft = 0xECFDF3;
inline constexpr std::uint32_t success_border = 0xABEFC6;
inline constexpr std::uint32_t info_text = 0x175CD3;
inline constexpr std::uint32_t info_soft = 0xEFF8FF;
inline constexpr std::uint32_t info_border = 0xB2DDFF;
inline constexpr std::uint32_t neutral_soft = 0xF2F4F7;
}  // namespace color

}  // namespace hawzu::ui
