// The canvas size and the device pixel ratio.
//
// The whole UI works in device pixels: the canvas's backing store is the CSS size times
// devicePixelRatio, fonts are rasterised at that ratio and style sizes are scaled by it,
// so text is crisp at ratio 1 and 2. Emscripten 3.1.6's GLFW knows nothing of the
// ratio, so this file keeps its window size in device pixels. The CSS size comes from
// the stylesheet (the canvas fills the viewport).
#pragma once

struct GLFWwindow;

namespace hawzu::platform {

struct Display {
  double css_width = 0;
  double css_height = 0;
  float pixel_ratio = 1;
  int pixel_width = 0;
  int pixel_height = 0;
};

// Reads the canvas's CSS size and the device pixel ratio, and resizes the canvas's
// backing store (and GLFW's idea of the window) when they changed.
Display sync_display(GLFWwindow *window);

}  // namespace hawzu::platform
