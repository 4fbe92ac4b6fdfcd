#include "web/platform/fonts.h"

#include "web/icons.h"
#include "web/platform/fetch.h"

#include "imgui.h"
#include "imgui_impl_opengl3.h"

#include <array>
#include <cassert>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace hawzu::platform {
namespace {

enum FontFile { inter_regular, inter_medium, inter_semibold, jetbrains_mono, font_awesome, kCount };

const char *const kFontUrls[kCount] = {
    "/fonts/Inter-Regular.otf",       "/fonts/Inter-Medium.otf",
    "/fonts/Inter-SemiBold.otf",      "/fonts/JetBrainsMono-Regular.ttf",
    "/fonts/fontawesome-webfont.ttf",
};

std::array<std::string, kCount> g_font_bytes;
FontSet g_fonts;

// Latin with its supplements and Latin Extended-A (names like "Łódź sync"), general
// punctuation (dashes, quotes, ellipsis, bullet), arrows and the minus sign.
const ImWchar kTextRanges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC,
                               0x20AC, 0x2190, 0x2193, 0x2212, 0x2212, 0};

// Only the icons the app uses: a 4.7 atlas of every glyph would be ten times larger.
const ImWchar *icon_ranges() {
  static std::vector<ImWchar> ranges = [] {
    std::vector<ImWchar> list;
    for (ImWchar codepoint : kIconCodepoints) {
      list.push_back(codepoint);
      list.push_back(codepoint);
    }
    list.push_back(0);
    return list;
  }();
  return ranges.data();
}

ImFont *add_font(FontFile file, float size_pixels, const ImWchar *ranges, bool merge = false,
                 float glyph_offset_y = 0, float min_advance_x = 0) {
  const std::string &bytes = g_font_bytes[file];
  // The atlas frees this buffer with IM_FREE when it is cleared or destroyed.
  void *copy = IM_ALLOC(bytes.size());
  std::memcpy(copy, bytes.data(), bytes.size());
  ImFontConfig config;
  config.MergeMode = merge;
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.GlyphOffset.y = glyph_offset_y;
  config.GlyphMinAdvanceX = min_advance_x;
  config.PixelSnapH = merge;  // icons snap to whole pixels; text keeps subpixel spacing
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(copy, static_cast<int>(bytes.size()),
                                                    size_pixels, &config, ranges);
}

// A text font with the icon font merged in, icons slightly smaller than the text and
// nudged down to sit on its baseline.
ImFont *add_text_font(FontFile file, float size_pixels, bool with_icons) {
  ImFont *font = add_font(file, size_pixels, kTextRanges);
  if (with_icons) {
    add_font(font_awesome, size_pixels * 0.92f, icon_ranges(), true, size_pixels * 0.02f,
             size_pixels * 1.1f);
  }
  return font;
}

}  // namespace

void fetch_fonts(std::function<void(bool ok)> done) {
  auto remaining = std::make_shared<int>(kCount);
  auto failed = std::make_shared<bool>(false);
  auto shared_done = std::make_shared<std::function<void(bool)>>(std::move(done));
  for (int file = 0; file < kCount; ++file) {
    http_send("GET", kFontUrls[file], "",
              [file, remaining, failed, shared_done](HttpResponse &response) {
                if (response.status == 200 && !response.body.empty()) {
                  g_font_bytes[file] = std::move(response.body);
                } else {
                  *failed = true;
                }
                if (--*remaining == 0) (*shared_done)(!*failed);
              });
  }
}

void build_fonts(float pixel_ratio) {
  for ([[maybe_unused]] const std::string &bytes : g_font_bytes) assert(!bytes.empty());
  ImFontAtlas *atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  const float r = pixel_ratio;
  g_fonts.body = add_text_font(inter_regular, 14 * r, true);
  g_fonts.body_medium = add_text_font(inter_medium, 14 * r, true);
  g_fonts.body_semibold = add_text_font(inter_semibold, 14 * r, true);
  g_fonts.small = add_text_font(inter_regular, 12.5f * r, true);
  g_fonts.small_medium = add_text_font(inter_medium, 12.5f * r, true);
  g_fonts.heading = add_text_font(inter_semibold, 18 * r, true);
  g_fonts.title = add_text_font(inter_semibold, 24 * r, false);
  g_fonts.mono = add_font(jetbrains_mono, 14 * r, kTextRanges);
  g_fonts.mono_small = add_font(jetbrains_mono, 12.5f * r, kTextRanges);
  g_fonts.icon_large = add_font(font_awesome, 26 * r, icon_ranges());
  atlas->Build();
  ImGui::GetIO().FontDefault = g_fonts.body;
  // The first build creates the backend's device objects (which upload the atlas);
  // later builds only replace the texture.
  static bool device_objects_created = false;
  if (!device_objects_created) {
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    device_objects_created = true;
  } else {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

const FontSet &fonts() {
  assert(g_fonts.body != nullptr);
  return g_fonts;
}

}  // namespace hawzu::platform
