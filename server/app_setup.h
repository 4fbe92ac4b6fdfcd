// Start-up of everything behind the routes: libsodium, the database file (created with
// mode 0600, migrated, checked), the token-hashing key, the services, and the first-
// start / demo data (bootstrap.h). Runs once in main(), before the server listens.
#pragma once

#include "app.h"

#include <string>

namespace hawzu::server {

// The database file in the data directory.
inline constexpr const char *kDatabaseFileName = "hawzu.sqlite3";

// Fills app.clock .. app.workspaces from app.options. Returns an empty string on
// success, else a one-line reason the server cannot start. Logs start-up lines.
std::string open_app(App &app);

}  // namespace hawzu::server
