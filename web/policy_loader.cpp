// The Token policy page's requests (policy_loader.h).
#include "web/policy_loader.h"

#include "web/api_client.h"
#include "web/app_context.h"
#include "web/platform/clipboard.h"
#include "web/platform/fetch.h"
#include "web/platform/secret_memory.h"
#include "web/policy_draft.h"
#include "web/token_manage.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <utility>

namespace hawzu {
namespace {

PolicyPageState &page() {
  return app_state().policy_page;
}

void show_webhook(WebhookFormState &form, std::optional<WebhookInfo> webhook) {
  form.webhook = std::move(webhook);
  form.url = form.webhook ? form.webhook->url : "";
  form.events = form.webhook ? form.webhook->events : std::vector<std::string>{};
}

void load_webhook(UiState &state) {
  WebhookFormState &form = state.policy_page.webhook;
  form.load.loading = true;
  form.load.error.clear();
  get_webhook(state.session.workspace_id,
              for_this_session<WebhookInfo>([](ApiResult<WebhookInfo> &result) {
                WebhookFormState &form = page().webhook;
                form.load.loading = false;
                if (result.ok()) {
                  show_webhook(form, std::move(*result.value));
                } else if (result.error.status == 404) {
                  show_webhook(form, std::nullopt);
                } else {
                  form.load.error = describe_api_error(result.error);
                  return;
                }
                form.load.loaded = true;
              }));
}

}  // namespace

void load_policy_page(UiState &state) {
  forget_webhook_secret(state);
  PolicyPageState &policy = state.policy_page;
  policy.load.loading = true;
  policy.load.error.clear();
  get_token_policy(state.session.workspace_id,
                   for_this_session<TokenPolicy>([](ApiResult<TokenPolicy> &result) {
                     PolicyPageState &policy = page();
                     policy.load.loading = false;
                     if (!result.ok()) {
                       policy.load.error = describe_api_error(result.error);
                       return;
                     }
                     policy.policy = *result.value;
                     policy.draft = draft_from_policy(policy.policy);
                     policy.errors.clear();
                     policy.message.clear();
                     policy.load.loaded = true;
                   }));
  load_webhook(state);
  reload_webhook_deliveries(state);
}

void save_policy(UiState &state) {
  PolicyPageState &policy = state.policy_page;
  if (policy.saving || !state.session.can_manage_token_policy) return;
  policy.errors = policy_draft_errors(policy.draft);
  policy.message.clear();
  if (!policy.errors.empty()) return;
  policy.saving = true;
  put_token_policy(state.session.workspace_id, policy_body(policy.draft),
                   for_this_session<TokenPolicy>([](ApiResult<TokenPolicy> &result) {
                     UiState &state = app_state();
                     PolicyPageState &policy = state.policy_page;
                     policy.saving = false;
                     if (!result.ok()) {
                       show_api_error(std::move(result.error), policy.errors, policy.message);
                       return;
                     }
                     policy.policy = *result.value;
                     policy.draft = draft_from_policy(policy.policy);
                     // The create window's choices follow the new policy.
                     state.options.policy = policy.policy;
                     show_toast(state, "The token policy was saved.");
                   }));
}

void save_webhook(UiState &state) {
  WebhookFormState &form = state.policy_page.webhook;
  if (form.saving || !state.session.can_manage_token_policy) return;
  form.saving = true;
  form.errors.clear();
  form.message.clear();
  form.notice.clear();
  put_webhook(state.session.workspace_id, webhook_body(form),
              for_this_session<SavedWebhook>([](ApiResult<SavedWebhook> &result) {
                UiState &state = app_state();
                WebhookFormState &form = state.policy_page.webhook;
                form.saving = false;
                if (!result.ok()) {
                  show_api_error(std::move(result.error), form.errors, form.message);
                  return;
                }
                show_webhook(form, std::move(result.value->webhook));
                forget_webhook_secret(state);
                const std::string &secret = result.value->secret;
                std::memcpy(form.secret.data(), secret.data(),
                            std::min(secret.size(), form.secret.size() - 1));
                reload_webhook_deliveries(state);
              }));
}

void remove_webhook(UiState &state) {
  WebhookFormState &form = state.policy_page.webhook;
  if (form.removing || !form.webhook || !state.session.can_manage_token_policy) return;
  form.removing = true;
  form.message.clear();
  form.notice.clear();
  delete_webhook(state.session.workspace_id, for_this_session<Done>([](ApiResult<Done> &result) {
                   UiState &state = app_state();
                   WebhookFormState &form = state.policy_page.webhook;
                   form.removing = false;
                   if (!result.ok() && result.error.status != 404) {
                     show_api_error(std::move(result.error), form.errors, form.message);
                     return;
                   }
                   forget_webhook_secret(state);
                   show_webhook(form, std::nullopt);
                   form.errors.clear();
                   show_toast(state, "The webhook was removed.");
                 }));
}

void send_test_event(UiState &state) {
  WebhookFormState &form = state.policy_page.webhook;
  if (form.testing || !form.webhook || !state.session.can_manage_token_policy) return;
  form.testing = true;
  form.message.clear();
  form.notice.clear();
  send_webhook_test(state.session.workspace_id,
                    for_this_session<std::string>([](ApiResult<std::string> &result) {
                      UiState &state = app_state();
                      WebhookFormState &form = state.policy_page.webhook;
                      form.testing = false;
                      if (!result.ok()) {
                        show_api_error(std::move(result.error), form.errors, form.message);
                        return;
                      }
                      form.notice = "A test event (" + *result.value +
                                    ") was queued. Refresh the deliveries to see how it went.";
                      reload_webhook_deliveries(state);
                    }));
}

void reload_webhook_deliveries(UiState &state) {
  WebhookFormState &form = state.policy_page.webhook;
  if (form.deliveries_load.loading) return;
  form.deliveries_load.loading = true;
  form.deliveries_load.error.clear();
  list_webhook_deliveries(state.session.workspace_id,
                          for_this_session<std::vector<WebhookDelivery>>(
                              [](ApiResult<std::vector<WebhookDelivery>> &result) {
                                WebhookFormState &form = page().webhook;
                                form.deliveries_load.loading = false;
                                if (!result.ok()) {
                                  form.deliveries_load.error = describe_api_error(result.error);
                                  return;
                                }
                                form.deliveries = std::move(*result.value);
                                form.deliveries_load.loaded = true;
                              }));
}

void forget_webhook_secret(UiState &state) {
  WebhookFormState &form = state.policy_page.webhook;
  if (form.secret[0] == '\0') return;
  platform::wipe(form.secret.data(), form.secret.size());
  // ImGui's copies of the field (it was maybe focused, selected and copied from).
  platform::forget_text_input_state();
  platform::reset_clipboard_write();
  form.secret_copy = CopyFeedback{};
}

}  // namespace hawzu
