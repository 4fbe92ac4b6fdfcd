#include "http/usage_capture.h"

#include "http/request_context.h"

namespace hawzu::server {

void capture_token_usage(UsageRecorder &recorder, const Clock &clock,
                         const httplib::Request &request, const httplib::Response &response) {
  RequestContext &context = current_request_context();
  // Only requests a route took (so it has a template) that named a token the server
  // knows; a malformed or unknown token names nobody to record it for.
  if (context.usage_token_id == 0 || !context.route_template) return;
  RecordedCall call;
  call.token_id = context.usage_token_id;
  call.time = clock.now();
  call.method = request.method;
  call.route = context.route_template;
  call.status = response.status;
  call.ip = context.client_address.empty() ? request.remote_addr : context.client_address;
  const std::string &agent = request.get_header_value("User-Agent");
  call.user_agent.assign(agent, 0, std::min(agent.size(), kMaxRawUserAgent));
  recorder.record(std::move(call));
}

}  // namespace hawzu::server
