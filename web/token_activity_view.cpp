#include "web/token_activity_view.h"

#include "web/audit_event.h"
#include "web/format.h"
#include "web/screen_kit.h"

#include "shared/relative_time.h"

#include <string>

namespace hawzu {
namespace {

// "Disabled · Olivia Owens · 3 minutes ago", then what changed, muted.
void draw_entry(const AuditEvent &event, std::int64_t now, float width) {
  const std::string headline = audit_action_label(event.action) + "  \xC2\xB7  " +
                               audit_actor_label(event.actor) + "  \xC2\xB7  " +
                               relative_time(event.time, now);
  ui::text(headline.c_str(), fonts().body, rgb(color::text));
  std::string exact = format_date_time(event.time);
  if (!event.ip.empty()) exact += ", from " + event.ip;
  ui::hover_text(exact.c_str());
  if (!event.details_summary.empty()) {
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - dp(3));
    ui::text_wrapped(event.details_summary.c_str(), width, fonts().small, rgb(color::text_muted));
  }
  ImGui::Dummy(ImVec2(0, dp(2)));
}

}  // namespace

void draw_token_activity(UiState &state, float width) {
  if (!state.session.can_read_audit_log) return;
  const TokenActivityState &activity = state.details.activity;
  ImGui::Dummy(ImVec2(0, dp(6)));
  ui::text("Activity", fonts().body_medium, rgb(color::text));
  ImGui::Dummy(ImVec2(0, dp(2)));
  if (activity.load.loading) {
    ui::spinner(dp(7), rgb(color::accent));
    ImGui::SameLine(0, dp(8));
    ui::text_muted("Loading activity\xE2\x80\xA6", fonts().small);
  } else if (!activity.load.error.empty()) {
    const std::string message = "The activity could not be loaded: " + activity.load.error;
    ui::text_wrapped(message.c_str(), width, fonts().small, rgb(color::danger_text));
  } else if (activity.events.empty()) {
    ui::text_muted("No recorded activity.", fonts().small);
  } else {
    for (const AuditEvent &event : activity.events) draw_entry(event, state.now_unix, width);
  }
  if (activity.load.loaded) {
    const char *label =
        activity.more ? "See all activity in the Audit log" : "Open in the Audit log";
    if (ui::button(label, ui::ButtonKind::link))
      state.intents.show_token_activity = state.details.token.id;
  }
}

}  // namespace hawzu
