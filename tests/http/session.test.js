// The web session: sign in, who am I, sign out; the cookie; the cross-site checks; and
// what an access token or a stale cookie gets.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { send, signIn, clientFor, sessionCookieFrom, query, sqlDialect, dataDirFiles } = require('./api_client');

let server;
test.before(async () => {
  server = await startServer({ demo: true });
});
test.after(async () => {
  await server.stop();
});

test('signing in answers the user and their workspaces and sets the session cookie', async () => {
  const res = await send(server, 'POST', '/api/v1/session', {
    body: { email: 'owner@acme.test', password: 'hawzu-demo' },
  });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal(res.body.user.email, 'owner@acme.test');
  assert.equal(res.body.user.name, 'Olivia Owens');
  assert.equal(typeof res.body.user.id, 'number');
  assert.equal(res.body.workspaces.length, 1);
  const workspace = res.body.workspaces[0];
  assert.equal(workspace.name, 'Acme QA');
  assert.equal(workspace.role, 'workspace_owner');
  assert.equal(workspace.role_name, 'Workspace Owner');
  assert.ok(workspace.permissions.includes('manage_access_tokens'));

  const setCookie = res.headers.get('set-cookie');
  assert.match(setCookie, /^hawzu_session=[A-Za-z0-9_-]{43}; /);
  assert.match(setCookie, /; HttpOnly/);
  assert.match(setCookie, /; SameSite=Strict/);
  assert.match(setCookie, /; Path=\//);
  assert.doesNotMatch(setCookie, /Secure/); // plain HTTP here
});

test('each role sees its own role and permissions', async () => {
  const expected = {
    'owner@acme.test': ['workspace_owner', true],
    'manager@acme.test': ['workspace_manager', true],
    'coordinator@acme.test': ['workspace_coordinator', false],
    'member@acme.test': ['workspace_member', false],
    'viewer@acme.test': ['workspace_viewer', false],
  };
  for (const [email, [role, manages]] of Object.entries(expected)) {
    const client = await signIn(server, email);
    const res = await client.get('/api/v1/session');
    assert.equal(res.status, 200, email);
    assert.equal(res.body.workspaces[0].role, role, email);
    assert.equal(res.body.workspaces[0].permissions.includes('manage_access_tokens'), manages);
    assert.ok(res.body.workspaces[0].permissions.includes('read'));
  }
});

test('GET /api/v1/session without a session is 401 problem+json', async () => {
  const res = await send(server, 'GET', '/api/v1/session');
  assert.equal(res.status, 401);
  assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
  assert.equal(res.body.code, 'unauthenticated');
  assert.equal(res.headers.get('set-cookie'), null);
});

test('a malformed or unknown session cookie is 401 and the browser is told to drop it', async () => {
  for (const cookie of [
    'hawzu_session=garbage',
    'hawzu_session=' + 'A'.repeat(43),
    'hawzu_session=' + '%41'.repeat(43),
    'hawzu_session=',
  ]) {
    const res = await send(server, 'GET', '/api/v1/session', { cookie });
    assert.equal(res.status, 401, cookie);
    assert.match(res.headers.get('set-cookie') || '', /^hawzu_session=; Max-Age=0/, cookie);
  }
});

test('wrong password and unknown email get the same 401 answer', async () => {
  const wrong = await send(server, 'POST', '/api/v1/session', {
    body: { email: 'viewer@acme.test', password: 'not-it' },
  });
  const unknown = await send(server, 'POST', '/api/v1/session', {
    body: { email: 'nobody@acme.test', password: 'not-it' },
  });
  for (const res of [wrong, unknown]) {
    assert.equal(res.status, 401);
    assert.equal(res.body.code, 'invalid_credentials');
    assert.equal(res.headers.get('set-cookie'), null);
  }
  assert.deepEqual(wrong.body, unknown.body);
});

test('email addresses are matched without regard to case', async () => {
  const client = await signIn(server, 'Member@ACME.test');
  assert.equal(client.session.user.email, 'member@acme.test');
});

test('sign-in bodies are checked field by field', async () => {
  const cases = [
    [{}, ['email', 'password']],
    [{ email: 'owner@acme.test' }, ['password']],
    [{ email: 42, password: 'x' }, ['email']],
    [{ email: 'owner@acme.test', password: ['x'] }, ['password']],
    [{ email: '', password: '' }, ['email', 'password']],
    [{ email: 'owner@acme.test', password: 'x', remember: true }, ['remember']],
    [{ email: 'a'.repeat(255), password: 'x' }, ['email']],
    [{ email: 'owner@acme.test', password: 'x'.repeat(1025) }, ['password']],
    [[], ['']],
    ['text', ['']],
  ];
  for (const [body, fields] of cases) {
    const res = await send(server, 'POST', '/api/v1/session', { body });
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.code, 'validation_failed');
    assert.deepEqual(res.body.errors.map((e) => e.field).sort(), fields.sort(), JSON.stringify(body));
  }
});

test('malformed and deeply nested JSON is 400 malformed_json', async () => {
  for (const raw of ['{', '{"email":}', 'nul', '{"email":"a\u0000"', '[' .repeat(40) + ']'.repeat(40)]) {
    const res = await send(server, 'POST', '/api/v1/session', { raw });
    assert.equal(res.status, 400, raw);
    assert.equal(res.body.code, 'malformed_json', raw);
  }
  const invalidUtf8 = Buffer.concat([Buffer.from('{"email":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","password":"x"}')]);
  const res = await fetch(server.url('/api/v1/session'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'hawzu-web' },
    body: invalidUtf8,
  });
  assert.equal(res.status, 400);
  assert.equal((await res.json()).code, 'malformed_json');
});

test('POST /api/v1/session needs X-Requested-With (login CSRF)', async () => {
  for (const value of [null, 'XMLHttpRequest', '']) {
    const res = await send(server, 'POST', '/api/v1/session', {
      body: { email: 'owner@acme.test', password: 'hawzu-demo' },
      headers: { 'x-requested-with': value },
    });
    assert.equal(res.status, 403, String(value));
    assert.equal(res.body.code, 'csrf_rejected');
    assert.equal(res.headers.get('set-cookie'), null);
  }
});

test('a foreign Origin is refused; the server\'s own origin is accepted', async () => {
  const body = { email: 'owner@acme.test', password: 'hawzu-demo' };
  for (const origin of ['http://evil.test', 'null', server.baseUrl.replace('http:', 'https:'), server.baseUrl + '.evil.test']) {
    const res = await send(server, 'POST', '/api/v1/session', { body, headers: { origin } });
    assert.equal(res.status, 403, origin);
    assert.equal(res.body.code, 'csrf_rejected');
  }
  const own = await send(server, 'POST', '/api/v1/session', {
    body,
    headers: { origin: server.baseUrl.toUpperCase().replace('HTTP://', 'http://') },
  });
  assert.equal(own.status, 200);
});

test('a request with an Authorization header never reaches the session routes', async () => {
  const owner = await signIn(server, 'owner@acme.test');
  const bearer = { authorization: 'Bearer hwz_' + 'a'.repeat(42) };
  const attempts = [
    send(server, 'POST', '/api/v1/session', { body: { email: 'owner@acme.test', password: 'hawzu-demo' }, headers: bearer }),
    owner.get('/api/v1/session', { headers: bearer }),
    owner.del('/api/v1/session', { headers: { authorization: 'Basic b3duZXI6eA==' } }),
  ];
  for (const res of await Promise.all(attempts)) {
    assert.equal(res.status, 403);
    assert.equal(res.body.code, 'session_required');
  }
  assert.equal((await owner.get('/api/v1/session')).status, 200); // the session still works
});

test('signing out kills the session server-side and clears the cookie', async () => {
  const client = await signIn(server, 'coordinator@acme.test');
  const refused = await client.del('/api/v1/session', { headers: { 'x-requested-with': null } });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'csrf_rejected');
  assert.equal((await client.get('/api/v1/session')).status, 200);

  const res = await client.del('/api/v1/session');
  assert.equal(res.status, 204);
  assert.match(res.headers.get('set-cookie'), /^hawzu_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict/);
  assert.equal((await client.get('/api/v1/session')).status, 401);
  assert.equal((await client.del('/api/v1/session')).status, 401);
});

test('every sign-in gets a new session id and ends the one it came with', async () => {
  const first = await signIn(server, 'viewer@acme.test');
  const again = await send(server, 'POST', '/api/v1/session', {
    body: { email: 'viewer@acme.test', password: 'hawzu-demo' },
    cookie: first.cookie,
  });
  assert.equal(again.status, 200);
  const second = sessionCookieFrom(again);
  assert.notEqual(second, first.cookie);
  assert.equal((await first.get('/api/v1/session')).status, 401);
  assert.equal((await clientFor(server, second).get('/api/v1/session')).status, 200);
});

test('GET /api/v1/workspaces lists the caller\'s workspaces', async () => {
  const member = await signIn(server, 'member@acme.test');
  const res = await member.get('/api/v1/workspaces');
  assert.equal(res.status, 200);
  assert.equal(res.body.items.length, 1);
  assert.equal(res.body.items[0].name, 'Acme QA');
  assert.equal(res.body.items[0].role, 'workspace_member');
  assert.deepEqual(res.body.items[0].permissions, ['read', 'write_test_cases']);
  assert.equal((await send(server, 'GET', '/api/v1/workspaces')).status, 401);
});

test('the access log names the signed-in user, never the cookie or password', async () => {
  const client = await signIn(server, 'manager@acme.test');
  await client.get('/api/v1/session');
  await new Promise((r) => setTimeout(r, 100));
  const id = client.session.user.id;
  const lines = server.logLines().filter((l) => l.path === '/api/v1/session');
  assert.ok(lines.some((l) => l.method === 'POST' && l.status === 200 && l.principal === `user:${id}`));
  assert.ok(lines.some((l) => l.method === 'GET' && l.status === 200 && l.principal === `user:${id}`));
  assert.ok(lines.some((l) => l.status === 401 && l.principal === null));
  const cookieValue = client.cookie.split('=')[1];
  assert.ok(!server.output.stdout.includes(cookieValue));
  assert.ok(!server.output.stdout.includes('"password"'));
});

test('sign-ins are audited, successes and failures, without passwords or unknown emails', async () => {
  await send(server, 'POST', '/api/v1/session', { body: { email: 'ghost-account@acme.test', password: 'pw-typed-here' } });
  const client = await signIn(server, 'member@acme.test');
  await send(server, 'POST', '/api/v1/session', { body: { email: 'member@acme.test', password: 'wrong-one' } });
  await client.del('/api/v1/session');

  const rows = query(server, "SELECT * FROM audit_log WHERE action LIKE 'session.%' ORDER BY id");
  const text = JSON.stringify(rows);
  assert.ok(!text.includes('ghost-account'));
  assert.ok(!text.includes('pw-typed-here'));
  assert.ok(!text.includes('wrong-one'));
  assert.ok(!text.includes('hawzu-demo'));
  const userId = client.session.user.id;
  const mine = rows.filter((r) => r.target_id === userId);
  const actions = mine.map((r) => r.action);
  assert.ok(actions.includes('session.sign_in'));
  assert.ok(actions.includes('session.sign_in_failed'));
  assert.ok(actions.includes('session.sign_out'));
  const success = mine.find((r) => r.action === 'session.sign_in');
  assert.equal(success.actor_user_id, userId);
  assert.equal(success.ip, '127.0.0.1');
  assert.ok(rows.some((r) => r.action === 'session.sign_in_failed' && JSON.parse(r.details).reason === 'unknown_account' && r.target_id === null));
  const failed = mine.find((r) => r.action === 'session.sign_in_failed');
  assert.equal(JSON.parse(failed.details).reason, 'wrong_password');
  assert.equal(failed.ip, '127.0.0.1');
  assert.ok(Math.abs(success.time - Date.now() / 1000) < 60);
});

test('the database keeps only a hash of each session id', async () => {
  const client = await signIn(server, 'owner@acme.test');
  const cookieValue = client.cookie.split('=')[1];
  const size = sqlDialect() === 'postgresql' ? 'octet_length(id_hash)' : 'length(id_hash)';
  const rows = query(server, `SELECT ${size} AS n FROM sessions`);
  assert.ok(rows.length > 0);
  for (const row of rows) assert.equal(row.n, 32);
  for (const [name, bytes] of Object.entries(dataDirFiles(server)))
    assert.ok(!bytes.includes(Buffer.from(cookieValue)), name);
});
