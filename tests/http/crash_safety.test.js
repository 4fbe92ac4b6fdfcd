// Crash safety: the server is killed with SIGKILL in the middle of many concurrent token
// creates and edits, then restarted on the same data directory. What it acknowledged
// must still be there, whole, and nothing may be half written:
//
// - the database files as the kill left them pass `PRAGMA integrity_check` and
//   `PRAGMA foreign_key_check` (Debian's sqlite3 tool, on a copy, before the restart),
//   and so does the database the restarted server runs on;
// - every create answered 201 is listed, can be read, and its token authenticates on
//   the Bearer API; every edit answered 200 is what the token now holds. A request the
//   kill cut off may have committed or not, but only whole: an unanswered edit shows
//   all of its fields or none, an unanswered create is listed complete or not at all;
// - no token row breaks an invariant (hash, identifier, a project token without
//   grants, grants in another workspace, a missing or extra audit row, an audit row
//   that disagrees with the row it describes).
//
// Three rounds on one data directory: each restart also proves that what survived the
// previous kill survives the next one. Operations come from a seeded generator
// (HAWZU_CRASH_SEED to repeat a run's choices; the kill moment depends on timing).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer } = require('../support/server');
const { signIn, send, query, sqlDialect } = require('./api_client');

const ROUNDS = 3;
const WORKERS = 12; // requests in flight at once
const KILL_AFTER_MS = [1200, 2800]; // the kill comes at a random moment in this range
const MIN_ACKNOWLEDGED = 20; // ... after at least this many creates and edits were answered
const WORKSPACE_ROLES = ['workspace_manager', 'workspace_coordinator', 'workspace_member', 'workspace_viewer'];
const PROJECT_ROLES = ['project_manager', 'project_coordinator', 'project_member', 'project_viewer'];

const seed = Number(process.env.HAWZU_CRASH_SEED) || Date.now() % 2 ** 31;

// mulberry32: a small seeded generator, so a failing run's choices can be repeated.
let state = seed;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let x = Math.imul(state ^ (state >>> 15), 1 | state);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(random() * items.length)];

function randomExpiry() {
  const kind = pick(['1w', '1m', '6m', '1y', 'never', 'custom']);
  if (kind !== 'custom') return { kind, utc_offset_minutes: 0 };
  const date = new Date(Date.now() + (2 + Math.floor(random() * 300)) * 86400000);
  return { kind, date: date.toISOString().slice(0, 10), utc_offset_minutes: 0 };
}

function randomGrants(projectIds) {
  const chosen = projectIds.filter(() => random() < 0.5);
  if (chosen.length === 0) chosen.push(pick(projectIds));
  return chosen.map((id) => ({ project_id: id, role: pick(PROJECT_ROLES) }));
}

/** The settings an edit can change, in a form that compares with deepEqual. */
function settings(token) {
  return {
    name: token.name,
    workspace_role: token.workspace_role,
    projects: token.projects.map((p) => `${p.project_id}:${p.role}`).sort(),
    expires_at: token.expires_at,
  };
}

/** Whether `token` holds every field of the edit `body` (and so the whole edit). */
function holdsEdit(token, body) {
  if (token.name !== body.name) return false;
  if (body.workspace_role && token.workspace_role !== body.workspace_role) return false;
  if (body.projects) {
    const wanted = body.projects.map((p) => `${p.project_id}:${p.role}`).sort();
    if (JSON.stringify(settings(token).projects) !== JSON.stringify(wanted)) return false;
  }
  if (body.expiry.kind === 'never') return token.expires_at === null;
  if (body.expiry.kind === 'custom') return token.expires_at === `${body.expiry.date}T23:59:59Z`;
  return token.expires_at !== null;
}

// The last use (its time, and its address, written in the background) moves on its own.
function withoutLastUse(token) {
  const { last_used_at: _, last_used_ip: __, ...rest } = token;
  return rest;
}

/** Runs `fn` over `items`, `width` at a time. */
async function inParallel(items, width, fn) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: width }, lane));
}

// Everything the server acknowledged, across all rounds, by token id.
const known = new Map(); // id -> {secret, created, current, pending, edits, busy}
let pendingCreateNames = new Set(); // creates the kill cut off: they may or may not exist
let nameCounter = 0;

const TRAFFIC_CHECKS = [
  // Every token row is complete and consistent.
  `SELECT id, 'incomplete row' AS problem FROM access_tokens
     WHERE name IS NULL OR name = '' OR name != trim(name) OR name_key != lower(name)
        OR identifier NOT GLOB 'hwz_${'[0-9A-Za-z]'.repeat(8)}'
        OR secret_hash IS NULL OR typeof(secret_hash) != 'blob' OR length(secret_hash) != 32
        OR status != 'enabled' OR revoked_at IS NOT NULL OR last_used_at < created_at
        OR updated_at < created_at OR expires_at <= created_at`,
  `SELECT id, 'creator not in the workspace' AS problem FROM access_tokens t
     WHERE NOT EXISTS (SELECT 1 FROM memberships m
                        WHERE m.workspace_id = t.workspace_id AND m.user_id = t.created_by)`,
  `SELECT min(id) AS id, 'identifier not unique' AS problem FROM access_tokens
     GROUP BY identifier HAVING count(*) > 1`,
  // Grants: a project token has at least one, a workspace token none, all in its workspace.
  `SELECT id, 'project token without grants' AS problem FROM access_tokens t
     WHERE access_type = 'project'
       AND NOT EXISTS (SELECT 1 FROM access_token_projects p WHERE p.token_id = t.id)`,
  `SELECT id, 'workspace token with grants' AS problem FROM access_tokens t
     WHERE access_type = 'workspace'
       AND EXISTS (SELECT 1 FROM access_token_projects p WHERE p.token_id = t.id)`,
  `SELECT g.token_id AS id, 'grant outside the workspace' AS problem
     FROM access_token_projects g JOIN access_tokens t ON t.id = g.token_id
     JOIN projects p ON p.id = g.project_id WHERE p.workspace_id != t.workspace_id`,
  // Each token and its audit rows were written together.
  `SELECT id, 'not exactly one create audit row' AS problem FROM access_tokens t
     WHERE (SELECT count(*) FROM audit_log a WHERE a.action = 'access_token.create'
              AND a.target_type = 'access_token' AND a.target_id = t.id) != 1`,
  `SELECT target_id AS id, 'audit row of a token that does not exist' AS problem FROM audit_log
     WHERE action LIKE 'access_token.%' AND target_id NOT IN (SELECT id FROM access_tokens)`,
  `SELECT a.target_id AS id, 'create audit row disagrees with the row' AS problem
     FROM audit_log a JOIN access_tokens t ON t.id = a.target_id
     WHERE a.action = 'access_token.create' AND (NOT json_valid(a.details)
        OR json_extract(a.details, '$.identifier') != t.identifier
        OR json_extract(a.details, '$.access_type') != t.access_type)`,
  // The newest edit audit row names the name the row has now.
  `SELECT t.id, 'last edit audit row disagrees with the row' AS problem
     FROM access_tokens t JOIN audit_log a ON a.id = (
       SELECT max(id) FROM audit_log WHERE action = 'access_token.edit' AND target_id = t.id)
     WHERE NOT json_valid(a.details) OR json_extract(a.details, '$.changes.name.to') != t.name`,
];

// The same checks in PostgreSQL's words (regular expressions for GLOB, jsonb for the
// JSON functions, octet_length for a blob's length).
const POSTGRES_TRAFFIC_CHECKS = TRAFFIC_CHECKS.map((sql) =>
  sql
    .replace(/identifier NOT GLOB '[^']*'/, () => "identifier !~ '^hwz_[0-9A-Za-z]{8}$'")
    .replace("OR typeof(secret_hash) != 'blob' OR length(secret_hash) != 32", 'OR octet_length(secret_hash) != 32')
    .replace(/NOT json_valid\(a\.details\)\s*OR /g, '')
    .replace(/json_extract\(a\.details, '\$\.identifier'\)/g, "(a.details::jsonb ->> 'identifier')")
    .replace(/json_extract\(a\.details, '\$\.access_type'\)/g, "(a.details::jsonb ->> 'access_type')")
    .replace(/json_extract\(a\.details, '\$\.changes\.name\.to'\)/g, "(a.details::jsonb #>> '{changes,name,to}')"),
);

/**
 * Checks the database file(s) in `dataDir` with the sqlite3 tool. On PostgreSQL the
 * files are the database server's, which recovers them itself after the hawzu-server
 * kill (it was not killed); the row checks below apply to both.
 */
function checkDatabaseFiles(dataDir, when) {
  if (sqlDialect() === 'postgresql') return;
  const where = { dataDir };
  assert.deepEqual(query(where, 'PRAGMA integrity_check'), [{ integrity_check: 'ok' }], when);
  assert.deepEqual(query(where, 'PRAGMA foreign_key_check'), [], when);
}

/** Copies the database and its WAL as the kill left them, and checks the copy. */
function checkCrashedFiles(dataDir) {
  if (sqlDialect() === 'postgresql') return 0;
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-crash-copy-'));
  try {
    let walBytes = 0;
    for (const name of ['hawzu.sqlite3', 'hawzu.sqlite3-wal']) {
      const from = path.join(dataDir, name);
      if (!fs.existsSync(from)) continue;
      fs.copyFileSync(from, path.join(copy, name));
      if (name.endsWith('-wal')) walBytes = fs.statSync(from).size;
    }
    checkDatabaseFiles(copy, 'the files as the kill left them');
    return walBytes;
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/** Every listed token of the workspace, following next_cursor. */
async function listAll(owner, base) {
  const items = [];
  let cursor = null;
  do {
    const qs = new URLSearchParams({ sort: 'created_at', order: 'asc', limit: '100' });
    if (cursor) qs.set('cursor', cursor);
    const res = await owner.get(`${base}?${qs}`);
    assert.equal(res.status, 200, res.text);
    items.push(...res.body.items);
    cursor = res.body.next_cursor;
  } while (cursor);
  return items;
}

/**
 * Fires creates and edits from WORKERS concurrent loops, kills the server with SIGKILL
 * at a random moment and returns what was acknowledged and what was cut off.
 */
async function trafficUntilKill(server, owner, base, projectIds, round) {
  const figures = { creates: 0, edits: 0, cutCreates: 0, cutEdits: 0, killAfterMs: 0 };
  const unexpected = [];
  const newPendingCreates = new Set();
  let killed = false;

  async function create() {
    const name = `Crash r${round} #${++nameCounter}`;
    const body = random() < 0.5
      ? { name, access_type: 'workspace', workspace_role: pick(WORKSPACE_ROLES), expiry: randomExpiry() }
      : { name, access_type: 'project', projects: randomGrants(projectIds), expiry: randomExpiry() };
    let res;
    try {
      res = await owner.post(base, body);
    } catch (error) {
      if (!killed) unexpected.push(`create ${name}: ${error.message}`);
      newPendingCreates.add(name);
      figures.cutCreates++;
      return;
    }
    if (res.status !== 201 || !res.body || typeof res.body.token !== 'string') {
      unexpected.push(`create ${name}: ${res.status} ${res.text}`);
      return;
    }
    figures.creates++;
    const created = res.body.access_token;
    known.set(created.id, { secret: res.body.token, created, current: created, pending: null, edits: 0 });
  }

  async function edit(id) {
    const token = known.get(id);
    const body = { name: `Edited r${round} #${++nameCounter}`, expiry: randomExpiry() };
    if (token.created.access_type === 'workspace') body.workspace_role = pick(WORKSPACE_ROLES);
    else body.projects = randomGrants(projectIds);
    token.busy = true;
    token.pending = body;
    let res;
    try {
      res = await owner.patch(`${base}/${id}`, body);
    } catch (error) {
      if (!killed) unexpected.push(`edit ${id}: ${error.message}`);
      figures.cutEdits++;
      return; // stays busy and pending: the restart decides
    }
    if (res.status !== 200) {
      unexpected.push(`edit ${id}: ${res.status} ${res.text}`);
      return;
    }
    figures.edits++;
    assert.ok(holdsEdit(res.body, body), `edit ${id} answered ${res.text}`);
    token.current = res.body;
    token.pending = null;
    token.edits++;
    token.busy = false;
  }

  async function worker() {
    while (!killed) {
      const idle = [...known.keys()].filter((id) => !known.get(id).busy);
      if (idle.length > 0 && random() < 0.5) await edit(pick(idle));
      else await create();
    }
  }

  const started = Date.now();
  const workers = Array.from({ length: WORKERS }, worker);
  // A random moment, but only once both kinds of request are flowing (a slow machine or
  // a sanitizer build may need longer than the range).
  const killAt = started + KILL_AFTER_MS[0] + Math.floor(random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]));
  const flowing = () => figures.creates >= MIN_ACKNOWLEDGED && figures.edits >= MIN_ACKNOWLEDGED;
  while (Date.now() < killAt || (!flowing() && Date.now() < started + 30000))
    await new Promise((resolve) => setTimeout(resolve, 10));
  figures.killAfterMs = Date.now() - started;
  killed = true;
  const exit = await server.stop('SIGKILL');
  await Promise.all(workers);

  assert.equal(exit.signal, 'SIGKILL');
  assert.deepEqual(unexpected, [], 'every request before the kill was answered with success');
  pendingCreateNames = new Set([...pendingCreateNames, ...newPendingCreates]);
  return figures;
}

/**
 * After a restart: everything acknowledged is there and whole; requests the kill cut off
 * are there whole or not at all. Settles the cut-off ones to what the server now holds.
 */
async function verifyAfterRestart(t, server, owner, base) {
  checkDatabaseFiles(server.dataDir, 'the database after the restart');

  const listed = await listAll(owner, base);
  const byId = new Map(listed.map((token) => [token.id, token]));
  assert.equal(byId.size, listed.length, 'no token listed twice');
  const [{ n: liveRows }] = query(server, "SELECT count(*) AS n FROM access_tokens WHERE status != 'revoked'");
  assert.equal(listed.length, liveRows, 'every row is listed');

  let cutEditsApplied = 0;
  for (const [id, token] of known) {
    const now = byId.get(id);
    assert.ok(now, `acknowledged token ${id} (${token.created.identifier}) is listed`);
    assert.equal(now.identifier, token.created.identifier);
    assert.equal(now.access_type, token.created.access_type);
    assert.equal(now.created_at, token.created.created_at);
    assert.deepEqual(now.created_by, token.created.created_by);
    assert.equal(now.status, 'enabled');
    if (token.pending && holdsEdit(now, token.pending)) {
      cutEditsApplied++;
      token.edits++;
    } else {
      assert.deepEqual(settings(now), settings(token.current), `token ${id} holds its last acknowledged edit`);
    }
    token.current = now;
    token.pending = null;
    token.busy = false;
  }

  // A listed token nobody acknowledged must be a create the kill cut off; from now on
  // it is known (without its secret, which nobody saw).
  let cutCreatesApplied = 0;
  for (const token of listed) {
    if (known.has(token.id)) continue;
    assert.ok(pendingCreateNames.has(token.name), `token ${token.id} "${token.name}" was never created`);
    cutCreatesApplied++;
    known.set(token.id, { secret: null, created: token, current: token, pending: null, edits: 0 });
  }
  pendingCreateNames = new Set();

  // Every acknowledged token authenticates and describes itself; every listed one reads back.
  await inParallel([...known.entries()], 8, async ([id, token]) => {
    if (token.secret === null) return;
    const res = await send(server, 'GET', '/api/v1/access-tokens/self', {
      headers: { authorization: `Bearer ${token.secret}`, 'x-requested-with': null },
    });
    assert.equal(res.status, 200, `token ${id} authenticates: ${res.text}`);
    assert.equal(res.body.id, id);
    assert.equal(res.body.name, token.current.name);
  });
  await inParallel(listed, 8, async (token) => {
    const res = await owner.get(`${base}/${token.id}`);
    assert.equal(res.status, 200, `details of ${token.id}: ${res.text}`);
    assert.deepEqual(withoutLastUse(res.body), withoutLastUse(token));
  });

  // The rows themselves, and the audit trail next to them.
  const checks = sqlDialect() === 'postgresql' ? POSTGRES_TRAFFIC_CHECKS : TRAFFIC_CHECKS;
  const problems = checks.flatMap((sql) => query(server, sql));
  assert.deepEqual(problems, [], 'no token row breaks an invariant');
  const editRows = new Map(
    query(
      server,
      "SELECT target_id AS id, count(*) AS n FROM audit_log WHERE action = 'access_token.edit' GROUP BY 1",
    ).map((row) => [row.id, row.n]),
  );
  for (const [id, token] of known)
    assert.equal(editRows.get(id) || 0, token.edits, `token ${id}: one audit row per committed edit`);

  t.diagnostic(
    `after restart: ${listed.length} tokens listed; of the requests cut off, ` +
      `${cutCreatesApplied} creates and ${cutEditsApplied} edits had committed`,
  );
}

test('acknowledged creates and edits survive SIGKILL, whole', async (t) => {
  const testStarted = Date.now();
  t.diagnostic(`seed ${seed} (HAWZU_CRASH_SEED=${seed} repeats the choices)`);
  let server = await startServer({ demo: true });
  const dataDir = server.dataDir;
  t.after(async () => {
    await server.stop('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  for (let round = 1; round <= ROUNDS; round++) {
    const owner = await signIn(server, 'owner@acme.test');
    const wid = owner.session.workspaces.find((w) => w.name === 'Acme QA').id;
    const base = `/api/v1/workspace/${wid}/access-tokens`;
    const options = await owner.get(`${base}/options`);
    const projectIds = options.body.projects.map((p) => p.id);

    await t.test(`round ${round}: concurrent creates and edits, then SIGKILL`, async (t) => {
      const figures = await trafficUntilKill(server, owner, base, projectIds, round);
      const walBytes = checkCrashedFiles(dataDir);
      t.diagnostic(
        `killed after ${figures.killAfterMs} ms: ${figures.creates} creates and ${figures.edits} edits ` +
          `acknowledged, ${figures.cutCreates} creates and ${figures.cutEdits} edits cut off; WAL ${walBytes} bytes`,
      );
      assert.ok(
        figures.creates >= MIN_ACKNOWLEDGED && figures.edits >= MIN_ACKNOWLEDGED,
        'the kill came in the middle of the traffic',
      );
    });

    // The next round's traffic runs on this restarted server.
    server = await startServer({ demo: true, dataDir });
    const again = await signIn(server, 'owner@acme.test');
    await t.test(`round ${round}: after the restart, everything acknowledged is there and whole`, (t) =>
      verifyAfterRestart(t, server, again, base),
    );
  }
  const stopped = await server.stop();
  assert.equal(stopped.code, 0, 'a clean stop after all rounds');
  t.diagnostic(`${known.size} tokens in the end; ${Date.now() - testStarted} ms`);
});
