#include "web/platform/display.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>

namespace hawzu::platform {
namespace {

// Sizes the canvas backing store without glfwSetWindowSize: Emscripten 3.1.6's GLFW
// asks for fullscreen when the requested size equals the screen's, which a maximised
// window at ratio 1 hits. GLFW reads its window and framebuffer size from these fields.
// clang-format off
EM_JS(void, set_canvas_pixel_size, (int width, int height), {
  const canvas = Module["canvas"];
  if (canvas.width != width) canvas.width = width;
  if (canvas.height != height) canvas.height = height;
  if (typeof GLFW != "undefined" && GLFW.active) {
    GLFW.active.width = width;
    GLFW.active.height = height;
  }
});
// clang-format on

}  // namespace

Display sync_display(GLFWwindow *window) {
  Display display;
  emscripten_get_element_css_size("#canvas", &display.css_width, &display.css_height);
  const double ratio = emscripten_get_device_pixel_ratio();
  display.pixel_ratio = ratio > 0 ? static_cast<float>(ratio) : 1.0f;
  display.pixel_width = std::max(1, static_cast<int>(std::lround(display.css_width * ratio)));
  display.pixel_height = std::max(1, static_cast<int>(std::lround(display.css_height * ratio)));
  int width = 0, height = 0;
  glfwGetWindowSize(window, &width, &height);
  if (width != display.pixel_width || height != display.pixel_height) {
    set_canvas_pixel_size(display.pixel_width, display.pixel_height);
  }
  return display;
}

}  // namespace hawzu::platform
