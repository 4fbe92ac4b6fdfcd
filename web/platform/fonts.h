// The fonts of the UI: Inter for text, JetBrains Mono for token values, Font Awesome 4.7
// merged into the text fonts for icons.
//
// There is no file system in the WASM build: the font files are fetched from /fonts/
// (served gzip-compressed) and kept in memory, so the atlas can be rebuilt when the
// device pixel ratio changes. Fonts are rasterised at size × ratio (the UI works in
// device pixels), each copy handed to ImGui in an IM_ALLOC'd buffer the atlas owns.
// Main thread only.
#pragma once

#include <functional>

struct ImFont;

namespace hawzu::platform {

struct FontSet {
  ImFont *body = nullptr;           // Inter 14, with icons
  ImFont *body_medium = nullptr;    // Inter Medium 14, with icons (buttons, emphasis)
  ImFont *body_semibold = nullptr;  // Inter SemiBold 14, with icons (labels)
  ImFont *small = nullptr;          // Inter 12.5, with icons
  ImFont *small_medium = nullptr;   // Inter Medium 12.5 (badges, table headers)
  ImFont *heading = nullptr;        // Inter SemiBold 18, with icons (window titles)
  ImFont *title = nullptr;          // Inter SemiBold 24 (page title)
  ImFont *mono = nullptr;           // JetBrains Mono 14 (token values)
  ImFont *mono_small = nullptr;     // JetBrains Mono 12.5 (identifiers)
  ImFont *icon_large = nullptr;     // Font Awesome 26 (empty state, success marks)
};

// Starts fetching the font files; `done(true)` once all arrived, `done(false)` if any
// request failed.
void fetch_fonts(std::function<void(bool ok)> done);

// REQUIRES: fetch_fonts reported success; called between frames (not inside one).
// Rebuilds the atlas and the GPU font texture for `pixel_ratio`.
void build_fonts(float pixel_ratio);

// REQUIRES: build_fonts has run.
const FontSet &fonts();

}  // namespace hawzu::platform
