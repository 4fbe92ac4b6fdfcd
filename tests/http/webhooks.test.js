// The workspace webhook (docs/api.md#webhooks, docs/product.md#webhooks): PUT, GET and
// DELETE .../webhook with their checks and permissions, the signing secret shown once,
// the test event signed and delivered, retries with backoff under one event id, the
// deliveries list, and access_token.revoked announced by a revoke.
//
// The receiver is a local HTTP server (tests/support/webhook_receiver.js), so the
// server runs with --allow-private-webhooks; a second server without the flag shows
// the refusal of private targets. Retries come without waiting: servers on the same
// data directory (and, on a PostgreSQL run, the same database) started with
// HAWZU_TEST_NOW_OFFSET_SECONDS see the next attempt due.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../support/server');
const { startReceiver } = require('../support/webhook_receiver');
const { send, signIn, workspaceTokenBody, query, dataDirFiles } = require('./api_client');

const ALLOW = ['--allow-private-webhooks'];
let server;
let receiver;
let owner;
let manager;
let wid;
test.before(async () => {
  receiver = await startReceiver();
  server = await startServer({ demo: true, args: ALLOW });
  owner = await signIn(server, 'owner@acme.test');
  manager = await signIn(server, 'manager@acme.test');
  wid = owner.session.workspaces[0].id;
});
test.after(async () => {
  await server.stop();
  await receiver.close();
});

const hookPath = () => `/api/v1/workspace/${wid}/webhook`;
const fieldsOf = (res) => (res.body.errors || []).map((e) => e.field);
const EVENTS = ['access_token.revoked', 'access_token.leaked'];
const signatureOf = (body, secret) =>
  `sha256=${crypto.createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
const deliveriesOf = async (eventId) =>
  (await owner.get(`${hookPath()}/deliveries`)).body.deliveries.filter((d) => d.event_id === eventId);
const seconds = (iso) => Date.parse(iso) / 1000;

async function saveWebhook(body = { url: receiver.url(), events: EVENTS }) {
  const res = await owner.put(hookPath(), body);
  assert.equal(res.status, 200, res.text);
  return res.body;
}

test('webhook: none until saved; PUT checks every member and names each wrong one', async () => {
  const none = await owner.get(hookPath());
  assert.equal(none.status, 404, none.text);
  const missing = await owner.put(hookPath(), {});
  assert.equal(missing.status, 400);
  assert.deepEqual(fieldsOf(missing).sort(), ['events', 'url']);
  const extra = await owner.put(hookPath(), { url: receiver.url(), events: EVENTS, secret: 'x' });
  assert.deepEqual(fieldsOf(extra), ['secret']);
  for (const url of ['ftp://example.com/x', 'example.com/hook', 'http://', 'https://:443/x',
    'https://user:pw@example.com/', 'https://example.com/a b', 'https://example.com/#top',
    'https://example.com:0/', 'https://example.com:99999/', `https://example.com/${'a'.repeat(2040)}`, 7]) {
    const res = await owner.put(hookPath(), { url, events: EVENTS });
    assert.equal(res.status, 400, `${url}: ${res.text}`);
    assert.deepEqual(fieldsOf(res), ['url'], String(url));
  }
  for (const events of [[], ['access_token.created'], ['access_token.revoked', 'access_token.revoked'],
    'access_token.revoked', [3], ['webhook.test']]) {
    const res = await owner.put(hookPath(), { url: receiver.url(), events });
    assert.equal(res.status, 400, `${JSON.stringify(events)}: ${res.text}`);
    assert.ok(fieldsOf(res).every((f) => f === 'events'), JSON.stringify(res.body.errors));
  }
  assert.equal((await owner.put(hookPath(), [])).status, 400);
  assert.equal((await owner.get(hookPath())).status, 404, 'nothing was written');
});

test('webhook: Owners save it and see the secret once; Managers read it; both list deliveries', async () => {
  const refused = await manager.put(hookPath(), { url: receiver.url(), events: EVENTS });
  assert.equal(refused.status, 403, refused.text);
  assert.equal(refused.body.code, 'forbidden');

  const saved = await saveWebhook();
  assert.match(saved.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
  assert.equal(saved.url, receiver.url());
  assert.deepEqual(saved.events, EVENTS);
  const shown = await owner.get(hookPath());
  assert.equal(shown.status, 200, shown.text);
  assert.equal(shown.body.secret, undefined, 'the secret is shown only when saved');
  assert.deepEqual(shown.body, { url: saved.url, events: EVENTS, created_at: saved.created_at, updated_at: saved.updated_at });
  const read = await manager.get(hookPath());
  assert.equal(read.status, 200, read.text);
  assert.equal(read.body.secret, undefined);
  assert.equal((await manager.get(`${hookPath()}/deliveries`)).status, 200);
  assert.equal((await manager.post(`${hookPath()}/test`, {})).status, 403);
  assert.equal((await manager.del(hookPath())).status, 403);
  // Other roles, other workspaces and access tokens see nothing of it.
  const coordinator = await signIn(server, 'coordinator@acme.test');
  assert.equal((await coordinator.get(hookPath())).status, 403);
  assert.equal((await coordinator.get(`${hookPath()}/deliveries`)).status, 403);
  assert.equal((await owner.get('/api/v1/workspace/999999/webhook')).status, 404);
  const created = await owner.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody('Hook reader', 'workspace_manager'));
  assert.equal(created.status, 201, created.text);
  const bearer = await send(server, 'GET', hookPath(), {
    headers: { authorization: `Bearer ${created.body.token}`, 'x-requested-with': null },
  });
  assert.equal(bearer.status, 403);
  assert.equal(bearer.body.code, 'session_required');

  // Every save issues a new secret.
  const again = await saveWebhook();
  assert.notEqual(again.secret, saved.secret);
  const stored = query(server, `SELECT secret_sealed FROM webhooks WHERE workspace_id = ${wid}`);
  assert.equal(stored.length, 1);
  assert.ok(!JSON.stringify(stored).includes(again.secret.slice(6)), 'the secret is stored sealed');
  for (const [name, bytes] of Object.entries(dataDirFiles(server)))
    assert.ok(!bytes.includes(again.secret.slice(6)), `the secret is in ${name}`);

  const audit = await owner.get(`/api/v1/workspace/${wid}/audit-events?action=webhook_changed`);
  assert.equal(audit.status, 200, audit.text);
  assert.equal(audit.body.items.length, 2);
  assert.deepEqual(audit.body.items[0].details, { url: receiver.url(), events: EVENTS });
  assert.ok(!audit.text.includes('whsec_'), 'never the secret');
  assert.ok(!server.output.stdout.includes(again.secret), 'never logged');
});

test('webhook: private and loopback targets are refused without --allow-private-webhooks', async () => {
  const strict = await startServer({ demo: true });
  try {
    const strictOwner = await signIn(strict, 'owner@acme.test');
    const path = `/api/v1/workspace/${strictOwner.session.workspaces[0].id}/webhook`;
    for (const [url, reason] of [
      [receiver.url(), /loopback/], ['http://localhost:8080/x', /loopback/], ['http://10.1.2.3/', /private/],
      ['https://192.168.0.10/', /private/], ['http://169.254.169.254/latest', /link-local/],
      ['http://[::1]:9000/', /loopback/], ['http://[fd12::1]/', /unique-local/], ['http://[fe80::1]/', /link-local/],
      ['http://[::ffff:127.0.0.1]/', /loopback/], ['http://0.0.0.0/', /unspecified/], ['http://224.0.0.1/', /multicast/],
      ['http://[::]/', /unspecified/],
    ]) {
      const res = await strictOwner.put(path, { url, events: EVENTS });
      assert.equal(res.status, 400, `${url}: ${res.text}`);
      assert.deepEqual(fieldsOf(res), ['url'], url);
      assert.match(res.body.errors[0].message, reason, url);
    }
    assert.equal((await strictOwner.get(path)).status, 404);
  } finally {
    await strict.stop();
  }
});

test('webhook: the test event is delivered, signed with the secret', async () => {
  const saved = await saveWebhook();
  const queued = await owner.post(`${hookPath()}/test`);
  assert.equal(queued.status, 202, queued.text);
  const eventId = queued.body.event_id;
  assert.match(eventId, /^evt_[0-9A-Za-z]{24}$/);
  const hit = await receiver.waitFor((r) => r.headers['x-hawzu-delivery'] === eventId);
  assert.equal(hit.method, 'POST');
  assert.equal(hit.path, '/hook');
  assert.equal(hit.headers['content-type'], 'application/json');
  assert.equal(hit.headers['user-agent'], 'Hawzu-Webhook');
  assert.equal(hit.headers['x-hawzu-event'], 'webhook.test');
  assert.equal(hit.headers['x-hawzu-signature'], signatureOf(hit.body, saved.secret));
  assert.notEqual(hit.headers['x-hawzu-signature'], signatureOf(hit.body, 'whsec_other'));
  const body = JSON.parse(hit.body);
  assert.equal(body.id, eventId);
  assert.equal(body.event, 'webhook.test');
  assert.equal(body.workspace.id, wid);
  assert.equal(body.access_token, null);
  assert.equal(typeof body.data.message, 'string');

  let deliveries;
  for (let i = 0; i < 50 && !(deliveries = await deliveriesOf(eventId)).length; i++)
    await new Promise((r) => setTimeout(r, 100));
  assert.equal(deliveries.length, 1);
  assert.equal(deliveries[0].status, 'delivered');
  assert.equal(deliveries[0].attempt, 1);
  assert.equal(deliveries[0].response_status, 200);
  assert.equal(deliveries[0].error, null);
  assert.equal(deliveries[0].next_attempt_at, null);
  assert.equal(deliveries[0].event, 'webhook.test');
  // A body with options is refused.
  const bad = await owner.post(`${hookPath()}/test`, { event: 'x' });
  assert.equal(bad.status, 400, bad.text);
});

test('webhook: a revoke is announced; a failing receiver gets retries with backoff, one event id', async () => {
  const saved = await saveWebhook();
  const created = await owner.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody('Hooked token'));
  assert.equal(created.status, 201, created.text);
  const tokenId = created.body.access_token.id;
  receiver.answers.push(500, 503);
  assert.equal((await owner.del(`/api/v1/workspace/${wid}/access-tokens/${tokenId}`)).status, 204);

  const revoked = (r) => r.headers['x-hawzu-event'] === 'access_token.revoked' &&
    JSON.parse(r.body).access_token.id === tokenId;
  const first = await receiver.waitFor(revoked);
  const eventId = first.headers['x-hawzu-delivery'];
  const body = JSON.parse(first.body);
  assert.equal(body.id, eventId);
  assert.equal(body.access_token.name, 'Hooked token');
  assert.equal(typeof body.data.revoked_at, 'string');
  assert.equal(first.headers['x-hawzu-signature'], signatureOf(first.body, saved.secret));

  let deliveries;
  for (let i = 0; i < 50 && !(deliveries = await deliveriesOf(eventId)).length; i++)
    await new Promise((r) => setTimeout(r, 100));
  assert.equal(deliveries.length, 1);
  assert.equal(deliveries[0].status, 'failed');
  assert.equal(deliveries[0].response_status, 500);
  assert.equal(seconds(deliveries[0].next_attempt_at) - seconds(deliveries[0].time), 30);

  // 40 s on, the retry is due: a server with that clock makes it (and fails again).
  const later = await startServer({ dataDir: server.dataDir, args: ALLOW, env: { HAWZU_TEST_NOW_OFFSET_SECONDS: '40' } });
  let second;
  try {
    second = await receiver.waitFor(revoked, { count: 2 });
  } finally {
    await later.stop();
  }
  // 60 s after that one, the third attempt is due, and the receiver takes it.
  const latest = await startServer({ dataDir: server.dataDir, args: ALLOW, env: { HAWZU_TEST_NOW_OFFSET_SECONDS: '160' } });
  let third;
  try {
    third = await receiver.waitFor(revoked, { count: 3 });
    for (let i = 0; i < 50 && (deliveries = await deliveriesOf(eventId)).length < 3; i++)
      await new Promise((r) => setTimeout(r, 100));
  } finally {
    await latest.stop();
  }
  for (const hit of [second, third]) {
    assert.equal(hit.headers['x-hawzu-delivery'], eventId, 'the same event id on every attempt');
    assert.equal(hit.body, first.body, 'the same body on every attempt');
    assert.equal(hit.headers['x-hawzu-signature'], first.headers['x-hawzu-signature']);
  }
  assert.deepEqual(deliveries.map((d) => [d.attempt, d.status, d.response_status]),
    [[3, 'delivered', 200], [2, 'failed', 503], [1, 'failed', 500]]);
  assert.equal(seconds(deliveries[1].next_attempt_at) - seconds(deliveries[1].time), 60);
  assert.equal(deliveries[0].next_attempt_at, null);
  const rows = query(server, `SELECT state, attempts FROM webhook_events WHERE event_id = '${eventId}'`);
  assert.deepEqual(rows, [{ state: 'delivered', attempts: 3 }]);
  // The later clocks ended the session as idle; sign in again for the next tests.
  owner = await signIn(server, 'owner@acme.test');
});

test('webhook: DELETE removes it and drops the events not yet delivered', async () => {
  await saveWebhook();
  receiver.answers.push(500);
  const queued = await owner.post(`${hookPath()}/test`);
  await receiver.waitFor((r) => r.headers['x-hawzu-delivery'] === queued.body.event_id);
  const pending = () => query(server, `SELECT id FROM webhook_events WHERE workspace_id = ${wid} AND state = 'pending'`);
  for (let i = 0; i < 50 && !pending().length; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(pending().length, 1);

  const removed = await owner.del(hookPath());
  assert.equal(removed.status, 204, removed.text);
  assert.equal(pending().length, 0);
  assert.equal((await owner.get(hookPath())).status, 404);
  assert.equal((await owner.del(hookPath())).status, 404);
  assert.equal((await owner.post(`${hookPath()}/test`)).status, 404);
  const audit = await owner.get(`/api/v1/workspace/${wid}/audit-events?action=webhook_removed`);
  assert.equal(audit.body.items.length, 1);
  assert.equal(audit.body.items[0].details.url, receiver.url());
});

test('webhook: servers sharing a database send each event once', async () => {
  await saveWebhook();
  const others = [
    await startServer({ dataDir: server.dataDir, args: ALLOW }),
    await startServer({ dataDir: server.dataDir, args: ALLOW }),
  ];
  try {
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push((await owner.post(`${hookPath()}/test`)).body.event_id);
    const mine = (r) => ids.includes(r.headers['x-hawzu-delivery']);
    await receiver.waitFor(mine, { count: 20 });
    await new Promise((r) => setTimeout(r, 2500));  // a few more polls by every server
    const seen = receiver.requests.filter(mine).map((r) => r.headers['x-hawzu-delivery']);
    assert.equal(seen.length, 20, 'no event twice');
    assert.equal(new Set(seen).size, 20);
  } finally {
    for (const other of others) await other.stop();
  }
});

test('webhook: the address is checked again when delivering', async () => {
  // Saved where private targets are allowed, then delivered by a server that refuses
  // them: the attempt fails with the reason, and nothing reaches the receiver.
  const lenient = await startServer({ demo: true, args: ALLOW });
  const dataDir = lenient.dataDir;
  let workspace;
  try {
    const lenientOwner = await signIn(lenient, 'owner@acme.test');
    workspace = lenientOwner.session.workspaces[0].id;
    const saved = await lenientOwner.put(`/api/v1/workspace/${workspace}/webhook`, { url: receiver.url('/strict'), events: EVENTS });
    assert.equal(saved.status, 200, saved.text);
  } finally {
    await lenient.stop();
  }
  const strict = await startServer({ dataDir });
  try {
    const strictOwner = await signIn(strict, 'owner@acme.test');
    const path = `/api/v1/workspace/${workspace}/webhook`;
    const queued = await strictOwner.post(`${path}/test`);
    assert.equal(queued.status, 202, queued.text);
    let attempts = [];
    for (let i = 0; i < 50 && !attempts.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      attempts = (await strictOwner.get(`${path}/deliveries`)).body.deliveries;
    }
    assert.equal(attempts.length, 1);
    assert.equal(attempts[0].status, 'failed');
    assert.equal(attempts[0].response_status, null);
    assert.match(attempts[0].error, /loopback/);
    assert.equal(typeof attempts[0].next_attempt_at, 'string', 'it is retried (the rule may change)');
    assert.ok(!receiver.requests.some((r) => r.path === '/strict'));
  } finally {
    await strict.stop();
  }
});

test('webhook: an https receiver must have a certificate the server trusts', async () => {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const https = require('node:https');
  const { execFileSync } = require('node:child_process');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-hook-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  let reached = 0;
  const tls = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
    reached++;
    res.end('ok');
  });
  await new Promise((resolve) => tls.listen(0, '127.0.0.1', resolve));
  try {
    await saveWebhook({ url: `https://127.0.0.1:${tls.address().port}/hook`, events: EVENTS });
    const eventId = (await owner.post(`${hookPath()}/test`)).body.event_id;
    let attempts = [];
    for (let i = 0; i < 50 && !attempts.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      attempts = await deliveriesOf(eventId);
    }
    assert.equal(attempts.length, 1);
    assert.equal(attempts[0].status, 'failed');
    assert.equal(attempts[0].response_status, null);
    assert.match(attempts[0].error, /SSL|certificate/i);
    assert.equal(reached, 0, 'a self-signed receiver is not sent the event');
  } finally {
    await new Promise((resolve) => tls.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('webhook: an event still failing a day after it happened is given up', async () => {
  await owner.del(hookPath());  // drops the events earlier tests left pending
  await saveWebhook();
  receiver.answers.push(500, 500);
  const eventId = (await owner.post(`${hookPath()}/test`)).body.event_id;
  await receiver.waitFor((r) => r.headers['x-hawzu-delivery'] === eventId);
  const dayLater = await startServer({ dataDir: server.dataDir, args: ALLOW, env: { HAWZU_TEST_NOW_OFFSET_SECONDS: String(86400 + 600) } });
  try {
    await receiver.waitFor((r) => r.headers['x-hawzu-delivery'] === eventId, { count: 2 });
    let deliveries = [];
    for (let i = 0; i < 50 && deliveries.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      deliveries = await deliveriesOf(eventId);
    }
    assert.deepEqual(deliveries.map((d) => [d.attempt, d.status, d.next_attempt_at === null]),
      [[2, 'failed', true], [1, 'failed', false]]);
    const rows = query(server, `SELECT state FROM webhook_events WHERE event_id = '${eventId}'`);
    assert.deepEqual(rows, [{ state: 'failed' }]);
  } finally {
    await dayLater.stop();
  }
  owner = await signIn(server, 'owner@acme.test');
});
