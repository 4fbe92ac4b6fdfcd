// Hawzu Access Tokens, the web app: Dear ImGui on a WebGL 2 canvas.
//
// main() sets up GLFW (Emscripten's emulation), ImGui and its backends, and the
// platform layer (web/platform/), then hands each frame to frame(). The UI itself lives
// in app.cpp and the screen files.
#include "web/app.h"
#include "web/platform/a11y_mirror.h"
#include "web/platform/clipboard.h"
#include "web/platform/display.h"
#include "web/platform/fonts.h"
#include "web/platform/frame_scheduler.h"
#include "web/platform/page.h"
#include "web/platform/secret_memory.h"
#include "web/platform/ui_items.h"
#include "web/theme.h"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"

#include <cmath>

namespace {

GLFWwindow *g_window = nullptr;
float g_fonts_pixel_ratio = 0;  // the ratio the font atlas and style were built for

// What the last frame showed, coarsely: if it differs from the frame before, the UI has
// not settled yet (a popup opened on a click's release, a window sizing itself, a hover
// moving) and one more frame is drawn. Cheap, and it stops as soon as nothing changes.
struct FrameSignature {
  int vertices = 0, indices = 0, draw_lists = 0, popups = 0, windows = 0;
  ImGuiID active = 0, hovered = 0, nav = 0;
  bool operator==(const FrameSignature &o) const {
    return vertices == o.vertices && indices == o.indices && draw_lists == o.draw_lists &&
           popups == o.popups && windows == o.windows && active == o.active &&
           hovered == o.hovered && nav == o.nav;
  }
};
FrameSignature g_last_signature;

FrameSignature signature_of_frame() {
  const ImGuiContext &g = *ImGui::GetCurrentContext();
  const ImDrawData *draw_data = ImGui::GetDrawData();
  FrameSignature signature;
  signature.vertices = draw_data->TotalVtxCount;
  signature.indices = draw_data->TotalIdxCount;
  signature.draw_lists = draw_data->CmdListsCount;
  signature.popups = g.OpenPopupStack.Size;
  for (const ImGuiWindow *window : g.Windows) signature.windows += window->Active ? 1 : 0;
  signature.active = g.ActiveId;
  signature.hovered = g.HoveredId;
  signature.nav = g.NavId;
  return signature;
}

// Whether anything on screen can still change without a new event: the frame differs
// from the one before, ImGui has queued input left (it takes at most one button change
// per frame), a button or key is held, or a modal's dimmed background is still fading
// in. A blinking caret asks for a wake-up at its next blink instead of a redraw loop.
void request_frames_still_needed() {
  using hawzu::platform::request_frame_after;
  using hawzu::platform::request_frames;
  const ImGuiContext &g = *ImGui::GetCurrentContext();
  const ImGuiIO &io = ImGui::GetIO();
  const FrameSignature signature = signature_of_frame();
  bool busy = !(signature == g_last_signature) || g.InputEventsQueue.Size > 0 ||
              (g.DimBgRatio > 0.0f && g.DimBgRatio < 1.0f);
  g_last_signature = signature;
  for (bool down : io.MouseDown) busy = busy || down;
  for (int key = ImGuiKey_NamedKey_BEGIN; key < ImGuiKey_NamedKey_END && !busy; ++key) {
    busy = ImGui::IsKeyDown(static_cast<ImGuiKey>(key));
  }
  if (busy) request_frames(1);

  if (io.WantTextInput && g.InputTextState.ID != 0 && g.ActiveId == g.InputTextState.ID) {
    // ImGui shows the caret while fmod(CursorAnim, 1.2) <= 0.8 (and always while < 0).
    const float anim = g.InputTextState.CursorAnim;
    float wait = 0;
    if (anim < 0) {
      wait = -anim + 0.8f;
    } else {
      const float phase = std::fmod(anim, 1.2f);
      wait = phase <= 0.8f ? 0.8f - phase : 1.2f - phase;
    }
    request_frame_after(wait * 1000.0 + 16.0);
  }
}

void frame() {
  const hawzu::platform::Display display = hawzu::platform::sync_display(g_window);
  if (!hawzu::app_can_draw()) {
    // The loading indicator or the HTML sign-in form is showing: GLFW still hands every
    // key and mouse move to ImGui, which would keep them queued for the next frame.
    ImGui::GetIO().ClearEventsQueue();
    return;
  }

  if (display.pixel_ratio != g_fonts_pixel_ratio) {
    hawzu::platform::build_fonts(display.pixel_ratio);
    hawzu::ui::apply_theme(display.pixel_ratio);
    g_fonts_pixel_ratio = display.pixel_ratio;
  }

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  hawzu::platform::new_frame_in_input_order();
  hawzu::platform::begin_ui_items_frame(display.pixel_ratio);
  hawzu::app_draw();
  ImGui::Render();
  hawzu::platform::end_ui_items_frame();

  glViewport(0, 0, display.pixel_width, display.pixel_height);
  const ImVec4 page = hawzu::ui::rgb_vec(hawzu::ui::color::page);
  glClearColor(page.x, page.y, page.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  hawzu::platform::set_mouse_cursor(ImGui::GetMouseCursor());
  hawzu::platform::publish_a11y_mirror();
  hawzu::app_after_frame();
  request_frames_still_needed();
}

}  // namespace

int main() {
  if (!glfwInit()) {
    hawzu::platform::show_fatal_error("This browser could not start the page's graphics.");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  g_window = glfwCreateWindow(1, 1, "Hawzu", nullptr, nullptr);
  if (g_window == nullptr) {
    hawzu::platform::show_fatal_error(
        "Hawzu needs WebGL 2, which this browser has turned off or does not support.");
    return 1;
  }
  glfwMakeContextCurrent(g_window);
  hawzu::platform::sync_display(g_window);

  IMGUI_CHECKVERSION();
  hawzu::platform::install_zeroing_imgui_allocator();
  ImGui::CreateContext();
  ImGuiIO &io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigMacOSXBehaviors = hawzu::platform::is_mac_platform();
  io.ConfigInputTextCursorBlink = true;
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  hawzu::platform::install_clipboard(io);
  hawzu::platform::install_ui_items();
  hawzu::platform::install_a11y_mirror();

  hawzu::app_start();
  hawzu::platform::run_frames(frame);
}
