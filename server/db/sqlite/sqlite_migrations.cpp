#include "db/sqlite/sqlite_migrations.h"

#include <vector>

namespace hawzu::server {
namespace {

// Migration N (1-based) is kSqliteMigrations[N-1]. Never edit a released migration: add one.
//
// Conventions: times are Unix seconds (INTEGER, UTC); roles are stored by their wire
// names ("workspace_manager") so the file reads the same as the API; CHECK constraints
// repeat the rules the code keeps, so a bug cannot store an impossible row.
const std::vector<std::string> kSqliteMigrations = {
    // 1: people, workspaces, projects, test cases, sessions, access tokens, audit log.
    R"SQL(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE workspaces (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name          TEXT NOT NULL,
  password_hash TEXT NOT NULL,  -- crypto_pwhash_str (Argon2id) text
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

-- A user's one role in a workspace they belong to.
CREATE TABLE memberships (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role         TEXT NOT NULL CHECK (role IN ('workspace_owner', 'workspace_manager',
                 'workspace_coordinator', 'workspace_member', 'workspace_viewer')),
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
) WITHOUT ROWID;
CREATE INDEX memberships_by_user ON memberships(user_id);

CREATE TABLE projects (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX projects_by_workspace ON projects(workspace_id, id);

CREATE TABLE test_cases (
  id              INTEGER PRIMARY KEY,
  project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  title           TEXT NOT NULL,
  description     TEXT NOT NULL DEFAULT '',
  steps           TEXT NOT NULL DEFAULT '',
  expected_result TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX test_cases_by_project ON test_cases(project_id, id);

-- Web sessions. Only a hash of the session id is stored: a copy of this table cannot
-- be replayed as cookies.
CREATE TABLE sessions (
  id           INTEGER PRIMARY KEY,
  id_hash      BLOB NOT NULL UNIQUE CHECK (length(id_hash) = 32),
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE INDEX sessions_by_last_seen ON sessions(last_seen_at);

-- Access tokens. secret_hash is the keyed BLAKE2b-256 of the whole token; the token
-- itself is never stored. Revoked rows stay (status 'revoked') for the audit trail.
CREATE TABLE access_tokens (
  id             INTEGER PRIMARY KEY,
  workspace_id   INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  name_key       TEXT NOT NULL,  -- shared token_name_key(): what names collide on
  identifier     TEXT NOT NULL,  -- "hwz_" + 8 characters, public
  secret_hash    BLOB NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
  access_type    TEXT NOT NULL CHECK (access_type IN ('workspace', 'project')),
  workspace_role TEXT CHECK (workspace_role IN ('workspace_manager', 'workspace_coordinator',
                   'workspace_member', 'workspace_viewer')),
  status         TEXT NOT NULL DEFAULT 'enabled'
                   CHECK (status IN ('enabled', 'disabled', 'revoked')),
  created_by     INTEGER NOT NULL REFERENCES users(id),
  created_at     INTEGER NOT NULL,
  expires_at     INTEGER,  -- the last valid second; NULL: never expires
  last_used_at   INTEGER,
  updated_at     INTEGER NOT NULL,
  revoked_at     INTEGER,
  CHECK ((access_type = 'workspace') = (workspace_role IS NOT NULL)),
  CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
);
-- Names are unique (case-insensitively) among the tokens that are not revoked. The
-- index, not only the service's check, enforces it, so two racing creates cannot both
-- win.
CREATE UNIQUE INDEX access_tokens_live_name
  ON access_tokens(workspace_id, name_key) WHERE status != 'revoked';
CREATE INDEX access_tokens_by_workspace ON access_tokens(workspace_id, created_at, id);

-- The project grants of a project token: one role per project.
CREATE TABLE access_token_projects (
  token_id   INTEGER NOT NULL REFERENCES access_tokens(id) ON DELETE CASCADE,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('project_manager', 'project_coordinator',
               'project_member', 'project_viewer')),
  PRIMARY KEY (token_id, project_id)
) WITHOUT ROWID;
CREATE INDEX access_token_projects_by_project ON access_token_projects(project_id);

-- Who did what, when. No foreign keys on purpose: a record outlives what it names.
-- details is a JSON object and never holds a secret (no token, no password).
CREATE TABLE audit_log (
  id             INTEGER PRIMARY KEY,
  time           INTEGER NOT NULL,
  workspace_id   INTEGER,
  actor_user_id  INTEGER,
  actor_token_id INTEGER,
  action         TEXT NOT NULL,
  target_type    TEXT,
  target_id      INTEGER,
  details        TEXT NOT NULL DEFAULT '{}'  -- a JSON object (written by AuditStore)
);
CREATE INDEX audit_log_by_workspace ON audit_log(workspace_id, time);
)SQL",

    // 2: the Hawzu API resources: a project description, unique project names in a
    // workspace (ignoring ASCII case, as NOCASE does), and a test-case priority.
    R"SQL(
ALTER TABLE projects ADD COLUMN description TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX projects_unique_name ON projects(workspace_id, name COLLATE NOCASE);
ALTER TABLE test_cases ADD COLUMN priority TEXT NOT NULL DEFAULT 'medium'
  CHECK (priority IN ('low', 'medium', 'high', 'critical'));
)SQL",

    // 3: one rule for case-insensitive names: projects and people get the same folded
    // key column as tokens (shared token_name_key(); store/name_keys.h fills it in with
    // the real rule at start-up), replacing projects' COLLATE NOCASE index. E-mail
    // addresses are kept folded to lower case by the store.
    R"SQL(
ALTER TABLE projects ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE projects SET name_key = lower(name);
DROP INDEX projects_unique_name;
CREATE UNIQUE INDEX projects_unique_name_key ON projects(workspace_id, name_key);
ALTER TABLE users ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE users SET name_key = lower(name), email = lower(email);
)SQL",

    // 4: sign-in attempts, so that throttling counts hold across several servers.
    R"SQL(
CREATE TABLE sign_in_attempts (
  id          INTEGER PRIMARY KEY,
  account_key TEXT NOT NULL,  -- the e-mail as typed, lower case
  address_key TEXT NOT NULL,  -- the client address (IPv6: its /64)
  time        INTEGER NOT NULL
);
CREATE INDEX sign_in_attempts_by_pair ON sign_in_attempts(account_key, address_key, time);
CREATE INDEX sign_in_attempts_by_address ON sign_in_attempts(address_key, time);
CREATE INDEX sign_in_attempts_by_time ON sign_in_attempts(time);
)SQL",

    // 5: token authority follows people. Each token has an owner, the member whose
    // current role bounds it (first its creator), and a disabled token may say why it
    // was disabled by the server rather than by a person ('owner_removed').
    R"SQL(
ALTER TABLE access_tokens ADD COLUMN owner_id INTEGER REFERENCES users(id);
UPDATE access_tokens SET owner_id = created_by;
ALTER TABLE access_tokens ADD COLUMN disabled_reason TEXT
  CHECK (disabled_reason IN ('owner_removed'));
CREATE INDEX access_tokens_by_owner ON access_tokens(workspace_id, owner_id);
)SQL",

    // 6: rotation, a readable audit log, and usage. A rotated token keeps its previous
    // secret's hash until previous_value_expires_at (the last valid second); audit rows
    // gain the client address and indexes for the audit-events filters; the last calls of
    // each token and its daily counts are kept (bounded by the usage recorder's pruning).
    R"SQL(
ALTER TABLE access_tokens ADD COLUMN previous_secret_hash BLOB
  CHECK (previous_secret_hash IS NULL OR length(previous_secret_hash) = 32);
ALTER TABLE access_tokens ADD COLUMN previous_value_expires_at INTEGER;
ALTER TABLE access_tokens ADD COLUMN last_used_ip TEXT;
CREATE UNIQUE INDEX access_tokens_previous_secret
  ON access_tokens(previous_secret_hash) WHERE previous_secret_hash IS NOT NULL;

ALTER TABLE audit_log ADD COLUMN ip TEXT;
CREATE INDEX audit_log_by_workspace_id ON audit_log(workspace_id, id);
CREATE INDEX audit_log_by_target ON audit_log(workspace_id, target_type, target_id, id);

CREATE TABLE access_token_calls (
  id         INTEGER PRIMARY KEY,
  token_id   INTEGER NOT NULL REFERENCES access_tokens(id) ON DELETE CASCADE,
  time       INTEGER NOT NULL,
  method     TEXT NOT NULL,
  route      TEXT NOT NULL,  -- the route template ("/api/v1/workspace/{wid}/projects")
  status     INTEGER NOT NULL,
  ip         TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX access_token_calls_by_token ON access_token_calls(token_id, id);

CREATE TABLE access_token_daily_use (
  token_id INTEGER NOT NULL REFERENCES access_tokens(id) ON DELETE CASCADE,
  day      INTEGER NOT NULL,  -- days since 1970-01-01, UTC
  requests INTEGER NOT NULL,
  errors   INTEGER NOT NULL,  -- answers with status 400 or above
  PRIMARY KEY (token_id, day)
) WITHOUT ROWID;
)SQL",
    // 7: governance. A workspace's token policy; its webhook (the signing secret sealed
    // with a key derived from the server key: it must be read back to sign) and the
    // events queued for it with each delivery attempt; the reminders already announced
    // (one per token, warning and expiry instant, so a sweep never announces twice and a
    // new expiry re-arms them); leases, so one server in a cluster runs the sweeper; leak
    // reports per client address (their rate limit); where a leaked token was found.
    // disabled_reason gains 'unused' (the policy's auto-disable) and 'leaked': SQLite
    // cannot change a CHECK, so the column is rebuilt through a copy.
    R"SQL(
CREATE TABLE access_token_policies (
  workspace_id              INTEGER PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  max_lifetime_days         INTEGER CHECK (max_lifetime_days BETWEEN 1 AND 3650),
  allow_never_expires       INTEGER NOT NULL CHECK (allow_never_expires IN (0, 1)),
  disable_after_unused_days INTEGER CHECK (disable_after_unused_days BETWEEN 1 AND 3650),
  expiry_warning_days       TEXT NOT NULL,  -- a JSON array of day counts, largest first
  updated_by                INTEGER,
  updated_at                INTEGER NOT NULL
);

CREATE TABLE webhooks (
  workspace_id  INTEGER PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  url           TEXT NOT NULL,
  events        TEXT NOT NULL,  -- a JSON array of event names
  secret_sealed BLOB NOT NULL,  -- nonce and ciphertext of the signing secret
  created_by    INTEGER,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

-- One event for one workspace's webhook, delivered at least once: pending until an
-- attempt succeeds (delivered) or the retries run out (failed). A server claims a due
-- row by moving claimed_until ahead, so two servers never send it at the same time.
CREATE TABLE webhook_events (
  id              INTEGER PRIMARY KEY,
  event_id        TEXT NOT NULL UNIQUE,  -- the delivery's idempotency id, sent as "id"
  workspace_id    INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  event           TEXT NOT NULL,
  body            TEXT NOT NULL,  -- the JSON body exactly as signed and sent
  created_at      INTEGER NOT NULL,
  state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  claimed_until   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX webhook_events_due ON webhook_events(state, next_attempt_at);
CREATE INDEX webhook_events_by_workspace ON webhook_events(workspace_id, id);

CREATE TABLE webhook_attempts (
  id           INTEGER PRIMARY KEY,
  event_row    INTEGER NOT NULL REFERENCES webhook_events(id) ON DELETE CASCADE,
  workspace_id INTEGER NOT NULL,
  time         INTEGER NOT NULL,
  url          TEXT NOT NULL,
  status_code  INTEGER,  -- NULL: no HTTP answer (error says why)
  error        TEXT,
  duration_ms  INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_by_workspace ON webhook_attempts(workspace_id, id);

CREATE TABLE access_token_reminders (
  token_id   INTEGER NOT NULL REFERENCES access_tokens(id) ON DELETE CASCADE,
  reminder   TEXT NOT NULL,     -- "expiring:<days>" or "expired"
  expires_at INTEGER NOT NULL,  -- the expiry it was about
  sent_at    INTEGER NOT NULL,
  PRIMARY KEY (token_id, reminder, expires_at)
) WITHOUT ROWID;

CREATE TABLE leases (
  name       TEXT PRIMARY KEY,
  holder     TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE leak_reports (
  id          INTEGER PRIMARY KEY,
  address_key TEXT NOT NULL,  -- the client address (IPv6: its /64)
  time        INTEGER NOT NULL,
  tokens      INTEGER NOT NULL
);
CREATE INDEX leak_reports_by_address ON leak_reports(address_key, time);

ALTER TABLE access_tokens ADD COLUMN leak_url TEXT;
ALTER TABLE access_tokens ADD COLUMN leak_source TEXT;
ALTER TABLE access_tokens ADD COLUMN leaked_at INTEGER;

ALTER TABLE access_tokens ADD COLUMN disabled_reason_copy TEXT;
UPDATE access_tokens SET disabled_reason_copy = disabled_reason;
ALTER TABLE access_tokens DROP COLUMN disabled_reason;
ALTER TABLE access_tokens ADD COLUMN disabled_reason TEXT
  CHECK (disabled_reason IN ('owner_removed', 'unused', 'leaked'));
UPDATE access_tokens SET disabled_reason = disabled_reason_copy;
ALTER TABLE access_tokens DROP COLUMN disabled_reason_copy;
)SQL",
    // 8: each delivery attempt keeps its number within its event and when the next one
    // was due (NULL: none, delivered or given up), since attempts are pruned to the
    // latest per workspace and an event's own row only holds its latest state.
    R"SQL(
ALTER TABLE webhook_attempts ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;
ALTER TABLE webhook_attempts ADD COLUMN next_attempt_at INTEGER;
)SQL",
    // 9: each token's authority generation, the number a cached Bearer verdict is
    // checked against (the rule: auth/verified_token_cache.h). The triggers move it on
    // in the same transaction as every change that can alter what a token may do: its
    // own state, role, expiry, owner or secret; its grants; its owner's membership of
    // its workspace; the workspace's name, which the token's answer shows.
    R"SQL(
ALTER TABLE access_tokens ADD COLUMN authority_generation INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER access_tokens_authority
  AFTER UPDATE OF workspace_id, identifier, secret_hash, access_type, workspace_role, status,
    expires_at, owner_id, previous_secret_hash, previous_value_expires_at ON access_tokens
BEGIN
  UPDATE access_tokens SET authority_generation = authority_generation + 1 WHERE id = NEW.id;
END;

CREATE TRIGGER access_token_projects_added AFTER INSERT ON access_token_projects
BEGIN
  UPDATE access_tokens SET authority_generation = authority_generation + 1
    WHERE id = NEW.token_id;
END;
CREATE TRIGGER access_token_projects_changed AFTER UPDATE ON access_token_projects
BEGIN
  UPDATE access_tokens SET authority_generation = authority_generation + 1
    WHERE id IN (OLD.token_id, NEW.token_id);
END;
CREATE TRIGGER access_token_projects_removed AFTER DELETE ON access_token_projects
BEGIN
  UPDATE access_tokens SET authority_generation = authority_generation + 1
    WHERE id = OLD.token_id;
END;

CREATE TRIGGER memberships_authority_added AFTER INSERT ON memberships
BEGIN
  UPDATE access_tokens SET authority_generation = authority_generation + 1
    WHERE workspace_id = NEW.workspace_id AND owner_id = NEW.user_id;
END;
CREATE TRIGGER memberships_authority_changed AFTER UPDATE ON memberships
BEGIN
  UPDATE access_tokens SET authority_generation = authority_generation + 1
    WHERE (workspace_id = OLD.workspace_id AND owner_id = OLD.user_id)
       OR (workspace_id = NEW.workspace_id AND owner_id = NEW.user_id);
END;
CREATE TRIGGER memberships_authority_removed AFTER DELETE ON memberships
BEGIN
  UPDATE access_tokens SET authority_generation = authority_generation + 1
    WHERE workspace_id = OLD.workspace_id AND owner_id = OLD.user_id;
END;

CREATE TRIGGER workspaces_authority AFTER UPDATE OF name ON workspaces
BEGIN
  UPDATE access_tokens SET authority_generation = authority_generation + 1
    WHERE workspace_id = NEW.id;
END;
)SQL",
};

int read_sqlite_user_version(Connection &connection) {
  Statement statement = connection.prepare("PRAGMA user_version");
  return statement.step() ? static_cast<int>(statement.column_int64(0)) : 0;
}

// "ok", or the first problem quick_check reports.
std::string sqlite_quick_check(Connection &connection) {
  Statement statement = connection.prepare("PRAGMA quick_check(1)");
  return statement.step() ? statement.column_text(0) : "no answer";
}

}  // namespace

int current_sqlite_schema_version() {
  return static_cast<int>(kSqliteMigrations.size());
}

MigrationResult migrate_sqlite_database(Connection &connection) {
  MigrationResult result;
  try {
    // Persistent in the file; readers then never block the writer, nor it them.
    {
      Statement statement = connection.prepare("PRAGMA journal_mode = WAL");
      if (!statement.step() || statement.column_text(0) != "wal") {
        result.error = "cannot switch the database to WAL mode";
        return result;
      }
    }
    if (std::string check = sqlite_quick_check(connection); check != "ok") {
      result.error = "the database file is damaged (quick_check: " + check + ")";
      return result;
    }
    int version = read_sqlite_user_version(connection);
    if (version > current_sqlite_schema_version()) {
      result.error = "the database has schema version " + std::to_string(version) +
                     ", newer than this server's " +
                     std::to_string(current_sqlite_schema_version()) + "; run a newer hawzu-server";
      return result;
    }
    while (version < current_sqlite_schema_version()) {
      Transaction transaction(connection);
      connection.execute(kSqliteMigrations[static_cast<std::size_t>(version)]);
      ++version;
      connection.execute("PRAGMA user_version = " + std::to_string(version));
      transaction.commit();
    }
    result.ok = true;
    result.schema_version = version;
  } catch (const DatabaseError &error) {
    result.error = error.what();
  }
  return result;
}

}  // namespace hawzu::server
