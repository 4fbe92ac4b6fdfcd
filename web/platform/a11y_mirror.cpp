#include "web/platform/a11y_mirror.h"

#include "web/platform/frame_scheduler.h"
#include "web/platform/ui_items.h"

#include <emscripten.h>

#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <deque>
#include <string>

namespace hawzu::platform {
namespace {

std::string g_published_items;
ImGuiID g_published_focus = 0;

// A focus or activation that came from the mirror while typed input was still queued
// for ImGui. Keys reach ImGui through its input queue, a frame later; the mirror's calls
// arrive at once. Applied at once, "type, then move on" would move on first and the last
// keys typed would land in the next widget or nowhere (a fast typist, a screen reader
// or a script types faster than frames are drawn). So the request waits its turn: it
// is applied when the events queued before it are processed, and the events queued
// after it wait for it.
struct MirrorRequest {
  enum class Kind { focus, activate } kind;
  ImGuiID id;
  bool text_field;
  int events_ahead;  // input events queued before this request and not yet processed
};
std::deque<MirrorRequest> g_waiting_requests;

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

void apply_focus(ImGuiID id, bool text_field) {
  const ImGuiContext &g = *ImGui::GetCurrentContext();
  if (g.ActiveId == id) return;
  if (!focus_widget(id)) return;
  if (text_field) {
    ImGui::ActivateItemByID(id);
    ImGui::GetCurrentContext()->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
  }
  g_published_focus = id;  // the DOM is there already
}

void apply_activate(ImGuiID id, bool text_field) {
  if (!focus_widget(id)) return;
  ImGui::ActivateItemByID(id);
  if (text_field) {
    ImGui::GetCurrentContext()->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
  }
}

void apply(const MirrorRequest &request) {
  if (request.kind == MirrorRequest::Kind::focus) {
    apply_focus(request.id, request.text_field);
  } else {
    apply_activate(request.id, request.text_field);
  }
}

// Applies `request` now when no input is waiting ahead of it, else queues it.
void handle(MirrorRequest::Kind kind, ImGuiID id, bool text_field) {
  const int queued = ImGui::GetCurrentContext()->InputEventsQueue.Size;
  const MirrorRequest request{kind, id, text_field, queued};
  if (queued == 0 && g_waiting_requests.empty()) {
    apply(request);
  } else {
    g_waiting_requests.push_back(request);
  }
  request_frames();
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

void new_frame_in_input_order() {
  if (g_waiting_requests.empty()) {
    ImGui::NewFrame();
    return;
  }
  ImVector<ImGuiInputEvent> &queue = ImGui::GetCurrentContext()->InputEventsQueue;
  // Input dropped meanwhile (the queue is cleared while the app is not drawing) is no
  // longer ahead of anything.
  for (MirrorRequest &request : g_waiting_requests)
    request.events_ahead = std::min(request.events_ahead, queue.Size);
  // Input that came after the first waiting request sits out this frame.
  const int ahead = g_waiting_requests.front().events_ahead;
  ImVector<ImGuiInputEvent> later;
  if (queue.Size > ahead) {
    later.reserve(queue.Size - ahead);
    for (int i = ahead; i < queue.Size; ++i) later.push_back(queue[i]);
    queue.resize(ahead);
  }
  const int before = queue.Size;
  ImGui::NewFrame();
  const int processed = before - queue.Size;
  for (MirrorRequest &request : g_waiting_requests) request.events_ahead -= processed;
  while (!g_waiting_requests.empty() && g_waiting_requests.front().events_ahead <= 0) {
    apply(g_waiting_requests.front());
    g_waiting_requests.pop_front();
  }
  for (const ImGuiInputEvent &event : later) queue.push_back(event);
  request_frames();
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
  hawzu::platform::handle(hawzu::platform::MirrorRequest::Kind::focus, id, text_field != 0);
}

// The mirrored element was activated (a click, a screen reader's default action): the
// widget is pressed on the next frame, as Space would press it.
extern "C" EMSCRIPTEN_KEEPALIVE void hawzu_a11y_activate(unsigned int id, int text_field) {
  hawzu::platform::handle(hawzu::platform::MirrorRequest::Kind::activate, id, text_field != 0);
}

// Text that reached a mirrored text field without keys (dictation, a screen reader's
// input, autofill): typed into the ImGui field that is being edited.
extern "C" EMSCRIPTEN_KEEPALIVE void hawzu_a11y_type(const char *text) {
  ImGui::GetIO().AddInputCharactersUTF8(text);
  hawzu::platform::request_frames();
}
