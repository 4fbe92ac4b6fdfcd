// How audit entries look on the wire (docs/api.md#audit-events): as JSON items of the
// audit-events list, and as records of its CSV export, which has the same facts in
// columns. Pure; thread-safe.
#pragma once

#include "store/audit_store.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hawzu::server {

// {"id","time","actor":{"type","id","name"},"action","target":{"type","id","name"}|null,
//  "ip","details":{...}}
nlohmann::json audit_event_json(const AuditRecord &record);

// The export's header record and one entry's record, in the same column order.
const std::vector<std::string> &audit_csv_header();
std::vector<std::string> audit_csv_fields(const AuditRecord &record);

}  // namespace hawzu::server
