#include "app_setup.h"

#include "bootstrap.h"
#include "db/postgres/pg_database.h"
#include "db/sqlite/sqlite_database.h"
#include "store/meta_store.h"
#include "store/name_keys.h"
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

// The key check value (token_hasher.h): the first server to start stores it; every
// later one must hold the same key. Empty when the key fits, else why not.
std::string check_token_key(Database &database, const TokenHasher &hasher,
                            const std::string &key_path) {
  const std::string mine = token_key_check_value(hasher);
  Database::Lease connection = database.connect();
  Transaction transaction(*connection);
  const std::string stored = MetaStore(*connection).set_once("token_key_check", mine);
  transaction.commit();
  if (stored.size() == mine.size() && sodium_memcmp(stored.data(), mine.data(), mine.size()) == 0)
    return {};
  return "the token-hashing key " + key_path +
         " is not the key this database's tokens were hashed with; give every server the "
         "same --token-key-file (a different key would make every token unknown)";
}

// The database the options name: PostgreSQL for --database, else the SQLite file in
// the data directory (created private first).
std::unique_ptr<Database> make_database(const ServerOptions &options, std::string &error) {
  if (!options.database_url.empty())
    return std::make_unique<PostgresDatabase>(options.database_url);
  const std::string path = options.data_dir + "/" + kDatabaseFileName;
  error = create_private_database_file(path);
  if (!error.empty()) return nullptr;
  return std::make_unique<SqliteDatabase>(path);
}

}  // namespace

std::string open_app(App &app) {
  if (sodium_init() < 0) return "libsodium cannot be initialised";
  const std::string &data_dir = app.options.data_dir;
  std::string problem;
  app.clock = make_clock(problem);
  if (!app.clock) return problem;
  app.database = make_database(app.options, problem);
  if (!app.database) return problem;
  const std::string where = app.database->describe();
  try {
    MigrationResult migrated = app.database->migrate();
    if (!migrated.ok) return where + ": " + migrated.error;
    log_event("database", std::string(app.database->backend_name()) + " " + where +
                              " (schema version " + std::to_string(migrated.schema_version) + ")");
    if (problem = refresh_name_keys(*app.database); !problem.empty()) return where + ": " + problem;

    // A new key is made only while no token exists: a replaced key would silently
    // turn every existing token into an unknown one.
    const std::string key_path = app.options.token_key_file.empty()
                                     ? data_dir + "/" + kTokenHashKeyFileName
                                     : app.options.token_key_file;
    LoadedKey key = load_or_create_token_hash_key(key_path, !database_holds_tokens(*app.database));
    if (!key.error.empty()) return key.error;
    if (key.created) log_event("created the token-hashing key", key_path);
    app.token_hasher = std::make_unique<TokenHasher>(key.key.view());
    app.secret_box = std::make_unique<SecretBox>(key.key.view());
    if (problem = check_token_key(*app.database, *app.token_hasher, key_path); !problem.empty())
      return problem;

    app.password_hasher = std::make_unique<PasswordHasher>(PasswordHashLimits::interactive());
    app.sessions = std::make_unique<SessionService>(*app.database, *app.clock);
    app.last_use = std::make_unique<LastUseWriter>(*app.database);
    app.last_use->start();
    app.authenticator = std::make_unique<Authenticator>(
        *app.database, *app.sessions, *app.token_hasher, *app.clock, app.last_use.get());
    app.auth = std::make_unique<AuthService>(*app.database, *app.clock, *app.password_hasher,
                                             *app.sessions, *app.authenticator);
    app.tokens = std::make_unique<TokenService>(*app.database, *app.clock, *app.token_hasher);
    app.workspaces = std::make_unique<WorkspaceService>(*app.database);
    app.members = std::make_unique<MemberService>(*app.database, *app.clock);
    app.audit = std::make_unique<AuditService>(*app.database);
    app.policies = std::make_unique<PolicyService>(*app.database, *app.clock);
    app.webhooks = std::make_unique<WebhookService>(*app.database, *app.clock, *app.secret_box,
                                                    app.options.allow_private_webhooks);
    app.leak_reports =
        std::make_unique<LeakReportService>(*app.database, *app.clock, *app.token_hasher);
    app.projects = std::make_unique<ProjectService>(*app.database, *app.clock);
    app.test_cases = std::make_unique<TestCaseService>(*app.database, *app.clock);
    app.usage = std::make_unique<UsageRecorder>(*app.database, *app.clock);
    app.usage->start();
    app.sweeper = std::make_unique<PolicySweeper>(*app.database, *app.clock,
                                                  app.options.sweep_interval_seconds);
    app.webhook_delivery = std::make_unique<WebhookDelivery>(
        *app.database, *app.clock, *app.secret_box, app.options.allow_private_webhooks);

    return bootstrap_data(*app.database, *app.password_hasher, *app.clock, app.options);
  } catch (const DatabaseError &error) {
    return where + ": " + error.what();
  }
}

}  // namespace hawzu::server
