// Leak reports (docs/api.md#leak-reports, docs/product.md#leak-reports): POST
// /api/v1/access-tokens/leaks without authentication. A live token in the report is
// disabled with the reason leaked, shows where it was found, is audited and announced
// by the webhook; unknown and malformed values get the very same answer; the body's
// shape and size are checked; reports are rate-limited per client address.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const zlib = require('node:zlib');
const { startServer } = require('../support/server');
const { startReceiver } = require('../support/webhook_receiver');
const { send, signIn, workspaceTokenBody, dataDirFiles } = require('./api_client');

const LEAKS = '/api/v1/access-tokens/leaks';
let server;
let receiver;
let owner;
let wid;
let secret;
test.before(async () => {
  receiver = await startReceiver();
  server = await startServer({ demo: true, args: ['--allow-private-webhooks'] });
  owner = await signIn(server, 'owner@acme.test');
  wid = owner.session.workspaces[0].id;
  const saved = await owner.put(`/api/v1/workspace/${wid}/webhook`, {
    url: receiver.url(),
    events: ['access_token.leaked'],
  });
  assert.equal(saved.status, 200, saved.text);
  secret = saved.body.secret;
});
test.after(async () => {
  await server.stop();
  await receiver.close();
});

const tokens = () => `/api/v1/workspace/${wid}/access-tokens`;
const fieldsOf = (res) => (res.body.errors || []).map((e) => e.field);
// A scanner posts without a session, a cookie or X-Requested-With.
const report = (body, raw) =>
  send(server, 'POST', LEAKS, { body, raw, headers: { 'x-requested-with': null } });

// A value in the token format with a valid checksum that no token has.
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function wellFormedToken() {
  let random = '';
  for (const byte of crypto.randomBytes(36)) random += BASE62[byte % 62];
  let crc = zlib.crc32(`hwz_${random}`);
  let checksum = '';
  for (let i = 0; i < 6; i++) {
    checksum = BASE62[crc % 62] + checksum;
    crc = Math.floor(crc / 62);
  }
  return `hwz_${random}${checksum}`;
}

let counter = 0;
async function createToken() {
  const created = await owner.post(tokens(), workspaceTokenBody(`Leaky ${++counter}`));
  assert.equal(created.status, 201, created.text);
  return created.body;
}

test('leak report: a live token is disabled, shows where it was found, is audited and announced', async () => {
  const { token, access_token: created } = await createToken();
  const where = { type: 'hawzu_access_token', url: 'https://github.com/acme/app/blob/main/.env', source: 'commit' };
  const res = await report([{ token, ...where }]);
  assert.equal(res.status, 202, res.text);
  assert.deepEqual(res.body, { received: 1 });

  const details = (await owner.get(`${tokens()}/${created.id}`)).body;
  assert.equal(details.status, 'disabled');
  assert.equal(details.disabled_reason, 'leaked');
  assert.equal(details.leak.url, where.url);
  assert.equal(details.leak.source, 'commit');
  assert.ok(Math.abs(Date.parse(details.leak.reported_at) - Date.now()) < 60000);
  const bearer = await send(server, 'GET', '/api/v1/access-tokens/self', {
    headers: { authorization: `Bearer ${token}`, 'x-requested-with': null },
  });
  assert.equal(bearer.status, 401, 'a disabled token no longer works');

  const audit = await owner.get(`/api/v1/workspace/${wid}/audit-events?action=leak_reported&token_id=${created.id}`);
  assert.equal(audit.status, 200, audit.text);
  assert.equal(audit.body.items.length, 1);
  assert.equal(audit.body.items[0].actor.type, 'system');
  assert.equal(audit.body.items[0].details.url, where.url);
  assert.equal(audit.body.items[0].details.source, 'commit');
  assert.ok(!audit.text.includes(token), 'never the value');
  assert.ok(!server.output.stdout.includes(token), 'never logged');

  const hit = await receiver.waitFor((r) => r.headers['x-hawzu-event'] === 'access_token.leaked');
  assert.equal(hit.headers['x-hawzu-signature'],
    `sha256=${crypto.createHmac('sha256', secret).update(hit.body).digest('hex')}`);
  const body = JSON.parse(hit.body);
  assert.equal(body.access_token.id, created.id);
  assert.equal(body.access_token.disabled_reason, 'leaked');
  assert.deepEqual(body.data, { url: where.url, source: 'commit' });

  // Reported again, it is not live any more: nothing more happens.
  assert.equal((await report([{ token, ...where }])).status, 202);
  const again = await owner.get(`/api/v1/workspace/${wid}/audit-events?action=leak_reported&token_id=${created.id}`);
  assert.equal(again.body.items.length, 1);

  // A person enabling it again ends the leak record (a false alarm).
  const enabled = await owner.post(`${tokens()}/${created.id}/enable`, {});
  assert.equal(enabled.status, 200, enabled.text);
  assert.equal(enabled.body.leak, null);
  assert.equal(enabled.body.disabled_reason, null);
});

test('leak report: a rotated token\'s previous value, still in its overlap, disables the token', async () => {
  const { token: previous, access_token: created } = await createToken();
  const rotated = await owner.post(`${tokens()}/${created.id}/rotate`, { overlap: '1h' });
  assert.equal(rotated.status, 201, rotated.text);
  assert.equal((await report([{ token: previous, source: 'paste' }])).status, 202);
  const details = (await owner.get(`${tokens()}/${created.id}`)).body;
  assert.equal(details.disabled_reason, 'leaked');
  assert.deepEqual([details.leak.url, details.leak.source], ['', 'paste']);
});

test('leak report: unknown and malformed values get the same answer as a match', async () => {
  const { token, access_token: created } = await createToken();
  const answers = [];
  const unknown = wellFormedToken();
  for (const value of [token, unknown, 'not-a-token', `${token.slice(0, -1)}x`]) {
    const res = await report([{ token: value, url: 'https://example.com/paste', source: 'paste' }]);
    answers.push([res.status, res.text, res.headers.get('content-type')]);
  }
  assert.equal(new Set(answers.map((a) => JSON.stringify(a))).size, 1, JSON.stringify(answers));
  assert.deepEqual(answers[0].slice(0, 2), [202, '{"received":1}']);
  // Several at once, with optional members left out.
  const mixed = await report([{ token: wellFormedToken() }, { token: 'x', type: 'hawzu_access_token' }]);
  assert.equal(mixed.status, 202, mixed.text);
  assert.deepEqual(mixed.body, { received: 2 });
  assert.equal((await owner.get(`${tokens()}/${created.id}`)).body.disabled_reason, 'leaked');
  // Reported values are never stored, in any file of the database.
  for (const [name, bytes] of Object.entries(dataDirFiles(server)))
    assert.ok(!bytes.includes(unknown) && !bytes.includes(token), `a reported value is in ${name}`);
});

test('leak report: the body must be an array of findings with string members', async () => {
  const cases = [
    [{}, ''],
    [[{ type: 'x' }], '[0].token'],
    [[{ token: wellFormedToken() }, { token: 5 }], '[1].token'],
    [['hwz_abc'], '[0]'],
    [[{ token: 'x', url: 7 }], '[0].url'],
    [[{ token: 'x', source: 'a'.repeat(2049) }], '[0].source'],
    [[{ token: 'x', type: ['commit'] }], '[0].type'],
    [[{ token: 'x', url: null }], '[0].url'],
  ];
  for (const [body, field] of cases) {
    const res = await report(body);
    assert.equal(res.status, 400, `${JSON.stringify(body).slice(0, 80)}: ${res.text}`);
    assert.deepEqual(fieldsOf(res), [field]);
  }
  assert.equal((await report(undefined, 'not json')).status, 400);
  const tooMany = await report(Array.from({ length: 1001 }, () => ({ token: 'x' })));
  assert.equal(tooMany.status, 400, tooMany.text);
  assert.match(tooMany.body.errors[0].message, /1000/);
  // Up to 1 MiB is read (far above the API's usual limit); more is refused unread.
  const big = await report([{ token: 'x', url: 'a'.repeat(2000) }]);
  assert.equal(big.status, 202);
  const huge = await report(undefined, JSON.stringify([{ token: 'x', pad: 'a'.repeat(1024 * 1024) }]));
  assert.equal(huge.status, 413, huge.text);
});

test('leak report: at most 10 reports a minute per client address', async () => {
  let limited;
  for (let i = 0; i < 12 && !limited; i++) {
    const res = await report([{ token: wellFormedToken() }]);
    if (res.status === 429) limited = res;
    else assert.equal(res.status, 202, res.text);
  }
  assert.ok(limited, 'the limit was reached');
  assert.equal(limited.body.code, 'too_many_requests');
  const wait = Number(limited.headers.get('retry-after'));
  assert.ok(wait >= 1 && wait <= 60, String(wait));
  // A bad body is still answered 400 (it never reached the limit's count).
  assert.equal((await report({})).status, 400);
});
