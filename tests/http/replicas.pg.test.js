// Several servers, one PostgreSQL database (PostgreSQL runs only, label pg): two
// hawzu-server processes A and B share a database and the token-hashing key. A token
// created through one authenticates on the other; revoke, disable, enable and a role
// edit through one apply to the very next request on the other; a session started on
// one is valid on the other and ends on both; sign-in failures split across both count
// together. A third server with another key refuses to start.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer, runServerCommand, createTestDatabase } = require('../support/server');
const { send, signIn, clientFor, workspaceTokenBody } = require('./api_client');

let a;
let b;
let databaseUrl;
let keyFile;

test.before(async () => {
  databaseUrl = createTestDatabase();
  a = await startServer({ demo: true, databaseUrl });
  keyFile = path.join(a.dataDir, 'token-hash.key');
  b = await startServer({ databaseUrl, args: ['--token-key-file', keyFile] });
});

test.after(async () => {
  await Promise.all([a && a.stop(), b && b.stop()]);
});

function bearer(server, token, method = 'GET', urlPath = '/api/v1/workspaces', body) {
  return send(server, method, urlPath, {
    body,
    headers: { authorization: `Bearer ${token}`, 'x-requested-with': null },
  });
}

test('a token created through A authenticates on B; revoked through B, the next request to A is 401', async () => {
  const ownerOnA = await signIn(a, 'owner@acme.test');
  const wid = ownerOnA.session.workspaces[0].id;
  const created = await ownerOnA.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody('Replica reader'));
  assert.equal(created.status, 201, created.text);
  const { token, access_token: object } = created.body;
  assert.equal((await bearer(b, token)).status, 200);
  assert.equal((await bearer(a, token)).status, 200);

  const ownerOnB = await signIn(b, 'owner@acme.test');
  assert.equal((await ownerOnB.del(`/api/v1/workspace/${wid}/access-tokens/${object.id}`)).status, 204);
  assert.equal((await bearer(a, token)).status, 401);
  assert.equal((await bearer(b, token)).status, 401);
});

test('disable through A stops the token on B at once; enable through B restores it on A', async () => {
  const ownerOnA = await signIn(a, 'owner@acme.test');
  const ownerOnB = await signIn(b, 'owner@acme.test');
  const wid = ownerOnA.session.workspaces[0].id;
  const created = await ownerOnA.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody('Replica pause'));
  const { token, access_token: object } = created.body;
  assert.equal((await ownerOnA.post(`/api/v1/workspace/${wid}/access-tokens/${object.id}/disable`)).status, 200);
  assert.equal((await bearer(b, token)).status, 401);
  assert.equal((await ownerOnB.post(`/api/v1/workspace/${wid}/access-tokens/${object.id}/enable`)).status, 200);
  assert.equal((await bearer(a, token)).status, 200);
});

test('a role lowered through B applies to the next request on A', async () => {
  const ownerOnA = await signIn(a, 'owner@acme.test');
  const ownerOnB = await signIn(b, 'owner@acme.test');
  const wid = ownerOnA.session.workspaces[0].id;
  const created = await ownerOnA.post(
    `/api/v1/workspace/${wid}/access-tokens`,
    workspaceTokenBody('Replica builder', 'workspace_manager'),
  );
  const { token, access_token: object } = created.body;
  const projects = `/api/v1/workspace/${wid}/projects`;
  assert.equal((await bearer(a, token, 'POST', projects, { name: 'Replica project one' })).status, 201);
  const edited = await ownerOnB.patch(`/api/v1/workspace/${wid}/access-tokens/${object.id}`, {
    workspace_role: 'workspace_viewer',
  });
  assert.equal(edited.status, 200, edited.text);
  assert.equal((await bearer(a, token, 'POST', projects, { name: 'Replica project two' })).status, 403);
  assert.equal((await bearer(a, token)).status, 200); // still reads
});

test('a session started on A is valid on B, and signed out on B it is dead on A', async () => {
  const onA = await signIn(a, 'manager@acme.test');
  const sameOnB = clientFor(b, onA.cookie);
  assert.equal((await sameOnB.get('/api/v1/session')).status, 200);
  assert.equal((await sameOnB.del('/api/v1/session')).status, 204);
  assert.equal((await onA.get('/api/v1/session')).status, 401);
});

test('five failed sign-ins split across A and B lock the account at that address', async () => {
  const attempt = (server) =>
    send(server, 'POST', '/api/v1/session', { body: { email: 'coordinator@acme.test', password: 'wrong password' } });
  const answers = [];
  for (const server of [a, b, a, b, a]) answers.push((await attempt(server)).status);
  assert.deepEqual(answers, [401, 401, 401, 401, 401]);
  const sixthOnB = await attempt(b);
  assert.equal(sixthOnB.status, 429);
  assert.ok(Number(sixthOnB.headers.get('retry-after')) > 0);
  assert.equal((await attempt(a)).status, 429);
});

test('a server given another token-hashing key refuses to start', async () => {
  const otherKey = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-key-')), 'other.key');
  fs.writeFileSync(otherKey, Buffer.alloc(32, 7), { mode: 0o600 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-test-'));
  const result = await runServerCommand(
    ['--data', dataDir, '--listen', '127.0.0.1:0', '--database', databaseUrl, '--token-key-file', otherKey],
    20000,
  );
  assert.equal(result.code, 1);
  assert.match(result.stderr, /is not the key this database's tokens were hashed with/);
});
