// First start and demo data (docs/product.md#running-it).
//
// First start (no account exists yet): creates a workspace and its owner account with
// the --admin-email address (default admin@localhost) and a random password of 20
// base62 characters (≈119 bits), written to DATA/initial-admin-password (mode 0600)
// before the account exists, and printed once as a start-up line. The workspace is
// "My Workspace", or with --demo the demo workspace "Acme QA", so that the admin and
// the demo people share one workspace.
//
// --demo: seeds, once per database (recorded in the meta table), the workspace
// "Acme QA" with four projects, a few test cases each, no tokens, and five people, one
// per workspace role, all with the password "hawzu-demo". A demo email that already
// has an account keeps its password and is given its demo role.
//
// Each step is one transaction: a crash leaves the step undone, and the next start
// does it again.
#pragma once

#include "cli_options.h"
#include "db/database.h"
#include "security/password_hasher.h"
#include "util/clock.h"

#include <string>

namespace hawzu::server {

inline constexpr const char *kInitialAdminPasswordFileName = "initial-admin-password";
inline constexpr const char *kDemoPassword = "hawzu-demo";
inline constexpr const char *kDemoWorkspaceName = "Acme QA";
inline constexpr const char *kDefaultWorkspaceName = "My Workspace";

// Returns an empty string on success, else a one-line reason the server cannot start.
std::string bootstrap_data(Database &database, PasswordHasher &hasher, const Clock &clock,
                           const ServerOptions &options);

}  // namespace hawzu::server
