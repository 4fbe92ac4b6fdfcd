// The system clipboard for ImGui.
//
// Emscripten 3.1.6's glfwSetClipboardString / glfwGetClipboardString are empty stubs,
// and ImGui's GLFW backend routes its clipboard through them, so this file replaces
// ImGui's clipboard functions:
//   copy:  navigator.clipboard.writeText; if that fails (an older browser, or Safari
//          outside a user gesture), the text waits for the next pointerup/click/keyup
//          handler, which copies it through a hidden textarea and execCommand('copy').
//   paste: the DOM `paste` event's text fills the buffer ImGui's Ctrl+V reads. The
//          event fires before the next frame handles the key, so Ctrl+V sees it.
//          (navigator.clipboard.readText is not used: it prompts.)
// Main thread only.
#pragma once

struct ImGuiIO;

namespace hawzu::platform {

// REQUIRES: ImGui's GLFW backend is initialised (this replaces what it installed).
void install_clipboard(ImGuiIO &io);

// Puts `text` on the system clipboard (asynchronously; see clipboard_write_state).
void write_clipboard(const char *text);

enum class ClipboardWrite { none, writing, copied, failed };

// The outcome of the latest write_clipboard, for a "Copied" confirmation.
ClipboardWrite clipboard_write_state();

// Forgets the latest outcome and any text still waiting for a user gesture.
void reset_clipboard_write();

}  // namespace hawzu::platform
