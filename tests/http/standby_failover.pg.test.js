// A primary/standby pair behind one multi-host URL (PostgreSQL runs only, label pg):
// the test builds its own pair (scripts/pg_cluster.sh start, then standby: a
// pg_basebackup -R copy streaming from the primary) and starts hawzu-server with
//
//   postgresql://postgres@127.0.0.1:STANDBY,127.0.0.1:PRIMARY/DB?target_session_attrs=read-write
//
// The standby is listed first, so the first test shows libpq passing over it: sign-in,
// a new token and writes succeed, and every connection of the server is on the
// primary. The second fails over while client loops call health, a Bearer
// GET /api/v1/workspaces and a session POST of a project: the primary is stopped
// (pg_ctl -m immediate), a second later the standby is promoted (pg_ctl promote).
// Every answer is 2xx or 503 database_unavailable (problem+json, Retry-After); no
// connection is reset; the process never exits; within 5 s of the promotion Bearer
// reads and session writes are 2xx again, now on the promoted standby, and the token
// made before the failover (replicated with everything else) still authenticates.
// The third turns the promoted server read-only under the server's pooled connections
// (default_transaction_read_only and a reload): writes are 503, never 500; each pooled
// connection a write fails on is dropped, so none is kept on the read-only server (libpq
// checks target_session_attrs only when connecting); made writable again, writes are
// 201 within 5 s.
//
// The pair is private because the test kills its primary; both clusters are stopped
// and deleted in test.after, even on failure.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile, execFileSync } = require('node:child_process');
const { promisify } = require('node:util');
const { startServer, readClusterState, createTestDatabase, psql, repoRoot } = require('../support/server');
const { assertOnlySuccessOrUnavailable } = require('../support/outage_answers');
const { send, signIn, workspaceTokenBody } = require('./api_client');

const clusterScript = path.join(repoRoot, 'scripts', 'pg_cluster.sh');
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-standby-'));
const primaryState = path.join(stateDir, 'primary.state');
const standbyState = path.join(stateDir, 'standby.state');

// Bounds for the client loops: a pause between calls, a count and a time limit.
const PAUSE_MS = 20;
const MAX_CALLS_PER_LOOP = 3000;
const DOWN_MS = 1000; // between stopping the primary and promoting the standby
const RECOVERY_MS = 5000; // Bearer reads and session writes are 2xx again by then
const SETTLED_MS = 2000; // watched after the recovery bound

let primary;
let standby;
let databaseName;
let server;
let token;
let cookie;
let wid;

function cluster(...args) {
  execFileSync('bash', [clusterScript, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// Without blocking the event loop, so the client loops keep calling meanwhile.
const clusterAsync = (...args) => promisify(execFile)('bash', [clusterScript, ...args]);

/** Polls `check` (synchronous) every 100 ms until it is true; fails after `ms`. */
async function waitFor(check, ms, what) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The server's connections to `settings` (its application_name is hawzu-server). */
function serverConnections(settings) {
  const sql = `SELECT count(*) FROM pg_stat_activity WHERE application_name = 'hawzu-server' AND datname = '${databaseName}'`;
  return Number(psql('postgres', sql, settings).trim());
}

test.before(async () => {
  cluster('start', primaryState);
  primary = readClusterState(primaryState);
  const primaryUrl = createTestDatabase(primary);
  databaseName = primaryUrl.slice(primaryUrl.lastIndexOf('/') + 1);
  cluster('standby', standbyState, primaryState);
  standby = readClusterState(standbyState);
  const databaseUrl =
    `postgresql://postgres@127.0.0.1:${standby.PGPORT},127.0.0.1:${primary.PGPORT}/${databaseName}` +
    '?target_session_attrs=read-write';
  server = await startServer({ demo: true, databaseUrl });
});

test.after(async () => {
  try {
    if (server) await server.stop();
  } finally {
    cluster('stop', standbyState);
    cluster('stop', primaryState);
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});

test('the standby listed first is passed over: sign-in, a new token and writes go to the primary', async () => {
  assert.equal(psql('postgres', 'SELECT pg_is_in_recovery()', standby).trim(), 't');
  const owner = await signIn(server, 'owner@acme.test');
  wid = owner.session.workspaces[0].id;
  cookie = owner.cookie;
  const created = await owner.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody('Failover reader'));
  assert.equal(created.status, 201, created.text);
  token = created.body.token;
  const read = await send(server, 'GET', '/api/v1/workspaces', {
    headers: { authorization: `Bearer ${token}`, 'x-requested-with': null },
  });
  assert.equal(read.status, 200, read.text);
  const project = await owner.post(`/api/v1/workspace/${wid}/projects`, { name: 'Before failover' });
  assert.equal(project.status, 201, project.text);

  assert.ok(serverConnections(primary) > 0, 'the server has no connection to the primary');
  assert.equal(serverConnections(standby), 0, 'the server connected to the standby');
  // The standby has the token too (streaming replication), so it survives a failover.
  await waitFor(
    () => psql(databaseName, 'SELECT count(*) FROM access_tokens', standby).trim() === '1',
    5000,
    'the token replicated to the standby',
  );
});

let projectCount = 0;
const calls = {
  health: () => send(server, 'GET', '/api/v1/health', { headers: { 'x-requested-with': null } }),
  bearer: () =>
    send(server, 'GET', '/api/v1/workspaces', {
      headers: { authorization: `Bearer ${token}`, 'x-requested-with': null },
    }),
  write: () =>
    send(server, 'POST', `/api/v1/workspace/${wid}/projects`, {
      cookie,
      body: { name: `Failover project ${++projectCount}` },
    }),
};

/** Calls `name` until `isDone()` or the bounds; records {name, started, status | error}. */
async function loop(name, isDone, deadline, answers) {
  for (let i = 0; i < MAX_CALLS_PER_LOOP && !isDone() && Date.now() < deadline; ++i) {
    const started = Date.now();
    try {
      const res = await calls[name]();
      answers.push({ name, started, status: res.status, headers: res.headers, body: res.body });
    } catch (error) {
      const cause = error.cause ? error.cause.code || error.cause.message : '';
      answers.push({ name, started, error: `${error.message} (${cause})` });
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}

test('failover: primary stopped, standby promoted; 2xx or 503 only, then 2xx again within 5 s', async () => {
  assert.ok(token, 'the first test made the token');
  const answers = [];
  let done = false;
  const deadline = Date.now() + 60000;
  const loops = Object.keys(calls).map((name) => loop(name, () => done, deadline, answers));
  let downAt;
  let promotedAt;
  try {
    await new Promise((resolve) => setTimeout(resolve, 500)); // some answers before
    downAt = Date.now();
    await clusterAsync('down', primaryState);
    await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
    await clusterAsync('promote', standbyState);
    promotedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, RECOVERY_MS + SETTLED_MS));
  } finally {
    done = true;
    await Promise.all(loops);
  }

  assertOnlySuccessOrUnavailable(server, answers);

  const figures = { answers: answers.length, down_ms: promotedAt - downAt };
  for (const name of ['bearer', 'write']) {
    const mine = answers.filter((a) => a.name === name);
    const refused = mine.filter((a) => a.status === 503);
    figures[name] = mine.length;
    figures[`${name}_503`] = refused.length;
    // With no primary, nothing can be done: the calls in the gap were refused.
    assert.ok(refused.length > 0, `${name}: nothing refused while there was no primary`);
    // The outage as this loop saw it: from the first 503 to the first 2xx after the last.
    const lastRefused = refused[refused.length - 1].started;
    const firstOk = mine.find((a) => a.status < 300 && a.started > lastRefused);
    assert.ok(firstOk, `${name}: no 2xx after the last 503`);
    figures[`${name}_outage_ms`] = firstOk.started - refused[0].started;
    figures[`${name}_recovered_after_promotion_ms`] = Math.max(0, firstOk.started - promotedAt);
    // After the recovery bound, every answer is 2xx, and there are some.
    const late = mine.filter((a) => a.started >= promotedAt + RECOVERY_MS);
    assert.ok(late.length > 0, `${name}: no answers after the recovery bound`);
    const notOk = late.map((a) => a.status).filter((s) => s >= 300);
    assert.deepEqual(notOk, [], `${name}: not 2xx ${RECOVERY_MS} ms after the promotion`);
  }
  console.log(`failover: ${JSON.stringify(figures)}`);

  // The service is on the promoted standby now, the only server left.
  assert.equal(psql('postgres', 'SELECT pg_is_in_recovery()', standby).trim(), 'f');
  assert.ok(serverConnections(standby) > 0, 'the server has no connection to the promoted standby');
  const read = await send(server, 'GET', '/api/v1/workspaces', {
    headers: { authorization: `Bearer ${token}`, 'x-requested-with': null },
  });
  assert.equal(read.status, 200, 'the token made before the failover no longer authenticates');
  const list = await send(server, 'GET', `/api/v1/workspace/${wid}/projects`, { cookie });
  assert.equal(list.status, 200, list.text);
  assert.ok(JSON.stringify(list.body).includes('Before failover'), 'the project made before the failover is gone');
});

/** One session write (a new project) and its answer. */
const write = () => calls.write();

function assertUnavailable(res, what) {
  assert.equal(res.status, 503, `${what}: ${res.status} ${res.text}`);
  assert.ok(res.headers.get('retry-after'), `${what}: 503 without Retry-After`);
  assert.equal(res.body.code, 'database_unavailable');
}

test('a server that turns read-only under pooled connections: 503, those connections dropped, then 2xx again', async () => {
  assert.ok(token, 'the first test made the token');
  // The promoted standby, the only server left, refuses writes from now on in every
  // session, the pooled ones included (default_transaction_read_only, then a reload).
  const setReadOnly = (sql) => {
    psql('postgres', sql, standby);
    psql('postgres', 'SELECT pg_reload_conf()', standby);
  };
  setReadOnly('ALTER SYSTEM SET default_transaction_read_only = on');
  let refusedWrites = 0;
  try {
    let first;
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      first = await write();
      if (first.status !== 201) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assertUnavailable(first, 'a write on the read-only server');
    refusedWrites = 1;
    // Each write that lands on a read-only connection drops it; once none is left, new
    // connections are refused by libpq (target_session_attrs=read-write). The pool
    // keeps none of them, so a writable server in the URL would be found again.
    for (; refusedWrites < 40 && serverConnections(standby) > 0; ++refusedWrites)
      assertUnavailable(await write(), `write ${refusedWrites + 1} on the read-only server`);
    await waitFor(() => serverConnections(standby) === 0, 3000, 'the connections to the read-only server closed');
  } finally {
    setReadOnly('ALTER SYSTEM RESET default_transaction_read_only');
  }
  let again;
  const writableAt = Date.now();
  const deadline = writableAt + RECOVERY_MS;
  do {
    again = await write();
    if (again.status === 201) break;
    assertUnavailable(again, 'a write after the server turned writable again');
    await new Promise((resolve) => setTimeout(resolve, 50));
  } while (Date.now() < deadline);
  assert.equal(again.status, 201, `no write succeeded within ${RECOVERY_MS} ms: ${again.text}`);
  console.log(`read-only: ${JSON.stringify({ refused_writes: refusedWrites, writable_again_ms: Date.now() - writableAt })}`);
  const read = await send(server, 'GET', '/api/v1/workspaces', {
    headers: { authorization: `Bearer ${token}`, 'x-requested-with': null },
  });
  assert.equal(read.status, 200, read.text);
});
