// Behind a reverse proxy (--trust-proxy): the client address and scheme come from
// X-Forwarded-For / X-Forwarded-Proto only when the connection comes from a trusted
// proxy. Throttling, the access log and the session cookie follow them; without the
// flag the headers are ignored, since any client can send them.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { send } = require('./api_client');

// The access-log lines of /api/v1/session so far, once `count` of them have arrived.
async function sessionLogRemotes(server, count) {
  for (let i = 0; i < 50; i++) {
    const remotes = server.logLines().filter((l) => l.path === '/api/v1/session').map((l) => l.remote);
    if (remotes.length >= count) return remotes;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the access log did not show the requests');
}

const wrongPassword = (server, forwardedFor, extra = {}) =>
  send(server, 'POST', '/api/v1/session', {
    body: { email: 'member@acme.test', password: 'not the password' },
    headers: { 'x-forwarded-for': forwardedFor, ...extra },
  });

test('with --trust-proxy, the forwarded client address is the one throttled and logged', async () => {
  const server = await startServer({ demo: true, args: ['--trust-proxy', '127.0.0.0/8'] });
  try {
    // The right-most entry that is not a trusted proxy is the client; the left one was
    // written by the client itself and is not believed.
    for (let i = 0; i < 5; i++) assert.equal((await wrongPassword(server, '198.51.100.1, 203.0.113.7')).status, 401);
    assert.equal((await wrongPassword(server, '198.51.100.1, 203.0.113.7')).status, 429);
    // Another client behind the same proxy is not locked out.
    assert.equal((await wrongPassword(server, '203.0.113.8')).status, 401);
    const remotes = await sessionLogRemotes(server, 7);
    assert.ok(remotes.includes('203.0.113.7') && remotes.includes('203.0.113.8'), remotes.join(', '));
    assert.ok(!remotes.includes('198.51.100.1'));
  } finally {
    await server.stop();
  }
});

test('with --trust-proxy, X-Forwarded-Proto: https gives the __Host- cookie with Secure', async () => {
  const server = await startServer({ demo: true, args: ['--trust-proxy', '127.0.0.1'] });
  try {
    const res = await send(server, 'POST', '/api/v1/session', {
      body: { email: 'owner@acme.test', password: 'hawzu-demo' },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
    });
    assert.equal(res.status, 200, res.text);
    const cookie = res.headers.get('set-cookie');
    assert.match(cookie, /^__Host-hawzu_session=/);
    assert.match(cookie, /; Secure/);
  } finally {
    await server.stop();
  }
});

test('without --trust-proxy, forwarded headers are ignored', async () => {
  const server = await startServer({ demo: true });
  try {
    // Five failures "from" five different forwarded addresses are five from the socket's.
    for (let i = 0; i < 5; i++) assert.equal((await wrongPassword(server, `203.0.113.${20 + i}`)).status, 401);
    assert.equal((await wrongPassword(server, '203.0.113.99')).status, 429);
    const remotes = await sessionLogRemotes(server, 6);
    assert.ok(remotes.every((remote) => remote === '127.0.0.1'), remotes.join(', '));
    const res = await send(server, 'POST', '/api/v1/session', {
      body: { email: 'owner@acme.test', password: 'hawzu-demo' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    assert.equal(res.status, 200, res.text);
    const cookie = res.headers.get('set-cookie');
    assert.match(cookie, /^hawzu_session=/);
    assert.doesNotMatch(cookie, /Secure/);
  } finally {
    await server.stop();
  }
});
