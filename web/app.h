// The app: owns the UI state, draws the screens, and turns the person's intents into
// API requests whose answers it writes back into the state.
//
//   app_start()        once, after the platform layer is up: loads fonts and the session
//   app_can_draw()     whether the canvas shows the app (signed in, fonts ready)
//   app_draw()         one frame of UI, between ImGui::NewFrame and ImGui::Render
//   app_after_frame()  handles what the frame's intents asked for
#pragma once

namespace hawzu {

void app_start();
bool app_can_draw();
void app_draw();
void app_after_frame();

}  // namespace hawzu
