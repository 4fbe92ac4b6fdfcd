// The webhook part of the Token policy page (docs/web-app.md#the-token-policy-page):
// where Hawzu sends signed events, which ones, the signing secret once after a save,
// a test event, and the latest delivery attempts. Owners change it; Managers see it.
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/format.h"
#include "web/platform/ui_items.h"
#include "web/policy_draft.h"
#include "web/secret_field.h"

#include "shared/relative_time.h"

#include "imgui_internal.h"  // ImRect

#include <algorithm>
#include <cmath>
#include <string>

namespace hawzu {
namespace {

// The events a webhook can ask for, as the server names them, with what they mean.
struct EventChoice {
  const char *wire;
  const char *label;
};
constexpr EventChoice kEvents[] = {
    {"access_token.expiring", "Expiry reminders (at each reminder day)"},
    {"access_token.expired", "A token expired"},
    {"access_token.auto_disabled", "A token was disabled for going unused"},
    {"access_token.leaked", "A token was reported as leaked (and disabled)"},
    {"access_token.revoked", "A token was revoked"},
};

bool has_event(const std::vector<std::string> &events, const char *wire) {
  return std::find(events.begin(), events.end(), wire) != events.end();
}

std::string event_label(const std::string &wire) {
  for (const EventChoice &choice : kEvents)
    if (wire == choice.wire) return choice.label;
  if (wire == "webhook.test") return "Test event";
  return wire;
}

void draw_secret(WebhookFormState &form, UiState &state, float inner) {
  ui::callout(ui::Tone::warning, ICON_EXCLAMATION_TRIANGLE, "Copy the signing secret now",
              "Your receiver checks each delivery's X-Hawzu-Signature header with it. It is "
              "shown only once; saving the webhook again issues a new one.",
              inner);
  ImGui::Dummy(ImVec2(0, dp(2)));
  const char *done = "Done##secret";
  draw_secret_field("##Signing secret", form.secret,
                    "signing secret, hidden from assistive tools, use Copy", form.secret_copy,
                    inner - ui::button_width(done) - dp(10));
  ImGui::SameLine(0, dp(10));
  if (ui::button(done, ui::ButtonKind::secondary)) state.intents.dismiss_webhook_secret = true;
  draw_copy_failure(form.secret_copy);
  ImGui::Dummy(ImVec2(0, dp(8)));
}

void draw_form(UiState &state, float inner) {
  WebhookFormState &form = state.policy_page.webhook;
  bool edited = false;
  ui::field_label("Payload URL");
  const std::string url_error = policy_field_error(form.errors, "url");
  edited |= ui::input_text("##Payload URL", form.url, "https://example.com/hawzu-events",
                           std::min(inner, dp(560)), !url_error.empty());
  ui::field_error(url_error);
  ui::field_hint("Hawzu POSTs signed JSON here. Private and loopback addresses are refused.");
  ImGui::Dummy(ImVec2(0, dp(6)));
  ui::field_label("Events");
  ImGui::Dummy(ImVec2(0, dp(2)));
  for (const EventChoice &choice : kEvents) {
    bool on = has_event(form.events, choice.wire);
    if (ui::checkbox(choice.label, on)) {
      if (on)
        form.events.push_back(choice.wire);
      else
        form.events.erase(std::find(form.events.begin(), form.events.end(), choice.wire));
      edited = true;
    }
  }
  ui::field_error(policy_field_error(form.errors, "events"));
  if (edited) form.errors.clear();
  ImGui::Dummy(ImVec2(0, dp(8)));
  if (!form.message.empty()) {
    ui::callout(ui::Tone::danger, ICON_EXCLAMATION_CIRCLE, "That did not work",
                form.message.c_str(), inner);
    ImGui::Dummy(ImVec2(0, dp(4)));
  }

  ui::ButtonOptions save;
  save.enabled = !form.saving && !form.url.empty() && !form.events.empty();
  if (ui::button(form.saving ? "Saving\xE2\x80\xA6" : "Save webhook", ui::ButtonKind::primary,
                 save))
    state.intents.save_webhook = true;
  if (form.url.empty())
    platform::set_last_item_description("Enter the payload URL first.");
  else if (form.events.empty())
    platform::set_last_item_description("Choose at least one event.");
  if (form.webhook) {
    ImGui::SameLine(0, dp(10));
    ui::ButtonOptions test;
    test.enabled = !form.testing;
    if (ui::button(ICON_PLAY "  Send test event", ui::ButtonKind::secondary, test))
      state.intents.test_webhook = true;
    ImGui::SameLine(0, dp(10));
    ui::ButtonOptions remove;
    remove.enabled = !form.removing;
    if (ui::button(ICON_TRASH "  Remove webhook", ui::ButtonKind::ghost, remove))
      state.intents.remove_webhook = true;
  }
  if (!form.notice.empty()) {
    ImGui::Dummy(ImVec2(0, dp(2)));
    ui::text_wrapped(form.notice.c_str(), inner, fonts().small, rgb(color::success_text));
    platform::set_last_item_live("status");
  }
}

void draw_summary(const WebhookFormState &form, float inner) {
  const float value_x = ImGui::GetCursorPosX() + dp(200);
  if (!form.webhook) {
    ui::text_wrapped("No webhook is set up for this workspace.", inner, fonts().body,
                     rgb(color::text_muted));
  } else {
    ui::detail_row("Payload URL", form.webhook->url, value_x, fonts().mono_small);
    std::string events;
    for (const std::string &wire : form.webhook->events)
      events += (events.empty() ? "" : "; ") + event_label(wire);
    ui::detail_row("Events", events, value_x);
  }
  ImGui::Dummy(ImVec2(0, dp(6)));
  ui::callout(ui::Tone::info, ICON_LOCK, nullptr, "Only Workspace Owners can change the webhook.",
              inner);
}

// "Delivered · 200", "Failed · 500, next try in 2 minutes", "Failed · timed out".
std::string delivery_result(const WebhookDelivery &delivery, std::int64_t now) {
  std::string result = delivery.delivered ? "Delivered" : "Failed";
  std::string detail;
  if (delivery.response_status) detail = "HTTP " + std::to_string(*delivery.response_status);
  if (!delivery.error.empty()) detail += (detail.empty() ? "" : ", ") + delivery.error;
  if (!detail.empty()) result += " \xC2\xB7 " + detail;
  if (!delivery.delivered) {
    result += delivery.next_attempt_at
                  ? "; next try " + relative_time(*delivery.next_attempt_at, now)
                  : std::string("; gave up");
  }
  return result;
}

void draw_deliveries(UiState &state, float inner) {
  WebhookFormState &form = state.policy_page.webhook;
  const float top = ImGui::GetCursorPosY();
  ui::text("Recent deliveries", fonts().body_semibold, rgb(color::text));
  const char *refresh = ICON_REFRESH "  Refresh";
  ImGui::SameLine(0, 0);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + inner - ImGui::GetItemRectSize().x -
                       ui::button_width(refresh));
  ImGui::SetCursorPosY(top - dp(9));  // the button centred on the heading
  ui::ButtonOptions options;
  options.enabled = !form.deliveries_load.loading;
  if (ui::button(refresh, ui::ButtonKind::secondary, options))
    state.intents.reload_deliveries = true;
  ImGui::Dummy(ImVec2(0, dp(2)));
  if (!form.deliveries_load.error.empty()) {
    ui::field_error("The deliveries could not be loaded: " + form.deliveries_load.error);
    return;
  }
  if (!form.deliveries_load.loaded) {
    ui::text_muted("Loading\xE2\x80\xA6", fonts().small);
    return;
  }
  if (form.deliveries.empty()) {
    ui::text_wrapped("No deliveries yet. Send a test event to try the webhook.", inner,
                     fonts().small, rgb(color::text_muted));
    return;
  }
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(dp(10), dp(8)));
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("Webhook deliveries", 4, flags, ImVec2(inner, 0))) {
    ImGui::TableSetupColumn("Time", 0, 1.2f);
    ImGui::TableSetupColumn("Event", 0, 1.8f);
    ImGui::TableSetupColumn("Attempt", 0, 0.6f);
    ImGui::TableSetupColumn("Result", 0, 2.4f);
    ImGui::PushFont(fonts().small_medium);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int column = 0; column < 4; ++column) {
      ImGui::TableSetColumnIndex(column);
      const char *name = ImGui::TableGetColumnName(column);
      ImGui::TableHeader(name);
      const ImRect header(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      platform::record_ui_item("columnheader", name, header, true, ImGui::GetItemID());
      if (column == 0) platform::record_ui_item("table", "Webhook deliveries", header);
    }
    ImGui::PopFont();
    for (const WebhookDelivery &delivery : form.deliveries) {
      ImGui::PushID(static_cast<int>(delivery.id));
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      const ImVec2 row_min = ImGui::GetCursorScreenPos();
      const std::string when = relative_time(delivery.time, state.now_unix);
      ui::text(when.c_str(), fonts().small, rgb(color::text_secondary));
      ui::hover_text(format_date_time(delivery.time).c_str());
      ImGui::TableSetColumnIndex(1);
      const std::string event = event_label(delivery.event);
      ui::text(event.c_str(), fonts().small, rgb(color::text));
      ImGui::TableSetColumnIndex(2);
      ui::text(std::to_string(delivery.attempt).c_str(), fonts().small, rgb(color::text));
      ImGui::TableSetColumnIndex(3);
      const std::string result = delivery_result(delivery, state.now_unix);
      ui::text(result.c_str(), fonts().small,
               rgb(delivery.delivered ? color::success_text : color::danger_text));
      const float row_bottom = ImGui::GetItemRectMax().y;
      // The row as one item for the accessibility mirror.
      const ImGuiTable *table = ImGui::GetCurrentTable();
      platform::record_ui_item(
          "row",
          event + ", attempt " + std::to_string(delivery.attempt) + ", " + when + ": " + result,
          ImRect(ImVec2(table->WorkRect.Min.x, row_min.y),
                 ImVec2(table->WorkRect.Max.x, row_bottom)));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::PopStyleVar();
}

}  // namespace

void draw_webhook_section(UiState &state, float width) {
  WebhookFormState &form = state.policy_page.webhook;
  ui::begin_card("##webhook", width, ImVec2(dp(28), dp(24)));
  const float inner = width - dp(56);
  ui::text("Webhook", fonts().heading, rgb(color::text));
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - dp(4));
  ui::text_wrapped(
      "Hawzu tells your systems when tokens are about to expire, expire, go unused, leak or "
      "are revoked: a POST of signed JSON (X-Hawzu-Signature: sha256=HMAC of the body), "
      "retried with backoff for up to a day.",
      std::min(dp(760), inner), fonts().body, rgb(color::text_muted));
  ImGui::Dummy(ImVec2(0, dp(8)));
  if (!form.load.loaded) {
    if (!form.load.error.empty())
      ui::field_error("The webhook could not be loaded: " + form.load.error);
    else
      ui::text_muted("Loading the webhook\xE2\x80\xA6");
  } else {
    if (form.secret[0] != '\0') draw_secret(form, state, inner);
    if (state.session.can_manage_token_policy)
      draw_form(state, inner);
    else
      draw_summary(form, inner);
    ImGui::Dummy(ImVec2(0, dp(16)));
    draw_deliveries(state, inner);
  }
  ui::end_card();
}

}  // namespace hawzu
