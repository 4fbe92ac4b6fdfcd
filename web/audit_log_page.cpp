// The Audit log page (docs/web-app.md#the-audit-log-page), for Owners and Managers: who
// changed which token or member, and the members' sign-ins, newest first. Filters by
// action, person, time and (from a token's details) token; further entries load as the
// person scrolls; Export CSV downloads every entry the filters match.
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/audit_event.h"
#include "web/filter_widgets.h"
#include "web/format.h"
#include "web/platform/ui_items.h"

#include "shared/relative_time.h"

#include "imgui_internal.h"  // ImRect

#include <algorithm>
#include <cmath>
#include <string>

namespace hawzu {
namespace {

enum Column { time, actor, action, target, address, kColumnCount };

constexpr float kRowHeight = 60;
constexpr int kLoadAheadRows = 20;
constexpr const char *kExportLabel = ICON_DOWNLOAD "  Export CSV";

void draw_header(UiState &state, float width) {
  const float button_width = ui::button_width(kExportLabel);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::BeginGroup();
  ui::text("Audit log", fonts().title, rgb(color::text));
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - dp(4));
  ui::text_wrapped(
      "Every change to this workspace's access tokens and members, and its members' "
      "sign-ins: who did it, when, and from which address.",
      std::min(dp(760), width - button_width - dp(24)), fonts().body, rgb(color::text_muted));
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y;
  ImGui::SetCursorScreenPos(ImVec2(top.x + width - button_width, top.y + dp(6)));
  if (ui::button(kExportLabel, ui::ButtonKind::secondary)) state.intents.export_audit_log = true;
  ui::hover_text("Downloads every entry the filters match, as a CSV file.");
  ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
  ImGui::Dummy(ImVec2(0, dp(14)));
}

std::string person_name(const AuditLogState &audit, std::int64_t id) {
  for (const UserRef &person : audit.people)
    if (person.id == id) return person.name;
  return "Person " + std::to_string(id);
}

// The "Time" button: a popover with the range.
bool draw_time_filter(UiState &state, float width) {
  DateRange &dates = state.audit.query.dates;
  const char *label = dates.active() ? "Time (1)" : "Time";
  if (ui::field_button("Time", label, ICON_CHEVRON_DOWN, !dates.active(), width)) {
    ImGui::OpenPopup("##audit-time");
  }
  const ImVec2 below(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + dp(6));
  bool changed = false;
  ImGui::SetNextWindowPos(below);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(dp(20), dp(16)));
  ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, dp(12));
  if (ImGui::BeginPopup("##audit-time", ImGuiWindowFlags_NoMove)) {
    const float inner = dp(360);
    changed = draw_date_range("Time", "time", dates, local_date(state.now_unix), inner);
    ImGui::Dummy(ImVec2(0, dp(4)));
    ui::text_wrapped("Both days are included, in your time zone.", inner, fonts().small,
                     rgb(color::text_muted));
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar(2);
  return changed;
}

void draw_toolbar(UiState &state, float width) {
  AuditLogQuery &query = state.audit.query;
  const float gap = dp(10);
  bool changed = draw_filter_select(
      "##Action filter", "All actions", query.action, audit_actions(),
      [](const std::string &wire) { return audit_action_label(wire); }, dp(220));
  ImGui::SameLine(0, gap);
  std::vector<std::int64_t> people;
  for (const UserRef &person : state.audit.people) people.push_back(person.id);
  changed |= draw_filter_select(
      "##Person filter", "Anyone", query.actor_id, people,
      [&](std::int64_t id) { return "By " + person_name(state.audit, id); }, dp(220));
  ImGui::SameLine(0, gap);
  changed |= draw_time_filter(state, dp(130));
  if (query.token_id) {
    ImGui::SameLine(0, gap);
    const std::string chip = ICON_TIMES "  Token \xE2\x80\x9C" + query.token_name + "\xE2\x80\x9D";
    if (ui::button(chip.c_str(), ui::ButtonKind::secondary)) {
      query.token_id.reset();
      query.token_name.clear();
      changed = true;
    }
    ui::hover_text("Show every token's entries again.");
  }
  (void)width;
  if (changed) state.intents.reload_audit_log = true;
}

void draw_summary(UiState &state) {
  AuditLogState &audit = state.audit;
  if (!audit.query.filtered()) return;
  std::string summary;
  if (audit.load.loading) {
    summary = "Searching\xE2\x80\xA6";
  } else if (audit.next_cursor.empty()) {
    const std::size_t count = audit.events.size();
    summary = std::to_string(count) + (count == 1 ? " entry matches" : " entries match");
  } else {
    summary = "More than " + std::to_string(audit.events.size()) + " entries match";
  }
  ImGui::Dummy(ImVec2(0, dp(2)));
  const float y = ImGui::GetCursorPosY();
  ui::text(summary.c_str(), fonts().body, rgb(color::text_muted));
  ImGui::SameLine(0, dp(12));
  ImGui::SetCursorPosY(y - dp(4));
  if (ui::button("Clear filters", ui::ButtonKind::link)) {
    audit.query = AuditLogQuery{};
    state.intents.reload_audit_log = true;
  }
}

void center_in_row(float row_top, float content_height) {
  const float inner = dp(kRowHeight) - ImGui::GetStyle().CellPadding.y * 2;
  ImGui::SetCursorPosY(row_top + std::floor((inner - content_height) * 0.5f));
}

// `text` cut to `width` with an ellipsis (the whole text is in the row's tooltip).
std::string fitted(const std::string &text, ImFont *font, float width) {
  if (ui::text_size(text.c_str(), font).x <= width) return text;
  std::string cut = text;
  // One whole UTF-8 character at a time: its continuation bytes, then its first byte.
  while (!cut.empty() && ui::text_size((cut + "\xE2\x80\xA6").c_str(), font).x > width) {
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
    if (!cut.empty()) cut.pop_back();
  }
  return cut + "\xE2\x80\xA6";
}

void two_lines(float row_top, const std::string &first, ImFont *first_font,
               const std::string &second) {
  if (second.empty()) {
    center_in_row(row_top, first_font->FontSize);
    ui::text(first.c_str(), first_font, rgb(color::text));
    return;
  }
  const float gap = dp(3);
  center_in_row(row_top, first_font->FontSize + gap + fonts().small->FontSize);
  ui::text(first.c_str(), first_font, rgb(color::text));
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + gap);
  ui::text(second.c_str(), fonts().small, rgb(color::text_muted));
}

// What a screen reader says for the row: "Edited “CI Runner” by Olivia Owens, 3 minutes
// ago, from 127.0.0.1".
std::string row_name(const AuditEvent &event, std::int64_t now) {
  std::string name = audit_action_label(event.action);
  if (event.target) name += " " + audit_target_label(event.target);
  name += " by " + audit_actor_label(event.actor) + ", " + relative_time(event.time, now);
  if (!event.ip.empty()) name += ", from " + event.ip;
  return name;
}

void draw_row(const UiState &state, const AuditEvent &event) {
  ImGui::PushID(static_cast<int>(event.id));
  ImGui::TableNextRow(ImGuiTableRowFlags_None, dp(kRowHeight));
  ImGui::TableSetColumnIndex(time);
  const float row_top = ImGui::GetCursorPosY();
  const ImVec2 row_min(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y);
  two_lines(row_top, format_date_time(event.time), fonts().body,
            relative_time(event.time, state.now_unix));
  if (ImGui::TableSetColumnIndex(actor)) {
    two_lines(row_top, audit_actor_label(event.actor), fonts().body_medium,
              event.actor.type == "token" ? "Access token" : "");
  }
  if (ImGui::TableSetColumnIndex(action)) {
    const float cell = ImGui::GetContentRegionAvail().x;
    two_lines(row_top, audit_action_label(event.action), fonts().body,
              fitted(event.details_summary, fonts().small, cell));
    if (!event.details_summary.empty()) ui::hover_text(event.details_summary.c_str());
  }
  if (ImGui::TableSetColumnIndex(target)) {
    const char *kind = !event.target                          ? ""
                       : event.target->type == "access_token" ? "Access token"
                       : event.target->type == "user"         ? "Member"
                                                              : event.target->type.c_str();
    two_lines(row_top, audit_target_label(event.target), fonts().body, kind);
  }
  if (ImGui::TableSetColumnIndex(address)) {
    center_in_row(row_top, fonts().mono_small->FontSize);
    ui::text(event.ip.empty() ? "\xE2\x80\x94" : event.ip.c_str(), fonts().mono_small,
             rgb(color::text_secondary));
  }
  // The row as one item for the accessibility mirror, spanning the table's width.
  const ImGuiTable *table = ImGui::GetCurrentTable();
  const ImRect band(
      ImVec2(table->WorkRect.Min.x, row_min.y - ImGui::GetStyle().CellPadding.y),
      ImVec2(table->WorkRect.Max.x, row_min.y - ImGui::GetStyle().CellPadding.y + dp(kRowHeight)));
  platform::record_ui_item("row", row_name(event, state.now_unix), band);
  ImGui::PopID();
}

void draw_list_end(UiState &state) {
  AuditLogState &audit = state.audit;
  if (audit.loading_more) {
    ImGui::Dummy(ImVec2(0, dp(8)));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + dp(16));
    ui::spinner(dp(8), rgb(color::accent));
    ImGui::SameLine(0, dp(8));
    ui::text_muted("Loading older entries\xE2\x80\xA6", fonts().small);
    ImGui::Dummy(ImVec2(0, dp(8)));
  } else if (!audit.more_error.empty()) {
    ImGui::Dummy(ImVec2(0, dp(8)));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + dp(16));
    const std::string message = "Older entries could not be loaded: " + audit.more_error;
    ui::text(message.c_str(), fonts().small, rgb(color::danger_text));
    ImGui::SameLine(0, dp(8));
    if (ui::button("Try again##more-audit", ui::ButtonKind::link))
      state.intents.load_more_audit_log = true;
    ImGui::Dummy(ImVec2(0, dp(8)));
  }
}

void draw_table(UiState &state, float width) {
  ui::begin_card("##audit", width, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(dp(16), dp(10)));
  const ImGuiTableFlags flags =
      ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
  if (ImGui::BeginTable("Audit log", kColumnCount, flags, ImVec2(width, 0))) {
    ImGui::TableSetupColumn("Time", 0, 1.3f);
    ImGui::TableSetupColumn("Actor", 0, 1.3f);
    ImGui::TableSetupColumn("Action", 0, 2.4f);
    ImGui::TableSetupColumn("Target", 0, 1.4f);
    ImGui::TableSetupColumn("IP address", 0, 1.0f);
    ImGui::PushFont(fonts().small_medium);
    ImGui::PushStyleColor(ImGuiCol_Text, rgb(color::text_muted));
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, dp(40));
    for (int column = 0; column < kColumnCount; ++column) {
      ImGui::TableSetColumnIndex(column);
      const char *name = ImGui::TableGetColumnName(column);
      ImGui::TableHeader(name);
      const ImRect header(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      platform::record_ui_item("columnheader", name, header, true, ImGui::GetItemID());
      // The table's name for the accessibility mirror, where this cell clips it.
      if (column == time) platform::record_ui_item("table", "Audit log", header);
    }
    ImGui::PopStyleColor();
    ImGui::PopFont();

    const std::vector<AuditEvent> &events = state.audit.events;
    const int count = static_cast<int>(events.size());
    ImGuiListClipper clipper;
    clipper.Begin(count, dp(kRowHeight));
    int last_drawn = -1;
    while (clipper.Step()) {
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        draw_row(state, events[static_cast<std::size_t>(row)]);
        last_drawn = row;
      }
    }
    if (last_drawn >= count - kLoadAheadRows && !state.audit.next_cursor.empty())
      state.intents.load_more_audit_log = true;
    ImGui::EndTable();
  }
  ImGui::PopStyleVar();
  draw_list_end(state);
  ui::end_card();
}

void draw_message_card(const char *id, const char *title, const char *body, float width) {
  ui::begin_card(id, width, ImVec2(dp(32), dp(40)));
  const float inner = width - dp(64);
  ui::text_centered(title, inner, fonts().heading, rgb(color::text));
  ImGui::Dummy(ImVec2(0, dp(2)));
  ui::text_centered(body, inner, fonts().body, rgb(color::text_muted));
  ui::end_card();
}

}  // namespace

void draw_audit_log_page(UiState &state) {
  const float width = ImGui::GetContentRegionAvail().x;
  draw_header(state, width);
  AuditLogState &audit = state.audit;
  if (!audit.load.error.empty()) {
    ui::callout(ui::Tone::danger, ICON_EXCLAMATION_CIRCLE, "The audit log could not be loaded",
                audit.load.error.c_str(), width);
    ImGui::Dummy(ImVec2(0, dp(2)));
    if (ui::button(ICON_REFRESH "  Try again##audit", ui::ButtonKind::secondary))
      state.intents.reload_audit_log = true;
    ImGui::Dummy(ImVec2(0, dp(6)));
  }
  draw_toolbar(state, width);
  draw_summary(state);
  ImGui::Dummy(ImVec2(0, dp(2)));
  if (!audit.load.loaded) {
    if (audit.load.error.empty()) {
      ui::begin_card("##audit-loading", width, ImVec2(dp(24), dp(40)));
      const char *label = "Loading the audit log\xE2\x80\xA6";
      const float total = dp(30) + ui::text_size(label, fonts().body).x;
      ImGui::SetCursorPosX(std::floor((width - total) * 0.5f));
      ui::spinner(dp(10), rgb(color::accent));
      ImGui::SameLine(0, dp(10));
      ui::text_muted(label);
      ui::end_card();
    }
  } else if (audit.events.empty()) {
    if (audit.query.filtered())
      draw_message_card("##audit-no-match", "No entries match",
                        "Try another action, person or time, or clear the filters.", width);
    else
      draw_message_card("##audit-empty", "No entries yet",
                        "Changes to access tokens and members will be listed here.", width);
  } else {
    draw_table(state, width);
  }
}

}  // namespace hawzu
