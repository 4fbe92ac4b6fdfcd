#include "web/theme.h"

namespace hawzu::ui {
namespace {

float g_pixel_ratio = 1;

}  // namespace

float dp(float css_pixels) {
  return css_pixels * g_pixel_ratio;
}
float pixel_ratio() {
  return g_pixel_ratio;
}

ImVec4 rgb_vec(std::uint32_t hex, float alpha) {
  return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f,
                alpha);
}

void apply_theme(float ratio) {
  g_pixel_ratio = ratio;
  ImGuiStyle &style = ImGui::GetStyle();
  style = ImGuiStyle();  // ScaleAllSizes multiplies: start from the unscaled sizes

  style.WindowPadding = ImVec2(24, 24);
  style.WindowRounding = 12;
  style.WindowBorderSize = 1;
  style.ChildRounding = 12;
  style.ChildBorderSize = 1;
  style.PopupRounding = 10;
  style.PopupBorderSize = 1;
  style.FramePadding = ImVec2(12, 11);  // 36 px controls with 14 px text
  style.FrameRounding = 8;
  style.FrameBorderSize = 1;
  style.ItemSpacing = ImVec2(12, 10);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.CellPadding = ImVec2(16, 10);
  style.IndentSpacing = 20;
  style.ScrollbarSize = 12;
  style.ScrollbarRounding = 12;
  style.GrabMinSize = 24;
  style.GrabRounding = 12;
  style.TabRounding = 8;
  style.SelectableTextAlign = ImVec2(0, 0.5f);
  style.ButtonTextAlign = ImVec2(0.5f, 0.5f);
  style.DisabledAlpha = 0.5f;
  style.WindowMinSize = ImVec2(32, 32);
  style.AntiAliasedLinesUseTex = true;
  style.ScaleAllSizes(ratio);

  ImVec4 *c = style.Colors;
  c[ImGuiCol_Text] = rgb_vec(color::text);
  c[ImGuiCol_TextDisabled] = rgb_vec(color::text_placeholder);
  c[ImGuiCol_WindowBg] = rgb_vec(color::surface);
  c[ImGuiCol_ChildBg] = rgb_vec(color::surface, 0);
  c[ImGuiCol_PopupBg] = rgb_vec(color::surface);
  c[ImGuiCol_Border] = rgb_vec(color::border_strong);
  c[ImGuiCol_BorderShadow] = rgb_vec(0, 0);
  c[ImGuiCol_FrameBg] = rgb_vec(color::surface);
  c[ImGuiCol_FrameBgHovered] = rgb_vec(color::surface_subtle);
  c[ImGuiCol_FrameBgActive] = rgb_vec(color::surface);
  c[ImGuiCol_TitleBg] = rgb_vec(color::surface);
  c[ImGuiCol_TitleBgActive] = rgb_vec(color::surface);
  c[ImGuiCol_TitleBgCollapsed] = rgb_vec(color::surface);
  c[ImGuiCol_MenuBarBg] = rgb_vec(color::surface);
  c[ImGuiCol_ScrollbarBg] = rgb_vec(0, 0);
  c[ImGuiCol_ScrollbarGrab] = rgb_vec(color::border_strong);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb_vec(color::text_placeholder);
  c[ImGuiCol_ScrollbarGrabActive] = rgb_vec(color::text_muted);
  c[ImGuiCol_CheckMark] = rgb_vec(color::accent);
  c[ImGuiCol_SliderGrab] = rgb_vec(color::accent);
  c[ImGuiCol_SliderGrabActive] = rgb_vec(color::accent_active);
  c[ImGuiCol_Button] = rgb_vec(color::surface);
  c[ImGuiCol_ButtonHovered] = rgb_vec(color::surface_subtle);
  c[ImGuiCol_ButtonActive] = rgb_vec(color::neutral_soft);
  c[ImGuiCol_Header] = rgb_vec(color::accent_soft);
  c[ImGuiCol_HeaderHovered] = rgb_vec(color::surface_subtle);
  c[ImGuiCol_HeaderActive] = rgb_vec(color::accent_soft_strong);
  c[ImGuiCol_Separator] = rgb_vec(color::border);
  c[ImGuiCol_SeparatorHovered] = rgb_vec(color::border_strong);
  c[ImGuiCol_SeparatorActive] = rgb_vec(color::accent);
  c[ImGuiCol_ResizeGrip] = rgb_vec(0, 0);
  c[ImGuiCol_ResizeGripHovered] = rgb_vec(0, 0);
  c[ImGuiCol_ResizeGripActive] = rgb_vec(0, 0);
  c[ImGuiCol_TableHeaderBg] = rgb_vec(color::surface_subtle);
  c[ImGuiCol_TableBorderStrong] = rgb_vec(color::border);
  c[ImGuiCol_TableBorderLight] = rgb_vec(color::border);
  c[ImGuiCol_TableRowBg] = rgb_vec(0, 0);
  c[ImGuiCol_TableRowBgAlt] = rgb_vec(color::surface_subtle);
  c[ImGuiCol_TextSelectedBg] = rgb_vec(color::accent_soft_strong);
  c[ImGuiCol_NavHighlight] = rgb_vec(color::focus_ring);
  c[ImGuiCol_ModalWindowDimBg] = rgb_vec(0x101828, 0.45f);
  c[ImGuiCol_PlotHistogram] = rgb_vec(color::accent);
}

}  // namespace hawzu::ui
