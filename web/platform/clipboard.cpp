#include "web/platform/clipboard.h"

#include <emscripten.h>

#include "imgui.h"

#include <cassert>
#include <cstdlib>
#include <string>

namespace hawzu::platform {
namespace {

// The text ImGui's Ctrl+V reads: what the latest DOM paste event carried.
std::string g_pasted_text;

// JS side state, on Module.hawzuClipboard:
//   pending: text still to copy from a user-gesture handler (null when none)
//   status:  0 none, 1 writing, 2 copied, 3 failed (mirrors ClipboardWrite)
//   pasted:  the text of the latest paste event
// clang-format off
EM_JS(void, js_install_clipboard, (), {
  const state = Module.hawzuClipboard = {pending: null, status: 0, pasted: ""};
  const copy_with_textarea = (text) => {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.setAttribute("aria-hidden", "true");
    area.className = "clipboard-fallback";
    document.body.appendChild(area);
    area.select();
    let copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    area.value = "";
    area.remove();
    return copied;
  };
  const copy_pending_in_gesture = () => {
    if (state.pending == null) return;
    const copied = copy_with_textarea(state.pending);
    state.pending = null;
    if (copied) state.status = 2;
    else if (state.status == 1) state.status = 3;
    _hawzu_wake();
  };
  for (const type of ["pointerup", "click", "keyup"]) {
    window.addEventListener(type, copy_pending_in_gesture, true);
  }
  document.addEventListener("paste", (event) => {
    state.pasted = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    _hawzu_wake();
  });
});

EM_JS(void, js_write_clipboard, (const char *text_pointer), {
  const state = Module.hawzuClipboard;
  const text = UTF8ToString(text_pointer);
  state.pending = text;
  state.status = 1;
  if (!navigator.clipboard || !navigator.clipboard.writeText) return;
  navigator.clipboard.writeText(text).then(() => {
    if (state.pending === text) state.pending = null;
    state.status = 2;
    _hawzu_wake();
  }, () => {
    /* Left pending: the next user-gesture handler tries the textarea. */
    if (state.pending == null && state.status == 1) state.status = 3;
    _hawzu_wake();
  });
});

EM_JS(int, js_clipboard_status, (), { return Module.hawzuClipboard.status; });

EM_JS(void, js_reset_clipboard, (), {
  Module.hawzuClipboard.pending = null;
  Module.hawzuClipboard.status = 0;
});

EM_JS(char *, js_pasted_text, (), {
  const text = Module.hawzuClipboard.pasted;
  const size = lengthBytesUTF8(text) + 1;
  const pointer = _malloc(size);
  stringToUTF8(text, pointer, size);
  return pointer;
});
// clang-format on

void set_clipboard_text(void *, const char *text) {
  write_clipboard(text);
}

const char *get_clipboard_text(void *) {
  char *text = js_pasted_text();
  g_pasted_text = text;
  std::free(text);
  return g_pasted_text.c_str();
}

}  // namespace

void install_clipboard(ImGuiIO &io) {
  assert(io.BackendPlatformUserData != nullptr);  // the GLFW backend's, set by its init
  js_install_clipboard();
  io.SetClipboardTextFn = set_clipboard_text;
  io.GetClipboardTextFn = get_clipboard_text;
  io.ClipboardUserData = nullptr;
}

void write_clipboard(const char *text) {
  js_write_clipboard(text);
}

ClipboardWrite clipboard_write_state() {
  switch (js_clipboard_status()) {
    case 1:
      return ClipboardWrite::writing;
    case 2:
      return ClipboardWrite::copied;
    case 3:
      return ClipboardWrite::failed;
    default:
      return ClipboardWrite::none;
  }
}

void reset_clipboard_write() {
  js_reset_clipboard();
}

}  // namespace hawzu::platform
