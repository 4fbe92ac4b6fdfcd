// Helpers for the server unit tests: a temporary directory and a migrated database in
// it, plus the fixtures most store tests need (a workspace, a person, projects).
#pragma once

#include "db/database.h"
#include "db/sqlite/sqlite_database.h"
#include "db/sqlite/sqlite_migrations.h"
#include "store/project_store.h"
#include "store/user_store.h"
#include "store/workspace_store.h"

#include <sodium.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace hawzu::server::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "hawzu-unit-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  const std::string &path() const { return path_; }

 private:
  std::string path_;
};

// A fresh database with the current schema, in its own temporary directory.
struct TestDatabase {
  TempDir dir;
  std::unique_ptr<Database> database;

  TestDatabase() {
    REQUIRE(sodium_init() >= 0);
    database = std::make_unique<SqliteDatabase>(dir.path() + "/test.sqlite3");
    MigrationResult result = database->migrate();
    REQUIRE(result.ok);
  }
};

// A workspace with one person in it, and two projects.
struct WorkspaceFixture {
  std::int64_t workspace_id = 0;
  std::int64_t user_id = 0;
  std::int64_t project_a = 0;
  std::int64_t project_b = 0;

  explicit WorkspaceFixture(Database &database, WorkspaceRole role = WorkspaceRole::owner,
                            const std::string &email = "owner@example.test",
                            const std::string &name = "Olivia Owens") {
    Database::Lease connection = database.connect();
    WorkspaceStore workspaces(*connection);
    workspace_id = workspaces.insert_workspace("Test Workspace", 1000);
    user_id = UserStore(*connection).insert(email, name, "not-a-real-hash", 1000);
    workspaces.set_membership(workspace_id, user_id, role, 1000);
    ProjectStore projects(*connection);
    project_a = projects.insert_project(workspace_id, "Alpha", 1000);
    project_b = projects.insert_project(workspace_id, "Beta", 1000);
  }
};

}  // namespace hawzu::server::testing
