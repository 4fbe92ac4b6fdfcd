#include "web/token_list_loader.h"

#include "web/app_context.h"
#include "web/platform/frame_scheduler.h"
#include "web/token_list_query.h"

#include <emscripten.h>

#include <utility>

namespace hawzu {
namespace {

// An answer for the list: dropped when the query changed since it was asked.
void take_page(int generation, bool filtered, bool first, ApiResult<TokenPage> &result) {
  TokenListState &list = app_state().list;
  if (generation != list.generation) return;
  list.load.loading = false;
  list.loading_more = false;
  if (result.ok()) {
    if (first) {
      list.tokens = std::move(result.value->tokens);
    } else {
      for (AccessToken &token : result.value->tokens) list.tokens.push_back(std::move(token));
    }
    list.next_cursor = std::move(result.value->next_cursor);
    list.rows_filtered = filtered;
    list.load.loaded = true;
    list.load.error.clear();
    list.more_error.clear();
  } else if (result.error.status == 403) {
    list.forbidden = true;
    list.load.loaded = true;
  } else if (first) {
    list.load.error = describe_api_error(result.error);
  } else {
    list.more_error = describe_api_error(result.error);
  }
}

void request_page(UiState &state, const std::string &cursor) {
  const int generation = state.list.generation;
  const bool filtered = state.list.query.filtered();
  const bool first = cursor.empty();
  list_access_tokens(state.session.workspace_id, to_query_string(state.list.query, cursor),
                     for_this_session<TokenPage>([=](ApiResult<TokenPage> &result) {
                       take_page(generation, filtered, first, result);
                     }));
}

}  // namespace

void reload_token_list(UiState &state) {
  TokenListState &list = state.list;
  ++list.generation;
  list.search_edited_at = 0;
  list.load.loading = true;
  list.loading_more = false;
  list.more_error.clear();
  request_page(state, "");
}

void load_more_tokens(UiState &state) {
  TokenListState &list = state.list;
  if (list.load.loading || list.loading_more || list.next_cursor.empty()) return;
  list.loading_more = true;
  list.more_error.clear();
  request_page(state, list.next_cursor);
}

void reload_when_search_settled(UiState &state) {
  if (state.list.search_edited_at == 0) return;
  const double waited = emscripten_get_now() - state.list.search_edited_at;
  if (waited >= kSearchSettleMilliseconds) {
    reload_token_list(state);
  } else {
    platform::request_frame_after(kSearchSettleMilliseconds - waited + 1);
  }
}

}  // namespace hawzu
