// Moving a SQLite data directory to PostgreSQL (PostgreSQL runs only, label pg):
// `hawzu-server migrate-data --from DIR --to URL` copies every row into an empty
// database, and a server on that database with the data directory's key serves the same
// tokens, token list and accounts. A second run into the now non-empty database is
// refused and writes nothing.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer, runServerCommand, createTestDatabase, psql } = require('../support/server');
const { send, signIn, workspaceTokenBody } = require('./api_client');

const TABLES = [
  'meta',
  'workspaces',
  'users',
  'memberships',
  'projects',
  'test_cases',
  'sessions',
  'access_tokens',
  'access_token_projects',
  'audit_log',
  'sign_in_attempts',
  'access_token_calls',
  'access_token_daily_use',
  'webhooks',
  'webhook_events',
  'webhook_attempts',
];

function bearer(server, token, urlPath = '/api/v1/access-tokens/self') {
  return send(server, 'GET', urlPath, {
    headers: { authorization: `Bearer ${token}`, 'x-requested-with': null },
  });
}

function databaseName(url) {
  return url.slice(url.lastIndexOf('/') + 1);
}

function rowCounts(url) {
  const sql = TABLES.map((t) => `SELECT '${t}', count(*) FROM ${t}`).join(' UNION ALL ');
  return psql(databaseName(url), sql);
}

let dataDir;
let databaseUrl;
let tokens;
let listBefore;
let workspaceId;
let deliveriesBefore;
// Nothing listens on the discard port: each delivery attempt fails at once.
const HOOK_URL = 'http://127.0.0.1:9/hook';

test.before(async () => {
  const sqliteServer = await startServer({ demo: true, sqlite: true, args: ['--allow-private-webhooks'] });
  dataDir = sqliteServer.dataDir;
  try {
    const owner = await signIn(sqliteServer, 'owner@acme.test');
    workspaceId = owner.session.workspaces[0].id;
    const projects = await owner.get(`/api/v1/workspace/${workspaceId}/projects`);
    assert.equal(projects.status, 200, projects.text);
    const projectId = projects.body.items[0].id;
    const bodies = [
      workspaceTokenBody('Moved reader'),
      workspaceTokenBody('Moved builder', 'workspace_manager', { kind: 'never' }),
      {
        name: 'Moved project token',
        access_type: 'project',
        projects: [{ project_id: projectId, role: 'project_viewer' }],
        expiry: { kind: 'never' },
      },
    ];
    tokens = [];
    for (const body of bodies) {
      const created = await owner.post(`/api/v1/workspace/${workspaceId}/access-tokens`, body);
      assert.equal(created.status, 201, created.text);
      tokens.push(created.body.token);
    }
    assert.equal((await bearer(sqliteServer, tokens[0])).status, 200);
    listBefore = await owner.get(`/api/v1/workspace/${workspaceId}/access-tokens`);
    assert.equal(listBefore.status, 200, listBefore.text);
    // A webhook with a failed attempt: its sealed secret, its event and the attempt move too.
    const hook = `/api/v1/workspace/${workspaceId}/webhook`;
    const saved = await owner.put(hook, { url: HOOK_URL, events: ['access_token.revoked'] });
    assert.equal(saved.status, 200, saved.text);
    assert.equal((await owner.post(`${hook}/test`)).status, 202);
    for (let i = 0; i < 50; i++) {
      deliveriesBefore = (await owner.get(`${hook}/deliveries`)).body.deliveries;
      if (deliveriesBefore.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(deliveriesBefore.length, 1);
  } finally {
    await sqliteServer.stop();
  }
  databaseUrl = createTestDatabase();
});

test('migrate-data copies every table into the empty database and names the key file', async () => {
  const run = await runServerCommand(['migrate-data', '--from', dataDir, '--to', databaseUrl], 60000);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  for (const table of TABLES) assert.match(run.stdout, new RegExp(`\\b${table}\\s+\\d+ rows`));
  assert.match(run.stdout, /access_tokens\s+3 rows/);
  assert.match(run.stdout, /Verified/);
  assert.match(run.stdout, new RegExp(`--token-key-file ${dataDir}/token-hash.key`));
});

test('a PostgreSQL server with the key file serves the same tokens, list and accounts', async () => {
  const server = await startServer({
    databaseUrl,
    args: ['--token-key-file', path.join(dataDir, 'token-hash.key')],
  });
  try {
    for (const token of tokens) assert.equal((await bearer(server, token)).status, 200);
    const owner = await signIn(server, 'owner@acme.test');
    const listAfter = await owner.get(`/api/v1/workspace/${workspaceId}/access-tokens`);
    assert.equal(listAfter.status, 200, listAfter.text);
    const comparable = (list) =>
      // The last use moves on its own (its address is written in the background).
      list.body.items.map(({ last_used_at, last_used_ip, ...rest }) => rest); // eslint-disable-line no-unused-vars
    assert.deepEqual(comparable(listAfter), comparable(listBefore));
    for (const email of ['manager@acme.test', 'coordinator@acme.test', 'member@acme.test', 'viewer@acme.test']) {
      const person = await signIn(server, email);
      assert.equal(person.session.workspaces[0].id, workspaceId);
    }
    const hook = `/api/v1/workspace/${workspaceId}/webhook`;
    assert.equal((await owner.get(hook)).body.url, HOOK_URL);
    assert.deepEqual((await owner.get(`${hook}/deliveries`)).body.deliveries, deliveriesBefore);
    // New rows get fresh ids after the copied ones (the sequences were moved on).
    const created = await owner.post(`/api/v1/workspace/${workspaceId}/access-tokens`, workspaceTokenBody('After the move'));
    assert.equal(created.status, 201, created.text);
  } finally {
    await server.stop();
  }
});

test('a second run into the now non-empty database exits 1 and changes nothing', async () => {
  const before = rowCounts(databaseUrl);
  const run = await runServerCommand(['migrate-data', '--from', dataDir, '--to', databaseUrl], 60000);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  assert.match(run.stderr, /not empty/);
  assert.equal(rowCounts(databaseUrl), before);
});

test('a server with a key other than the data directory key refuses the migrated database', async () => {
  const otherKey = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-key-')), 'other.key');
  fs.writeFileSync(otherKey, Buffer.alloc(32, 7), { mode: 0o600 });
  const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-test-'));
  const result = await runServerCommand(
    ['--data', otherDir, '--listen', '127.0.0.1:0', '--database', databaseUrl, '--token-key-file', otherKey],
    20000,
  );
  assert.equal(result.code, 1);
  assert.match(result.stderr, /is not the key this database's tokens were hashed with/);
});
