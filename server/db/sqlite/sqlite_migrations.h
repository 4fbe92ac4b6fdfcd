// The SQLite schema, versioned with PRAGMA user_version. Each migration moves the
// schema from version N-1 to N inside one transaction, so a crash leaves either the old
// or the new schema, never half of one. Run once at start-up, before any request.
#pragma once

#include "db/database.h"

#include <string>

namespace hawzu::server {

// The schema version this server writes and understands.
int current_sqlite_schema_version();

// Sets WAL mode, checks the file (PRAGMA quick_check), and applies the migrations the
// file lacks. Refuses a file written by a newer server (a higher user_version).
MigrationResult migrate_sqlite_database(Connection &connection);

}  // namespace hawzu::server
