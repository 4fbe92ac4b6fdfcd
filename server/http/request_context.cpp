#include "request_context.h"

namespace hawzu::server {

namespace {
thread_local RequestContext tls_request_context;
}

RequestContext &current_request_context() {
  return tls_request_context;
}

void reset_request_context() {
  tls_request_context.started_at = std::chrono::steady_clock::now();
  tls_request_context.principal.clear();
  tls_request_context.route_template.reset();
  tls_request_context.usage_token_id = 0;
}

void adopt_principal(Principal &principal) {
  tls_request_context.principal = principal.log_name();
  principal.set_client_address(tls_request_context.client_address);
}

}  // namespace hawzu::server
