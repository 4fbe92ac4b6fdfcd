// The "Create Access Token" window (docs/product.md#create-window): the access type cards and the
// shared token form (token_form.h). Every rule comes from the shared validation
// (shared/access_token_request.h), run on the draft every frame: the same code the
// server runs on the request.
#include "web/screen_kit.h"
#include "web/screens.h"

#include "web/platform/ui_items.h"
#include "web/token_form.h"

#include "imgui_internal.h"  // ImGuiItemFlags_NoNav

#include <algorithm>
#include <cmath>
#include <string>

namespace hawzu {
namespace {

constexpr const char *kWindowName = "Create Access Token";

void draw_header(TokenForm &form) {
  if (ui::modal_header(kWindowName, form.width, !form.fields.submitting)) {
    form.state.intents.close_create = true;
  }
  ui::text_wrapped(
      "The token acts with the roles you give it here. Its value is shown once, right "
      "after it is created.",
      form.width, fonts().body, rgb(color::text_muted));
  ImGui::Dummy(ImVec2(0, dp(8)));
}

// Two selectable cards side by side, each with a radio button and a line of help.
void draw_access_type(TokenForm &form) {
  AccessTokenDraft &draft = form.fields.draft;
  ui::field_label("Access Type");
  ImGui::Dummy(ImVec2(0, dp(2)));
  const float gap = dp(12);
  const float card_width = std::floor((form.width - gap) * 0.5f);
  const float card_height = dp(72);
  struct Choice {
    AccessType type;
    const char *label;
    const char *help;
  };
  const Choice choices[] = {
      {AccessType::workspace, "Workspace", "One role across every project."},
      {AccessType::project, "Project", "A role in each project you pick."},
  };
  const ImVec2 start = ImGui::GetCursorScreenPos();
  for (int i = 0; i < 2; ++i) {
    const Choice &choice = choices[i];
    const bool active = draft.access_type == choice.type;
    const ImVec2 min(start.x + i * (card_width + gap), start.y);
    const ImVec2 max(min.x + card_width, min.y + card_height);
    ImGui::SetCursorScreenPos(min);
    ImGui::PushID(i);
    // The card is a larger click area for the radio button inside it: not a stop of its
    // own for Tab or the test seam.
    ImGui::SetNextItemAllowOverlap();
    platform::set_next_item_role("");
    ImGui::PushItemFlag(ImGuiItemFlags_NoNav | ImGuiItemFlags_NoTabStop, true);
    const bool card_clicked = ImGui::InvisibleButton("##card", ImVec2(card_width, card_height));
    ImGui::PopItemFlag();
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList *draw_list = ImGui::GetWindowDrawList();
    draw_list->AddRectFilled(
        min, max,
        rgb(active ? color::accent_soft : (hovered ? color::surface_subtle : color::surface)),
        dp(10));
    draw_list->AddRect(min, max, rgb(active ? color::accent : color::border_strong), dp(10), 0,
                       active ? dp(1.5f) : dp(1));
    ImGui::SetCursorScreenPos(ImVec2(min.x + dp(14), min.y + dp(16)));
    const bool radio_clicked = ui::radio(choice.label, active);
    ImGui::SetCursorScreenPos(
        ImVec2(min.x + dp(14) + dp(18) + dp(10), ImGui::GetCursorScreenPos().y - dp(6)));
    ui::text(choice.help, fonts().small, rgb(color::text_muted));
    if ((card_clicked || radio_clicked) && !active) {
      // A token has one kind of grant: switching drops the other kind's choices.
      draft.access_type = choice.type;
      forget_server_errors(form.fields, "access_type");
      if (choice.type == AccessType::project) {
        draft.workspace_role.reset();
        if (draft.projects.empty()) draft.projects.push_back({});
      } else {
        draft.projects.clear();
      }
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + card_height));
  ImGui::Dummy(ImVec2(0, dp(2)));
  const std::string error = form_field_message(form, "access_type", false);
  if (!error.empty()) ui::field_error(error);
}

}  // namespace

void draw_create_token_window(UiState &state) {
  CreateWindowState &create = state.create;
  if (create.appearing) ImGui::OpenPopup(kWindowName);
  if (!ImGui::IsPopupOpen(kWindowName)) return;
  const float width = dp(600);
  if (!ui::begin_modal(kWindowName, width)) return;

  TokenForm form = make_token_form(state, create.form, ui::modal_content_width(width));
  TokenFormState &fields = create.form;

  draw_header(form);
  const bool name_submitted = draw_token_name_field(form);
  form_section_gap();
  draw_access_type(form);
  if (fields.draft.access_type == AccessType::workspace) {
    form_section_gap();
    draw_workspace_scope_field(form);
  } else if (fields.draft.access_type == AccessType::project) {
    form_section_gap();
    draw_project_rows_field(form);
  }
  form_section_gap();
  draw_expiry_field(form);
  const FormFooterResult footer =
      draw_form_footer(form, first_blocking_reason(fields.draft, form_validation_context(state)),
                       "Create Token", "Creating\xE2\x80\xA6", name_submitted);
  if (footer.cancel) state.intents.close_create = true;
  if (footer.submit) state.intents.submit_create = true;

  // Esc cancels, unless a list or the calendar was open: then Esc closed that (ImGui
  // closes it before this code runs, hence the flag from the previous frame).
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
      ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !fields.submitting &&
      !fields.child_popup_was_open) {
    state.intents.close_create = true;
  }
  fields.child_popup_was_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
  create.appearing = false;
  if (!create.open) ImGui::CloseCurrentPopup();
  ui::end_modal();
}

}  // namespace hawzu
