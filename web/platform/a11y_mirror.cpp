#include "web/platform/a11y_mirror.h"

#include "web/platform/frame_scheduler.h"
#include "web/platform/ui_items.h"

#include <emscripten.h>

#include "imgui.h"
#include "imgui_internal.h"

#include <string>

namespace hawzu::platform {
namespace {

std::string g_published_items;
ImGuiID g_published_focus = 0;

// The widget the keyboard is on: the one being edited or pressed, else ImGui's
// navigation cursor. 0 when neither showed in the last frame.
ImGuiID focus_target() {
  const ImGuiContext &g = *ImGui::GetCurrentContext();
  ImGuiWindow *window = nullptr;
  ImRect rect;
  if (g.ActiveId != 0 && find_last_frame_item(g.ActiveId, &window, &rect)) return g.ActiveId;
  if (g.NavId != 0 && find_last_frame_item(g.NavId, &window, &rect)) return g.NavId;
  return 0;
}

// Puts ImGui's navigation cursor on widget `id`, with the focus ring showing, as if the
// keyboard had moved there. False when the widget did not show in the last frame.
bool focus_widget(ImGuiID id) {
  ImGuiWindow *window = nullptr;
  ImRect rect;
  if (!find_last_frame_item(id, &window, &rect)) return false;
  ImGuiContext &g = *ImGui::GetCurrentContext();
  // Behind an open modal nothing may take the focus (the mirror makes it inert too).
  ImGuiWindow *modal = ImGui::GetTopMostPopupModal();
  if (modal != nullptr && window->RootWindow != modal &&
      !ImGui::IsWindowWithinBeginStackOf(window, modal)) {
    return false;
  }
  // A text field being edited lets go, as it does when Tab leaves it.
  if (g.ActiveId != 0 && g.ActiveId != id) ImGui::ClearActiveID();
  if (g.NavId != id) {
    ImGui::FocusWindow(window);
    ImGui::SetFocusID(id, window);
    window->NavRectRel[g.NavLayer] = ImGui::WindowRectAbsToRel(window, rect);
  }
  g.NavDisableHighlight = false;
  g.NavDisableMouseHover = true;
  return true;
}

// clang-format off
EM_JS(void, js_update_mirror, (const char *items_json, double focus_id), {
  if (window.hawzuA11y) window.hawzuA11y.update(UTF8ToString(items_json), focus_id);
});
EM_JS(void, js_install_mirror, (), {
  if (!window.hawzuA11y) return;
  window.hawzuA11y.connect({
    focus: (id, textField) => _hawzu_a11y_focus(id, textField ? 1 : 0),
    activate: (id, textField) => _hawzu_a11y_activate(id, textField ? 1 : 0),
    type: (text) => {
      const size = lengthBytesUTF8(text) + 1;
      const pointer = _malloc(size);
      stringToUTF8(text, pointer, size);
      _hawzu_a11y_type(pointer);
      _free(pointer);
    },
  });
});
// clang-format on

}  // namespace

void install_a11y_mirror() {
  js_install_mirror();
}

void publish_a11y_mirror() {
  const std::string &items = last_frame_items_json();
  const ImGuiID focus = focus_target();
  if (items == g_published_items && focus == g_published_focus) return;
  g_published_items = items;
  g_published_focus = focus;
  js_update_mirror(items.c_str(), static_cast<double>(focus));
}

}  // namespace hawzu::platform

// ---------------------------------------------------------------------------
// Called from public/js/a11y-mirror.js when a mirrored element is operated.

// The mirrored element of widget `id` got the DOM focus: ImGui's focus moves there. A
// text field starts editing, as when Tab reaches it.
extern "C" EMSCRIPTEN_KEEPALIVE void hawzu_a11y_focus(unsigned int id, int text_field) {
  using namespace hawzu::platform;
  const ImGuiContext &g = *ImGui::GetCurrentContext();
  if (g.ActiveId == id) return;
  if (!focus_widget(id)) return;
  if (text_field) {
    ImGui::ActivateItemByID(id);
    ImGui::GetCurrentContext()->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
  }
  g_published_focus = id;  // the DOM is there already
  request_frames();
}

// The mirrored element was activated (a click, a screen reader's default action): the
// widget is pressed on the next frame, as Space would press it.
extern "C" EMSCRIPTEN_KEEPALIVE void hawzu_a11y_activate(unsigned int id, int text_field) {
  using namespace hawzu::platform;
  if (!focus_widget(id)) return;
  ImGui::ActivateItemByID(id);
  if (text_field) {
    ImGui::GetCurrentContext()->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
  }
  request_frames();
}

// Text that reached a mirrored text field without keys (dictation, a screen reader's
// input, autofill): typed into the ImGui field that is being edited.
extern "C" EMSCRIPTEN_KEEPALIVE void hawzu_a11y_type(const char *text) {
  ImGui::GetIO().AddInputCharactersUTF8(text);
  hawzu::platform::request_frames();
}
