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
  bool focused = false;  // has the keyboard (active, or ImGui's navigation cursor)
  ImGuiID id = 0;        // 0 for text the app drew
  std::optional<std::string> value;
};

std::vector<UiItem> g_current_frame;
std::vector<UiItem> g_last_frame;
float g_pixel_ratio = 1;
float g_last_pixel_ratio = 1;
std::string g_json;
const char *g_next_role = nullptr;

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

void add_item(const char *role, std::string label, ImRect rect, const ImRect &clip, bool enabled,
              ImGuiID id = 0) {
  rect.ClipWithFull(clip);
  if (rect.GetWidth() <= 0 || rect.GetHeight() <= 0) return;
  const ImGuiContext &g = *ImGui::GetCurrentContext();
  const bool focused = id != 0 && (g.ActiveId == id || g.NavId == id);
  g_current_frame.push_back({std::move(label), role, rect, enabled, focused, id, std::nullopt});
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
  const ImGuiID id = ImGui::GetItemID();
  if (!g_current_frame.empty() && id != 0 && g_current_frame.back().id == id) {
    g_current_frame.back().value = std::string(value);
  }
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
        add_item("window", label_of(label), window->Rect(), window->Rect(), true);
      }
    }
    return;
  }
  const char *role = g_next_role ? g_next_role : role_from_flags(*ctx, flags);
  g_next_role = nullptr;
  if (role[0] == '\0') return;  // the app asked to leave this one out
  add_item(role, label_of(label), g_added.rect, g_added.clip, g_added.enabled, id);
}

void ImGuiTestEngineHook_Log(ImGuiContext *, const char *, ...) {}

const char *ImGuiTestEngine_FindItemDebugLabel(ImGuiContext *, ImGuiID) {
  return nullptr;
}

// ---------------------------------------------------------------------------
// Called from window.hawzuUi.

extern "C" EMSCRIPTEN_KEEPALIVE const char *hawzu_ui_items_json() {
  using namespace hawzu::platform;
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
                       {"focused", item.focused}});
      if (item.value) items.back()["value"] = *item.value;
    }
    g_json = items.dump();
  }
  return g_json.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE double hawzu_frames_drawn() {
  return static_cast<double>(hawzu::platform::frames_drawn());
}

extern "C" EMSCRIPTEN_KEEPALIVE int hawzu_requests_in_flight() {
  return hawzu::platform::http_requests_in_flight();
}
