// Members and token authority (docs/product.md#members-and-token-authority): the members
// routes, the token's owner, a Bearer request bounded by its owner's current role, and
// removal disabling the member's tokens in the same transaction, with an enabler taking
// them over. The full role × owner-role × route matrix is in authorization_matrix.test.js.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { signIn, firstWorkspaceId, query, workspaceTokenBody, send } = require('./api_client');

async function bearer(server, token, method, urlPath, body) {
  return send(server, method, urlPath, {
    body,
    headers: { authorization: `Bearer ${token}`, 'x-requested-with': null },
  });
}

async function setup(t) {
  const server = await startServer({ demo: true });
  t.after(() => server.stop());
  const owner = await signIn(server, 'owner@acme.test');
  const manager = await signIn(server, 'manager@acme.test');
  const wid = firstWorkspaceId(owner);
  const members = (await owner.get(`/api/v1/workspace/${wid}/members`)).body.items;
  const idOf = (email) => members.find((m) => m.user.email === email).user.id;
  return { server, owner, manager, wid, idOf };
}

test('the members list: every member with role and role name, by name', async (t) => {
  const { server, wid } = await setup(t);
  const viewer = await signIn(server, 'viewer@acme.test');
  const res = await viewer.get(`/api/v1/workspace/${wid}/members`);
  assert.equal(res.status, 200);
  const byEmail = Object.fromEntries(res.body.items.map((m) => [m.user.email, m]));
  assert.equal(byEmail['owner@acme.test'].role, 'workspace_owner');
  assert.equal(byEmail['owner@acme.test'].role_name, 'Workspace Owner');
  assert.equal(byEmail['viewer@acme.test'].role, 'workspace_viewer');
  assert.ok(Object.keys(byEmail).length >= 5);
  const names = res.body.items.map((m) => m.user.name.toLowerCase());
  assert.deepEqual(names, [...names].sort(), 'sorted by name');
  assert.deepEqual(Object.keys(res.body.items[0]).sort(), ['role', 'role_name', 'user']);
});

test('changing a role: validation, 404, last_owner, and the new role in the session', async (t) => {
  const { server, owner, wid, idOf } = await setup(t);
  const path = `/api/v1/workspace/${wid}/members`;
  const member = idOf('member@acme.test');

  for (const [body, field] of [
    [{}, 'role'],
    [{ role: 'workspace_god' }, 'role'],
    [{ role: 5 }, 'role'],
    [{ role: 'workspace_viewer', extra: 1 }, 'extra'],
    [[], ''],
  ]) {
    const res = await owner.patch(`${path}/${member}`, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.ok(res.body.errors.some((e) => e.field === field), `${JSON.stringify(body)}: ${res.text}`);
  }
  assert.equal((await owner.patch(`${path}/999999`, { role: 'workspace_viewer' })).status, 404);
  assert.equal((await owner.patch(`${path}/abc`, { role: 'workspace_viewer' })).status, 404);

  const changed = await owner.patch(`${path}/${member}`, { role: 'workspace_coordinator' });
  assert.equal(changed.status, 200);
  assert.equal(changed.body.role, 'workspace_coordinator');
  assert.equal(changed.body.role_name, 'Workspace Coordinator');
  const session = await (await signIn(server, 'member@acme.test')).get('/api/v1/session');
  assert.equal(session.body.workspaces[0].role, 'workspace_coordinator');
  assert.ok(session.body.workspaces[0].permissions.includes('create_projects'));
  const audit = query(server, `SELECT details FROM audit_log WHERE action = 'member.role_changed' AND target_id = ${member}`);
  assert.equal(audit.length, 1);
  assert.deepEqual(
    { from: JSON.parse(audit[0].details).from, to: JSON.parse(audit[0].details).to },
    { from: 'workspace_member', to: 'workspace_coordinator' },
  );

  // The only Owner cannot step down or leave; with a second Owner, they can. (The
  // first start's administrator is an Owner too: made a Manager first.)
  assert.equal((await owner.patch(`${path}/${idOf('admin@localhost')}`, { role: 'workspace_manager' })).status, 200);
  const ownerId = idOf('owner@acme.test');
  const demoted = await owner.patch(`${path}/${ownerId}`, { role: 'workspace_manager' });
  assert.equal(demoted.status, 409);
  assert.equal(demoted.body.code, 'last_owner');
  assert.equal((await owner.del(`${path}/${ownerId}`)).body.code, 'last_owner');
  assert.equal((await owner.patch(`${path}/${idOf('manager@acme.test')}`, { role: 'workspace_owner' })).status, 200);
  assert.equal((await owner.patch(`${path}/${ownerId}`, { role: 'workspace_manager' })).status, 200);
  assert.equal((await owner.patch(`${path}/${ownerId}`, { role: 'workspace_owner' })).status, 403,
    'no longer an Owner, they may not change roles');
});

test('a token acts within its owner\'s current role, from the very next request', async (t) => {
  const { server, owner, manager, wid, idOf } = await setup(t);
  const created = await manager.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody('Builder', 'workspace_manager'));
  assert.equal(created.status, 201);
  assert.deepEqual(created.body.access_token.owner, created.body.access_token.created_by);
  assert.equal(created.body.access_token.disabled_reason, null);
  const token = created.body.token;
  const createProject = (name) => bearer(server, token, 'POST', `/api/v1/workspace/${wid}/projects`, { name });

  assert.equal((await createProject('Before')).status, 201);
  const path = `/api/v1/workspace/${wid}/members/${idOf('manager@acme.test')}`;
  assert.equal((await owner.patch(path, { role: 'workspace_member' })).status, 200);
  const refused = await createProject('After demotion');
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'insufficient_scope');
  const workspaces = await bearer(server, token, 'GET', '/api/v1/workspaces');
  assert.ok(!workspaces.body.items[0].permissions.includes('create_projects'),
    'the token reports what it may do now');
  assert.ok(workspaces.body.items[0].permissions.includes('write_test_cases'));
  assert.equal((await owner.patch(path, { role: 'workspace_manager' })).status, 200);
  assert.equal((await createProject('Restored')).status, 201);
});

test('removing a member disables the tokens they own; an enabler becomes the owner', async (t) => {
  const { server, owner, manager, wid, idOf } = await setup(t);
  const tokens = `/api/v1/workspace/${wid}/access-tokens`;
  const first = (await manager.post(tokens, workspaceTokenBody('Owned One', 'workspace_coordinator'))).body;
  const second = (await manager.post(tokens, workspaceTokenBody('Owned Two', 'workspace_viewer'))).body;
  const already = (await manager.post(tokens, workspaceTokenBody('Already Off', 'workspace_viewer'))).body;
  assert.equal((await manager.post(`${tokens}/${already.access_token.id}/disable`)).status, 200);
  const others = (await owner.post(tokens, workspaceTokenBody('Owner Token', 'workspace_viewer'))).body;

  const managerId = idOf('manager@acme.test');
  const removed = await owner.del(`/api/v1/workspace/${wid}/members/${managerId}`);
  assert.equal(removed.status, 204, removed.text);

  // Their tokens stop at once; other tokens do not.
  assert.equal((await bearer(server, first.token, 'GET', '/api/v1/workspaces')).status, 401);
  assert.equal((await bearer(server, second.token, 'GET', '/api/v1/workspaces')).status, 401);
  assert.equal((await bearer(server, others.token, 'GET', '/api/v1/workspaces')).status, 200);
  // And the former member no longer sees the workspace.
  assert.equal((await manager.get(`${tokens}`)).status, 404);
  const members = (await owner.get(`/api/v1/workspace/${wid}/members`)).body.items;
  assert.ok(!members.some((m) => m.user.id === managerId));

  const details = (await owner.get(`${tokens}/${first.access_token.id}`)).body;
  assert.equal(details.status, 'disabled');
  assert.equal(details.disabled_reason, 'owner_removed');
  assert.equal(details.owner.id, managerId, 'the owner stays on record until someone takes over');
  const off = (await owner.get(`${tokens}/${already.access_token.id}`)).body;
  assert.equal(off.disabled_reason, null, 'a token a person disabled keeps that reason');

  const audit = query(server, "SELECT action, target_id, details FROM audit_log WHERE action IN ('access_token.disable', 'member.removed') ORDER BY id");
  const byOwner = audit.filter((row) => JSON.parse(row.details).reason === 'owner_removed');
  assert.deepEqual(byOwner.map((row) => Number(row.target_id)).sort(),
    [first.access_token.id, second.access_token.id].sort());
  const removal = audit.find((row) => row.action === 'member.removed');
  assert.equal(JSON.parse(removal.details).tokens_disabled, 2);

  // Enabling makes the enabler the owner, audited; the token works again.
  const enabled = await owner.post(`${tokens}/${first.access_token.id}/enable`);
  assert.equal(enabled.status, 200, enabled.text);
  assert.equal(enabled.body.status, 'enabled');
  assert.equal(enabled.body.disabled_reason, null);
  assert.equal(enabled.body.owner.id, idOf('owner@acme.test'));
  assert.equal(enabled.body.created_by.id, managerId, 'the creator stays the creator');
  assert.equal((await bearer(server, first.token, 'GET', '/api/v1/workspaces')).status, 200);
  const handover = query(server, `SELECT details FROM audit_log WHERE action = 'access_token.owner_changed' AND target_id = ${first.access_token.id}`);
  assert.equal(handover.length, 1);
  assert.equal(JSON.parse(handover[0].details).from.id, managerId);

  // Disable and enable again: a present owner stays the owner.
  await owner.post(`${tokens}/${first.access_token.id}/disable`);
  const again = await owner.post(`${tokens}/${first.access_token.id}/enable`);
  assert.equal(again.body.owner.id, idOf('owner@acme.test'));
  assert.equal(query(server, `SELECT id FROM audit_log WHERE action = 'access_token.owner_changed'`).length, 1);
});

test('a member who is not an Owner cannot change or remove members', async (t) => {
  const { manager, wid, idOf } = await setup(t);
  const path = `/api/v1/workspace/${wid}/members/${idOf('viewer@acme.test')}`;
  const patch = await manager.patch(path, { role: 'workspace_member' });
  assert.equal(patch.status, 403);
  assert.equal(patch.body.code, 'forbidden');
  assert.equal((await manager.del(path)).status, 403);
  // A cross-site request is refused before anything is decided.
  const csrf = await manager.patch(path, { role: 'workspace_member' }, { headers: { 'x-requested-with': null } });
  assert.equal(csrf.status, 403);
});
