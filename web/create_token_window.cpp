// The "Create Access Token" window (PRODUCT.md §3.1). Every rule comes from the shared
// validation (shared/access_token_request.h), run on the draft every frame: the same
// code the server runs on the request. Server field errors show next to their field
// until that field changes.
#include "web/screens.h"

#include "web/format.h"
#include "web/icons.h"
#include "web/platform/fonts.h"
#include "web/platform/ui_items.h"
#include "web/theme.h"
#include "web/widgets.h"

#include "shared/expiry.h"

#include "imgui.h"
#include "imgui_internal.h"  // ImGuiItemFlags_NoNav

#include <algorithm>
#include <cmath>
#include <string>

namespace hawzu {
namespace {

using platform::fonts;
using ui::dp;
using ui::rgb;
namespace color = ui::color;

constexpr const char *kWindowName = "Create Access Token";
constexpr const char *kDatePopup = "##expiry-date";

// Context for one frame of the window.
struct Form {
  UiState &state;
  CreateWindowState &create;
  AccessTokenDraft &draft;
  FieldErrors client_errors;
  float width;  // content width
};

// The message to show under `field`: the server's (until edited), else the shared
// validation's when `show_client` (so an untouched form is not covered in red).
std::string field_message(const Form &form, const std::string &field, bool show_client) {
  if (const FieldError *error = find_field_error(form.create.server_errors, field)) {
    return error->message;
  }
  if (show_client) {
    if (const FieldError *error = find_field_error(form.client_errors, field)) {
      return error->message;
    }
  }
  return "";
}

void forget_server_errors(CreateWindowState &create, const std::string &field_prefix) {
  auto &errors = create.server_errors;
  errors.erase(std::remove_if(errors.begin(), errors.end(),
                              [&](const FieldError &error) {
                                return error.field.rfind(field_prefix, 0) == 0;
                              }),
               errors.end());
}

void section_gap() {
  ImGui::Dummy(ImVec2(0, dp(6)));
}

std::string project_name(const TokenOptions &options, std::int64_t id) {
  for (const ProjectOption &project : options.projects) {
    if (project.id == id) return project.name;
  }
  return "Project " + std::to_string(id);
}

// ---------------------------------------------------------------------------

void draw_header(Form &form) {
  ImGui::PushFont(fonts().heading);
  const ImVec2 top = ImGui::GetCursorPos();
  ui::text(kWindowName, fonts().heading, rgb(color::text));
  ImGui::PopFont();
  ImGui::SetCursorPos(ImVec2(top.x + form.width - dp(36), top.y - dp(8)));
  if (ui::icon_button(ICON_TIMES, "Close", !form.create.submitting)) {
    form.state.intents.close_create = true;
  }
  ImGui::SetCursorPos(ImVec2(top.x, top.y + fonts().heading->FontSize + dp(6)));
  ui::text_wrapped(
      "The token acts with the roles you give it here. Its value is shown once, right "
      "after it is created.",
      form.width, fonts().body, rgb(color::text_muted));
  ImGui::Dummy(ImVec2(0, dp(8)));
}

bool draw_name(Form &form) {
  ui::field_label("Token Name");
  // Focus the name until it has it: the window's first frames are hidden while it sizes
  // itself, and a focus request then is lost.
  if (form.create.focus_name) ImGui::SetKeyboardFocusHere();
  const std::string error = field_message(form, "name", form.create.name_edited);
  bool submitted = false;
  if (ui::input_text("##Token Name", form.draft.name,
                     "e.g. CI Runner, Nightly Automation, External Sync", form.width,
                     !error.empty(), &submitted)) {
    form.create.name_edited = true;
    forget_server_errors(form.create, "name");
  }
  if (ImGui::IsItemActive()) form.create.focus_name = false;
  if (!error.empty()) {
    ui::field_error(error);
  } else {
    ui::field_hint("Say where it is used, so you know what breaks if you revoke it.");
  }
  return submitted;
}

// Two selectable cards side by side, each with a radio button and a line of help.
void draw_access_type(Form &form) {
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
    const bool active = form.draft.access_type == choice.type;
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
      form.draft.access_type = choice.type;
      forget_server_errors(form.create, "access_type");
      if (choice.type == AccessType::project) {
        form.draft.workspace_role.reset();
        if (form.draft.projects.empty()) form.draft.projects.push_back({});
      } else {
        form.draft.projects.clear();
      }
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + card_height));
  ImGui::Dummy(ImVec2(0, dp(2)));
  const std::string error = field_message(form, "access_type", false);
  if (!error.empty()) ui::field_error(error);
}

void draw_options_problem(Form &form) {
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

void draw_workspace_scope(Form &form) {
  ui::field_label("Workspace Scope");
  std::vector<WorkspaceRole> roles;
  for (WorkspaceRole role : form.state.options.workspace_roles) {
    // The server offers only roles up to the caller's; the shared rule agrees.
    if (may_assign(form.state.session.workspace_role, role)) roles.push_back(role);
  }
  const auto &selected = form.draft.workspace_role;
  const std::string error = field_message(form, "workspace_role", false);
  const std::string preview =
      selected ? std::string(display_name(*selected)) : "Select a workspace role";
  if (ui::begin_select("##Workspace Scope", preview.c_str(), !selected, form.width,
                       form.state.options_load.loaded)) {
    for (WorkspaceRole role : roles) {
      const std::string label(display_name(role));
      if (ui::select_option(label.c_str(), selected == role)) {
        form.draft.workspace_role = role;
        forget_server_errors(form.create, "workspace_role");
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

void draw_project_rows(Form &form) {
  ui::field_label("Projects");
  AccessTokenDraft &draft = form.draft;
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
          forget_server_errors(form.create, prefix);
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
          forget_server_errors(form.create, prefix);
        }
      }
      ui::end_select();
    }

    ImGui::SameLine(0, gap);
    const std::string remove_label = "Remove project " + number;
    if (ui::icon_button(ICON_TRASH, remove_label.c_str())) remove_row = row;

    std::string error = field_message(form, prefix + ".project_id", false);
    if (error.empty()) error = field_message(form, prefix + ".role", false);
    if (error.empty()) error = field_message(form, prefix, false);
    if (!error.empty()) ui::field_error(error);
    ImGui::PopID();
  }
  if (remove_row) {
    draft.projects.erase(draft.projects.begin() + static_cast<std::ptrdiff_t>(*remove_row));
    forget_server_errors(form.create, "projects");
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
  const std::string error = field_message(form, "projects", false);
  if (!error.empty()) ui::field_error(error);
}

void draw_expiry(Form &form) {
  ui::field_label("Expiry");
  ExpiryChoice &expiry = form.draft.expiry;
  const float gap = dp(12);
  const bool custom = expiry.kind == ExpiryKind::custom;
  const float select_width = custom ? std::floor((form.width - gap) * 0.5f) : form.width;
  const std::string preview(display_name(expiry.kind));
  if (ui::begin_select("##Expiry", preview.c_str(), false, select_width)) {
    for (ExpiryKind kind : all_expiry_kinds()) {
      const std::string label(display_name(kind));
      if (ui::select_option(label.c_str(), expiry.kind == kind)) {
        expiry.kind = kind;
        forget_server_errors(form.create, "expiry");
        if (kind == ExpiryKind::custom && !expiry.custom_date) {
          form.create.date_picker = {};
          form.create.date_picker.open = true;
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
      form.create.date_picker.open = true;
    }
    if (form.create.date_picker.open) {
      form.create.date_picker.open = false;
      form.create.date_picker.year = 0;
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
      if (draw_date_picker(form.create.date_picker, expiry.custom_date, today, latest_custom_date(),
                           today)) {
        forget_server_errors(form.create, "expiry");
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
  }

  std::string error = field_message(form, "expiry.date", expiry.custom_date.has_value());
  if (error.empty()) error = field_message(form, "expiry", false);
  if (!error.empty()) {
    ui::field_error(error);
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
}

void draw_footer(Form &form, bool submit_requested) {
  ImGui::Dummy(ImVec2(0, dp(6)));
  const ImVec2 line_start = ImGui::GetCursorScreenPos();
  // Edge to edge across the window: past the content clip rectangle, which stops half
  // a padding short of the window's sides.
  const ImVec2 window_min = ImGui::GetWindowPos();
  const ImVec2 window_max(window_min.x + ImGui::GetWindowWidth(),
                          window_min.y + ImGui::GetWindowHeight());
  ImGui::PushClipRect(window_min, window_max, false);
  ImGui::GetWindowDrawList()->AddLine(ImVec2(window_min.x + 1, line_start.y),
                                      ImVec2(window_max.x - 1, line_start.y), rgb(color::border),
                                      dp(1));
  ImGui::PopClipRect();
  ImGui::Dummy(ImVec2(0, dp(10)));

  const ValidationContext context{form.state.session.workspace_role, form.state.now_unix};
  const std::optional<std::string> blocking = first_blocking_reason(form.draft, context);
  const bool can_submit = !blocking && !form.create.submitting;

  const char *create_label =
      form.create.submitting ? "Creating\xE2\x80\xA6##create" : "Create Token";
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
  if (!form.create.server_message.empty()) {
    message = form.create.server_message;
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
  }

  ImGui::SetCursorScreenPos(ImVec2(row.x + form.width - buttons_width, row.y));
  ui::ButtonOptions cancel_options;
  cancel_options.enabled = !form.create.submitting;
  if (ui::button(cancel_label, ui::ButtonKind::secondary, cancel_options)) {
    form.state.intents.close_create = true;
  }
  ImGui::SameLine(0, dp(10));
  ui::ButtonOptions create_options;
  create_options.enabled = can_submit;
  create_options.size = ImVec2(create_width, 0);
  const ImVec2 create_min = ImGui::GetCursorScreenPos();
  if (ui::button(create_label, ui::ButtonKind::primary, create_options) ||
      (submit_requested && can_submit)) {
    form.state.intents.submit_create = true;
  }
  if (form.create.submitting) {
    ImGui::SetCursorScreenPos(ImVec2(create_min.x + dp(12), create_min.y + dp(10)));
    ui::spinner(dp(8), rgb(0xFFFFFF));
  }
  ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + dp(36)));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace

void draw_create_token_window(UiState &state) {
  CreateWindowState &create = state.create;
  if (create.appearing) ImGui::OpenPopup(kWindowName);
  if (!ImGui::IsPopupOpen(kWindowName)) return;

  const ImGuiViewport *viewport = ImGui::GetMainViewport();
  const float width = std::min(dp(600), viewport->Size.x - dp(32));
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, viewport->Size.y - dp(48)));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(dp(28), dp(24)));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, dp(14));
  ImGui::PushStyleColor(ImGuiCol_Border, rgb(color::border));
  const bool visible = ImGui::BeginPopupModal(
      kWindowName, nullptr,
      ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
          ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
  if (!visible) return;

  Form form{state, create, create.draft, {}, ImGui::GetContentRegionAvail().x};
  create.draft.expiry.utc_offset_minutes = state.utc_offset_minutes;
  form.client_errors = validate_access_token_draft(
      create.draft, ValidationContext{state.session.workspace_role, state.now_unix});
  // The auto-resizing window is as wide as its constraint; the first frame may not be.
  form.width = std::max(form.width, width - dp(56));

  draw_header(form);
  const bool name_submitted = draw_name(form);
  section_gap();
  draw_access_type(form);
  if (create.draft.access_type == AccessType::workspace) {
    section_gap();
    draw_workspace_scope(form);
  } else if (create.draft.access_type == AccessType::project) {
    section_gap();
    draw_project_rows(form);
  }
  section_gap();
  draw_expiry(form);
  draw_footer(form, name_submitted);

  // Esc cancels, unless a list or the calendar was open: then Esc closed that (ImGui
  // closes it before this code runs, hence the flag from the previous frame).
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
      ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !create.submitting &&
      !create.child_popup_was_open) {
    state.intents.close_create = true;
  }
  create.child_popup_was_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
  create.appearing = false;
  if (!create.open) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace hawzu
