// The PostgreSQL schema, versioned in the table schema_version. Each migration moves
// the schema from version N-1 to N inside one transaction. The tables and columns are
// those of the SQLite schema (db/sqlite/sqlite_migrations.cpp) with PostgreSQL types:
// BIGINT identities, BYTEA, and COLLATE "C" on the text that lists sort by, so both
// backends order rows byte by byte alike.
#pragma once

#include "db/database.h"

namespace hawzu::server {

int current_postgres_schema_version();

// The session-level advisory lock that serializes migrations ("hmig").
inline constexpr long long kPostgresMigrationLockKey = 0x686d6967;

// REQUIRES: the caller holds the migration lock (see PostgresDatabase::migrate()).
MigrationResult migrate_postgres_database(Connection &connection);

}  // namespace hawzu::server
