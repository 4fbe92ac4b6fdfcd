#include "web/platform/frame_scheduler.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <algorithm>

namespace hawzu::platform {
namespace {

FrameFunction g_frame = nullptr;
int g_frames_left = 0;
bool g_paused = false;
long g_frames_drawn = 0;
// When the pending wake-up timer fires (emscripten_get_now() milliseconds), 0 if none.
double g_timer_due = 0;

void tick() {
  g_frames_left = std::max(0, g_frames_left - 1);
  ++g_frames_drawn;
  g_frame();  // may call request_frames() to keep going
  if (g_frames_left == 0) {
    emscripten_pause_main_loop();
    g_paused = true;
  }
}

void on_timer(void *) {
  g_timer_due = 0;
  request_frames(1);
}

// DOM events that can change what the page shows. Listening on window in the capture
// phase sees them before any handler can stop them; `passive` keeps scrolling smooth.
// Keys typed into the HTML sign-in form never get here (public/js/boot.js stops them
// first), which is right: the canvas is hidden then.
// Zooming or moving the window to another screen changes devicePixelRatio, sometimes
// without a resize event; a media query on the current ratio notices.
// clang-format off
EM_JS(void, install_wake_listeners, (), {
  const wake = () => _hawzu_wake();
  const options = {capture: true, passive: true};
  const types = ["mousemove", "mousedown", "mouseup", "wheel", "keydown", "keyup", "keypress",
                 "touchstart", "touchmove", "touchend", "pointerdown", "pointerup", "focus",
                 "blur", "resize", "paste", "visibilitychange"];
  for (const type of types) window.addEventListener(type, wake, options);
  const watch_pixel_ratio = () => {
    const query = window.matchMedia("(resolution: " + window.devicePixelRatio + "dppx)");
    query.addEventListener("change", () => { wake(); watch_pixel_ratio(); }, {once: true});
  };
  watch_pixel_ratio();
});
// clang-format on

}  // namespace

void run_frames(FrameFunction frame) {
  g_frame = frame;
  g_frames_left = kFramesAfterEvent;
  install_wake_listeners();
  emscripten_set_main_loop(tick, 0, true);
  __builtin_unreachable();
}

void request_frames(int count) {
  g_frames_left = std::max(g_frames_left, count);
  if (g_paused) {
    g_paused = false;
    emscripten_resume_main_loop();
  }
}

void request_frame_after(double milliseconds) {
  const double due = emscripten_get_now() + milliseconds;
  if (g_timer_due != 0 && g_timer_due <= due) return;
  g_timer_due = due;
  emscripten_set_timeout(on_timer, milliseconds, nullptr);
}

long frames_drawn() {
  return g_frames_drawn;
}

}  // namespace hawzu::platform

extern "C" EMSCRIPTEN_KEEPALIVE void hawzu_wake() {
  hawzu::platform::request_frames();
}
