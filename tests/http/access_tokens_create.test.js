// POST /api/v1/workspace/{wid}/access-tokens and GET .../options: the 201 answer, every
// validation error by field path, who may create what, duplicate names, and the rule
// that the token value exists only in the 201 body.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { send, signIn, workspaceTokenBody, query } = require('./api_client');

let server;
let owner;
let wid;
let projects; // name -> id
test.before(async () => {
  server = await startServer({ demo: true });
  owner = await signIn(server, 'owner@acme.test');
  wid = owner.session.workspaces[0].id;
  const options = await owner.get(`/api/v1/workspace/${wid}/access-tokens/options`);
  projects = Object.fromEntries(options.body.projects.map((p) => [p.name, p.id]));
});
test.after(async () => {
  await server.stop();
});

const tokensPath = () => `/api/v1/workspace/${wid}/access-tokens`;
let counter = 0;
const uniqueName = (prefix = 'Token') => `${prefix} ${++counter}`;

function localDate(offsetMinutes, plusDays = 0) {
  const d = new Date(Date.now() + offsetMinutes * 60000 + plusDays * 86400000);
  return d.toISOString().slice(0, 10);
}

test('options: assignable roles not above the caller, project roles, projects, expiry kinds', async () => {
  const res = await owner.get(`/api/v1/workspace/${wid}/access-tokens/options`);
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.workspace_roles, [
    { role: 'workspace_manager', name: 'Workspace Manager' },
    { role: 'workspace_coordinator', name: 'Workspace Coordinator' },
    { role: 'workspace_member', name: 'Workspace Member' },
    { role: 'workspace_viewer', name: 'Workspace Viewer' },
  ]);
  assert.deepEqual(res.body.project_roles.map((r) => r.role), ['project_manager', 'project_coordinator', 'project_member', 'project_viewer']);
  assert.equal(res.body.project_roles[0].name, 'Project Manager');
  assert.deepEqual(res.body.projects.map((p) => p.name), ['Data Pipeline', 'Mobile App', 'Payments API', 'Web App']);
  assert.deepEqual(res.body.expiry_kinds.map((k) => k.kind), ['1w', '1m', '6m', '1y', 'custom', 'never']);

  const manager = await signIn(server, 'manager@acme.test');
  const managerOptions = await manager.get(`/api/v1/workspace/${wid}/access-tokens/options`);
  assert.equal(managerOptions.body.workspace_roles[0].role, 'workspace_manager');
});

test('options: creators lists who made the live tokens, once each, by name; revoked ones drop out', async () => {
  const optionsPath = `/api/v1/workspace/${wid}/access-tokens/options`;
  const manager = await signIn(server, 'manager@acme.test');
  const made = await manager.post(tokensPath(), workspaceTokenBody(uniqueName('Creator check')));
  assert.equal(made.status, 201);
  const creators = (await owner.get(optionsPath)).body.creators;
  assert.ok(creators.every((c) => Object.keys(c).sort().join() === 'id,name'));
  const managerId = manager.session.user.id;
  assert.equal(creators.filter((c) => c.id === managerId).length, 1);
  const names = creators.map((c) => c.name);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

  const live = await owner.get(`${tokensPath()}?created_by=${managerId}&limit=100`);
  for (const token of live.body.items) {
    assert.equal((await owner.del(`${tokensPath()}/${token.id}`)).status, 204);
  }
  const after = (await owner.get(optionsPath)).body.creators;
  assert.ok(!after.some((c) => c.id === managerId), 'a person with only revoked tokens is no longer offered');
});

test('a workspace token: 201, the token once, the object, no-store', async () => {
  const before = Math.floor(Date.now() / 1000);
  const res = await owner.post(tokensPath(), {
    name: '  CI Runner  ',
    access_type: 'workspace',
    workspace_role: 'workspace_coordinator',
    expiry: { kind: '1w', utc_offset_minutes: 120 },
  });
  assert.equal(res.status, 201);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.match(res.headers.get('content-type'), /^application\/json/);
  assert.deepEqual(Object.keys(res.body).sort(), ['access_token', 'token']);
  const { token, access_token: t } = res.body;
  assert.match(token, /^hwz_[0-9A-Za-z]{42}$/);
  assert.deepEqual(Object.keys(t).sort(), ['access_type', 'created_at', 'created_by', 'disabled_reason', 'expires_at', 'expires_soon', 'id', 'identifier', 'last_used_at', 'last_used_ip', 'leak', 'name', 'owner', 'previous_value_expires_at', 'projects', 'status', 'workspace_role']);
  assert.equal(t.name, 'CI Runner');
  assert.deepEqual(t.owner, t.created_by, 'the creator owns a new token');
  assert.equal(t.disabled_reason, null);
  assert.equal(t.identifier, token.slice(0, 12));
  assert.equal(t.access_type, 'workspace');
  assert.equal(t.workspace_role, 'workspace_coordinator');
  assert.deepEqual(t.projects, []);
  assert.equal(t.status, 'enabled');
  assert.deepEqual(t.created_by, { id: owner.session.user.id, name: 'Olivia Owens' });
  assert.equal(t.last_used_at, null);
  assert.equal(t.previous_value_expires_at, null, 'a new token has no previous value');
  assert.equal(t.last_used_ip, null);
  assert.match(t.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const created = Date.parse(t.created_at) / 1000;
  assert.ok(created >= before - 1 && created <= before + 5);
  assert.equal(Date.parse(t.expires_at) / 1000 - created, 7 * 86400);

  // Details never carry the token.
  const details = await owner.get(`${tokensPath()}/${t.id}`);
  assert.equal(details.status, 200);
  assert.deepEqual(details.body, t);
  assert.ok(!details.text.includes(token));
});

test('a project token with several project grants', async () => {
  const res = await owner.post(tokensPath(), {
    name: 'Nightly Automation',
    access_type: 'project',
    projects: [
      { project_id: projects['Web App'], role: 'project_member' },
      { project_id: projects['Data Pipeline'], role: 'project_viewer' },
    ],
    expiry: { kind: 'never' },
  });
  assert.equal(res.status, 201);
  const t = res.body.access_token;
  assert.equal(t.access_type, 'project');
  assert.equal(t.workspace_role, null);
  assert.equal(t.expires_at, null);
  assert.deepEqual(t.projects, [
    { project_id: projects['Data Pipeline'], project_name: 'Data Pipeline', role: 'project_viewer' },
    { project_id: projects['Web App'], project_name: 'Web App', role: 'project_member' },
  ]);
});

test('every expiry choice maps to the right instant', async () => {
  const offset = -300; // UTC-05:00
  const cases = [
    [{ kind: '1m', utc_offset_minutes: offset }, (c) => { const d = new Date((c + offset * 60) * 1000); const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)); const last = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 0)).getUTCDate(); const day = Math.min(d.getUTCDate(), last); return Date.UTC(m.getUTCFullYear(), m.getUTCMonth(), day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) / 1000 - offset * 60; }],
    [{ kind: '1y', utc_offset_minutes: 0 }, (c) => { const d = new Date(c * 1000); const y = d.getUTCFullYear() + 1; const last = new Date(Date.UTC(y, d.getUTCMonth() + 1, 0)).getUTCDate(); return Date.UTC(y, d.getUTCMonth(), Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) / 1000; }],
    [{ kind: 'custom', date: localDate(offset, 3), utc_offset_minutes: offset }, () => Date.parse(localDate(offset, 3) + 'T23:59:59Z') / 1000 - offset * 60],
    [{ kind: 'custom', date: localDate(840), utc_offset_minutes: 840 }, () => Date.parse(localDate(840) + 'T23:59:59Z') / 1000 - 840 * 60],
  ];
  for (const [expiry, expected] of cases) {
    const res = await owner.post(tokensPath(), workspaceTokenBody(uniqueName('Expiry'), 'workspace_viewer', expiry));
    assert.equal(res.status, 201, JSON.stringify(expiry) + res.text);
    const t = res.body.access_token;
    const created = Date.parse(t.created_at) / 1000;
    assert.equal(Date.parse(t.expires_at) / 1000, expected(created), JSON.stringify(expiry));
  }
  const sixMonths = await owner.post(tokensPath(), workspaceTokenBody(uniqueName('Expiry'), 'workspace_viewer', { kind: '6m' }));
  assert.equal(sixMonths.status, 201);
  const omitted = await owner.post(tokensPath(), { name: uniqueName('Default'), access_type: 'workspace', workspace_role: 'workspace_viewer' });
  assert.equal(omitted.status, 201);
  const t = omitted.body.access_token;
  assert.equal(Date.parse(t.expires_at) - Date.parse(t.created_at), 7 * 86400 * 1000);
});

test('every field is validated and reported by its path', async () => {
  const valid = () => workspaceTokenBody(uniqueName('Valid'));
  const project = (rows) => ({ name: uniqueName('P'), access_type: 'project', projects: rows, expiry: { kind: 'never' } });
  const pid = () => projects['Mobile App'];
  const cases = [
    [{ ...valid(), name: undefined }, ['name']],
    [{ ...valid(), name: '' }, ['name']],
    [{ ...valid(), name: '   ' }, ['name']],
    [{ ...valid(), name: 'x'.repeat(81) }, ['name']],
    [{ ...valid(), name: 'tab\there' }, ['name']],
    [{ ...valid(), name: 'line\u2028break' }, ['name']],
    [{ ...valid(), name: 42 }, ['name']],
    [{ ...valid(), access_type: undefined }, ['access_type']],
    [{ ...valid(), access_type: 'team' }, ['access_type']],
    [{ ...valid(), access_type: ['workspace'] }, ['access_type']],
    [{ ...valid(), workspace_role: undefined }, ['workspace_role']],
    [{ ...valid(), workspace_role: 'workspace_owner' }, ['workspace_role']],
    [{ ...valid(), workspace_role: 'project_manager' }, ['workspace_role']],
    [{ ...valid(), workspace_role: 3 }, ['workspace_role']],
    [{ ...valid(), projects: [{ project_id: pid(), role: 'project_viewer' }] }, ['projects']],
    [project([]), ['projects']],
    [project(null), ['projects']],
    [project('all'), ['projects']],
    [{ ...project([{ project_id: pid(), role: 'project_viewer' }]), workspace_role: 'workspace_viewer' }, ['workspace_role']],
    [project([{ role: 'project_viewer' }]), ['projects[0].project_id']],
    [project([{ project_id: pid() }]), ['projects[0].role']],
    [project([{ project_id: pid(), role: 'project_viewer' }, { project_id: pid(), role: 'project_member' }]), ['projects[1].project_id']],
    [project([{ project_id: pid(), role: 'project_viewer' }, { project_id: 999999, role: 'project_member' }]), ['projects[1].project_id']],
    [project([{ project_id: -4, role: 'project_viewer' }]), ['projects[0].project_id']],
    [project([{ project_id: '7', role: 'project_viewer' }]), ['projects[0].project_id']],
    [project([{ project_id: 1.5, role: 'project_viewer' }]), ['projects[0].project_id']],
    [project([{ project_id: pid(), role: 'workspace_manager' }]), ['projects[0].role']],
    [project([{ project_id: pid(), role: 'project_viewer', note: 'x' }]), ['projects[0].note']],
    [project(['x']), ['projects[0]']],
    [{ ...valid(), expiry: { kind: 'forever' } }, ['expiry.kind']],
    [{ ...valid(), expiry: {} }, ['expiry.kind']],
    [{ ...valid(), expiry: 'never' }, ['expiry']],
    [{ ...valid(), expiry: { kind: 'custom' } }, ['expiry.date']],
    [{ ...valid(), expiry: { kind: 'custom', date: '2020-01-01' } }, ['expiry.date']],
    [{ ...valid(), expiry: { kind: 'custom', date: localDate(0, -2), utc_offset_minutes: 0 } }, ['expiry.date']],
    [{ ...valid(), expiry: { kind: 'custom', date: '2030-02-30' } }, ['expiry.date']],
    [{ ...valid(), expiry: { kind: 'custom', date: '01/02/2030' } }, ['expiry.date']],
    [{ ...valid(), expiry: { kind: '1w', date: '2030-01-01' } }, ['expiry.date']],
    [{ ...valid(), expiry: { kind: '1w', utc_offset_minutes: 900 } }, ['expiry.utc_offset_minutes']],
    [{ ...valid(), expiry: { kind: '1w', utc_offset_minutes: '60' } }, ['expiry.utc_offset_minutes']],
    [{ ...valid(), expiry: { kind: '1w', zone: 'UTC' } }, ['expiry.zone']],
    [{ ...valid(), secret: 'let me choose' }, ['secret']],
  ];
  for (const [body, fields] of cases) {
    const res = await owner.post(tokensPath(), body);
    assert.equal(res.status, 400, `${JSON.stringify(body)} -> ${res.status} ${res.text}`);
    assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
    assert.equal(res.body.code, 'validation_failed');
    assert.deepEqual(res.body.errors.map((e) => e.field), fields, JSON.stringify(body));
    for (const error of res.body.errors) assert.ok(error.message.length > 0);
  }
  // Nothing was created by any of them.
  const list = await owner.get(`${tokensPath()}?q=Valid&limit=100`);
  assert.deepEqual(list.body.items, []);
});

test('bodies that are not JSON objects are refused', async () => {
  for (const raw of ['', '{', '{"name":', 'null x', '[' .repeat(33) + ']'.repeat(33)]) {
    const res = await owner.post(tokensPath(), undefined, { raw });
    assert.equal(res.status, 400, JSON.stringify(raw));
    assert.equal(res.body.code, 'malformed_json');
  }
  for (const raw of ['[]', '"text"', '42', 'null']) {
    const res = await owner.post(tokensPath(), undefined, { raw });
    assert.equal(res.status, 400, raw);
    assert.equal(res.body.code, 'validation_failed');
    assert.deepEqual(res.body.errors.map((e) => e.field), ['']);
  }
  const wrongType = await owner.post(tokensPath(), undefined, { raw: '{}', headers: { 'content-type': 'text/plain' } });
  assert.equal(wrongType.status, 415);
});

test('Coordinators, Members and Viewers cannot manage tokens at all', async () => {
  const { body: created } = await owner.post(tokensPath(), workspaceTokenBody(uniqueName('Seen by nobody')));
  const tid = created.access_token.id;
  for (const email of ['coordinator@acme.test', 'member@acme.test', 'viewer@acme.test']) {
    const client = await signIn(server, email);
    const attempts = [
      client.get(`${tokensPath()}/options`),
      client.get(tokensPath()),
      client.post(tokensPath(), workspaceTokenBody(uniqueName('Nope'), 'workspace_viewer')),
      client.get(`${tokensPath()}/${tid}`),
      client.patch(`${tokensPath()}/${tid}`, { name: 'Renamed' }),
      client.post(`${tokensPath()}/${tid}/disable`),
      client.post(`${tokensPath()}/${tid}/enable`),
      client.del(`${tokensPath()}/${tid}`),
    ];
    for (const res of await Promise.all(attempts)) {
      assert.equal(res.status, 403, `${email}: ${res.text}`);
      assert.equal(res.body.code, 'forbidden');
    }
  }
  assert.equal((await owner.get(`${tokensPath()}/${tid}`)).body.name, created.access_token.name);
});

test('a Manager can give Manager but never Owner; nobody gives Owner', async () => {
  const manager = await signIn(server, 'manager@acme.test');
  const ok = await manager.post(tokensPath(), workspaceTokenBody(uniqueName('By manager'), 'workspace_manager'));
  assert.equal(ok.status, 201);
  assert.equal(ok.body.access_token.created_by.name, 'Marcus Chen');
  for (const client of [manager, owner]) {
    const res = await client.post(tokensPath(), workspaceTokenBody(uniqueName('Too high'), 'workspace_owner'));
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors.map((e) => e.field), ['workspace_role']);
  }
});

test('an unknown workspace, or one the caller is not in, is 404', async () => {
  for (const path of ['/api/v1/workspace/999/access-tokens', '/api/v1/workspace/999/access-tokens/options', '/api/v1/workspace/abc/access-tokens', '/api/v1/workspace/0/access-tokens']) {
    const res = await owner.get(path);
    assert.equal(res.status, 404, path);
  }
  const res = await owner.post('/api/v1/workspace/999/access-tokens', workspaceTokenBody('Elsewhere'));
  assert.equal(res.status, 404);
});

test('without a session: 401; with any Authorization header: 403 session_required', async () => {
  const anonymous = await send(server, 'POST', tokensPath(), { body: workspaceTokenBody('Anon') });
  assert.equal(anonymous.status, 401);
  assert.equal((await send(server, 'GET', tokensPath())).status, 401);

  const { body } = await owner.post(tokensPath(), workspaceTokenBody(uniqueName('Bearer test'), 'workspace_manager'));
  for (const authorization of [`Bearer ${body.token}`, 'Bearer nonsense', 'Basic eDp5']) {
    const headers = { authorization };
    const attempts = [
      send(server, 'GET', tokensPath(), { headers }),
      send(server, 'POST', tokensPath(), { headers, body: workspaceTokenBody(uniqueName('Via token')) }),
      owner.get(tokensPath(), { headers }), // even with a valid session cookie
      owner.get(`${tokensPath()}/options`, { headers }),
    ];
    for (const res of await Promise.all(attempts)) {
      assert.equal(res.status, 403, authorization);
      assert.equal(res.body.code, 'session_required');
    }
  }
});

test('state-changing requests need X-Requested-With and the server\'s own Origin', async () => {
  const missing = await owner.post(tokensPath(), workspaceTokenBody(uniqueName('CSRF')), { headers: { 'x-requested-with': null } });
  assert.equal(missing.status, 403);
  assert.equal(missing.body.code, 'csrf_rejected');
  const foreign = await owner.post(tokensPath(), workspaceTokenBody(uniqueName('CSRF')), { headers: { origin: 'https://evil.test' } });
  assert.equal(foreign.status, 403);
  assert.equal(foreign.body.code, 'csrf_rejected');
  const own = await owner.post(tokensPath(), workspaceTokenBody(uniqueName('CSRF')), { headers: { origin: server.baseUrl } });
  assert.equal(own.status, 201);
  // Reads need neither.
  assert.equal((await owner.get(tokensPath(), { headers: { 'x-requested-with': null, origin: 'https://evil.test' } })).status, 200);
});

test('names are unique ignoring case (full case folding): 409 name_taken with a name field error', async () => {
  const first = await owner.post(tokensPath(), workspaceTokenBody('External Sync'));
  assert.equal(first.status, 201);
  for (const name of ['External Sync', 'external sync', '  EXTERNAL SYNC ']) {
    const res = await owner.post(tokensPath(), workspaceTokenBody(name));
    assert.equal(res.status, 409, name);
    assert.equal(res.body.code, 'name_taken');
    assert.deepEqual(res.body.errors.map((e) => e.field), ['name']);
  }
  // Non-ASCII letters fold too (full Unicode case folding); accents still count.
  assert.equal((await owner.post(tokensPath(), workspaceTokenBody('Ärger'))).status, 201);
  assert.equal((await owner.post(tokensPath(), workspaceTokenBody('ärger'))).status, 409);
  assert.equal((await owner.post(tokensPath(), workspaceTokenBody('arger'))).status, 201);
});

test('concurrent creates with one name: exactly one wins', async () => {
  const results = await Promise.all(
    Array.from({ length: 10 }, () => owner.post(tokensPath(), workspaceTokenBody('Race Condition'))),
  );
  const statuses = results.map((r) => r.status).sort();
  assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
});

test('creations are audited with the actor and without the token value', async () => {
  const res = await owner.post(tokensPath(), workspaceTokenBody(uniqueName('Audited'), 'workspace_member'));
  const t = res.body.access_token;
  const rows = query(server, `SELECT * FROM audit_log WHERE action = 'access_token.create' AND target_id = ${t.id}`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].actor_user_id, owner.session.user.id);
  assert.equal(rows[0].workspace_id, wid);
  const details = JSON.parse(rows[0].details);
  assert.equal(details.name, t.name);
  assert.equal(details.identifier, t.identifier);
  assert.equal(details.workspace_role, 'workspace_member');
  assert.ok(!rows[0].details.includes(res.body.token.slice(12)));
});
