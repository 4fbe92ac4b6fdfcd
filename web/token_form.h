// The fields of a token form, shared by the create window and the edit mode of the
// details window (docs/product.md#create-window, docs/product.md#manage-a-token): name, workspace
// scope, project rows, expiry, and the footer with the reason a disabled submit button is disabled.
// Each function draws one field from a TokenFormState and clears the server's error for a field the
// person changes.
#pragma once

#include "web/api_client.h"
#include "web/ui_state.h"

#include <optional>
#include <string>

namespace hawzu {

// Context for one frame of a form.
struct TokenForm {
  UiState &state;
  TokenFormState &fields;
  FieldErrors client_errors;  // the shared validation of fields.draft this frame
  float width;                // content width
  // Edit mode: the expiry picker offers "Keep current expiry" first, described by
  // `current_expiry`; *new_expiry says whether another choice was made.
  bool *new_expiry = nullptr;
  std::optional<std::int64_t> current_expiry;
};

// What the shared validation takes: the person's rank, this frame's time and the
// workspace's token policy; `policy_applies` false for an edit that keeps the expiry
// (the policy bounds only an expiry being set).
ValidationContext form_validation_context(const UiState &state, bool policy_applies = true);

// Runs the shared validation on the draft (form_validation_context()).
TokenForm make_token_form(UiState &state, TokenFormState &fields, float width,
                          bool policy_applies = true);

// Returns true when Enter was pressed in the name field.
bool draw_token_name_field(TokenForm &form);
void draw_workspace_scope_field(TokenForm &form);
void draw_project_rows_field(TokenForm &form);
void draw_expiry_field(TokenForm &form);

// The message under `field`: the server's until the field changes, else the shared
// validation's when `show_client` (an untouched form is not covered in red).
std::string form_field_message(const TokenForm &form, const std::string &field, bool show_client);
void forget_server_errors(TokenFormState &fields, const std::string &field_prefix);
void form_section_gap();

// A refused submit: field errors go under their fields, the rest to the footer.
void show_server_errors(TokenFormState &fields, ApiError error);

// A full-width divider, then `blocking` (why submit is disabled) or the server's message
// at the left and [Cancel] [submit] at the right.
struct FormFooterResult {
  bool cancel = false;
  bool submit = false;
};
FormFooterResult draw_form_footer(TokenForm &form, const std::optional<std::string> &blocking,
                                  const char *submit_label, const char *submitting_label,
                                  bool submit_requested);

}  // namespace hawzu
