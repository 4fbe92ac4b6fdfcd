#include "web/platform/fetch.h"

#include "web/platform/frame_scheduler.h"

#include <emscripten/fetch.h>

#include <cassert>
#include <cstring>
#include <memory>

namespace hawzu::platform {
namespace {

int g_in_flight = 0;

// What a request needs until it is answered: the callback, and the body, which
// emscripten_fetch reads from the heap when it sends.
struct PendingRequest {
  HttpCallback on_done;
  std::string body;
};

// Headers as emscripten_fetch wants them: name, value, ..., nullptr.
const char *const kHeadersWithBody[] = {
    "Accept",           "application/json", "Content-Type", "application/json",
    "X-Requested-With", "hawzu-web",        nullptr};
const char *const kHeadersWithoutBody[] = {"Accept", "application/json", "X-Requested-With",
                                           "hawzu-web", nullptr};

// emscripten_fetch calls onsuccess only for 2xx and onerror for everything else,
// including 4xx answers whose problem+json body the app needs, so both end here.
void finish(emscripten_fetch_t *fetch) {
  std::unique_ptr<PendingRequest> pending(static_cast<PendingRequest *>(fetch->userData));
  HttpResponse response;
  response.status = fetch->status;
  if (fetch->data != nullptr && fetch->numBytes > 0) {
    // `data` is not NUL-terminated: numBytes is the length.
    response.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
    wipe(const_cast<char *>(fetch->data), static_cast<std::size_t>(fetch->numBytes));
  }
  // Closing here is safe: the request has completed (closing one in flight is broken
  // in Emscripten before 3.1.20).
  emscripten_fetch_close(fetch);
  --g_in_flight;
  pending->on_done(response);
  wipe(response.body);
  wipe(pending->body);
  request_frames();
}

}  // namespace

void http_send(const char *method, const std::string &url, const std::string &json_body,
               HttpCallback on_done) {
  assert(method != nullptr && method[0] != '\0');
  assert(!url.empty() && url[0] == '/');
  auto pending = std::make_unique<PendingRequest>();
  pending->on_done = std::move(on_done);
  pending->body = json_body;

  emscripten_fetch_attr_t attr;
  emscripten_fetch_attr_init(&attr);
  std::strncpy(attr.requestMethod, method, sizeof(attr.requestMethod) - 1);
  attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
  attr.onsuccess = finish;
  attr.onerror = finish;
  if (pending->body.empty()) {
    attr.requestHeaders = kHeadersWithoutBody;
  } else {
    attr.requestHeaders = kHeadersWithBody;
    attr.requestData = pending->body.data();
    attr.requestDataSize = pending->body.size();
  }
  attr.userData = pending.release();
  ++g_in_flight;
  emscripten_fetch(&attr, url.c_str());
}

int http_requests_in_flight() {
  return g_in_flight;
}

void wipe(char *bytes, std::size_t size) {
  volatile char *p = bytes;
  for (std::size_t i = 0; i < size; ++i) p[i] = 0;
}

void wipe(std::string &text) {
  // Wipe the whole allocation, not only the characters in use.
  text.resize(text.capacity());
  wipe(text.data(), text.size());
  text.clear();
}

}  // namespace hawzu::platform
