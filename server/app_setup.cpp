#include "app_setup.h"

#include "bootstrap.h"
#include "db/migrations.h"
#include "util/event_log.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace hawzu::server {
namespace {

// SQLite creates a new file with the process umask (often 0644) and gives the -wal and
// -shm files the database file's mode. Creating it first with 0600 keeps all three
// private.
std::string create_private_database_file(const std::string &path) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return "cannot create " + path + ": " + std::strerror(errno);
  ::close(fd);
  return {};
}

// The server's clock: the system clock, or, when HAWZU_TEST_NOW_OFFSET_SECONDS is set
// (tests of token expiry across processes), the system clock moved by that many
// seconds. Empty `error` unless the variable is set but not a number of seconds within
// ±10 years.
std::unique_ptr<Clock> make_clock(std::string &error) {
  const char *offset_text = std::getenv("HAWZU_TEST_NOW_OFFSET_SECONDS");
  if (!offset_text) return std::make_unique<SystemClock>();
  constexpr long long kMaxOffset = 10LL * 366 * 86400;
  char *end = nullptr;
  errno = 0;
  const long long offset = std::strtoll(offset_text, &end, 10);
  if (*offset_text == '\0' || *end != '\0' || errno != 0 || offset < -kMaxOffset ||
      offset > kMaxOffset) {
    error = "HAWZU_TEST_NOW_OFFSET_SECONDS is not a number of seconds within 10 years";
    return nullptr;
  }
  log_event("HAWZU_TEST_NOW_OFFSET_SECONDS is set: this server's clock runs " +
            std::to_string(offset) + " seconds off the system clock (for tests only)");
  return std::make_unique<OffsetClock>(offset);
}

bool database_holds_tokens(Database &database) {
  Database::Lease connection = database.connect();
  Statement statement = connection->prepare("SELECT EXISTS (SELECT 1 FROM access_tokens)");
  return statement.step() && statement.column_int64(0) != 0;
}

}  // namespace

std::string open_app(App &app) {
  if (sodium_init() < 0) return "libsodium cannot be initialised";
  const std::string &data_dir = app.options.data_dir;
  const std::string database_path = data_dir + "/" + kDatabaseFileName;

  if (std::string problem = create_private_database_file(database_path); !problem.empty())
    return problem;
  std::string clock_error;
  app.clock = make_clock(clock_error);
  if (!app.clock) return clock_error;
  app.database = std::make_unique<Database>(database_path);
  try {
    MigrationResult migrated;
    {
      Database::Lease connection = app.database->connect();
      migrated = migrate_database(*connection);
    }
    if (!migrated.ok) return database_path + ": " + migrated.error;
    log_event("database",
              database_path + " (schema version " + std::to_string(migrated.schema_version) + ")");

    // A new key is made only while no token exists: a replaced key would silently
    // turn every existing token into an unknown one.
    LoadedKey key = load_or_create_token_hash_key(data_dir, !database_holds_tokens(*app.database));
    if (!key.error.empty()) return key.error;
    if (key.created)
      log_event("created the token-hashing key", data_dir + "/" + kTokenHashKeyFileName);
    app.token_hasher = std::make_unique<TokenHasher>(key.key.view());

    app.password_hasher = std::make_unique<PasswordHasher>(PasswordHashLimits::interactive());
    app.sign_in_throttle = std::make_unique<SignInThrottle>();
    app.sessions = std::make_unique<SessionService>(*app.database, *app.clock);
    app.authenticator = std::make_unique<Authenticator>(*app.database, *app.sessions,
                                                        *app.token_hasher, *app.clock);
    app.auth =
        std::make_unique<AuthService>(*app.database, *app.clock, *app.password_hasher,
                                      *app.sign_in_throttle, *app.sessions, *app.authenticator);
    app.tokens = std::make_unique<TokenService>(*app.database, *app.clock, *app.token_hasher);
    app.workspaces = std::make_unique<WorkspaceService>(*app.database);
    app.projects = std::make_unique<ProjectService>(*app.database, *app.clock);
    app.test_cases = std::make_unique<TestCaseService>(*app.database, *app.clock);

    return bootstrap_data(*app.database, *app.password_hasher, *app.clock, app.options);
  } catch (const DatabaseError &error) {
    return database_path + ": " + error.what();
  }
}

}  // namespace hawzu::server
