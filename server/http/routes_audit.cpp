// The workspace's audit log (docs/api.md#audit-events), Owners and Managers, web session:
//   GET /api/v1/workspace/{wid}/audit-events       a page of entries, newest first
//   GET /api/v1/workspace/{wid}/audit-events.csv   every matching entry, as CSV
// The export is streamed (chunked) in batches read one after the other, so its size is
// not bounded by memory and a slow download holds no database connection between them.
#include "http/api_guard.h"
#include "http/api_target.h"
#include "http/audit_views.h"
#include "http/csv.h"
#include "http/json_views.h"
#include "http/routes.h"
#include "services/audit_query.h"
#include "shared/calendar.h"

#include <memory>

namespace hawzu::server {
namespace {

const std::string kAuditEvents = "/api/v1/workspace/{wid}/audit-events";
constexpr int kExportBatch = 500;

// Where a running export is: the next batch starts before `filter.before_id`.
struct ExportCursor {
  AuditFilter filter;
  bool header_sent = false;
  bool finished = false;
};

std::string export_file_name(std::int64_t workspace_id, std::int64_t now) {
  return "hawzu-audit-log-" + std::to_string(workspace_id) + "-" +
         format_rfc3339_utc(now).substr(0, 10) + ".csv";
}

}  // namespace

void register_audit_routes(RouteTable &api, App &app) {
  api.get(kAuditEvents, [&app](const httplib::Request &request, httplib::Response &response) {
    std::optional<ApiTarget> target =
        resolve_api_target(app, request, response, Operation::list_audit_events);
    if (!target) return;
    Result<AuditFilter> filter = parse_audit_query(request.params, AuditQueryKind::page);
    if (!filter) return send_api_error(response, target->principal, filter.error());
    Result<AuditPage> page =
        app.audit->list(target->principal, target->workspace_id, std::move(filter.value()));
    if (!page) return send_api_error(response, target->principal, page.error());
    nlohmann::json items = nlohmann::json::array();
    for (const AuditRecord &record : page.value().items) items.push_back(audit_event_json(record));
    const std::optional<std::string> &next = page.value().next_cursor;
    send_json(response, {{"items", items},
                         {"next_cursor", next ? nlohmann::json(*next) : nlohmann::json(nullptr)}});
  });

  api.get(
      kAuditEvents + ".csv", [&app](const httplib::Request &request, httplib::Response &response) {
        std::optional<ApiTarget> target =
            resolve_api_target(app, request, response, Operation::list_audit_events);
        if (!target) return;
        Result<AuditFilter> filter = parse_audit_query(request.params, AuditQueryKind::export_all);
        if (!filter) return send_api_error(response, target->principal, filter.error());
        if (Result<Done> access = app.audit->check_access(target->principal, target->workspace_id);
            !access)
          return send_api_error(response, target->principal, access.error());

        const std::int64_t workspace_id = target->workspace_id;
        response.set_header(
            "Content-Disposition",
            "attachment; filename=\"" + export_file_name(workspace_id, app.clock->now()) + "\"");
        auto cursor = std::make_shared<ExportCursor>();
        cursor->filter = std::move(filter.value());
        response.set_chunked_content_provider(
            "text/csv; charset=utf-8",
            [&app, workspace_id, cursor](std::size_t, httplib::DataSink &sink) {
              std::string chunk;
              if (!cursor->header_sent) {
                append_csv_record(chunk, audit_csv_header());
                cursor->header_sent = true;
              }
              std::vector<AuditRecord> batch =
                  app.audit->export_batch(workspace_id, cursor->filter, kExportBatch);
              for (const AuditRecord &record : batch)
                append_csv_record(chunk, audit_csv_fields(record));
              if (!batch.empty()) cursor->filter.before_id = batch.back().id;
              if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) return false;
              if (static_cast<int>(batch.size()) < kExportBatch) sink.done();
              return true;
            });
      });
}

}  // namespace hawzu::server
