#include "web/audit_log_loader.h"

#include "web/app_context.h"
#include "web/platform/page.h"
#include "web/url_query.h"

#include <utility>

namespace hawzu {
namespace {

void take_page(int generation, bool first, ApiResult<AuditPage> &result) {
  AuditLogState &audit = app_state().audit;
  if (generation != audit.generation) return;
  audit.load.loading = false;
  audit.loading_more = false;
  if (result.ok()) {
    if (first) {
      audit.events = std::move(result.value->events);
    } else {
      for (AuditEvent &event : result.value->events) audit.events.push_back(std::move(event));
    }
    audit.next_cursor = std::move(result.value->next_cursor);
    audit.load.loaded = true;
    audit.load.error.clear();
    audit.more_error.clear();
  } else if (first) {
    audit.load.error = describe_api_error(result.error);
  } else {
    audit.more_error = describe_api_error(result.error);
  }
}

void request_page(UiState &state, const std::string &cursor) {
  const int generation = state.audit.generation;
  const bool first = cursor.empty();
  std::string query = audit_filter_query(state.audit.query);
  query += std::string(query.empty() ? "" : "&") + "limit=" + std::to_string(kAuditPageSize);
  if (!cursor.empty()) query += "&cursor=" + percent_encode(cursor);
  list_audit_events(state.session.workspace_id, query,
                    for_this_session<AuditPage>([=](ApiResult<AuditPage> &result) {
                      take_page(generation, first, result);
                    }));
}

}  // namespace

std::string audit_filter_query(const AuditLogQuery &query) {
  std::string text;
  const auto add = [&text](const char *name, const std::string &value) {
    text += std::string(text.empty() ? "" : "&") + name + "=" + percent_encode(value);
  };
  if (query.action) add("action", *query.action);
  if (query.actor_id) add("actor_id", std::to_string(*query.actor_id));
  if (query.token_id) add("token_id", std::to_string(*query.token_id));
  if (query.dates.from) add("from", local_instant(*query.dates.from, false));
  if (query.dates.to) add("to", local_instant(*query.dates.to, true));
  return text;
}

void reload_audit_log(UiState &state) {
  AuditLogState &audit = state.audit;
  ++audit.generation;
  audit.load.loading = true;
  audit.loading_more = false;
  audit.more_error.clear();
  request_page(state, "");
}

void load_more_audit_log(UiState &state) {
  AuditLogState &audit = state.audit;
  if (audit.load.loading || audit.loading_more || audit.next_cursor.empty()) return;
  audit.loading_more = true;
  audit.more_error.clear();
  request_page(state, audit.next_cursor);
}

void load_audit_people(UiState &state) {
  if (state.audit.people_requested) return;
  state.audit.people_requested = true;
  list_members(state.session.workspace_id,
               for_this_session<std::vector<UserRef>>([](ApiResult<std::vector<UserRef>> &result) {
                 AuditLogState &audit = app_state().audit;
                 if (result.ok())
                   audit.people = std::move(*result.value);
                 else
                   audit.people_requested = false;  // asked again next time the page opens
               }));
}

void export_audit_log(const UiState &state) {
  platform::download(
      audit_export_path(state.session.workspace_id, audit_filter_query(state.audit.query)));
}

void load_token_activity(UiState &state, std::int64_t token_id) {
  TokenActivityState &activity = state.details.activity;
  activity = TokenActivityState{};
  activity.load.loading = true;
  const std::string query =
      "token_id=" + std::to_string(token_id) + "&limit=" + std::to_string(kTokenActivitySize);
  list_audit_events(state.session.workspace_id, query,
                    for_this_session<AuditPage>([token_id](ApiResult<AuditPage> &result) {
                      DetailsWindowState &details = app_state().details;
                      if (!details.open || details.token.id != token_id)
                        return;  // another token's now
                      TokenActivityState &activity = details.activity;
                      activity.load.loading = false;
                      if (result.ok()) {
                        activity.events = std::move(result.value->events);
                        activity.more = !result.value->next_cursor.empty();
                        activity.load.loaded = true;
                      } else {
                        activity.load.error = describe_api_error(result.error);
                      }
                    }));
}

}  // namespace hawzu
