// The workspace token policy (docs/api.md#token-policy, docs/product.md#token-policy):
// GET and PUT .../access-token-policy, its rules on create, edit and rotate (400, field
// expiry), the Expires soon flag and filter, and the sweep that disables unused tokens,
// which runs on one server of several sharing a database.
//
// Time moves without waiting: servers on the same data directory (and, on a PostgreSQL
// run, the same database) started with HAWZU_TEST_NOW_OFFSET_SECONDS.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { send, signIn, workspaceTokenBody, query } = require('./api_client');

const DAY = 86400;
let server;
let owner;
let manager;
let coordinator;
let wid;
test.before(async () => {
  server = await startServer({ demo: true });
  owner = await signIn(server, 'owner@acme.test');
  manager = await signIn(server, 'manager@acme.test');
  coordinator = await signIn(server, 'coordinator@acme.test');
  wid = owner.session.workspaces[0].id;
});
test.after(async () => {
  await server.stop();
});

const policyPath = () => `/api/v1/workspace/${wid}/access-token-policy`;
const tokens = () => `/api/v1/workspace/${wid}/access-tokens`;
const DEFAULT = {
  max_lifetime_days: null,
  allow_never_expires: true,
  disable_after_unused_days: null,
  expiry_warning_days: [7, 1],
};
const fieldsOf = (res) => (res.body.errors || []).map((e) => e.field);
let counter = 0;
async function createToken(expiry, client = owner) {
  return client.post(tokens(), workspaceTokenBody(`Policy ${++counter}`, 'workspace_member', expiry));
}
function isoDateInDays(days) {
  return new Date(Date.now() + days * DAY * 1000).toISOString().slice(0, 10);
}
async function putPolicy(policy, client = owner) {
  const res = await client.put(policyPath(), policy);
  assert.equal(res.status, 200, res.text);
  return res.body;
}

test('policy: the default until set; Owners and Managers read it, only Owners change it; tokens never', async () => {
  const res = await owner.get(policyPath());
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.body, DEFAULT);
  assert.deepEqual((await manager.get(policyPath())).body, DEFAULT);
  assert.equal((await coordinator.get(policyPath())).status, 403);
  const refused = await manager.put(policyPath(), DEFAULT);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'forbidden');
  assert.equal((await owner.get(`/api/v1/workspace/999999/access-token-policy`)).status, 404);

  const created = await createToken({ kind: '1w' });
  const bearer = await send(server, 'GET', policyPath(), {
    headers: { authorization: `Bearer ${created.body.token}`, 'x-requested-with': null },
  });
  assert.equal(bearer.status, 403);
  assert.equal((await owner.get(`${tokens()}/options`)).body.policy.allow_never_expires, true);
});

test('policy: PUT checks every member and names each wrong one', async () => {
  const bad = await owner.put(policyPath(), {
    max_lifetime_days: 0,
    allow_never_expires: 'no',
    disable_after_unused_days: 3651,
    expiry_warning_days: [7, 7, 2.5],
    extra: 1,
  });
  assert.equal(bad.status, 400, bad.text);
  assert.deepEqual(fieldsOf(bad).sort(), [
    'allow_never_expires',
    'disable_after_unused_days',
    'expiry_warning_days[1]',
    'expiry_warning_days[2]',
    'extra',
    'max_lifetime_days',
  ]);
  const missing = await owner.put(policyPath(), {});
  assert.equal(missing.status, 400);
  assert.deepEqual(fieldsOf(missing).sort(), [
    'allow_never_expires',
    'disable_after_unused_days',
    'expiry_warning_days',
    'max_lifetime_days',
  ]);
  const tooMany = await owner.put(policyPath(), { ...DEFAULT, expiry_warning_days: [1, 2, 3, 4, 5, 6] });
  assert.deepEqual(fieldsOf(tooMany), ['expiry_warning_days']);
  assert.equal((await owner.put(policyPath(), [])).status, 400);
  assert.deepEqual((await owner.get(policyPath())).body, DEFAULT, 'nothing was written');
});

test('policy: a maximum lifetime refuses longer expiries and Never on create, edit and rotate', async () => {
  // Made before the policy: a token that never expires.
  const old = await createToken({ kind: 'never' });
  assert.equal(old.status, 201, old.text);

  const saved = await putPolicy({
    max_lifetime_days: 30,
    allow_never_expires: true,
    disable_after_unused_days: null,
    expiry_warning_days: [3, 14],
  });
  assert.deepEqual(saved.expiry_warning_days, [14, 3], 'stored largest first');
  assert.equal((await owner.get(`${tokens()}/options`)).body.policy.max_lifetime_days, 30);

  for (const expiry of [{ kind: 'never' }, { kind: '6m' }, { kind: '1y' },
    { kind: 'custom', date: isoDateInDays(45), utc_offset_minutes: 0 }]) {
    const res = await createToken(expiry);
    assert.equal(res.status, 400, `${JSON.stringify(expiry)}: ${res.text}`);
    assert.deepEqual(fieldsOf(res), ['expiry']);
    assert.match(res.body.errors[0].message, /policy/);
  }
  assert.equal((await createToken({ kind: '1w' })).status, 201);
  const custom = await createToken({ kind: 'custom', date: isoDateInDays(28), utc_offset_minutes: 0 });
  assert.equal(custom.status, 201, custom.text);

  // Edit: a new expiry obeys the policy; an edit that keeps the expiry is allowed.
  const id = old.body.access_token.id;
  const never = await owner.patch(`${tokens()}/${id}`, { expiry: { kind: 'never' } });
  assert.equal(never.status, 400);
  assert.deepEqual(fieldsOf(never), ['expiry']);
  const renamed = await owner.patch(`${tokens()}/${id}`, { name: `Policy renamed ${counter}` });
  assert.equal(renamed.status, 200, renamed.text);
  assert.equal(renamed.body.expires_at, null);

  // Rotate: a fresh value cannot keep an expiry the policy no longer allows.
  const kept = await owner.post(`${tokens()}/${id}/rotate`, { overlap: 'none' });
  assert.equal(kept.status, 400, kept.text);
  assert.deepEqual(fieldsOf(kept), ['expiry']);
  const rotated = await owner.post(`${tokens()}/${id}/rotate`, { overlap: 'none', expiry: { kind: '1w' } });
  assert.equal(rotated.status, 201, rotated.text);

  const audit = await owner.get(`/api/v1/workspace/${wid}/audit-events?action=policy_changed`);
  assert.equal(audit.status, 200, audit.text);
  assert.equal(audit.body.items.length, 1);
  assert.equal(audit.body.items[0].details.to.max_lifetime_days, 30);
  // The same policy again changes nothing and writes nothing.
  await putPolicy(saved);
  const again = await owner.get(`/api/v1/workspace/${wid}/audit-events?action=policy_changed`);
  assert.equal(again.body.items.length, 1);
  await putPolicy(DEFAULT);
});

test('policy: allow_never_expires false refuses Never only', async () => {
  await putPolicy({ ...DEFAULT, allow_never_expires: false });
  const never = await createToken({ kind: 'never' });
  assert.equal(never.status, 400);
  assert.deepEqual(fieldsOf(never), ['expiry']);
  assert.equal((await createToken({ kind: '1y' })).status, 201);
  await putPolicy(DEFAULT);
});

test('expires soon: inside the first warning window, as a flag and a list filter', async () => {
  await putPolicy({ ...DEFAULT, expiry_warning_days: [10, 2] });
  const soon = (await createToken({ kind: '1w' })).body.access_token;
  const later = (await createToken({ kind: '6m' })).body.access_token;
  assert.equal(soon.expires_soon, true);
  assert.equal(later.expires_soon, false);
  const listed = await owner.get(`${tokens()}?status=expiring_soon&limit=100`);
  assert.equal(listed.status, 200, listed.text);
  const ids = listed.body.items.map((t) => t.id);
  assert.ok(ids.includes(soon.id));
  assert.ok(!ids.includes(later.id));
  assert.ok(listed.body.items.every((t) => t.expires_soon && t.status === 'enabled'));

  // Disabled tokens are not "expiring soon": they are refused anyway.
  await owner.post(`${tokens()}/${soon.id}/disable`, {});
  assert.equal((await owner.get(`${tokens()}/${soon.id}`)).body.expires_soon, false);
  const afterDisable = await owner.get(`${tokens()}?status=expiring_soon&limit=100`);
  assert.ok(!afterDisable.body.items.some((t) => t.id === soon.id));

  // Without warnings nothing expires soon.
  await putPolicy({ ...DEFAULT, expiry_warning_days: [] });
  const none = await owner.get(`${tokens()}?status=expiring_soon`);
  assert.equal(none.body.items.length, 0);
  const bad = await owner.get(`${tokens()}?status=soon`);
  assert.equal(bad.status, 400);
  assert.deepEqual(fieldsOf(bad), ['status']);
  await putPolicy(DEFAULT);
});

test('sweep: tokens unused for the policy days are disabled once, by one of two servers', async () => {
  const idle = (await createToken({ kind: '1y' })).body.access_token;
  const busy = (await createToken({ kind: '1y' })).body.access_token;
  await putPolicy({ ...DEFAULT, disable_after_unused_days: 30 });
  // 40 days on, `busy` was used yesterday; `idle` never.
  const offset = 40 * DAY;
  const yesterday = Math.floor(Date.now() / 1000) + offset - DAY;
  query(server, `UPDATE access_tokens SET last_used_at = ${yesterday} WHERE id = ${busy.id}`);
  const env = { HAWZU_TEST_NOW_OFFSET_SECONDS: String(offset) };
  const args = ['--sweep-interval-seconds', '1'];
  const first = await startServer({ dataDir: server.dataDir, env, args });
  const second = await startServer({ dataDir: server.dataDir, env, args });
  try {
    const laterOwner = await signIn(first, 'owner@acme.test');
    let seen;
    for (let i = 0; i < 100; i++) {
      seen = (await laterOwner.get(`${tokens()}/${idle.id}`)).body;
      if (seen.status === 'disabled') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(seen.status, 'disabled');
    assert.equal(seen.disabled_reason, 'unused');
    // Let both servers sweep a few more times.
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal((await laterOwner.get(`${tokens()}/${busy.id}`)).body.status, 'enabled');
    const audit = await laterOwner.get(
      `/api/v1/workspace/${wid}/audit-events?action=auto_disabled&token_id=${idle.id}`,
    );
    assert.equal(audit.status, 200, audit.text);
    const entries = audit.body.items.filter((e) => e.target && e.target.id === idle.id);
    assert.equal(entries.length, 1, JSON.stringify(audit.body.items));
    assert.equal(entries[0].details.unused_days, 30);
    assert.equal(entries[0].actor.type, 'system');
    const holders = query(server, `SELECT holder FROM leases WHERE name = 'policy_sweeper'`);
    assert.equal(holders.length, 1);

    // Enabled again by a person, it gets a fresh period (the enable is activity).
    const enabled = await laterOwner.post(`${tokens()}/${idle.id}/enable`, {});
    assert.equal(enabled.status, 200, enabled.text);
    assert.equal(enabled.body.disabled_reason, null);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await laterOwner.get(`${tokens()}/${idle.id}`)).body.status, 'enabled');
  } finally {
    await first.stop();
    await second.stop();
  }
  // To the later clocks the session had been idle too long, and they ended it.
  owner = await signIn(server, 'owner@acme.test');
  await putPolicy(DEFAULT);
});
