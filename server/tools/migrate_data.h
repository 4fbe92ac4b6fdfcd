// hawzu-server migrate-data --from DIR --to postgresql://...: moves an existing SQLite
// data directory to an empty PostgreSQL database (docs/operations.md, "Moving an
// existing data directory").
#pragma once

#include <string>
#include <vector>

namespace hawzu::server {

// True when argv[1] names this subcommand.
bool is_migrate_data_command(const std::vector<std::string> &args);

// Runs the subcommand; `args` are the words after "migrate-data". Prints the summary
// to stdout and problems to stderr. Returns the exit status: 0 copied and verified,
// 1 nothing written (a non-empty target, a failure, counts that differ), 2 bad usage.
int run_migrate_data(const std::vector<std::string> &args);

std::string migrate_data_usage();

}  // namespace hawzu::server
