// The HTML around the canvas (public/index.html): a loading indicator, the sign-in form
// and the canvas, one visible at a time, plus the browser facts the app needs.
//
// The sign-in form is real HTML so that password managers, autofill and screen readers
// work; public/js/sign-in.js posts it, so the password never enters the WASM heap. On
// success it dispatches `hawzu:signed-in`, which calls the handler given here.
// Main thread only.
#pragma once

#include <cstdint>
#include <string>

namespace hawzu::platform {

enum class PageScreen { loading, sign_in, app };

void show_page_screen(PageScreen screen);

// Shows the sign-in form with a message above it ("Your session has ended ...").
void show_sign_in(const std::string &message);

// Replaces the page with an error the app cannot recover from (no WebGL 2, ...).
void show_fatal_error(const std::string &message);

// `handler` runs after the sign-in form signed the user in.
void on_signed_in(void (*handler)());

// The browser's UTC offset in minutes at `unix_seconds` (east of UTC positive, the
// opposite sign of Date.getTimezoneOffset), so dates show in the user's local time.
int local_utc_offset_minutes(std::int64_t unix_seconds);

// True on macOS, where ImGui should use Cmd for shortcuts.
bool is_mac_platform();

// Opens `url` (same origin, e.g. "/api/reference") in a new browser tab, with no handle
// back to this page.
void open_in_new_tab(const char *url);

// Downloads the answer of a GET to `url` (same origin; the session cookie goes along) as
// a file, without leaving the page.
void download(const std::string &url);

// Shows ImGui's wanted mouse cursor (an ImGuiMouseCursor) on the canvas; Emscripten
// 3.1.6's GLFW does not implement cursors.
void set_mouse_cursor(int imgui_cursor);

}  // namespace hawzu::platform
