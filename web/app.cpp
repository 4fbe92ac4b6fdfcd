#include "web/app.h"

#include "web/api_client.h"
#include "web/app_context.h"
#include "web/audit_log_loader.h"
#include "web/platform/clipboard.h"
#include "web/platform/fetch.h"
#include "web/platform/fonts.h"
#include "web/platform/page.h"
#include "web/platform/secret_memory.h"
#include "web/policy_loader.h"
#include "web/screens.h"
#include "web/token_form.h"
#include "web/token_list_loader.h"
#include "web/token_manage.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>
#include <string>
#include <utility>

namespace hawzu {
namespace {

UiState g_state;
bool g_fonts_ready = false;
// Bumped whenever the signed-in session changes: answers to requests sent under an
// older session are dropped instead of landing in the new one's state.
int g_session_generation = 0;

void show_current_screen() {
  switch (g_state.screen) {
    case AppScreen::starting:
      platform::show_page_screen(platform::PageScreen::loading);
      break;
    case AppScreen::signed_out:
      break;  // enter_signed_out showed the form
    case AppScreen::signed_in:
      platform::show_page_screen(g_fonts_ready ? platform::PageScreen::app
                                               : platform::PageScreen::loading);
      break;
  }
}

// Forgets everything of the previous session, wiping a token still on show.
void clear_session_state() {
  platform::wipe(g_state.created.token.data(), g_state.created.token.size());
  platform::wipe(g_state.policy_page.webhook.secret.data(),
                 g_state.policy_page.webhook.secret.size());
  platform::forget_text_input_state();
  platform::reset_clipboard_write();
  g_state = UiState{};
  ++g_session_generation;
}

void enter_signed_out(const std::string &message) {
  clear_session_state();
  g_state.screen = AppScreen::signed_out;
  platform::show_sign_in(message);
}

void load_options() {
  if (g_state.options_load.loading) return;
  g_state.options_load.loading = true;
  g_state.options_load.error.clear();
  get_token_options(g_state.session.workspace_id,
                    for_this_session<TokenOptions>([](ApiResult<TokenOptions> &result) {
                      LoadState &load = g_state.options_load;
                      load.loading = false;
                      if (result.ok()) {
                        g_state.options = std::move(*result.value);
                        load.loaded = true;
                      } else {
                        load.error = describe_api_error(result.error);
                      }
                    }));
}

void enter_signed_in(SessionInfo session) {
  clear_session_state();
  g_state.screen = AppScreen::signed_in;
  g_state.session = std::move(session);
  reload_token_list(g_state);
  // The options also name the creators offered by the list's filter.
  if (g_state.session.can_manage_access_tokens) load_options();
  show_current_screen();
}

void load_session() {
  get_session([](ApiResult<SessionInfo> &result) {
    if (result.ok()) {
      enter_signed_in(std::move(*result.value));
    } else if (result.error.status == 401) {
      enter_signed_out("");
    } else if (result.error.status == 0) {
      platform::show_fatal_error(
          "The Hawzu server could not be reached. Check your connection and reload the page.");
    } else {
      platform::show_fatal_error("The server could not tell who is signed in (HTTP " +
                                 std::to_string(result.error.status) +
                                 "). Reload the page to try again.");
    }
  });
}

void open_create_window() {
  CreateWindowState &create = g_state.create;
  create = CreateWindowState{};
  create.open = true;
  create.appearing = true;
  create.form.focus_name = true;
  create.form.draft.access_type = AccessType::workspace;  // the common case; one click to change
  // 1 Week, unless the workspace's policy allows less: then the first choice it allows
  // (Custom Date always fits).
  create.form.draft.expiry.kind = ExpiryKind::custom;
  for (ExpiryKind kind : all_expiry_kinds()) {
    if (expiry_kind_allowed(g_state.options.policy, kind, g_state.now_unix,
                            g_state.utc_offset_minutes)) {
      create.form.draft.expiry.kind = kind;
      break;
    }
  }
  if (!g_state.options_load.loaded) load_options();
}

void submit_create() {
  TokenFormState &fields = g_state.create.form;
  if (fields.submitting || first_blocking_reason(fields.draft, form_validation_context(g_state)))
    return;
  fields.submitting = true;
  fields.server_errors.clear();
  fields.server_message.clear();
  create_access_token(
      g_state.session.workspace_id, to_create_request(fields.draft),
      for_this_session<CreatedAccessToken>([](ApiResult<CreatedAccessToken> &result) {
        CreateWindowState &create = g_state.create;
        create.form.submitting = false;
        if (!result.ok()) {
          show_server_errors(create.form, std::move(result.error));
          return;
        }
        present_token_value(g_state, result.value->token, std::move(result.value->access_token),
                            false);
        create.open = false;
        reload_token_list(g_state);  // the new token appears in the table behind the window
        load_options();              // its creator joins the created-by filter
      }));
}

void close_created_window() {
  CreatedWindowState &created = g_state.created;
  platform::wipe(created.token.data(), created.token.size());
  // ImGui's copies of the field (it was maybe focused, selected and copied from).
  platform::forget_text_input_state();
  platform::reset_clipboard_write();
  created = CreatedWindowState{};
}

void sign_out() {
  if (g_state.signing_out) return;
  g_state.signing_out = true;
  delete_session([](ApiResult<Done> &result) {
    if (result.ok() || result.error.status == 401) {
      enter_signed_out("You have signed out.");
    } else {
      g_state.signing_out = false;
      g_state.list.load.error = "Signing out failed: " + describe_api_error(result.error);
    }
  });
}

}  // namespace

UiState &app_state() {
  return g_state;
}

int session_generation() {
  return g_session_generation;
}

void end_session(const std::string &message) {
  enter_signed_out(message);
}

void app_start() {
  platform::on_signed_in(load_session);
  platform::fetch_fonts([](bool ok) {
    if (!ok) {
      platform::show_fatal_error("The page's fonts could not be loaded. Reload the page.");
      return;
    }
    g_fonts_ready = true;
    show_current_screen();
  });
  load_session();
}

bool app_can_draw() {
  return g_fonts_ready && g_state.screen == AppScreen::signed_in;
}

void app_draw() {
  g_state.now_unix = static_cast<std::int64_t>(std::time(nullptr));
  g_state.utc_offset_minutes = platform::local_utc_offset_minutes(g_state.now_unix);
  draw_app(g_state);
}

void app_after_frame() {
  Intents intents = std::exchange(g_state.intents, Intents{});
  if (intents.sign_out) {
    sign_out();
    return;
  }
  if (intents.close_create) g_state.create.open = false;
  if (intents.open_create) open_create_window();
  if (intents.submit_create) submit_create();
  if (intents.close_created) close_created_window();
  if (intents.reload_tokens) reload_token_list(g_state);
  if (intents.load_more_tokens) load_more_tokens(g_state);
  reload_when_search_settled(g_state);
  if (intents.reload_options) load_options();

  if (intents.open_details) open_token_details(g_state, *intents.open_details, false);
  if (intents.edit_token) open_token_details(g_state, *intents.edit_token, true);
  if (intents.start_edit) start_token_edit(g_state);
  if (intents.edit_token || intents.start_edit) {
    if (!g_state.options_load.loaded) load_options();
  }
  if (intents.cancel_edit) cancel_token_edit(g_state);
  if (intents.submit_edit) submit_token_edit(g_state);
  if (intents.close_details) close_token_details(g_state);
  if (intents.lifecycle)
    change_token_state(g_state, intents.lifecycle->first, intents.lifecycle->second);
  if (intents.ask_revoke) ask_to_revoke(g_state, *intents.ask_revoke);
  if (intents.confirm_revoke) confirm_revoke(g_state);
  if (intents.cancel_revoke) cancel_revoke(g_state);
  if (intents.ask_rotate) ask_to_rotate(g_state, *intents.ask_rotate);
  if (intents.submit_rotate) submit_rotate(g_state);
  if (intents.cancel_rotate) cancel_rotate(g_state);

  if (intents.show_token_activity) {
    AuditLogQuery query;
    query.token_id = *intents.show_token_activity;
    query.token_name = g_state.details.token.name;
    g_state.audit.query = std::move(query);
    close_token_details(g_state);
    intents.show_page = AppPage::audit_log;
  }
  if (intents.show_page) {
    g_state.page = *intents.show_page;
    // Fresh on every visit: entries arrive while the person is elsewhere.
    if (g_state.page != AppPage::token_policy) forget_webhook_secret(g_state);
    switch (g_state.page) {
      case AppPage::audit_log:
        load_audit_people(g_state);
        reload_audit_log(g_state);
        break;
      case AppPage::token_policy:
        load_policy_page(g_state);
        break;
      case AppPage::access_tokens:
        reload_token_list(g_state);
        break;
    }
  }
  if (intents.save_policy) save_policy(g_state);
  if (intents.save_webhook) save_webhook(g_state);
  if (intents.remove_webhook) remove_webhook(g_state);
  if (intents.test_webhook) send_test_event(g_state);
  if (intents.reload_deliveries) reload_webhook_deliveries(g_state);
  if (intents.dismiss_webhook_secret) forget_webhook_secret(g_state);
  if (intents.reload_audit_log) reload_audit_log(g_state);
  if (intents.load_more_audit_log) load_more_audit_log(g_state);
  if (intents.export_audit_log) export_audit_log(g_state);
}

}  // namespace hawzu
