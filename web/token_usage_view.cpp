// The usage section of a token's details window (docs/web-app.md#token-usage): a 30-day
// bar chart of its requests per UTC day (errors in red on top of the successes), drawn
// with ImGui's draw list, and its recent calls in a scrolling list. Fetched when the
// window opens (token_manage.cpp load_token_usage).
//
// Accessibility: the chart is recorded as a "figure" whose bars are focusable items named
// "2026-12-01: 40 requests, 2 errors" (ImGui's Tab reaches them; a focused or hovered bar
// shows its tooltip), and the calls as a "list" of "listitem"s, one sentence per call
// (public/js/a11y-mirror.js groups them).
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/format.h"
#include "web/platform/ui_items.h"
#include "web/token_manage.h"

#include "shared/calendar.h"

#include "imgui_internal.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace hawzu {
namespace {

constexpr float kChartHeight = 110;
constexpr float kAxisWidth = 34;
constexpr float kRowHeight = 38;
constexpr int kRowsInView = 6;

std::string iso_date(std::int64_t day) {
  return format_iso_date(civil_from_days(day));
}

std::string count_text(std::int64_t n, const char *one, const char *many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "2026-12-01: 40 requests, 2 errors": the bar's name, and what its tooltip says.
std::string bar_name(const DailyUse &use) {
  return iso_date(use.day) + ": " + count_text(use.requests, "request", "requests") + ", " +
         count_text(use.errors, "error", "errors");
}

// A round number at or above `n` for the top of the axis (1, 2, 5 times a power of 10).
std::int64_t axis_top(std::int64_t n) {
  std::int64_t step = 1;
  for (;;) {
    for (std::int64_t m : {1, 2, 5})
      if (m * step >= n) return m * step;
    step *= 10;
  }
}

void bar_tooltip(const DailyUse &use) {
  ImGui::BeginTooltip();
  ui::text((format_long_date(civil_from_days(use.day)) + " (UTC)").c_str(), fonts().small_medium,
           rgb(color::text));
  ui::text(count_text(use.requests, "request", "requests").c_str(), fonts().small,
           rgb(color::text_secondary));
  ui::text(count_text(use.errors, "error", "errors").c_str(), fonts().small,
           rgb(use.errors > 0 ? color::danger_text : color::text_secondary));
  ImGui::EndTooltip();
}

void draw_chart(const std::vector<DailyUse> &daily, float width) {
  std::int64_t most = 0;
  for (const DailyUse &use : daily) most = std::max(most, use.requests);
  const std::int64_t top = axis_top(std::max<std::int64_t>(most, 1));

  ImDrawList *draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float label_height = ImGui::GetFontSize();
  const float plot_left = origin.x + dp(kAxisWidth);
  const float plot_top = origin.y + label_height / 2;
  const float plot_bottom = plot_top + dp(kChartHeight);
  const float plot_width = width - dp(kAxisWidth);
  const ImRect figure(origin, ImVec2(origin.x + width, plot_bottom + label_height + dp(6)));
  platform::record_ui_item("figure", "Requests per day, last 30 days (UTC)", figure);

  // The axis: the top value, the middle and 0, with faint grid lines.
  ImGui::PushFont(fonts().small);
  for (int i = 0; i <= 2; ++i) {
    const std::int64_t value = top * (2 - i) / 2;
    const float y = plot_top + dp(kChartHeight) * static_cast<float>(i) / 2;
    const std::string label = std::to_string(value);
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    draw->AddText(ImVec2(plot_left - dp(6) - size.x, y - size.y / 2), rgb(color::text_muted),
                  label.c_str());
    draw->AddLine(ImVec2(plot_left, y), ImVec2(plot_left + plot_width, y),
                  rgb(i == 2 ? color::border_strong : color::border), dp(1));
  }

  const float slot = plot_width / static_cast<float>(std::max<std::size_t>(daily.size(), 1));
  const float bar_width = std::max(dp(3), slot * 0.7f);
  for (std::size_t i = 0; i < daily.size(); ++i) {
    const DailyUse &use = daily[i];
    const float x = plot_left + slot * static_cast<float>(i) + (slot - bar_width) / 2;
    const float scale = dp(kChartHeight) / static_cast<float>(top);
    const float total_h = static_cast<float>(use.requests) * scale;
    const float error_h = static_cast<float>(std::min(use.errors, use.requests)) * scale;
    // The bar's hit area is its whole column, so an empty day can be hovered too.
    ImGui::SetCursorScreenPos(ImVec2(plot_left + slot * static_cast<float>(i), plot_top));
    const std::string name = bar_name(use);
    platform::set_next_item_role("bar");
    ImGui::InvisibleButton((name + "##bar" + std::to_string(use.day)).c_str(),
                           ImVec2(slot, dp(kChartHeight)));
    const bool active = ImGui::IsItemHovered() || ImGui::IsItemFocused();
    if (active)
      draw->AddRectFilled(ImVec2(plot_left + slot * static_cast<float>(i), plot_top),
                          ImVec2(plot_left + slot * static_cast<float>(i + 1), plot_bottom),
                          rgb(color::neutral_soft));
    if (use.requests > 0) {
      const float round = std::min(dp(2), bar_width / 2);
      draw->AddRectFilled(ImVec2(x, plot_bottom - total_h), ImVec2(x + bar_width, plot_bottom),
                          rgb(active ? color::accent_hover : color::accent), round,
                          ImDrawFlags_RoundCornersTop);
      if (error_h > 0)
        draw->AddRectFilled(ImVec2(x, plot_bottom - error_h), ImVec2(x + bar_width, plot_bottom),
                            rgb(color::danger), error_h >= total_h - 0.5f ? round : 0.0f,
                            ImDrawFlags_RoundCornersTop);
    }
    if (active) bar_tooltip(use);
  }

  // Date labels under the first, middle and last bars.
  for (std::size_t i : {std::size_t{0}, daily.size() / 2, daily.size() - 1}) {
    if (i >= daily.size()) continue;
    const std::string label = format_date(civil_from_days(daily[i].day));
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    float x = plot_left + slot * (static_cast<float>(i) + 0.5f) - size.x / 2;
    x = std::clamp(x, plot_left, plot_left + plot_width - size.x);
    draw->AddText(ImVec2(x, plot_bottom + dp(4)), rgb(color::text_muted), label.c_str());
  }
  ImGui::PopFont();
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, figure.GetHeight()));
}

// "■ Requests  ■ Errors", right-aligned on the section title's line.
void draw_legend(float right) {
  ImDrawList *draw = ImGui::GetWindowDrawList();
  ImGui::PushFont(fonts().small);
  const float swatch = dp(9);
  const float gap = dp(6);
  const char *labels[] = {"Requests", "Errors"};
  const std::uint32_t colors[] = {color::accent, color::danger};
  float width = 0;
  for (const char *label : labels) width += swatch + gap + ImGui::CalcTextSize(label).x + dp(14);
  const ImVec2 start = ImGui::GetItemRectMin();
  const float y = start.y + (ImGui::GetItemRectSize().y - ImGui::GetFontSize()) / 2;
  float x = right - width + dp(14);
  for (int i = 0; i < 2; ++i) {
    const float mid = y + ImGui::GetFontSize() / 2;
    draw->AddRectFilled(ImVec2(x, mid - swatch / 2), ImVec2(x + swatch, mid + swatch / 2),
                        rgb(colors[i]), dp(2));
    x += swatch + gap;
    draw->AddText(ImVec2(x, y), rgb(color::text_muted), labels[i]);
    x += ImGui::CalcTextSize(labels[i]).x + dp(14);
  }
  ImGui::PopFont();
}

// "2 Dec 2026, 14:05 · GET /api/v1/workspace/{wid}/projects · 200 · from 203.0.113.5 ·
// curl/8.5.0": what the mirror reads for one call.
std::string call_sentence(const TokenCall &call) {
  std::string sentence = format_date_time(call.time) + " \xC2\xB7 " + call.method + " " +
                         call.route + " \xC2\xB7 " + std::to_string(call.status) +
                         " \xC2\xB7 from " + call.ip;
  if (!call.user_agent.empty()) sentence += " \xC2\xB7 " + call.user_agent;
  return sentence;
}

// Two lines: the time, the method and route, the status; then the address and the agent.
void draw_call_row(const TokenCall &call, float width) {
  ImDrawList *draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImRect row(origin, ImVec2(origin.x + width, origin.y + dp(kRowHeight)));
  platform::record_ui_item("listitem", call_sentence(call), row);
  const bool error = call.status >= 400;
  const float line = dp(2);
  const float second = origin.y + dp(19);

  ImGui::PushFont(fonts().small);
  const std::string when = format_date_time(call.time);
  draw->AddText(ImVec2(origin.x, origin.y + line), rgb(color::text_muted), when.c_str());
  const float method_x = origin.x + dp(118);
  ImGui::PopFont();
  ImGui::PushFont(fonts().small_medium);
  draw->AddText(ImVec2(method_x, origin.y + line), rgb(color::text), call.method.c_str());
  const std::string status = std::to_string(call.status);
  const ImVec2 status_size = ImGui::CalcTextSize(status.c_str());
  const float status_x = origin.x + width - status_size.x - dp(6);
  draw->AddText(ImVec2(status_x, origin.y + line),
                rgb(error ? color::danger_text : color::success_text), status.c_str());
  ImGui::PopFont();
  ImGui::PushFont(fonts().mono_small);
  const float route_x = method_x + dp(52);
  draw->PushClipRect(ImVec2(route_x, origin.y), ImVec2(status_x - dp(8), row.Max.y), true);
  draw->AddText(ImVec2(route_x, origin.y + line + dp(1)), rgb(color::text_secondary),
                call.route.c_str());
  draw->PopClipRect();
  ImGui::PopFont();
  ImGui::PushFont(fonts().small);
  const std::string from =
      call.ip + (call.user_agent.empty() ? "" : "  \xC2\xB7  " + call.user_agent);
  draw->PushClipRect(ImVec2(method_x, origin.y), ImVec2(row.Max.x - dp(6), row.Max.y), true);
  draw->AddText(ImVec2(method_x, second), rgb(color::text_muted), from.c_str());
  draw->PopClipRect();
  ImGui::PopFont();
  draw->AddLine(ImVec2(origin.x, row.Max.y - dp(1)), ImVec2(row.Max.x, row.Max.y - dp(1)),
                rgb(color::border), dp(1));
  ImGui::Dummy(ImVec2(width, dp(kRowHeight)));
}

void draw_recent_calls(TokenUsageState &state, float width) {
  const std::vector<TokenCall> &calls = state.usage.recent;
  const std::string title = "Recent calls (" + std::to_string(calls.size()) + ")";
  ui::text(title.c_str(), fonts().body_semibold, rgb(color::text));
  ImGui::Dummy(ImVec2(0, dp(2)));
  // The newest few in view; the rest of the kept calls (up to 100) by scrolling.
  const int rows = std::min<int>(static_cast<int>(calls.size()), kRowsInView);
  const float height = dp(kRowHeight) * static_cast<float>(rows) + dp(2);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  platform::record_ui_item("list", "Recent calls",
                           ImRect(origin, ImVec2(origin.x + width, origin.y + height)));
  ImGui::BeginChild("##recent-calls", ImVec2(width, height), false);
  const float inner = ImGui::GetContentRegionAvail().x;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(calls.size()), dp(kRowHeight));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      draw_call_row(calls[static_cast<std::size_t>(i)], inner);
  ImGui::EndChild();
}

}  // namespace

void draw_token_usage(UiState &state, float content) {
  TokenUsageState &usage = state.details.usage;
  const float left = ImGui::GetCursorScreenPos().x;
  ui::text("Usage, last 30 days", fonts().body_semibold, rgb(color::text));
  if (usage.loaded && !usage.usage.recent.empty()) draw_legend(left + content);
  ImGui::Dummy(ImVec2(0, dp(4)));

  if (!usage.error.empty()) {
    ui::field_error("The usage could not be loaded: " + usage.error);
    if (ui::button("Try again##usage", ui::ButtonKind::secondary)) load_token_usage(state);
    return;
  }
  if (!usage.loaded) {
    ui::text("Loading usage\xE2\x80\xA6", fonts().body, rgb(color::text_muted));
    return;
  }
  std::int64_t total = 0;
  for (const DailyUse &use : usage.usage.daily) total += use.requests;
  if (total == 0 && usage.usage.recent.empty()) {
    ui::text("No calls in the last 30 days", fonts().body, rgb(color::text_muted));
    return;
  }
  draw_chart(usage.usage.daily, content);
  ImGui::Dummy(ImVec2(0, dp(8)));
  if (!usage.usage.recent.empty()) draw_recent_calls(usage, content);
}

}  // namespace hawzu
