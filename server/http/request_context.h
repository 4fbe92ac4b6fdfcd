// Per-request facts the access log needs but the routes produce: when the request
// started, who made it, and from where (http/client_origin.h).
//
// cpp-httplib serves each request start to finish (pre-routing, handler, response,
// logger) on one pool thread, so a thread_local slot is the request's own for that
// time. It is reset at the start of every request (pre-routing).
#pragma once

#include "auth/principal.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace hawzu::server {

struct RequestContext {
  std::chrono::steady_clock::time_point started_at;
  // "user:12" or "token:hwz_Ab12Cd34" (the public identifier); empty if anonymous.
  // Never a secret.
  std::string principal;
  // The client's address and whether it reached us over HTTPS, behind a trusted
  // reverse proxy too. Set before routing.
  std::string client_address;
  bool https = false;
  // The API route that took the request, as its template ("/api/v1/workspace/{wid}/
  // projects"), set by the route table; null for anything else. For token usage.
  std::shared_ptr<const std::string> route_template;
  // The access token the request named, once the server knows which one it is (it
  // authenticated, or it is disabled or expired); 0 otherwise. For token usage.
  std::int64_t usage_token_id = 0;
};

RequestContext &current_request_context();
void reset_request_context();

// Once a request is authenticated: the access log names `principal`, and the principal
// carries the request's client address (for the audit rows its changes write).
void adopt_principal(Principal &principal);

}  // namespace hawzu::server
