#include "web/platform/page.h"

#include <emscripten.h>

#include "imgui.h"

namespace hawzu::platform {
namespace {

void (*g_signed_in_handler)() = nullptr;

// window.hawzuPage is defined by public/js/boot.js.
// clang-format off
EM_JS(void, js_show_page_screen, (const char *name), {
  window.hawzuPage.showScreen(UTF8ToString(name));
});

EM_JS(void, js_show_sign_in, (const char *message), {
  window.hawzuPage.showSignIn(UTF8ToString(message));
});

EM_JS(void, js_show_fatal_error, (const char *message), {
  window.hawzuPage.showFatalError(UTF8ToString(message));
});

EM_JS(void, js_listen_signed_in, (), {
  window.addEventListener("hawzu:signed-in", () => _hawzu_signed_in());
});

EM_JS(int, js_local_utc_offset_minutes, (double unix_seconds), {
  return -new Date(unix_seconds * 1000).getTimezoneOffset();
});

EM_JS(int, js_is_mac_platform, (), {
  return /Mac|iPhone|iPad/.test(navigator.platform || "") ? 1 : 0;
});
EM_JS(void, js_open_in_new_tab, (const char *url), {
  window.open(UTF8ToString(url), "_blank", "noopener");
});
// A same-origin link with `download`: the browser saves the answer as a file (its
// Content-Disposition names it) as it streams in, and the page stays where it is.
EM_JS(void, js_download, (const char *url), {
  const link = document.createElement("a");
  link.href = UTF8ToString(url);
  link.download = "";
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
});
EM_JS(void, js_set_canvas_cursor, (const char *cursor), {
  Module["canvas"].style.cursor = UTF8ToString(cursor);
});
// clang-format on

}  // namespace

void show_page_screen(PageScreen screen) {
  switch (screen) {
    case PageScreen::loading:
      js_show_page_screen("loading");
      break;
    case PageScreen::sign_in:
      js_show_page_screen("sign-in");
      break;
    case PageScreen::app:
      js_show_page_screen("app");
      break;
  }
}

void show_sign_in(const std::string &message) {
  js_show_sign_in(message.c_str());
}

void open_in_new_tab(const char *url) {
  js_open_in_new_tab(url);
}

void download(const std::string &url) {
  js_download(url.c_str());
}

void show_fatal_error(const std::string &message) {
  js_show_fatal_error(message.c_str());
}

void on_signed_in(void (*handler)()) {
  g_signed_in_handler = handler;
  js_listen_signed_in();
}

int local_utc_offset_minutes(std::int64_t unix_seconds) {
  return js_local_utc_offset_minutes(static_cast<double>(unix_seconds));
}

bool is_mac_platform() {
  return js_is_mac_platform() != 0;
}

void set_mouse_cursor(int imgui_cursor) {
  static int shown = -2;
  if (imgui_cursor == shown) return;
  shown = imgui_cursor;
  const char *css = "default";
  switch (imgui_cursor) {
    case ImGuiMouseCursor_None:
      css = "none";
      break;
    case ImGuiMouseCursor_TextInput:
      css = "text";
      break;
    case ImGuiMouseCursor_ResizeAll:
      css = "move";
      break;
    case ImGuiMouseCursor_ResizeNS:
      css = "ns-resize";
      break;
    case ImGuiMouseCursor_ResizeEW:
      css = "ew-resize";
      break;
    case ImGuiMouseCursor_ResizeNESW:
      css = "nesw-resize";
      break;
    case ImGuiMouseCursor_ResizeNWSE:
      css = "nwse-resize";
      break;
    case ImGuiMouseCursor_Hand:
      css = "pointer";
      break;
    case ImGuiMouseCursor_NotAllowed:
      css = "not-allowed";
      break;
    default:
      break;
  }
  js_set_canvas_cursor(css);
}

}  // namespace hawzu::platform

extern "C" EMSCRIPTEN_KEEPALIVE void hawzu_signed_in() {
  if (hawzu::platform::g_signed_in_handler) hawzu::platform::g_signed_in_handler();
}
