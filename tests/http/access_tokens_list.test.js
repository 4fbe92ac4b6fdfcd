// GET /api/v1/workspace/{wid}/access-tokens: pagination (no gaps or repeats under
// ties, for every sort and order), search, filters, and query validation.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { signIn, query } = require('./api_client');

let server;
let owner;
let manager;
let wid;
let projectId;
const created = []; // every token created here, as the 201 answer's object
let createdSecret; // the whole token of created[5]

test.before(async () => {
  server = await startServer({ demo: true });
  owner = await signIn(server, 'owner@acme.test');
  manager = await signIn(server, 'manager@acme.test');
  wid = owner.session.workspaces[0].id;
  projectId = (await owner.get(`/api/v1/workspace/${wid}/access-tokens/options`)).body.projects[0].id;
  // 30 tokens: two creators, both access types, several expiries, made within a few
  // seconds so that many share created_at.
  const expiries = [{ kind: '1w' }, { kind: 'never' }, { kind: '1y' }, { kind: '1w' }, { kind: 'never' }];
  for (let i = 0; i < 30; i++) {
    const client = i % 3 === 0 ? manager : owner;
    const name = `${['Alpha', 'beta', 'Gamma'][i % 3]} ${String(i).padStart(2, '0')}`;
    const body = i % 4 === 0
      ? { name, access_type: 'project', projects: [{ project_id: projectId, role: 'project_viewer' }], expiry: expiries[i % 5] }
      : { name, access_type: 'workspace', workspace_role: 'workspace_viewer', expiry: expiries[i % 5] };
    const res = await client.post(`/api/v1/workspace/${wid}/access-tokens`, body);
    assert.equal(res.status, 201, res.text);
    created.push(res.body.access_token);
    if (i === 5) createdSecret = res.body.token;
  }
  // Some disabled, some expired (moved into the past directly), one revoked (a Gamma).
  for (const t of created.filter((_, i) => i % 7 === 1))
    assert.equal((await owner.post(`/api/v1/workspace/${wid}/access-tokens/${t.id}/disable`)).status, 200);
  const expiredIds = created.filter((_, i) => i % 5 === 0 && i % 7 !== 1).map((t) => t.id);
  query(server, `UPDATE access_tokens SET expires_at = ${Math.floor(Date.now() / 1000) - 3600} WHERE id IN (${expiredIds.join(',')})`);
  assert.equal((await owner.del(`/api/v1/workspace/${wid}/access-tokens/${created[26].id}`)).status, 204);
});
test.after(async () => {
  await server.stop();
});

const listPath = (params = '') => `/api/v1/workspace/${wid}/access-tokens${params ? '?' + params : ''}`;

/** Follows next_cursor to the end; returns every item and the number of pages. */
async function allPages(params) {
  const items = [];
  let cursor = null;
  let pages = 0;
  do {
    const qs = new URLSearchParams(params);
    if (cursor) qs.set('cursor', cursor);
    const res = await owner.get(listPath(qs.toString()));
    assert.equal(res.status, 200, res.text);
    assert.ok(res.body.items.length <= Number(qs.get('limit') || 50));
    items.push(...res.body.items);
    cursor = res.body.next_cursor;
    assert.ok(cursor === null || /^[A-Za-z0-9_-]+$/.test(cursor), cursor);
    pages++;
    assert.ok(pages < 100);
  } while (cursor);
  return { items, pages };
}

const sortKeys = {
  name: (t) => t.name.toLowerCase(),
  access_type: (t) => t.access_type,
  created_by: (t) => t.created_by.name.toLowerCase(),
  created_at: (t) => t.created_at,
  expires_at: (t) => t.expires_at || '9999-99-99', // never expiring sorts last
  status: (t) => t.status,
};

test('the default: newest first, 50 per page, revoked never listed', async () => {
  const res = await owner.get(listPath());
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal(res.body.items.length, 29);
  assert.equal(res.body.next_cursor, null);
  assert.ok(!res.body.items.some((t) => t.id === created[26].id));
  for (let i = 1; i < res.body.items.length; i++) {
    const [a, b] = [res.body.items[i - 1], res.body.items[i]];
    assert.ok(a.created_at > b.created_at || (a.created_at === b.created_at && a.id > b.id));
  }
  for (const t of res.body.items) assert.ok(!('token' in t));
});

test('every sort and order pages through all rows once, in order, whatever the page size', async () => {
  for (const sort of Object.keys(sortKeys)) {
    for (const order of ['asc', 'desc']) {
      const whole = await allPages({ sort, order, limit: '100' });
      assert.equal(whole.items.length, 29);
      for (const limit of [1, 4, 7, 29]) {
        const { items, pages } = await allPages({ sort, order, limit: String(limit) });
        const label = `${sort} ${order} limit ${limit}`;
        assert.equal(pages, Math.ceil(29 / limit), label);
        assert.deepEqual(items.map((t) => t.id), whole.items.map((t) => t.id), label);
      }
      const key = sortKeys[sort];
      for (let i = 1; i < whole.items.length; i++) {
        const [a, b] = [whole.items[i - 1], whole.items[i]];
        const [ka, kb] = [key(a), key(b)];
        if (order === 'asc') assert.ok(ka < kb || (ka === kb && a.id < b.id), `${sort} asc at ${i}: ${ka} / ${kb}`);
        else assert.ok(ka > kb || (ka === kb && a.id > b.id), `${sort} desc at ${i}: ${ka} / ${kb}`);
      }
    }
  }
});

test('status: enabled, disabled and expired filters; the list shows the computed status', async () => {
  const statuses = {};
  for (const status of ['enabled', 'disabled', 'expired']) {
    const { items } = await allPages({ status, limit: '100' });
    for (const t of items) assert.equal(t.status, status);
    statuses[status] = items.length;
  }
  assert.ok(statuses.enabled > 0 && statuses.disabled > 0 && statuses.expired > 0, JSON.stringify(statuses));
  assert.equal(statuses.enabled + statuses.disabled + statuses.expired, 29);
});

test('search by label, creator name and identifier (what the page shows), never e-mail', async () => {
  const byLabel = (await owner.get(listPath('q=BETA&limit=100'))).body.items;
  assert.equal(byLabel.length, 10);
  for (const t of byLabel) assert.match(t.name, /^beta/);

  const byCreatorName = (await owner.get(listPath('q=marcus&limit=100'))).body.items;
  assert.equal(byCreatorName.length, 10);
  for (const t of byCreatorName) assert.equal(t.created_by.name, 'Marcus Chen');

  // The page never shows creators' e-mail addresses, so search does not match them.
  for (const q of ['manager@acme', 'manager@', 'acme.test']) {
    const byEmail = await owner.get(listPath(`q=${encodeURIComponent(q)}&limit=100`));
    assert.equal(byEmail.status, 200);
    assert.deepEqual(byEmail.body.items, [], q);
  }

  const target = created[5];
  const byIdentifier = (await owner.get(listPath(`q=${target.identifier}`))).body.items;
  assert.deepEqual(byIdentifier.map((t) => t.id), [target.id]);

  assert.deepEqual((await owner.get(listPath('q=%25'))).body.items, []); // a literal %
  assert.deepEqual((await owner.get(listPath('q=no%20such%20token'))).body.items, []);
});

test('a whole token as q is refused: search by identifier', async () => {
  const target = created[5];
  assert.ok(createdSecret.startsWith(target.identifier));
  for (const q of [createdSecret, ` ${createdSecret} `]) {
    const res = await owner.get(listPath(`q=${encodeURIComponent(q)}`));
    assert.equal(res.status, 400);
    assert.equal(res.body.errors.length, 1);
    assert.equal(res.body.errors[0].field, 'q');
    assert.match(res.body.errors[0].message, /search by identifier/);
    assert.ok(!res.text.includes(createdSecret), 'the answer repeats the token');
  }
  // The identifier, and text that only looks like a token, are searched as usual.
  assert.equal((await owner.get(listPath(`q=${target.identifier}`))).body.items.length, 1);
  const wrongChecksum = createdSecret.slice(0, -1) + (createdSecret.endsWith('A') ? 'B' : 'A');
  assert.equal((await owner.get(listPath(`q=${wrongChecksum}`))).status, 200);
});

test('filters by access type and creator, and combine with search and sorting', async () => {
  const projectTokens = (await owner.get(listPath('access_type=project&limit=100'))).body.items;
  assert.ok(projectTokens.length > 0);
  for (const t of projectTokens) assert.equal(t.access_type, 'project');

  const managerId = manager.session.user.id;
  const mine = (await owner.get(listPath(`created_by=${managerId}&sort=name&order=asc&limit=100`))).body.items;
  assert.equal(mine.length, 10);
  for (const t of mine) assert.equal(t.created_by.id, managerId);

  const combined = (await owner.get(listPath(`created_by=${managerId}&access_type=workspace&q=gamma`))).body.items;
  for (const t of combined) {
    assert.equal(t.created_by.id, managerId);
    assert.equal(t.access_type, 'workspace');
    assert.match(t.name, /gamma/i);
  }
  assert.deepEqual((await owner.get(listPath('created_by=999999'))).body.items, []);
});

test('date ranges: created and expires, as dates or RFC 3339 times', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  assert.equal((await owner.get(listPath(`created_from=${today}&created_to=${today}&limit=100`))).body.items.length, 29);
  assert.equal((await owner.get(listPath(`created_from=${tomorrow}`))).body.items.length, 0);
  const future = new Date(Date.now() + 3600000).toISOString().replace(/\.\d+Z$/, 'Z');
  assert.equal((await owner.get(listPath(`created_from=${encodeURIComponent(future)}`))).body.items.length, 0);
  const withOffset = (await owner.get(listPath(`created_to=${encodeURIComponent('2000-01-01T00:00:00+02:00')}`)));
  assert.equal(withOffset.status, 200);
  assert.equal(withOffset.body.items.length, 0);

  // expires_*: tokens that never expire are outside every expiry range.
  const inAWeek = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
  const week = (await owner.get(listPath(`expires_from=${today}&expires_to=${inAWeek}&limit=100`))).body.items;
  assert.ok(week.length > 0);
  for (const t of week) {
    assert.notEqual(t.expires_at, null);
    assert.ok(t.expires_at.slice(0, 10) <= inAWeek && t.expires_at.slice(0, 10) >= today);
  }
  const expiring = (await owner.get(listPath('expires_from=2000-01-01&limit=100'))).body.items;
  assert.ok(expiring.every((t) => t.expires_at !== null));
  const never = (await allPages({ limit: '100' })).items.filter((t) => t.expires_at === null);
  assert.equal(expiring.length + never.length, 29);
});

test('every bad parameter is a 400 field error naming it', async () => {
  const cases = [
    ['access_type=both', 'access_type'],
    ['status=revoked', 'status'],
    ['status=', 'status'],
    ['created_by=me', 'created_by'],
    ['created_by=0', 'created_by'],
    ['created_from=2026-13-01', 'created_from'],
    ['created_to=tomorrow', 'created_to'],
    ['expires_from=2026-01-01T10:00', 'expires_from'],
    ['expires_to=01.01.2026', 'expires_to'],
    ['created_from=2026-03-02&created_to=2026-03-01', 'created_to'],
    ['expires_from=2026-03-02&expires_to=2026-03-01', 'expires_to'],
    ['sort=secret_hash', 'sort'],
    ['order=random', 'order'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['page=2', 'page'],
    ['status=enabled&status=disabled', 'status'],
  ];
  for (const [params, field] of cases) {
    const res = await owner.get(listPath(params));
    assert.equal(res.status, 400, params);
    assert.equal(res.body.code, 'validation_failed', params);
    assert.deepEqual(res.body.errors.map((e) => e.field), [field], params);
  }
});

test('a cursor only continues the ordering it came from', async () => {
  const first = await owner.get(listPath('sort=name&order=asc&limit=5'));
  const cursor = first.body.next_cursor;
  assert.ok(cursor);
  assert.equal((await owner.get(listPath(`sort=name&order=asc&limit=5&cursor=${cursor}`))).status, 200);
  for (const other of ['sort=name&order=desc', 'sort=created_at&order=asc', '']) {
    const res = await owner.get(listPath(`${other}&cursor=${cursor}`));
    assert.equal(res.status, 400, other);
    assert.deepEqual(res.body.errors.map((e) => e.field), ['cursor']);
  }
});

test('a token added before the cursor between requests neither repeats nor shifts rows', async () => {
  const first = await owner.get(listPath('sort=name&order=asc&limit=10'));
  const seen = new Set(first.body.items.map((t) => t.id));
  // A new token that sorts before the cursor, and one removed after it.
  await owner.post(`/api/v1/workspace/${wid}/access-tokens`, { name: 'AAA first', access_type: 'workspace', workspace_role: 'workspace_viewer' });
  let cursor = first.body.next_cursor;
  const rest = [];
  while (cursor) {
    const res = await owner.get(listPath(`sort=name&order=asc&limit=10&cursor=${cursor}`));
    rest.push(...res.body.items);
    cursor = res.body.next_cursor;
  }
  for (const t of rest) assert.ok(!seen.has(t.id), 'no row is repeated');
  assert.equal(seen.size + rest.length, 29); // the new one sorts before the cursor
});
