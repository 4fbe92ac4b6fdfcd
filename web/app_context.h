// What the app's request handlers share (app.cpp, token_list_loader.cpp,
// token_manage.cpp): the one UI state, and the rule that an answer only lands in the
// session it was asked for.
#pragma once

#include "web/api_client.h"
#include "web/ui_state.h"

#include <string>

namespace hawzu {

UiState &app_state();

// Bumped whenever the signed-in session changes.
int session_generation();
// Forgets the session's state and shows the sign-in form with `message`.
void end_session(const std::string &message);

inline constexpr const char *kSessionEnded = "Your session has ended. Sign in again to continue.";

// Runs `handle` only if the session is still the one the request was sent under; an
// answer of 401 means the session ended (expired, or signed out elsewhere).
template <typename T, typename Handler>
ApiCallback<T> for_this_session(Handler handle) {
  const int generation = session_generation();
  return [generation, handle](ApiResult<T> &result) {
    if (generation != session_generation()) return;
    if (!result.ok() && result.error.status == 401) {
      end_session(kSessionEnded);
      return;
    }
    handle(result);
  };
}

}  // namespace hawzu
