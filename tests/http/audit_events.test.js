// The audit log read back (docs/api.md#audit-events): every token and member change and
// the members' sign-ins as entries with actor, target, client address and details; the
// filters and keyset pagination; who may read it; and the CSV export.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { signIn, firstWorkspaceId, query, workspaceTokenBody, send } = require('./api_client');

async function setup(t) {
  const server = await startServer({ demo: true });
  t.after(() => server.stop());
  const owner = await signIn(server, 'owner@acme.test');
  const wid = firstWorkspaceId(owner);
  const members = (await owner.get(`/api/v1/workspace/${wid}/members`)).body.items;
  const idOf = (email) => members.find((m) => m.user.email === email).user.id;
  const events = (params = '') => owner.get(`/api/v1/workspace/${wid}/audit-events${params}`);
  return { server, owner, wid, idOf, events };
}

// Every entry of a query, walking next_cursor with small pages.
async function allEvents(client, wid, params = {}) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < 1000; page++) {
    const search = new URLSearchParams({ ...params, limit: '3' });
    if (cursor) search.set('cursor', cursor);
    const res = await client.get(`/api/v1/workspace/${wid}/audit-events?${search}`);
    assert.equal(res.status, 200, res.text);
    items.push(...res.body.items);
    cursor = res.body.next_cursor;
    if (!cursor) return items;
  }
  throw new Error('the pages never ended');
}

test('every token change is an entry with its actor, target, address and details', async (t) => {
  const { owner, wid, idOf, events } = await setup(t);
  const tokens = `/api/v1/workspace/${wid}/access-tokens`;
  const created = await owner.post(tokens, workspaceTokenBody('Nightly sync'));
  assert.equal(created.status, 201);
  const tid = created.body.access_token.id;
  assert.equal((await owner.patch(`${tokens}/${tid}`, { name: 'Nightly sync v2' })).status, 200);
  assert.equal((await owner.post(`${tokens}/${tid}/disable`)).status, 200);
  assert.equal((await owner.post(`${tokens}/${tid}/enable`)).status, 200);
  const rotated = await owner.post(`${tokens}/${tid}/rotate`, { overlap: '1h' });
  assert.equal(rotated.status, 201, rotated.text);
  assert.equal((await owner.del(`${tokens}/${tid}`)).status, 204);

  const res = await events(`?token_id=${tid}`);
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.body.items.map((e) => e.action), ['revoke', 'rotate', 'enable', 'disable', 'edit', 'create']);
  const rotation = res.body.items.find((e) => e.action === 'rotate');
  assert.equal(rotation.details.overlap, '1h');
  assert.equal(rotation.details.identifier, rotated.body.access_token.identifier);
  assert.ok(!JSON.stringify(res.body).includes(rotated.body.token), 'never the new secret');
  const ownerId = idOf('owner@acme.test');
  for (const event of res.body.items) {
    assert.deepEqual(event.actor, { type: 'user', id: ownerId, name: 'Olivia Owens' });
    assert.deepEqual(event.target, { type: 'access_token', id: tid, name: 'Nightly sync v2' });
    assert.equal(event.ip, '127.0.0.1');
    assert.ok(!Number.isNaN(Date.parse(event.time)) && event.time.endsWith('Z'));
  }
  const ids = res.body.items.map((e) => e.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
  const edit = res.body.items.find((e) => e.action === 'edit');
  assert.deepEqual(edit.details.changes.name, { from: 'Nightly sync', to: 'Nightly sync v2' });
  assert.equal(res.body.next_cursor, null);
  assert.ok(!JSON.stringify(res.body).includes(created.body.token), 'never the secret');
});

test('member changes, the tokens they disable and take over, and sign-ins', async (t) => {
  const { server, owner, wid, idOf, events } = await setup(t);
  await signIn(server, 'coordinator@acme.test');
  const memberId = idOf('member@acme.test');
  const coordinatorId = idOf('coordinator@acme.test');
  // A token owned by the manager, disabled when they are removed.
  const manager = await signIn(server, 'manager@acme.test');
  const made = await manager.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody('Manager job'));
  assert.equal(made.status, 201);
  const managerId = idOf('manager@acme.test');
  await send(server, 'POST', '/api/v1/session', { body: { email: 'viewer@acme.test', password: 'not-it' } });

  assert.equal((await owner.patch(`/api/v1/workspace/${wid}/members/${memberId}`, { role: 'workspace_viewer' })).status, 200);
  assert.equal((await owner.del(`/api/v1/workspace/${wid}/members/${managerId}`)).status, 204);
  const tid = made.body.access_token.id;
  assert.equal((await owner.post(`/api/v1/workspace/${wid}/access-tokens/${tid}/enable`)).status, 200);

  const roleChanged = (await events('?action=member_role_changed')).body.items;
  assert.equal(roleChanged.length, 1);
  assert.deepEqual(roleChanged[0].target, { type: 'user', id: memberId, name: 'Sam Rivera' });
  assert.deepEqual(roleChanged[0].details, { from: 'workspace_member', name: 'Sam Rivera', to: 'workspace_viewer' });
  const removed = (await events('?action=member_removed')).body.items;
  assert.equal(removed[0].target.id, managerId);
  assert.equal(removed[0].details.tokens_disabled, 1);
  const byToken = (await events(`?token_id=${tid}`)).body.items.map((e) => [e.action, e.actor.id]);
  assert.deepEqual(byToken, [
    ['enable', idOf('owner@acme.test')],
    ['owner_changed', idOf('owner@acme.test')],
    ['disable', idOf('owner@acme.test')],
    ['create', managerId],
  ]);
  const disabled = (await events(`?token_id=${tid}&action=disable`)).body.items[0];
  assert.equal(disabled.details.reason, 'owner_removed');

  // Sign-ins have no workspace: a workspace's log shows those of its members.
  const signIns = (await events(`?action=sign_in&actor_id=${coordinatorId}`)).body.items;
  assert.equal(signIns.length, 1);
  assert.deepEqual(signIns[0].actor, { type: 'user', id: coordinatorId, name: 'Priya Natarajan' });
  assert.equal(signIns[0].ip, '127.0.0.1');
  const failed = (await events('?action=sign_in_failed')).body.items;
  assert.equal(failed.length, 1);
  assert.equal(failed[0].target.id, idOf('viewer@acme.test'));
  assert.equal(failed[0].details.reason, 'wrong_password');
  assert.ok(!JSON.stringify(failed).includes('not-it'));
});

test('the server acting on its own is the system actor; other workspaces stay apart', async (t) => {
  const { server, owner, wid, events } = await setup(t);
  query(server, `INSERT INTO workspaces (name, created_at) VALUES ('Elsewhere', 0)`);
  const other = query(server, `SELECT id FROM workspaces WHERE name = 'Elsewhere'`)[0].id;
  query(server, `INSERT INTO audit_log (time, workspace_id, action, target_type, target_id, details)
                 VALUES (1700000000, ${wid}, 'access_token.auto_disabled', 'access_token', 999999, '{"unused_days":90}'),
                        (1700000000, ${other}, 'access_token.create', 'access_token', 1, '{}'),
                        (1700000000, ${wid}, 'project.create', 'project', 1, '{}')`);
  const items = (await events('?action=auto_disabled')).body.items;
  assert.equal(items.length, 1);
  assert.deepEqual(items[0].actor, { type: 'system', id: null, name: 'Hawzu' });
  assert.deepEqual(items[0].target, { type: 'access_token', id: 999999, name: '' });
  assert.equal(items[0].ip, null);
  assert.equal(items[0].time, '2023-11-14T22:13:20Z');
  const all = await allEvents(owner, wid);
  assert.ok(!all.some((e) => e.action === 'project.create' || e.time === '2023-11-14T22:13:20Z' && e.action === 'create'));
  assert.equal((await owner.get(`/api/v1/workspace/${other}/audit-events`)).status, 404);
});

test('filters and keyset pagination: every entry once, in order, while new ones arrive', async (t) => {
  const { server, owner, wid, idOf, events } = await setup(t);
  const tokens = `/api/v1/workspace/${wid}/access-tokens`;
  for (let i = 0; i < 7; i++) assert.equal((await owner.post(tokens, workspaceTokenBody(`Paged ${i}`))).status, 201);
  const whole = (await events('?action=create&limit=100')).body.items;
  const walked = [];
  let cursor = null;
  do {
    const res = await events(`?action=create&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    walked.push(...res.body.items);
    cursor = res.body.next_cursor;
    // A new entry while paging comes before the first page, never into a later one.
    await owner.post(tokens, workspaceTokenBody(`Arrived ${walked.length}`));
  } while (cursor);
  assert.deepEqual(walked.map((e) => e.id), whole.map((e) => e.id));

  const times = query(server, `SELECT min(time) AS lo, max(time) AS hi FROM audit_log WHERE action = 'access_token.create'`)[0];
  const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  const inRange = (await events(`?action=create&from=${iso(times.lo)}&to=${iso(times.hi)}&limit=100`)).body.items;
  assert.ok(inRange.length >= 7);
  const future = (await events('?from=2100-01-01')).body.items;
  assert.deepEqual(future, []);
  const day = iso(times.hi).slice(0, 10);
  assert.ok((await events(`?to=${day}&action=create`)).body.items.length >= 7, 'a bare "to" date includes its whole day');
  const byOwner = (await events(`?actor_id=${idOf('owner@acme.test')}&limit=100`)).body.items;
  assert.ok(byOwner.length >= 7 && byOwner.every((e) => e.actor.id === idOf('owner@acme.test')));
});

test('bad queries are 400 with the field', async (t) => {
  const { events } = await setup(t);
  for (const [params, field] of [
    ['?action=deleted', 'action'],
    ['?action=access_token.create', 'action'],
    ['?token_id=abc', 'token_id'],
    ['?actor_id=-1', 'actor_id'],
    ['?from=yesterday', 'from'],
    ['?to=2026-13-01', 'to'],
    ['?from=2026-02-01&to=2026-01-01', 'to'],
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?cursor=nope', 'cursor'],
    ['?q=x', 'q'],
    ['?action=create&action=edit', 'action'],
  ]) {
    const res = await events(params);
    assert.equal(res.status, 400, params);
    assert.ok(res.body.errors.some((e) => e.field === field), `${params}: ${res.text}`);
  }
});

test('Owners and Managers read it; other roles 403, tokens 403, no session 401', async (t) => {
  const { server, owner, wid } = await setup(t);
  const path = `/api/v1/workspace/${wid}/audit-events`;
  assert.equal((await (await signIn(server, 'manager@acme.test')).get(path)).status, 200);
  for (const email of ['coordinator@acme.test', 'member@acme.test', 'viewer@acme.test']) {
    const res = await (await signIn(server, email)).get(path);
    assert.equal(res.status, 403, email);
    assert.equal(res.body.code, 'forbidden');
    assert.equal((await (await signIn(server, email)).get(`${path}.csv`)).status, 403);
  }
  const created = await owner.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody('Reader', 'workspace_manager'));
  const bearer = await send(server, 'GET', path, { headers: { authorization: `Bearer ${created.body.token}`, 'x-requested-with': null } });
  assert.equal(bearer.status, 403);
  assert.equal(bearer.body.code, 'session_required');
  assert.equal((await send(server, 'GET', path)).status, 401);
  assert.equal((await send(server, 'GET', `${path}.csv`)).status, 401);
  assert.equal((await owner.get(`/api/v1/workspace/999999/audit-events`)).status, 404);
});

// RFC 4180 records: quoted fields may hold commas, quotes and line breaks.
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(field, '', 'the last record ends with CRLF');
  return records;
}

test('the CSV export: every matching entry, RFC 4180, formulas kept as text, streamed', async (t) => {
  const { server, owner, wid } = await setup(t);
  const tokens = `/api/v1/workspace/${wid}/access-tokens`;
  const tricky = 'Sync, "nightly" =1+1';
  const made = await owner.post(tokens, workspaceTokenBody(tricky));
  assert.equal(made.status, 201, made.text);
  const formula = await owner.post(tokens, workspaceTokenBody('=HYPERLINK("http://x")'));
  assert.equal(formula.status, 201, formula.text);
  // More entries than one export batch (500), so the stream takes several reads.
  const values = [];
  for (let i = 0; i < 1200; i++)
    values.push(`(${1700000000 + i}, ${wid}, 'access_token.edit', 'access_token', ${made.body.access_token.id}, '{"n":${i}}')`);
  query(server, `INSERT INTO audit_log (time, workspace_id, action, target_type, target_id, details) VALUES ${values.join(',')}`);

  const res = await owner.get(`/api/v1/workspace/${wid}/audit-events.csv`);
  assert.equal(res.status, 200, res.text);
  assert.match(res.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.match(res.headers.get('content-disposition'), /^attachment; filename="hawzu-audit-log-\d+-\d{4}-\d{2}-\d{2}\.csv"$/);
  assert.equal(res.headers.get('transfer-encoding'), 'chunked');
  const records = parseCsv(res.text);
  assert.deepEqual(records[0], ['id', 'time', 'action', 'actor_type', 'actor_id', 'actor_name', 'target_type', 'target_id', 'target_name', 'ip', 'details']);
  const rows = records.slice(1);
  const listed = await allEvents(owner, wid, {});
  assert.equal(rows.length, listed.length);
  assert.deepEqual(rows.map((r) => Number(r[0])), listed.map((e) => e.id));
  const createRow = rows.find((r) => r[2] === 'create' && r[7] === String(made.body.access_token.id));
  assert.equal(createRow[8], tricky);
  assert.equal(createRow[5], 'Olivia Owens');
  assert.equal(createRow[9], '127.0.0.1');
  assert.equal(JSON.parse(createRow[10]).name, tricky);
  const formulaRow = rows.find((r) => r[2] === 'create' && r[7] === String(formula.body.access_token.id));
  assert.equal(formulaRow[8], `'=HYPERLINK("http://x")`);
  assert.ok(!res.text.includes(made.body.token));

  const filtered = parseCsv((await owner.get(`/api/v1/workspace/${wid}/audit-events.csv?action=create`)).text);
  assert.ok(filtered.length > 1 && filtered.slice(1).every((r) => r[2] === 'create'));
  const bad = await owner.get(`/api/v1/workspace/${wid}/audit-events.csv?limit=5`);
  assert.equal(bad.status, 400);
  assert.ok(bad.body.errors.some((e) => e.field === 'limit'));
});
