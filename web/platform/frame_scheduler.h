// When the app draws a frame.
//
// An idle page must not redraw sixty times a second. Emscripten's GLFW has no working
// glfwWaitEvents, so the browser main loop (requestAnimationFrame) is paused whenever
// nothing is left to draw, and resumed by anything that can change what is shown: DOM
// input, focus and resize events (listeners installed here), fetch completions and
// timers (their code calls request_frames / request_frame_after). A woken loop draws a
// few frames, because ImGui needs a frame or two to settle hover and layout.
//
// Single-threaded, like everything in the browser: call from the main thread only.
#pragma once

namespace hawzu::platform {

using FrameFunction = void (*)();

inline constexpr int kFramesAfterEvent = 3;

// Starts the browser's main loop with `frame` and installs the wake-up listeners.
// Does not return: Emscripten unwinds main() and keeps the page running.
[[noreturn]] void run_frames(FrameFunction frame);

// Draws at least `count` more frames, resuming the loop if it was paused.
void request_frames(int count = kFramesAfterEvent);

// Draws one frame after `milliseconds` (a blinking caret, a confirmation that fades).
// A frame that still needs a later wake-up asks again, so one pending timer suffices.
void request_frame_after(double milliseconds);

// Frames drawn since the page started; the browser tests measure idle frame rates with it.
long frames_drawn();

}  // namespace hawzu::platform
