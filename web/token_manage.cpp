#include "web/token_manage.h"

#include "web/app_context.h"
#include "web/audit_log_loader.h"
#include "web/platform/clipboard.h"
#include "web/platform/fetch.h"
#include "web/token_form.h"

#include "shared/access_token_edit.h"
#include "shared/token_rotation.h"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace hawzu {
namespace {

AccessToken *find_in_list(UiState &state, std::int64_t token_id) {
  for (AccessToken &token : state.list.tokens) {
    if (token.id == token_id) return &token;
  }
  return nullptr;
}

// The server's new description of a token: into the table row and the open window,
// whose activity list then shows the change too.
void replace_token(UiState &state, const AccessToken &token) {
  if (AccessToken *row = find_in_list(state, token.id)) *row = token;
  if (state.details.token.id == token.id) {
    state.details.token = token;
    if (state.details.open && state.session.can_read_audit_log)
      load_token_activity(state, token.id);
  }
}

std::string in_quotes(const std::string &name) {
  return "\xE2\x80\x9C" + name + "\xE2\x80\x9D";  // “name”
}

}  // namespace

void show_toast(UiState &state, std::string message) {
  state.toast.message = std::move(message);
  state.toast.shown_at = emscripten_get_now();
}

void open_token_details(UiState &state, std::int64_t token_id, bool edit) {
  const AccessToken *token = find_in_list(state, token_id);
  if (token == nullptr) return;
  DetailsWindowState &details = state.details;
  details = DetailsWindowState{};
  details.open = true;
  details.token = *token;
  if (state.session.can_read_audit_log) load_token_activity(state, token_id);
  load_token_usage(state);
  if (edit) start_token_edit(state);
}

void load_token_usage(UiState &state) {
  TokenUsageState &usage = state.details.usage;
  if (usage.loading) return;
  usage.loading = true;
  usage.error.clear();
  const std::int64_t token_id = state.details.token.id;
  get_access_token_usage(state.session.workspace_id, token_id,
                         for_this_session<TokenUsage>([token_id](ApiResult<TokenUsage> &result) {
                           DetailsWindowState &details = app_state().details;
                           if (!details.open || details.token.id != token_id)
                             return;  // closed meanwhile
                           details.usage.loading = false;
                           if (!result.ok()) {
                             details.usage.error = describe_api_error(result.error);
                             return;
                           }
                           details.usage.usage = std::move(*result.value);
                           details.usage.loaded = true;
                         }));
}

void close_token_details(UiState &state) {
  state.details = DetailsWindowState{};
}

void start_token_edit(UiState &state) {
  DetailsWindowState &details = state.details;
  // A disabled token cannot be edited until it is enabled again (the server says 409).
  if (details.token.status == TokenStatus::disabled) return;
  details.edit = TokenFormState{};
  details.edit.draft = draft_from_token(details.token);
  details.edit.focus_name = true;
  details.new_expiry = false;
  details.error.clear();
  details.editing = true;
}

void cancel_token_edit(UiState &state) {
  state.details.editing = false;
  state.details.edit = TokenFormState{};  // the original values stay as they were
}

void submit_token_edit(UiState &state) {
  DetailsWindowState &details = state.details;
  TokenFormState &edit = details.edit;
  const nlohmann::json changes = to_edit_request(details.token, edit.draft, details.new_expiry);
  if (edit.submitting || changes.empty()) return;
  edit.submitting = true;
  edit.server_errors.clear();
  edit.server_message.clear();
  const std::int64_t token_id = details.token.id;
  update_access_token(state.session.workspace_id, token_id, changes,
                      for_this_session<AccessToken>([token_id](ApiResult<AccessToken> &result) {
                        UiState &state = app_state();
                        DetailsWindowState &details = state.details;
                        const bool still_open = details.open && details.token.id == token_id;
                        if (still_open) details.edit.submitting = false;
                        if (!result.ok()) {
                          if (still_open) show_server_errors(details.edit, result.error);
                          return;
                        }
                        replace_token(state, *result.value);
                        if (still_open) cancel_token_edit(state);
                        show_toast(state,
                                   "Saved the changes to " + in_quotes(result.value->name) + ".");
                      }));
}

void change_token_state(UiState &state, std::int64_t token_id, TokenAction action) {
  const bool enable = action == TokenAction::enable;
  if (state.details.open && state.details.token.id == token_id) {
    if (state.details.busy) return;
    state.details.busy = true;
    state.details.error.clear();
  }
  set_access_token_enabled(
      state.session.workspace_id, token_id, enable,
      for_this_session<AccessToken>([token_id, enable](ApiResult<AccessToken> &result) {
        UiState &state = app_state();
        DetailsWindowState &details = state.details;
        const bool in_details = details.open && details.token.id == token_id;
        if (in_details) details.busy = false;
        if (!result.ok()) {
          const std::string message = describe_api_error(result.error);
          if (in_details) {
            details.error = message;
          } else {
            show_toast(state, message);
          }
          return;
        }
        replace_token(state, *result.value);
        const std::string name = in_quotes(result.value->name);
        show_toast(state, enable ? name + " is enabled again."
                                 : name + " is disabled. It stops working at once.");
      }));
}

void present_token_value(UiState &state, const std::string &token, AccessToken access_token,
                         bool rotated) {
  CreatedWindowState &created = state.created;
  platform::wipe(created.token.data(), created.token.size());
  token.copy(created.token.data(), std::min(token.size(), created.token.size() - 1));
  created.access_token = std::move(access_token);
  created.open = true;
  created.copy = CopyFeedback{};
  created.rotated = rotated;
  platform::reset_clipboard_write();
}

void ask_to_rotate(UiState &state, std::int64_t token_id) {
  const bool from_details = state.details.open && state.details.token.id == token_id;
  const AccessToken *token = from_details ? &state.details.token : find_in_list(state, token_id);
  // A disabled token is not rotated (the server says 409): enable it first.
  if (token == nullptr || token->status == TokenStatus::disabled) return;
  RotateWindowState &rotate = state.rotate;
  rotate = RotateWindowState{};
  rotate.open = true;
  rotate.token = *token;
  rotate.return_to_details = from_details;
  rotate.form.draft = draft_from_token(*token);
  // An expired token needs a new expiry: offer the default choice already made.
  rotate.new_expiry = token->status == TokenStatus::expired;
  state.details.open = false;
}

void submit_rotate(UiState &state) {
  RotateWindowState &rotate = state.rotate;
  TokenFormState &form = rotate.form;
  if (form.submitting) return;
  TokenRotation rotation;
  rotation.overlap = rotate.overlap;
  if (rotate.new_expiry) rotation.expiry = form.draft.expiry;
  form.submitting = true;
  form.server_errors.clear();
  form.server_message.clear();
  const std::int64_t token_id = rotate.token.id;
  rotate_access_token(
      state.session.workspace_id, token_id, to_rotate_request(rotation),
      for_this_session<CreatedAccessToken>([token_id](ApiResult<CreatedAccessToken> &result) {
        UiState &state = app_state();
        RotateWindowState &rotate = state.rotate;
        if (!rotate.open || rotate.token.id != token_id) return;
        rotate.form.submitting = false;
        if (!result.ok()) {
          show_server_errors(rotate.form, std::move(result.error));
          return;
        }
        replace_token(state, result.value->access_token);
        present_token_value(state, result.value->token, result.value->access_token, true);
        rotate = RotateWindowState{};
        close_token_details(state);
      }));
}

void cancel_rotate(UiState &state) {
  if (state.rotate.form.submitting) return;
  const bool back = state.rotate.return_to_details;
  state.rotate = RotateWindowState{};
  if (back) state.details.open = true;
}

void ask_to_revoke(UiState &state, std::int64_t token_id) {
  const bool from_details = state.details.open && state.details.token.id == token_id;
  const AccessToken *token = from_details ? &state.details.token : find_in_list(state, token_id);
  if (token == nullptr || token->status == TokenStatus::disabled) return;
  RevokeWindowState &revoke = state.revoke;
  revoke = RevokeWindowState{};
  revoke.open = true;
  revoke.token = *token;
  revoke.return_to_details = from_details;
  state.details.open = false;
}

void confirm_revoke(UiState &state) {
  RevokeWindowState &revoke = state.revoke;
  if (revoke.submitting) return;
  revoke.submitting = true;
  revoke.error.clear();
  const std::int64_t token_id = revoke.token.id;
  revoke_access_token(
      state.session.workspace_id, token_id,
      for_this_session<Done>([token_id](ApiResult<Done> &result) {
        UiState &state = app_state();
        RevokeWindowState &revoke = state.revoke;
        if (revoke.token.id != token_id) return;
        revoke.submitting = false;
        // 404: someone else revoked it already; either way it is gone.
        if (!result.ok() && result.error.status != 404) {
          revoke.error = describe_api_error(result.error);
          return;
        }
        auto &tokens = state.list.tokens;
        tokens.erase(std::remove_if(tokens.begin(), tokens.end(),
                                    [&](const AccessToken &token) { return token.id == token_id; }),
                     tokens.end());
        show_toast(state, in_quotes(revoke.token.name) + " was revoked. It no longer works.");
        revoke = RevokeWindowState{};
        close_token_details(state);
      }));
}

void cancel_revoke(UiState &state) {
  if (state.revoke.submitting) return;
  const bool back = state.revoke.return_to_details;
  state.revoke = RevokeWindowState{};
  if (back) state.details.open = true;
}

}  // namespace hawzu
