// HTTP requests from the page, over emscripten_fetch (XMLHttpRequest underneath).
//
// Requests go to the page's own origin, so the browser sends the session cookie with
// each. Every request carries `X-Requested-With: hawzu-web` (the server refuses
// state-changing session requests without it) and, with a body, a JSON Content-Type.
// The callback runs later from the browser's event loop, never inside a frame, and a
// frame is requested after it. Main thread only.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace hawzu::platform {

struct HttpResponse {
  int status = 0;  // 0: no HTTP response at all (network failure)
  std::string body;
};

// The callback may move the body out; whatever is left is wiped after it returns,
// because some responses carry a secret (a newly created access token).
using HttpCallback = std::function<void(HttpResponse &response)>;

// REQUIRES: `method` is an HTTP method name; `url` is a path on this origin.
// An empty `json_body` sends no body.
void http_send(const char *method, const std::string &url, const std::string &json_body,
               HttpCallback on_done);

// Requests sent and not yet answered; the UI keeps drawing its loading states while >0.
int http_requests_in_flight();

// Overwrites the characters of `text` with zeros (not optimised away), then clears it.
void wipe(std::string &text);
void wipe(char *bytes, std::size_t size);

}  // namespace hawzu::platform
