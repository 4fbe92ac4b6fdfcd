// The token form shared by the create window and the details window's edit mode: one
// function per field, drawn from a TokenFormState (token_form.h).
//
// Index of this file (search for "[SECTION]"):
//   [SECTION] Helpers: project names, the options problem
//   [SECTION] The form and its messages: client and server errors per field
//   [SECTION] Token name
//   [SECTION] Workspace scope
//   [SECTION] Project rows
//   [SECTION] Expiry
//   [SECTION] Footer: the submit button and why it is disabled

#include "web/token_form.h"
#include "web/screen_kit.h"

#include "web/format.h"
#include "web/platform/page.h"
#include "web/platform/ui_items.h"
#include "web/screens.h"

#include "shared/expiry.h"
#include "shared/relative_time.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace hawzu {

// ---------------------------------------------------------------------------
// [SECTION] Helpers: project names, the options problem

namespace {

constexpr const char *kDatePopup = "##expiry-date";
constexpr const char *kKeepExpiryLabel = "Keep current expiry";

std::string project_name(const TokenOptions &options, std::int64_t id) {
  for (const ProjectOption &project : options.projects) {
    if (project.id == id) return project.name;
  }
  return "Project " + std::to_string(id);
}

void draw_options_problem(TokenForm &form) {
  if (form.state.options_load.loading) {
    ui::spinner(dp(8), rgb(color::accent));
    ImGui::SameLine(0, dp(8));
    ui::text_muted("Loading roles and projects\xE2\x80\xA6", fonts().small);
  } else if (!form.state.options_load.error.empty()) {
    ui::field_error(form.state.options_load.error);
    if (ui::button("Try again##options", ui::ButtonKind::link)) {
      form.state.intents.reload_options = true;
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] The form and its messages: client and server errors per field

ValidationContext form_validation_context(const UiState &state, bool policy_applies) {
  return ValidationContext{state.session.workspace_role, state.now_unix,
                           policy_applies ? state.options.policy : TokenPolicy{}};
}

TokenForm make_token_form(UiState &state, TokenFormState &fields, float width,
                          bool policy_applies) {
  ExpiryChoice &expiry = fields.draft.expiry;
  expiry.utc_offset_minutes = state.utc_offset_minutes;
  if (expiry.kind == ExpiryKind::custom && expiry.custom_date) {
    // The token ends with the chosen local day, in that day's offset: a daylight-saving
    // switch between today and then gives it another offset than today's.
    const UtcOffsetAt offset_at = [](std::int64_t t) {
      return platform::local_utc_offset_minutes(t);
    };
    expiry.utc_offset_minutes = offset_at(end_of_local_day(*expiry.custom_date, offset_at));
  }
  TokenForm form{state, fields, {}, width, nullptr, std::nullopt};
  form.client_errors =
      validate_access_token_draft(fields.draft, form_validation_context(state, policy_applies));
  return form;
}

// The message to show under `field`: the server's (until edited), else the shared
// validation's when `show_client` (so an untouched form is not covered in red).
std::string form_field_message(const TokenForm &form, const std::string &field, bool show_client) {
  if (const FieldError *error = find_field_error(form.fields.server_errors, field)) {
    return error->message;
  }
  if (show_client) {
    if (const FieldError *error = find_field_error(form.client_errors, field)) {
      return error->message;
    }
  }
  return "";
}

void forget_server_errors(TokenFormState &fields, const std::string &field_prefix) {
  auto &errors = fields.server_errors;
  errors.erase(std::remove_if(errors.begin(), errors.end(),
                              [&](const FieldError &error) {
                                return error.field.rfind(field_prefix, 0) == 0;
                              }),
               errors.end());
}

void form_section_gap() {
  ImGui::Dummy(ImVec2(0, dp(6)));
}

void show_server_errors(TokenFormState &fields, ApiError error) {
  show_api_error(std::move(error), fields.server_errors, fields.server_message);
}

// ---------------------------------------------------------------------------
// [SECTION] Token name

bool draw_token_name_field(TokenForm &form) {
  ui::field_label("Token Name");
  // Focus the name until it has it: the window's first frames are hidden while it sizes
  // itself, and a focus request then is lost.
  if (form.fields.focus_name) ImGui::SetKeyboardFocusHere();
  const std::string error = form_field_message(form, "name", form.fields.name_edited);
  bool submitted = false;
  if (ui::input_text("##Token Name", form.fields.draft.name,
                     "e.g. CI Runner, Nightly Automation, External Sync", form.width,
                     !error.empty(), &submitted)) {
    form.fields.name_edited = true;
    forget_server_errors(form.fields, "name");
  }
  if (ImGui::IsItemActive()) form.fields.focus_name = false;
  if (!error.empty()) {
    ui::field_error(error);
  } else {
    ui::field_hint("Say where it is used, so you know what breaks if you revoke it.");
  }
  return submitted;
}

// ---------------------------------------------------------------------------
// [SECTION] Workspace scope

void draw_workspace_scope_field(TokenForm &form) {
  ui::field_label("Workspace Scope");
  std::vector<WorkspaceRole> roles;
  for (WorkspaceRole role : form.state.options.workspace_roles) {
    // The server offers only roles up to the caller's; the shared rule agrees.
    if (may_assign(form.state.session.workspace_role, role)) roles.push_back(role);
  }
  const auto &selected = form.fields.draft.workspace_role;
  const std::string error = form_field_message(form, "workspace_role", false);
  const std::string preview =
      selected ? std::string(display_name(*selected)) : "Select a workspace role";
  if (ui::begin_select("##Workspace Scope", preview.c_str(), !selected, form.width,
                       form.state.options_load.loaded)) {
    for (WorkspaceRole role : roles) {
      const std::string label(display_name(role));
      if (ui::select_option(label.c_str(), selected == role)) {
        form.fields.draft.workspace_role = role;
        forget_server_errors(form.fields, "workspace_role");
      }
    }
    ui::end_select();
  }
  draw_options_problem(form);
  if (!error.empty()) {
    ui::field_error(error);
  } else {
    ui::field_hint("The token can do what this role can do, in every project of the workspace.");
  }
}

// ---------------------------------------------------------------------------
// [SECTION] Project rows

void draw_project_rows_field(TokenForm &form) {
  ui::field_label("Projects");
  AccessTokenDraft &draft = form.fields.draft;
  std::vector<std::int64_t> all_projects;
  for (const ProjectOption &project : form.state.options.projects) {
    all_projects.push_back(project.id);
  }
  const float gap = dp(8);
  const float remove_width = dp(36);
  const float project_width = std::floor((form.width - remove_width - gap * 2) * 0.55f);
  const float role_width = form.width - remove_width - gap * 2 - project_width;
  std::optional<std::size_t> remove_row;

  for (std::size_t row = 0; row < draft.projects.size(); ++row) {
    ProjectGrantDraft &grant = draft.projects[row];
    const std::string number = std::to_string(row + 1);
    const std::string prefix = "projects[" + std::to_string(row) + "]";
    ImGui::PushID(static_cast<int>(row));

    const std::string project_preview =
        grant.project_id ? project_name(form.state.options, *grant.project_id) : "Select a project";
    const std::string project_id = "##Project " + number;
    if (ui::begin_select(project_id.c_str(), project_preview.c_str(), !grant.project_id,
                         project_width, form.state.options_load.loaded)) {
      for (std::int64_t id : projects_available_for_row(draft, row, all_projects)) {
        const std::string name = project_name(form.state.options, id);
        if (ui::select_option(name.c_str(), grant.project_id == id)) {
          grant.project_id = id;
          forget_server_errors(form.fields, prefix);
        }
      }
      ui::end_select();
    }

    ImGui::SameLine(0, gap);
    const std::string role_preview =
        grant.role ? std::string(display_name(*grant.role)) : "Select a role";
    const std::string role_id = "##Role " + number;
    // The role picker waits for a project: a role means nothing without one.
    if (ui::begin_select(role_id.c_str(), role_preview.c_str(), !grant.role, role_width,
                         grant.project_id.has_value())) {
      for (ProjectRole role : form.state.options.project_roles) {
        const std::string label(display_name(role));
        if (ui::select_option(label.c_str(), grant.role == role)) {
          grant.role = role;
          forget_server_errors(form.fields, prefix);
        }
      }
      ui::end_select();
    }

    ImGui::SameLine(0, gap);
    const std::string remove_label = "Remove project " + number;
    if (ui::icon_button(ICON_TRASH, remove_label.c_str())) remove_row = row;

    std::string error = form_field_message(form, prefix + ".project_id", false);
    if (error.empty()) error = form_field_message(form, prefix + ".role", false);
    if (error.empty()) error = form_field_message(form, prefix, false);
    if (!error.empty()) ui::field_error(error);
    ImGui::PopID();
  }
  if (remove_row) {
    draft.projects.erase(draft.projects.begin() + static_cast<std::ptrdiff_t>(*remove_row));
    forget_server_errors(form.fields, "projects");
  }

  const bool projects_left = draft.projects.size() < all_projects.size();
  const bool can_add = can_add_project_row(draft) && projects_left;
  const char *add_label =
      draft.projects.empty() ? ICON_PLUS "  Add a project" : ICON_PLUS "  Add another project";
  ui::ButtonOptions add_options;
  add_options.enabled = can_add;
  if (ui::button(add_label, ui::ButtonKind::link, add_options)) draft.projects.push_back({});
  if (!can_add && !draft.projects.empty()) {
    ImGui::SameLine(0, dp(12));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + dp(4));
    ui::text_muted(
        projects_left ? "Finish the rows above first." : "Every project is already in the list.",
        fonts().small);
  }
  draw_options_problem(form);
  const std::string error = form_field_message(form, "projects", false);
  if (!error.empty()) ui::field_error(error);
}

// ---------------------------------------------------------------------------
// [SECTION] Expiry

void draw_expiry_field(TokenForm &form) {
  ui::field_label("Expiry");
  ExpiryChoice &expiry = form.fields.draft.expiry;
  const float gap = dp(12);
  // Edit mode: until another choice is made, the token keeps its current expiry.
  const bool keeping = form.new_expiry != nullptr && !*form.new_expiry;
  const bool custom = !keeping && expiry.kind == ExpiryKind::custom;
  const float select_width = custom ? std::floor((form.width - gap) * 0.5f) : form.width;
  const std::string preview =
      keeping ? std::string(kKeepExpiryLabel) : std::string(display_name(expiry.kind));
  if (ui::begin_select("##Expiry", preview.c_str(), false, select_width)) {
    if (form.new_expiry != nullptr && ui::select_option(kKeepExpiryLabel, keeping)) {
      *form.new_expiry = false;
      forget_server_errors(form.fields, "expiry");
    }
    for (ExpiryKind kind : all_expiry_kinds()) {
      // The workspace's policy decides what may be offered at all.
      if (!expiry_kind_allowed(form.state.options.policy, kind, form.state.now_unix,
                               form.state.utc_offset_minutes))
        continue;
      const std::string label(display_name(kind));
      if (ui::select_option(label.c_str(), !keeping && expiry.kind == kind)) {
        if (form.new_expiry != nullptr) *form.new_expiry = true;
        expiry.kind = kind;
        forget_server_errors(form.fields, "expiry");
        if (kind == ExpiryKind::custom && !expiry.custom_date) {
          form.fields.date_picker = {};
          form.fields.date_picker.open = true;
        }
      }
    }
    ui::end_select();
  }

  const CivilDate today = earliest_custom_date(form.state.now_unix, form.state.utc_offset_minutes);
  if (custom) {
    ImGui::SameLine(0, gap);
    const ImVec2 field_min = ImGui::GetCursorScreenPos();
    const std::string date_text =
        expiry.custom_date ? format_long_date(*expiry.custom_date) : "Select a date";
    if (ui::field_button("Expiry Date", date_text.c_str(), ICON_CALENDAR, !expiry.custom_date,
                         form.width - select_width - gap)) {
      form.fields.date_picker.open = true;
    }
    if (form.fields.date_picker.open) {
      form.fields.date_picker.open = false;
      form.fields.date_picker.year = 0;
      ImGui::OpenPopup(kDatePopup);
    }
    // Below the field, right-aligned with it; above it when the viewport has no room.
    const float picker_height = dp(360);
    const float field_right = field_min.x + form.width - select_width - gap;
    const float below = field_min.y + ImGui::GetFrameHeight() + dp(6);
    const bool fits_below =
        below + picker_height <= ImGui::GetMainViewport()->Pos.y + ImGui::GetMainViewport()->Size.y;
    ImGui::SetNextWindowPos(ImVec2(field_right, fits_below ? below : field_min.y - dp(6)),
                            ImGuiCond_Always, ImVec2(1.0f, fits_below ? 0.0f : 1.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(dp(16), dp(16)));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, dp(12));
    if (ImGui::BeginPopup(kDatePopup, ImGuiWindowFlags_NoMove)) {
      const CivilDate latest = latest_allowed_custom_date(
          form.state.options.policy, form.state.now_unix, form.state.utc_offset_minutes);
      if (draw_date_picker(form.fields.date_picker, expiry.custom_date, today, latest, today)) {
        forget_server_errors(form.fields, "expiry");
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
  }

  std::string error = form_field_message(form, "expiry.date", expiry.custom_date.has_value());
  if (error.empty()) error = form_field_message(form, "expiry", false);
  if (!error.empty()) {
    ui::field_error(error);
  } else if (keeping) {
    const std::string hint =
        form.current_expiry ? "Currently expires on " + format_date_time(*form.current_expiry) +
                                  " (" + relative_time(*form.current_expiry, form.state.now_unix) +
                                  "). A new choice counts from now."
                            : std::string("Currently never expires. A new choice counts from now.");
    ui::field_hint(hint.c_str());
  } else if (expiry.kind == ExpiryKind::never) {
    ImGui::Dummy(ImVec2(0, dp(2)));
    ui::callout(ui::Tone::warning, ICON_EXCLAMATION_TRIANGLE, "This token never expires",
                "Keep it safe in a secrets manager and rotate it regularly. Anyone who "
                "obtains it can use it until it is revoked.",
                form.width);
  } else if (custom && !expiry.custom_date) {
    ui::field_hint("Choose the last day the token works. It stops at the end of that day.");
  } else if (custom) {
    const std::string hint =
        "Works until the end of " + format_long_date(*expiry.custom_date) + " (23:59 your time).";
    ui::field_hint(hint.c_str());
  } else if (const auto expires_at = compute_expires_at(expiry, form.state.now_unix)) {
    const std::string hint = "Expires on " + format_date_time(*expires_at) + ".";
    ui::field_hint(hint.c_str());
  }
  if (std::optional<std::string> note = expiry_policy_note(form.state.options.policy))
    ui::field_hint(note->c_str());
}

// ---------------------------------------------------------------------------
// [SECTION] Footer: the submit button and why it is disabled

FormFooterResult draw_form_footer(TokenForm &form, const std::optional<std::string> &blocking,
                                  const char *submit_label, const char *submitting_label,
                                  bool submit_requested) {
  FormFooterResult result;
  ImGui::Dummy(ImVec2(0, dp(6)));
  ui::modal_divider();

  const bool can_submit = !blocking && !form.fields.submitting;
  const std::string create_text =
      form.fields.submitting ? std::string(submitting_label) + "##submit" : submit_label;
  const char *create_label = create_text.c_str();
  const char *cancel_label = "Cancel";
  const float create_width = std::max(ui::button_width(create_label), dp(128));
  const float cancel_width = ui::button_width(cancel_label);
  const float buttons_width = cancel_width + dp(10) + create_width;
  const float message_width = form.width - buttons_width - dp(20);
  const ImVec2 row = ImGui::GetCursorScreenPos();

  // What is missing (or what the server said), left of the buttons.
  std::string message;
  ImU32 message_color = rgb(color::text_muted);
  const char *icon = ICON_INFO_CIRCLE "  ";
  if (!form.fields.server_message.empty()) {
    message = form.fields.server_message;
    message_color = rgb(color::danger_text);
    icon = ICON_EXCLAMATION_CIRCLE "  ";
  } else if (blocking) {
    message = *blocking;
  }
  if (!message.empty()) {
    const std::string line = icon + message;
    ImFont *font = fonts().small;
    const float height = ui::paragraph_height(line.c_str(), message_width, font);
    ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + std::max(0.0f, (dp(36) - height) * 0.5f)));
    ui::text_wrapped(line.c_str(), message_width, font, message_color);
    if (!form.fields.server_message.empty()) platform::set_last_item_live("alert");
  }

  ImGui::SetCursorScreenPos(ImVec2(row.x + form.width - buttons_width, row.y));
  ui::ButtonOptions cancel_options;
  cancel_options.enabled = !form.fields.submitting;
  result.cancel = ui::button(cancel_label, ui::ButtonKind::secondary, cancel_options);
  ImGui::SameLine(0, dp(10));
  ui::ButtonOptions create_options;
  create_options.enabled = can_submit;
  create_options.size = ImVec2(create_width, 0);
  const ImVec2 create_min = ImGui::GetCursorScreenPos();
  const bool clicked = ui::button(create_label, ui::ButtonKind::primary, create_options);
  if (!message.empty()) platform::set_last_item_description(message);
  result.submit = clicked || (submit_requested && can_submit);
  if (form.fields.submitting) {
    ImGui::SetCursorScreenPos(ImVec2(create_min.x + dp(12), create_min.y + dp(10)));
    ui::spinner(dp(8), rgb(0xFFFFFF));
  }
  ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + dp(36)));
  ImGui::Dummy(ImVec2(0, 0));
  return result;
}

}  // namespace hawzu
