// The folded name keys that case-insensitive uniqueness and search compare (the
// name_key columns of access tokens, projects and people), kept in step with the
// folding rule of shared/ (token_name_key()). When that rule changes, the keys
// stored by an older server are recomputed once, at start-up.
#pragma once

#include "db/database.h"

#include <string>

namespace hawzu::server {

// The version of the folding rule; raise it whenever token_name_key() changes.
inline constexpr int kNameKeyRuleVersion = 2;  // 2: full Unicode case folding

// Recomputes every stored name key when they were folded by another rule version.
// Returns an empty string, or why the keys cannot be brought up to date (two live
// names that collide under the new rule). Takes the write lock.
std::string refresh_name_keys(Database &database);

}  // namespace hawzu::server
