// Leak reports from secret scanners (docs/api.md#leak-reports), no authentication:
//   POST /api/v1/access-tokens/leaks
// A JSON array of {"token","type","url","source"}; 202 {"received": N} whether or not
// anything matched, 400 naming the first wrong items' fields, 429 over the rate limit.
// No session or CSRF checks: scanners post from anywhere, and a report can only
// disable a token whose value the sender already holds.
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/problem.h"
#include "http/request_context.h"
#include "http/routes.h"
#include "http/service_errors.h"
#include "services/leak_report_request.h"

#include <sodium.h>

namespace hawzu::server {

void register_leak_report_routes(RouteTable &api, App &app) {
  api.post(kLeakReportPath, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<nlohmann::json> body = read_json_body(request, response);
    // The request object is the server's own (only handed over as const): its body
    // held the reported values, which are wiped once parsed.
    std::string &raw = const_cast<std::string &>(request.body);
    sodium_memzero(raw.data(), raw.size());
    if (!body) return;
    LeakReport report = parse_leak_report(*body);
    if (!report.errors.empty()) {
      send_problem(response, validation_problem(std::move(report.errors)));
      return;
    }
    Result<LeakReportOutcome> outcome =
        app.leak_reports->report(current_request_context().client_address, report);
    if (!outcome) return send_service_error(response, outcome.error());
    send_json(response, {{"received", outcome.value().received}}, 202);
  });
}

}  // namespace hawzu::server
