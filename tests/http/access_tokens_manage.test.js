// Details, edit, disable, enable and revoke of access tokens, with their audit rows.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const net = require('node:net');
const { signIn, workspaceTokenBody, query } = require('./api_client');
const { assertRawExchangeConforms } = require('../support/openapi_check');

let server;
let owner;
let manager;
let wid;
let projects;
test.before(async () => {
  server = await startServer({ demo: true });
  owner = await signIn(server, 'owner@acme.test');
  manager = await signIn(server, 'manager@acme.test');
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
  const body = { ...workspaceTokenBody(`Managed ${++counter}`), ...overrides };
  const res = await owner.post(base(), body);
  assert.equal(res.status, 201, res.text);
  return res.body.access_token;
}
async function createProjectToken(name) {
  const res = await owner.post(base(), {
    name: name || `Project token ${++counter}`,
    access_type: 'project',
    projects: [{ project_id: projects['Web App'], role: 'project_member' }],
    expiry: { kind: 'never' },
  });
  assert.equal(res.status, 201, res.text);
  return res.body.access_token;
}
function auditFor(tokenId) {
  return query(server, `SELECT action, actor_user_id, details FROM audit_log WHERE target_type = 'access_token' AND target_id = ${tokenId} ORDER BY id`);
}

test('details: the token object; unknown, malformed and foreign ids are 404', async () => {
  const t = await createToken();
  const res = await manager.get(`${base()}/${t.id}`);
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, t);
  for (const path of [`${base()}/999999`, `${base()}/abc`, `${base()}/0`, `${base()}/-1`, `/api/v1/workspace/999/access-tokens/${t.id}`]) {
    const missing = await owner.get(path);
    assert.equal(missing.status, 404, path);
    assert.match(missing.headers.get('content-type'), /^application\/problem\+json/);
  }
});

test('edit: name, role and expiry change; created_at and identifier do not', async () => {
  const t = await createToken();
  const res = await owner.patch(`${base()}/${t.id}`, {
    name: 'Renamed Runner',
    workspace_role: 'workspace_viewer',
    expiry: { kind: 'never' },
  });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.name, 'Renamed Runner');
  assert.equal(res.body.workspace_role, 'workspace_viewer');
  assert.equal(res.body.expires_at, null);
  assert.equal(res.body.created_at, t.created_at);
  assert.equal(res.body.identifier, t.identifier);
  assert.deepEqual((await owner.get(`${base()}/${t.id}`)).body, res.body);

  const edits = auditFor(t.id).filter((r) => r.action === 'access_token.edit');
  assert.equal(edits.length, 1);
  assert.equal(edits[0].actor_user_id, owner.session.user.id);
  const changes = JSON.parse(edits[0].details).changes;
  assert.deepEqual(changes.name, { from: t.name, to: 'Renamed Runner' });
  assert.deepEqual(changes.workspace_role, { from: 'workspace_member', to: 'workspace_viewer' });
  assert.deepEqual(changes.expires_at, { from: t.expires_at, to: null });
});

test('edit: only the fields sent change; an edit that changes nothing is not audited', async () => {
  const t = await createToken();
  const renamed = await owner.patch(`${base()}/${t.id}`, { name: `${t.name} v2` });
  assert.equal(renamed.body.workspace_role, t.workspace_role);
  assert.equal(renamed.body.expires_at, t.expires_at);
  assert.equal((await owner.patch(`${base()}/${t.id}`, {})).status, 200);
  assert.equal((await owner.patch(`${base()}/${t.id}`, { access_type: 'workspace', name: `${t.name} v2` })).status, 200);
  assert.equal(auditFor(t.id).filter((r) => r.action === 'access_token.edit').length, 1);
});

test('edit: an expiry counts from now', async () => {
  const t = await createToken({ expiry: { kind: 'never' } });
  const res = await owner.patch(`${base()}/${t.id}`, { expiry: { kind: '1w' } });
  const expires = Date.parse(res.body.expires_at) / 1000;
  const expected = Date.now() / 1000 + 7 * 86400;
  assert.ok(Math.abs(expires - expected) < 10, res.body.expires_at);
});

test('edit: project rows of a project token, with the same rules as create', async () => {
  const t = await createProjectToken();
  const res = await owner.patch(`${base()}/${t.id}`, {
    projects: [
      { project_id: projects['Payments API'], role: 'project_manager' },
      { project_id: projects['Web App'], role: 'project_viewer' },
    ],
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.body.projects.map((p) => [p.project_name, p.role]), [['Payments API', 'project_manager'], ['Web App', 'project_viewer']]);
  const change = JSON.parse(auditFor(t.id).at(-1).details).changes.projects;
  assert.equal(change.from.length, 1);
  assert.equal(change.to.length, 2);

  const cases = [
    [{ projects: [] }, ['projects']],
    [{ projects: [{ project_id: 999999, role: 'project_viewer' }] }, ['projects[0].project_id']],
    [{ projects: [{ project_id: projects['Web App'] }] }, ['projects[0].role']],
    [{ workspace_role: 'workspace_viewer' }, ['workspace_role']],
    [{ access_type: 'workspace' }, ['access_type']],
    [{ name: '' }, ['name']],
    [{ expiry: { kind: 'custom', date: '2001-01-01' } }, ['expiry.date']],
    [{ colour: 'blue' }, ['colour']],
  ];
  for (const [body, fields] of cases) {
    const bad = await owner.patch(`${base()}/${t.id}`, body);
    assert.equal(bad.status, 400, JSON.stringify(body));
    assert.equal(bad.body.code, 'validation_failed');
    assert.deepEqual(bad.body.errors.map((e) => e.field), fields, JSON.stringify(body));
  }
});

test('edit: the access type is locked, and a workspace token takes no projects', async () => {
  const t = await createToken();
  const retype = await owner.patch(`${base()}/${t.id}`, { access_type: 'project', projects: [{ project_id: projects['Web App'], role: 'project_viewer' }] });
  assert.equal(retype.status, 400);
  assert.ok(retype.body.errors.some((e) => e.field === 'access_type'));
  const projectsOnWorkspace = await owner.patch(`${base()}/${t.id}`, { projects: [{ project_id: projects['Web App'], role: 'project_viewer' }] });
  assert.equal(projectsOnWorkspace.status, 400);
  assert.deepEqual(projectsOnWorkspace.body.errors.map((e) => e.field), ['projects']);
});

test('edit: nobody raises a token above their own role, nor to Owner', async () => {
  const t = await createToken();
  const toManager = await manager.patch(`${base()}/${t.id}`, { workspace_role: 'workspace_manager' });
  assert.equal(toManager.status, 200);
  for (const client of [manager, owner]) {
    const res = await client.patch(`${base()}/${t.id}`, { workspace_role: 'workspace_owner' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors.map((e) => e.field), ['workspace_role']);
  }
});

test('edit: a name taken by another live token is 409; its own name in another case is fine', async () => {
  const a = await createToken({ name: 'Sync Alpha' });
  const b = await createToken({ name: 'Sync Beta' });
  const res = await owner.patch(`${base()}/${b.id}`, { name: 'SYNC ALPHA' });
  assert.equal(res.status, 409);
  assert.equal(res.body.code, 'name_taken');
  assert.deepEqual(res.body.errors.map((e) => e.field), ['name']);
  assert.equal((await owner.patch(`${base()}/${a.id}`, { name: 'sync alpha' })).body.name, 'sync alpha');
});

test('disable and enable: idempotent, audited once each, visible in details', async () => {
  const t = await createToken();
  const disabled = await owner.post(`${base()}/${t.id}/disable`);
  assert.equal(disabled.status, 200);
  assert.equal(disabled.body.status, 'disabled');
  assert.equal((await owner.post(`${base()}/${t.id}/disable`)).body.status, 'disabled');
  assert.equal((await owner.get(`${base()}/${t.id}`)).body.status, 'disabled');

  const enabled = await manager.post(`${base()}/${t.id}/enable`);
  assert.equal(enabled.status, 200);
  assert.equal(enabled.body.status, 'enabled');
  assert.equal((await manager.post(`${base()}/${t.id}/enable`)).body.status, 'enabled');

  const actions = auditFor(t.id).map((r) => r.action);
  assert.deepEqual(actions, ['access_token.create', 'access_token.disable', 'access_token.enable']);
  assert.equal(auditFor(t.id)[2].actor_user_id, manager.session.user.id);
});

test('a disabled token cannot be edited or revoked: 409 token_disabled', async () => {
  const t = await createToken();
  await owner.post(`${base()}/${t.id}/disable`);
  const edit = await owner.patch(`${base()}/${t.id}`, { name: 'Not while disabled' });
  assert.equal(edit.status, 409);
  assert.equal(edit.body.code, 'token_disabled');
  const revoke = await owner.del(`${base()}/${t.id}`);
  assert.equal(revoke.status, 409);
  assert.equal(revoke.body.code, 'token_disabled');
  assert.equal((await owner.get(`${base()}/${t.id}`)).body.name, t.name);
});

test('revoke: 204, then gone everywhere; its name is free again; the audit row stays', async () => {
  const t = await createToken({ name: 'Short Lived' });
  const res = await owner.del(`${base()}/${t.id}`);
  assert.equal(res.status, 204);
  assert.equal(res.text, '');
  for (const attempt of [
    owner.get(`${base()}/${t.id}`),
    owner.patch(`${base()}/${t.id}`, { name: 'Zombie' }),
    owner.post(`${base()}/${t.id}/disable`),
    owner.post(`${base()}/${t.id}/enable`),
    owner.del(`${base()}/${t.id}`),
  ]) assert.equal((await attempt).status, 404);
  const list = await owner.get(`${base()}?q=Short%20Lived`);
  assert.deepEqual(list.body.items, []);

  const again = await owner.post(base(), workspaceTokenBody('short lived'));
  assert.equal(again.status, 201);
  assert.notEqual(again.body.access_token.id, t.id);

  const rows = auditFor(t.id);
  assert.deepEqual(rows.map((r) => r.action), ['access_token.create', 'access_token.revoke']);
  assert.equal(JSON.parse(rows[1].details).identifier, t.identifier);
  assert.equal(query(server, `SELECT status FROM access_tokens WHERE id = ${t.id}`)[0].status, 'revoked');
});

test('an expired token says so in details and stays editable; disabled wins over expired', async () => {
  const t = await createToken();
  query(server, `UPDATE access_tokens SET expires_at = ${Math.floor(Date.now() / 1000) - 60} WHERE id = ${t.id}`);
  assert.equal((await owner.get(`${base()}/${t.id}`)).body.status, 'expired');
  assert.equal((await owner.post(`${base()}/${t.id}/disable`)).body.status, 'disabled');
  assert.equal((await owner.post(`${base()}/${t.id}/enable`)).body.status, 'expired');
  const extended = await owner.patch(`${base()}/${t.id}`, { expiry: { kind: '1m' } });
  assert.equal(extended.status, 200);
  assert.equal(extended.body.status, 'enabled');
});

test('lifecycle routes need the session checks too', async () => {
  const t = await createToken();
  const noHeader = { headers: { 'x-requested-with': null } };
  for (const res of await Promise.all([
    owner.patch(`${base()}/${t.id}`, { name: 'x' }, noHeader),
    owner.post(`${base()}/${t.id}/disable`, undefined, noHeader),
    owner.post(`${base()}/${t.id}/enable`, undefined, { headers: { origin: 'http://evil.test' } }),
    owner.del(`${base()}/${t.id}`, noHeader),
  ])) {
    assert.equal(res.status, 403);
    assert.equal(res.body.code, 'csrf_rejected');
  }
  const bearer = await owner.del(`${base()}/${t.id}`, { headers: { authorization: 'Bearer x' } });
  assert.equal(bearer.status, 403);
  assert.equal(bearer.body.code, 'session_required');
  assert.equal((await owner.get(`${base()}/${t.id}`)).body.status, 'enabled');
});

test('a body-less POST must still say Content-Length: 0 (411 at once otherwise)', async () => {
  const t = await createToken();
  const { hostname, port } = new URL(server.baseUrl);
  const started = Date.now();
  const answer = await new Promise((resolve, reject) => {
    const request = `POST ${base()}/${t.id}/disable HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
      `Cookie: ${owner.cookie}\r\nX-Requested-With: hawzu-web\r\n\r\n`;
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let text = '';
    socket.on('data', (d) => {
      text += d;
      if (text.includes('\r\n\r\n')) {
        socket.destroy();
        try {
          assertRawExchangeConforms(request, text);
          resolve(text);
        } catch (error) {
          reject(error);
        }
      }
    });
    socket.on('error', reject);
  });
  assert.match(answer, /^HTTP\/1\.1 411/);
  assert.ok(Date.now() - started < 2000);
  assert.equal((await owner.post(`${base()}/${t.id}/disable`)).status, 200); // fetch sends 0
});
