// Rotating an access token (docs/api.md, the rotate route;
// docs/product.md#rotating-a-token): POST .../access-tokens/{tid}/rotate gives the token a
// new value and identifier and keeps its id, name, roles, grants, owner and expiry; the
// previous value keeps working for the overlap, then gets 401.
//
// The end of an overlap without waiting: a second server process on the same data
// directory (and, on a PostgreSQL run, the same database) is started with
// HAWZU_TEST_NOW_OFFSET_SECONDS, which moves that process's clock ahead; what it
// accepts is decided by the database row alone.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { send, signIn, workspaceTokenBody, query } = require('./api_client');

let server;
let owner;
let manager;
let coordinator;
let wid;
let projects;
async function signInEveryone() {
  owner = await signIn(server, 'owner@acme.test');
  manager = await signIn(server, 'manager@acme.test');
  coordinator = await signIn(server, 'coordinator@acme.test');
}
test.before(async () => {
  server = await startServer({ demo: true });
  await signInEveryone();
  wid = owner.session.workspaces[0].id;
  const options = await owner.get(`/api/v1/workspace/${wid}/access-tokens/options`);
  projects = Object.fromEntries(options.body.projects.map((p) => [p.name, p.id]));
});
test.after(async () => {
  await server.stop();
});

const base = () => `/api/v1/workspace/${wid}/access-tokens`;
let counter = 0;
async function createToken(overrides = {}) {
  const body = { ...workspaceTokenBody(`Rotated ${++counter}`), ...overrides };
  const res = await owner.post(base(), body);
  assert.equal(res.status, 201, res.text);
  return { token: res.body.token, accessToken: res.body.access_token };
}
async function rotate(client, tokenId, body) {
  return client.post(`${base()}/${tokenId}/rotate`, body);
}
// The status of a Bearer call with `token` on `on` (this server or a later-clock one).
async function bearerStatus(token, on = server, path = '/api/v1/workspaces') {
  const res = await send(on, 'GET', path, {
    headers: { authorization: `Bearer ${token}`, 'x-requested-with': null },
  });
  return res.status;
}
function fieldsOf(res) {
  return (res.body.errors || []).map((e) => e.field);
}
async function withClockAhead(seconds, run) {
  const later = await startServer({
    dataDir: server.dataDir,
    env: { HAWZU_TEST_NOW_OFFSET_SECONDS: String(seconds) },
  });
  try {
    await run(later);
  } finally {
    await later.stop();
  }
  // To the later clock the sessions had been idle too long, and it ended them.
  await signInEveryone();
}

test('rotate: 201 with the new value, no-store; same token, new identifier; both values work during the overlap', async () => {
  const { token: oldValue, accessToken: before } = await createToken();
  const res = await rotate(owner, before.id, { overlap: '1h' });
  assert.equal(res.status, 201, res.text);
  assert.match(res.headers.get('cache-control'), /no-store/);
  const newValue = res.body.token;
  const after = res.body.access_token;
  assert.match(newValue, /^hwz_[0-9A-Za-z]{42}$/);
  assert.notEqual(newValue, oldValue);
  assert.equal(after.id, before.id);
  assert.equal(after.name, before.name);
  assert.equal(after.workspace_role, before.workspace_role);
  assert.deepEqual(after.owner, before.owner);
  assert.equal(after.expires_at, before.expires_at, 'the expiry is kept');
  assert.notEqual(after.identifier, before.identifier);
  assert.equal(after.identifier, newValue.slice(0, 12));
  const end = Date.parse(after.previous_value_expires_at);
  const expected = Date.now() + 3600 * 1000;
  assert.ok(Math.abs(end - expected) < 10000, `overlap ends at ${after.previous_value_expires_at}`);
  assert.equal(before.previous_value_expires_at, null, 'a new token has no previous value');

  assert.equal(await bearerStatus(oldValue), 200, 'old value during the overlap');
  assert.equal(await bearerStatus(newValue), 200, 'new value');
  const details = await owner.get(`${base()}/${before.id}`);
  assert.equal(details.body.previous_value_expires_at, after.previous_value_expires_at);
  assert.equal(details.body.identifier, after.identifier);

  // Two hours later (a second process): the old value is refused, the new one works,
  // and the token object no longer names an overlap.
  await withClockAhead(2 * 3600, async (later) => {
    assert.equal(await bearerStatus(oldValue, later), 401, 'old value after the overlap');
    assert.equal(await bearerStatus(newValue, later), 200);
    // A session of its own: to this clock the others have been idle too long.
    const laterOwner = await signIn(later, 'owner@acme.test');
    const seen = await laterOwner.get(`${base()}/${before.id}`);
    assert.equal(seen.status, 200);
    assert.equal(seen.body.previous_value_expires_at, null);
  });
  // This process's clock is still inside the overlap.
  assert.equal(await bearerStatus(oldValue), 200);
});

test('rotate: a 24 h overlap outlives two hours; the previous value has the same roles and owner bound', async () => {
  const { token: oldValue, accessToken } = await createToken({ workspace_role: 'workspace_viewer' });
  const res = await rotate(owner, accessToken.id, { overlap: '24h' });
  assert.equal(res.status, 201, res.text);
  await withClockAhead(2 * 3600, async (later) => {
    assert.equal(await bearerStatus(oldValue, later), 200);
  });
  const self = await send(server, 'GET', '/api/v1/access-tokens/self', {
    headers: { authorization: `Bearer ${oldValue}`, 'x-requested-with': null },
  });
  assert.equal(self.status, 200);
  assert.equal(self.body.id, accessToken.id);
  assert.equal(self.body.workspace_role, 'workspace_viewer');
  // A viewer token cannot create projects, with either value.
  const create = await send(server, 'POST', `/api/v1/workspace/${wid}/projects`, {
    headers: { authorization: `Bearer ${oldValue}`, 'x-requested-with': null },
    body: { name: `Rotated project ${counter}` },
  });
  assert.equal(create.status, 403);
  // Disabling the token stops the previous value too.
  assert.equal((await owner.post(`${base()}/${accessToken.id}/disable`)).status, 200);
  assert.equal(await bearerStatus(oldValue), 401);
  assert.equal((await owner.post(`${base()}/${accessToken.id}/enable`)).status, 200);
  assert.equal(await bearerStatus(oldValue), 200);
});

test('rotate: overlap none ends the old value at once', async () => {
  const { token: oldValue, accessToken } = await createToken();
  const res = await rotate(owner, accessToken.id, { overlap: 'none' });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.access_token.previous_value_expires_at, null);
  assert.equal(await bearerStatus(oldValue), 401);
  assert.equal(await bearerStatus(res.body.token), 200);
  const row = query(server, `SELECT previous_secret_hash, previous_value_expires_at FROM access_tokens WHERE id = ${accessToken.id}`);
  assert.equal(row[0].previous_secret_hash, null);
  assert.equal(row[0].previous_value_expires_at, null);
});

test('rotate: twice during an overlap keeps one previous value (the newer one)', async () => {
  const { token: first, accessToken } = await createToken();
  const second = await rotate(owner, accessToken.id, { overlap: '24h' });
  assert.equal(second.status, 201, second.text);
  const third = await rotate(owner, accessToken.id, { overlap: '24h' });
  assert.equal(third.status, 201, third.text);
  assert.equal(await bearerStatus(first), 401, 'the oldest value is gone');
  assert.equal(await bearerStatus(second.body.token), 200, 'the previous value works');
  assert.equal(await bearerStatus(third.body.token), 200, 'the current value works');
});

test('rotate: a project token keeps its grants', async () => {
  const created = await owner.post(base(), {
    name: `Rotated project token ${++counter}`,
    access_type: 'project',
    projects: [{ project_id: projects['Web App'], role: 'project_member' }],
    expiry: { kind: 'never' },
  });
  assert.equal(created.status, 201, created.text);
  const before = created.body.access_token;
  const res = await rotate(owner, before.id, { overlap: '1h' });
  assert.equal(res.status, 201, res.text);
  assert.deepEqual(res.body.access_token.projects, before.projects);
  assert.equal(res.body.access_token.expires_at, null);
  const cases = `/api/v1/workspace/${wid}/project/${projects['Web App']}/testcases`;
  assert.equal(await bearerStatus(res.body.token, server, cases), 200);
  assert.equal(await bearerStatus(created.body.token, server, cases), 200);
  const other = `/api/v1/workspace/${wid}/project/${projects['Payments API']}/testcases`;
  assert.equal(await bearerStatus(res.body.token, server, other), 404);
});

test('rotate: disabled 409, revoked and unknown 404, Bearer 403, Coordinator 403', async () => {
  const { token, accessToken } = await createToken();
  assert.equal((await owner.post(`${base()}/${accessToken.id}/disable`)).status, 200);
  const disabled = await rotate(owner, accessToken.id, { overlap: '1h' });
  assert.equal(disabled.status, 409);
  assert.equal(disabled.body.code, 'token_disabled');
  assert.equal((await owner.post(`${base()}/${accessToken.id}/enable`)).status, 200);

  const bearer = await send(server, 'POST', `${base()}/${accessToken.id}/rotate`, {
    headers: { authorization: `Bearer ${token}` },
    body: { overlap: '1h' },
  });
  assert.equal(bearer.status, 403);
  assert.equal((await rotate(coordinator, accessToken.id, { overlap: '1h' })).status, 403);

  assert.equal((await owner.del(`${base()}/${accessToken.id}`)).status, 204);
  assert.equal((await rotate(owner, accessToken.id, { overlap: '1h' })).status, 404);
  assert.equal((await rotate(owner, 999999, { overlap: '1h' })).status, 404);
  assert.equal((await owner.post(`/api/v1/workspace/999/access-tokens/1/rotate`, { overlap: '1h' })).status, 404);
});

test('rotate: a Manager rotates a Manager token; no token ranks above a Manager', async () => {
  // The highest role a token can hold is Workspace Manager, so a Manager never meets a
  // token above their own role here; the service refuses that case (403) as enable does.
  const { accessToken } = await createToken({ workspace_role: 'workspace_manager' });
  const res = await rotate(manager, accessToken.id, { overlap: '1h' });
  assert.equal(res.status, 201, res.text);
});

test('rotate: validation errors name the field', async () => {
  const { accessToken } = await createToken();
  const cases = [
    [{}, ['overlap']],
    [{ overlap: 24 }, ['overlap']],
    [{ overlap: '2h' }, ['overlap']],
    [{ overlap: null }, ['overlap']],
    [{ overlap: '1h', name: 'x' }, ['name']],
    [{ overlap: '1h', expiry: null }, ['expiry']],
    [{ overlap: '1h', expiry: { kind: 'bogus' } }, ['expiry.kind']],
    [{ overlap: '1h', expiry: { kind: 'custom', date: '2000-01-01', utc_offset_minutes: 0 } }, ['expiry.date']],
    [{ overlap: '1h', expiry: { kind: '1w', utc_offset_minutes: 'x' } }, ['expiry.utc_offset_minutes']],
  ];
  for (const [body, fields] of cases) {
    const res = await rotate(owner, accessToken.id, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.deepEqual(fieldsOf(res), fields, JSON.stringify(body));
  }
  const notObject = await owner.post(`${base()}/${accessToken.id}/rotate`, undefined, { raw: '[]' });
  assert.equal(notObject.status, 400);
  const details = await owner.get(`${base()}/${accessToken.id}`);
  assert.equal(details.body.identifier, accessToken.identifier, 'nothing changed');
});

test('rotate: a new expiry counts from now; an expired token needs one', async () => {
  const { accessToken } = await createToken({ expiry: { kind: 'never' } });
  const res = await rotate(owner, accessToken.id, { overlap: '1h', expiry: { kind: '1w', utc_offset_minutes: 0 } });
  assert.equal(res.status, 201, res.text);
  const expires = Date.parse(res.body.access_token.expires_at);
  assert.ok(Math.abs(expires - (Date.now() + 7 * 86400 * 1000)) < 10000);

  const today = new Date().toISOString().slice(0, 10);
  const expiring = await createToken({ expiry: { kind: 'custom', date: today, utc_offset_minutes: 0 } });
  await withClockAhead(2 * 86400, async (later) => {
    const laterOwner = await signIn(later, 'owner@acme.test');
    const refused = await rotate(laterOwner, expiring.accessToken.id, { overlap: '1h' });
    assert.equal(refused.status, 400);
    assert.deepEqual(fieldsOf(refused), ['expiry']);
    const renewed = await rotate(laterOwner, expiring.accessToken.id, {
      overlap: 'none',
      expiry: { kind: '1m', utc_offset_minutes: 0 },
    });
    assert.equal(renewed.status, 201, renewed.text);
    assert.equal(renewed.body.access_token.status, 'enabled');
    assert.equal(await bearerStatus(renewed.body.token, later), 200);
  });
});

test('rotate: audited in the same change, with the identifiers and the expiry change, never the value', async () => {
  const { accessToken } = await createToken({ expiry: { kind: 'never' } });
  const res = await rotate(manager, accessToken.id, { overlap: '7d', expiry: { kind: '1y', utc_offset_minutes: 0 } });
  assert.equal(res.status, 201, res.text);
  const rows = query(
    server,
    `SELECT action, actor_user_id, details FROM audit_log WHERE target_type = 'access_token' AND target_id = ${accessToken.id} ORDER BY id`,
  );
  assert.deepEqual(rows.map((r) => r.action), ['access_token.create', 'access_token.rotate']);
  const row = rows[1];
  assert.equal(row.actor_user_id, manager.session.user.id);
  assert.equal(row.details.includes(res.body.token), false, 'never the value');
  const details = JSON.parse(row.details);
  assert.equal(details.overlap, '7d');
  assert.equal(details.previous_identifier, accessToken.identifier);
  assert.equal(details.identifier, res.body.access_token.identifier);
  assert.equal(details.previous_value_expires_at, res.body.access_token.previous_value_expires_at);
  assert.deepEqual(details.expires_at, { from: null, to: res.body.access_token.expires_at });
});
