#include "web/platform/ui_items.h"

#include "web/platform/fetch.h"
#include "web/platform/frame_scheduler.h"

#include <emscripten.h>

#include "imgui.h"
#include "imgui_internal.h"

#include <nlohmann/json.hpp>

#include <cassert>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace hawzu::platform {
namespace {

struct UiItem {
  std::string label;
  std::string role;
  ImRect rect;  // device pixels
  bool enabled = true;
  bool focused = false;               // has the keyboard (active, or ImGui's navigation cursor)
  ImGuiID id = 0;                     // 0 for text the app drew
  ImGuiWindow *window = nullptr;      // the dialog, popup or page window it belongs to
  ImGuiWindow *own_window = nullptr;  // the window that drew it (maybe a child window)
  ImGuiID parent = 0;                 // windows: the window they opened over
  std::optional<std::string> value;
  std::optional<bool> checked;
  std::optional<bool> expanded;
  std::string sort;
  std::string description;
  const char *live = nullptr;  // "status" or "alert"
  bool read_only = false;
};

std::vector<UiItem> g_current_frame;
std::vector<UiItem> g_last_frame;
float g_pixel_ratio = 1;
float g_last_pixel_ratio = 1;
std::string g_json;
const char *g_next_role = nullptr;
// Index in g_current_frame of the item recorded by the last ItemAdd or record_ui_item,
// -1 when that one was left out: the set_last_item_* functions describe it.
int g_last_recorded = -1;

// ItemAdd comes first with the rectangle and flags, ItemInfo then with the label.
struct AddedItem {
  ImGuiID id = 0;
  ImRect rect;
  ImRect clip;
  bool enabled = true;
} g_added;

// Drops Font Awesome's private-use code points (U+E000..U+F8FF, 3-byte UTF-8 EE/EF xx xx)
// and surrounding white space.
std::string clean_label(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte == 0xEE ||
         (byte == 0xEF && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA4)) &&
        i + 2 < text.size()) {
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  const auto last = out.find_last_not_of(' ');
  return out.substr(first, last - first + 1);
}

std::string label_of(std::string_view label) {
  const auto hashes = label.find("##");
  if (hashes == std::string_view::npos) return clean_label(label);
  std::string visible = clean_label(label.substr(0, hashes));
  if (!visible.empty()) return visible;
  std::string_view id = label.substr(hashes + 2);
  if (!id.empty() && id.front() == '#') id.remove_prefix(1);  // "###id"
  return clean_label(id);
}

// The window an item belongs to for assistive technology: child windows (cards, the
// table's scrolling region) are part of the dialog, popup or page window around them.
ImGuiWindow *container_of(ImGuiWindow *window) {
  while (window && (window->Flags & ImGuiWindowFlags_ChildWindow) &&
         !(window->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Modal)) &&
         window->ParentWindow) {
    window = window->ParentWindow;
  }
  return window;
}

void add_item(const char *role, std::string label, ImRect rect, const ImRect &clip, bool enabled,
              ImGuiID id = 0) {
  g_last_recorded = -1;
  rect.ClipWithFull(clip);
  if (rect.GetWidth() <= 0 || rect.GetHeight() <= 0) return;
  ImGuiContext &g = *ImGui::GetCurrentContext();
  const bool focused = id != 0 && (g.ActiveId == id || g.NavId == id);
  UiItem item;
  item.label = std::move(label);
  item.role = role;
  item.rect = rect;
  item.enabled = enabled;
  item.focused = focused;
  item.id = id;
  item.window = container_of(g.CurrentWindow);
  item.own_window = g.CurrentWindow;
  g_last_recorded = static_cast<int>(g_current_frame.size());
  g_current_frame.push_back(std::move(item));
}

UiItem *last_recorded() {
  if (g_last_recorded < 0 || g_last_recorded >= static_cast<int>(g_current_frame.size())) {
    return nullptr;
  }
  return &g_current_frame[static_cast<std::size_t>(g_last_recorded)];
}

const char *role_from_flags(ImGuiContext &g, ImGuiItemStatusFlags flags) {
  if (flags & ImGuiItemStatusFlags_Inputable) return "input";
  if (flags & ImGuiItemStatusFlags_Checkable) return "checkbox";
  if (flags & ImGuiItemStatusFlags_Openable) return "combo";
  const ImGuiWindow *window = g.CurrentWindow;
  if (window && (window->Flags & ImGuiWindowFlags_Popup) &&
      std::string_view(window->Name).rfind("##Combo_", 0) == 0) {
    return "option";
  }
  return "button";
}

// clang-format off
EM_JS(void, js_install_ui_items, (), {
  window.hawzuUi = {
    items: () => JSON.parse(UTF8ToString(_hawzu_ui_items_json())),
    frames: () => _hawzu_frames_drawn(),
    requestsInFlight: () => _hawzu_requests_in_flight(),
    inputQueued: () => _hawzu_input_queued(),
  };
});
// clang-format on

}  // namespace

void install_ui_items() {
  assert(ImGui::GetCurrentContext() != nullptr);
  ImGui::GetCurrentContext()->TestEngineHookItems = true;
  js_install_ui_items();
}

void begin_ui_items_frame(float pixel_ratio) {
  g_pixel_ratio = pixel_ratio;
  g_current_frame.clear();
  g_next_role = nullptr;
  g_added = {};
  g_last_recorded = -1;
}

void end_ui_items_frame() {
  g_last_frame.swap(g_current_frame);
  g_last_pixel_ratio = g_pixel_ratio;
  g_json.clear();
}

void set_next_item_role(const char *role) {
  g_next_role = role;
}

void set_last_item_value(std::string_view value) {
  if (UiItem *item = last_recorded()) item->value = std::string(value);
}

void set_last_item_checked(bool checked) {
  if (UiItem *item = last_recorded()) item->checked = checked;
}

void set_last_item_expanded(bool expanded) {
  if (UiItem *item = last_recorded()) item->expanded = expanded;
}

void set_last_item_sort(const char *sort) {
  if (UiItem *item = last_recorded()) item->sort = sort;
}

void set_last_item_description(std::string_view description) {
  if (UiItem *item = last_recorded()) item->description = label_of(description);
}

void set_last_item_live(const char *live) {
  if (UiItem *item = last_recorded()) item->live = live;
}

void set_last_item_read_only() {
  if (UiItem *item = last_recorded()) item->read_only = true;
}

bool find_last_frame_item(unsigned int id, ImGuiWindow **window, ImRect *rect) {
  if (id == 0) return false;
  for (const UiItem &item : g_last_frame) {
    if (item.id == id && item.own_window != nullptr && item.role != "window" &&
        item.role != "popup") {
      *window = item.own_window;
      *rect = item.rect;
      return true;
    }
  }
  return false;
}

void record_ui_item(const char *role, std::string_view label, const ImRect &rect, bool enabled,
                    unsigned int id) {
  const ImGuiWindow *window = ImGui::GetCurrentWindowRead();
  const ImRect clip = window ? window->ClipRect : rect;
  add_item(role, label_of(label), rect, clip, enabled, id);
}

}  // namespace hawzu::platform

// ---------------------------------------------------------------------------
// ImGui's test-engine hooks (declared in imgui_internal.h).

void ImGuiTestEngineHook_ItemAdd(ImGuiContext *ctx, ImGuiID id, const ImRect &bb,
                                 const ImGuiLastItemData *item_data) {
  using namespace hawzu::platform;
  g_last_recorded = -1;
  g_added.id = id;
  g_added.rect = bb;
  g_added.clip = ctx->CurrentWindow ? ctx->CurrentWindow->ClipRect : bb;
  g_added.enabled = !(item_data && (item_data->InFlags & ImGuiItemFlags_Disabled));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext *ctx, ImGuiID id, const char *label,
                                  ImGuiItemStatusFlags flags) {
  using namespace hawzu::platform;
  if (id != g_added.id || label == nullptr) return;
  ImGuiWindow *window = ctx->CurrentWindow;
  if (window && window->ID == id) {
    // A window reports itself from Begin(). Named windows only: the page's own
    // full-screen windows and ImGui's internal ones have names starting with "##".
    if (window->ParentWindow == nullptr || (window->Flags & ImGuiWindowFlags_Modal)) {
      if (label[0] != '#' || label[1] != '#') {
        add_item("window", label_of(label), window->Rect(), window->Rect(), true, id);
        if (UiItem *item = last_recorded()) item->window = window;
      }
    } else if ((window->Flags & ImGuiWindowFlags_Popup) &&
               !(window->Flags & ImGuiWindowFlags_Tooltip)) {
      // A select's list, a menu or a popover: unnamed, over the window that opened it.
      add_item("popup", "", window->Rect(), window->Rect(), true, id);
      if (UiItem *item = last_recorded()) {
        item->window = window;
        item->parent = window->ParentWindow ? container_of(window->ParentWindow)->ID : 0;
      }
    }
    g_last_recorded = -1;
    return;
  }
  const char *role = g_next_role ? g_next_role : role_from_flags(*ctx, flags);
  g_next_role = nullptr;
  if (role[0] == '\0') return;  // the app asked to leave this one out
  add_item(role, label_of(label), g_added.rect, g_added.clip, g_added.enabled, id);
  if (flags & ImGuiItemStatusFlags_Checkable) {
    set_last_item_checked((flags & ImGuiItemStatusFlags_Checked) != 0);
  }
}

void ImGuiTestEngineHook_Log(ImGuiContext *, const char *, ...) {}

const char *ImGuiTestEngine_FindItemDebugLabel(ImGuiContext *, ImGuiID) {
  return nullptr;
}

// ---------------------------------------------------------------------------
// Called from window.hawzuUi.

namespace hawzu::platform {

const std::string &last_frame_items_json() {
  if (g_json.empty()) {
    const float ratio = g_last_pixel_ratio > 0 ? g_last_pixel_ratio : 1;
    const auto css = [ratio](float device_pixels) {
      return std::round(device_pixels / ratio * 10) / 10;
    };
    nlohmann::json items = nlohmann::json::array();
    for (const UiItem &item : g_last_frame) {
      items.push_back({{"label", item.label},
                       {"role", item.role},
                       {"x", css(item.rect.Min.x)},
                       {"y", css(item.rect.Min.y)},
                       {"w", css(item.rect.GetWidth())},
                       {"h", css(item.rect.GetHeight())},
                       {"enabled", item.enabled},
                       {"focused", item.focused},
                       {"id", item.id},
                       {"window", item.window ? item.window->ID : 0}});
      nlohmann::json &last = items.back();
      if (item.value) last["value"] = *item.value;
      if (item.checked) last["checked"] = *item.checked;
      if (item.expanded) last["expanded"] = *item.expanded;
      if (!item.sort.empty()) last["sort"] = item.sort;
      if (!item.description.empty()) last["description"] = item.description;
      if (item.live) last["live"] = item.live;
      if (item.read_only) last["readOnly"] = true;
      if (item.role == "popup" || item.role == "window") last["parent"] = item.parent;
      if (item.role == "window" && item.window && (item.window->Flags & ImGuiWindowFlags_Modal)) {
        last["modal"] = true;
      }
    }
    // Invalid UTF-8 (never expected) is replaced rather than thrown about.
    g_json = items.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return g_json;
}

}  // namespace hawzu::platform

extern "C" EMSCRIPTEN_KEEPALIVE const char *hawzu_ui_items_json() {
  return hawzu::platform::last_frame_items_json().c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE double hawzu_frames_drawn() {
  return static_cast<double>(hawzu::platform::frames_drawn());
}

extern "C" EMSCRIPTEN_KEEPALIVE int hawzu_requests_in_flight() {
  return hawzu::platform::http_requests_in_flight();
}

// Input events ImGui has queued but not processed yet (it takes about one key change per
// frame), so that tests wait for typed text to arrive rather than for a number of frames.
extern "C" EMSCRIPTEN_KEEPALIVE int hawzu_input_queued() {
  return ImGui::GetCurrentContext()->InputEventsQueue.Size;
}
