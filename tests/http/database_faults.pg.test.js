// Database faults (PostgreSQL runs only, label pg): a hawzu-server on a private cluster
// of its own keeps answering while that cluster goes away. Client loops call health, a
// Bearer GET /api/v1/workspaces and a session GET /api/v1/session while the cluster is
// restarted with an immediate stop (pg_ctl -m immediate), once at once and once held
// down for two seconds. Every answer is 2xx or 503 database_unavailable (problem+json,
// Retry-After); no connection is reset; the process never exits; and within 5 s of the
// database being back, Bearer and session requests are 200 again without any help (the
// connections the restart broke are dropped and replaced).
//
// The private cluster is needed because the shared one (HAWZU_TEST_PG_STATE) serves
// other test files at the same time; it is stopped in test.after, even on failure.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile, execFileSync } = require('node:child_process');
const { promisify } = require('node:util');
const { startServer, readClusterState, createTestDatabase, repoRoot } = require('../support/server');
const { assertOnlySuccessOrUnavailable } = require('../support/outage_answers');
const { send, signIn, workspaceTokenBody } = require('./api_client');

const clusterScript = path.join(repoRoot, 'scripts', 'pg_cluster.sh');
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-faults-'));
const stateFile = path.join(stateDir, 'cluster.state');

// Bounds for the client loops: a pause between calls, a count and a time limit.
const PAUSE_MS = 20;
const MAX_CALLS_PER_LOOP = 3000;
const RECOVERY_MS = 5000; // Bearer and session requests are 200 again by then
const SETTLED_MS = 2000; // watched after the recovery bound

let server;
let token;
let cookie;

function cluster(action) {
  execFileSync('bash', [clusterScript, action, stateFile], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// Without blocking the event loop, so the client loops keep calling meanwhile.
const clusterAsync = (action) => promisify(execFile)('bash', [clusterScript, action, stateFile]);

test.before(async () => {
  cluster('start');
  const databaseUrl = createTestDatabase(readClusterState(stateFile));
  server = await startServer({ demo: true, databaseUrl });
  const owner = await signIn(server, 'owner@acme.test');
  const wid = owner.session.workspaces[0].id;
  const created = await owner.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody('Fault reader'));
  assert.equal(created.status, 201, created.text);
  token = created.body.token;
  cookie = owner.cookie;
});

test.after(async () => {
  try {
    if (server) await server.stop();
  } finally {
    cluster('stop');
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});

const calls = {
  health: () => send(server, 'GET', '/api/v1/health', { headers: { 'x-requested-with': null } }),
  bearer: () =>
    send(server, 'GET', '/api/v1/workspaces', {
      headers: { authorization: `Bearer ${token}`, 'x-requested-with': null },
    }),
  session: () => send(server, 'GET', '/api/v1/session', { cookie }),
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

/** Runs the loops around `fault` (which returns when the database is back). */
async function underFault(fault) {
  const answers = [];
  let done = false;
  const deadline = Date.now() + 60000;
  const loops = Object.keys(calls).map((name) => loop(name, () => done, deadline, answers));
  let backAt;
  try {
    await new Promise((resolve) => setTimeout(resolve, 500)); // some answers before
    backAt = await fault();
    await new Promise((resolve) => setTimeout(resolve, RECOVERY_MS + SETTLED_MS));
  } finally {
    done = true;
    await Promise.all(loops);
  }
  return { answers, backAt };
}

function checkAnswers({ answers, backAt }, label) {
  assertOnlySuccessOrUnavailable(server, answers);

  const figures = { answers: answers.length, unavailable: 0 };
  for (const name of ['bearer', 'session']) {
    const mine = answers.filter((a) => a.name === name);
    const refused = mine.filter((a) => a.status === 503);
    figures.unavailable += refused.length;
    // Recovered: the first 200 after the last 503, counted from the database being back
    // (0 when it came before: pg_ctl returns a little after the cluster accepts).
    const lastRefused = refused.length ? refused[refused.length - 1].started : -Infinity;
    const firstOk = mine.find((a) => a.status === 200 && a.started > lastRefused);
    figures[`${name}_recovered_ms`] = firstOk ? Math.max(0, firstOk.started - backAt) : null;
    // After the recovery bound, every answer is 200, and there are some.
    const late = mine.filter((a) => a.started >= backAt + RECOVERY_MS);
    assert.ok(late.length > 0, `${name}: no answers after the recovery bound`);
    const notOk = late.map((a) => a.status).filter((s) => s !== 200);
    assert.deepEqual(notOk, [], `${name}: not 200 ${RECOVERY_MS} ms after the database came back`);
    figures[name] = mine.length;
    figures[`${name}_503`] = refused.length;
  }
  console.log(`${label}: ${JSON.stringify(figures)}`);
  return figures;
}

test('an immediate restart of the cluster: 2xx or 503 only, then 200 again by itself', async () => {
  const outcome = await underFault(async () => {
    await clusterAsync('restart');
    return Date.now();
  });
  checkAnswers(outcome, 'restart');
});

test('the cluster held down for two seconds: 503 database_unavailable, then 200 again by itself', async () => {
  const outcome = await underFault(async () => {
    await clusterAsync('down');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await clusterAsync('up');
    return Date.now();
  });
  const figures = checkAnswers(outcome, 'down 2 s');
  // While the database was down, Bearer and session requests could only be refused.
  assert.ok(figures.bearer_503 > 0, 'no Bearer request was refused while the database was down');
  assert.ok(figures.session_503 > 0, 'no session request was refused while the database was down');
});
