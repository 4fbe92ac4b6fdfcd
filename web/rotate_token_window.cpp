// "Rotate Access Token" (docs/web-app.md#rotate-window): a new value for the token, with
// an overlap during which the current value keeps working, so the systems that use it
// can be updated without an outage; optionally a new expiry. Rotate Token sends it; the
// new value then appears once in the one-time token window (token_created_window.cpp).
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/format.h"
#include "web/token_form.h"
#include "web/token_labels.h"

#include "shared/token_rotation.h"

#include <optional>
#include <string>

namespace hawzu {
namespace {

constexpr const char *kWindowName = "Rotate Access Token";
constexpr float kWidth = 560;

// What happens to the current value, in the person's words and local time.
std::string overlap_explanation(RotationOverlap overlap, std::int64_t now) {
  const std::optional<std::int64_t> end = previous_value_end(overlap, now);
  if (!end) return "The current value stops working immediately.";
  return "The current value keeps working until " + format_date_time(*end) +
         ", so you can update the systems that use it.";
}

void draw_overlap_field(TokenForm &form, RotateWindowState &rotate) {
  ui::field_label("Overlap");
  bool first = true;
  for (RotationOverlap overlap : all_rotation_overlaps()) {
    if (!first) ImGui::SameLine(0, dp(20));
    first = false;
    const std::string label(display_name(overlap));
    if (ui::radio(label.c_str(), rotate.overlap == overlap) && rotate.overlap != overlap) {
      rotate.overlap = overlap;
      forget_server_errors(rotate.form, "overlap");
    }
  }
  const std::string error = form_field_message(form, "overlap", false);
  if (!error.empty()) {
    ui::field_error(error);
    return;
  }
  const std::string explanation = overlap_explanation(rotate.overlap, form.state.now_unix);
  ui::text_wrapped(explanation.c_str(), form.width, fonts().small, rgb(color::text_secondary));
  // Only one previous value is kept: a second rotation ends the first one's overlap.
  const AccessToken &token = rotate.token;
  if (token.previous_value_expires_at) {
    const std::string older = "The value replaced by the last rotation (working until " +
                              format_date_time(*token.previous_value_expires_at) +
                              ") stops working now.";
    ui::text_wrapped(older.c_str(), form.width, fonts().small, rgb(color::warning_text));
  }
}

// Why Rotate Token is disabled, or nullopt.
// The server's rules (shared/token_rotation.h), the workspace's policy included.
std::optional<std::string> blocking_reason(const UiState &state, const RotateWindowState &rotate) {
  TokenRotation rotation;
  rotation.overlap = rotate.overlap;
  if (rotate.new_expiry) rotation.expiry = rotate.form.draft.expiry;
  const FieldErrors errors =
      validate_rotation(rotation, rotate.token.expires_at, state.now_unix, state.options.policy);
  if (!errors.empty()) return errors.front().message;
  return std::nullopt;
}

}  // namespace

void draw_rotate_token_window(UiState &state) {
  RotateWindowState &rotate = state.rotate;
  if (rotate.open && !ImGui::IsPopupOpen(kWindowName)) ImGui::OpenPopup(kWindowName);
  if (!ImGui::IsPopupOpen(kWindowName)) return;
  if (!ui::begin_modal(kWindowName, dp(kWidth))) return;
  const float content = ui::modal_content_width(dp(kWidth));
  const AccessToken &token = rotate.token;
  const bool busy = rotate.form.submitting;

  const std::string title = "Rotate \xE2\x80\x9C" + token.name + "\xE2\x80\x9D";
  if (ui::modal_header(title.c_str(), content, !busy)) state.intents.cancel_rotate = true;
  ImGui::Dummy(ImVec2(0, dp(4)));
  const std::string identity = token.identifier + " \xC2\xB7 " +
                               std::string(display_name(token.access_type)) + " \xC2\xB7 " +
                               access_summary(token);
  ui::text(identity.c_str(), fonts().mono_small, rgb(color::text_muted));
  ImGui::Dummy(ImVec2(0, dp(6)));
  ui::text_wrapped(
      "Rotating gives the token a new value. Its name, access and owner stay the same; the "
      "new value is shown once.",
      content, fonts().body, rgb(color::text_secondary));
  ImGui::Dummy(ImVec2(0, dp(8)));

  TokenForm form = make_token_form(state, rotate.form, content);
  form.new_expiry = &rotate.new_expiry;
  form.current_expiry = token.expires_at;
  draw_overlap_field(form, rotate);
  form_section_gap();
  draw_expiry_field(form);

  const FormFooterResult footer = draw_form_footer(form, blocking_reason(state, rotate),
                                                   "Rotate Token", "Rotating\xE2\x80\xA6", false);
  if (footer.cancel) state.intents.cancel_rotate = true;
  if (footer.submit) state.intents.submit_rotate = true;

  // Esc cancels, unless a list or the calendar open last frame took it.
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
      ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !busy && !rotate.form.child_popup_was_open) {
    state.intents.cancel_rotate = true;
  }
  rotate.form.child_popup_was_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
  if (!rotate.open) ImGui::CloseCurrentPopup();
  ui::end_modal();
}

}  // namespace hawzu
