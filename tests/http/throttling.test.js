// Sign-in throttling: per account and per client address, 429 with Retry-After.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { send } = require('./api_client');

function attempt(server, email, password) {
  return send(server, 'POST', '/api/v1/session', { body: { email, password } });
}

test('five failures lock the account, even for the right password, with Retry-After', async () => {
  const server = await startServer({ demo: true });
  try {
    for (let i = 0; i < 5; i++) {
      const res = await attempt(server, 'member@acme.test', `guess-${i}`);
      assert.equal(res.status, 401, `attempt ${i + 1}`);
    }
    const locked = await attempt(server, 'member@acme.test', 'hawzu-demo');
    assert.equal(locked.status, 429);
    assert.equal(locked.body.code, 'too_many_attempts');
    assert.match(locked.headers.get('content-type'), /^application\/problem\+json/);
    const retryAfter = Number(locked.headers.get('retry-after'));
    assert.ok(retryAfter > 800 && retryAfter <= 900, `Retry-After ${retryAfter}`);
    assert.equal(locked.headers.get('set-cookie'), null);

    // The email's case does not get around it; other accounts are unaffected.
    assert.equal((await attempt(server, 'MEMBER@acme.test', 'hawzu-demo')).status, 429);
    assert.equal((await attempt(server, 'viewer@acme.test', 'hawzu-demo')).status, 200);
  } finally {
    await server.stop();
  }
});

test('a success resets the account\'s count', async () => {
  const server = await startServer({ demo: true });
  try {
    for (let i = 0; i < 4; i++) await attempt(server, 'viewer@acme.test', `guess-${i}`);
    assert.equal((await attempt(server, 'viewer@acme.test', 'hawzu-demo')).status, 200);
    for (let i = 0; i < 4; i++)
      assert.equal((await attempt(server, 'viewer@acme.test', `again-${i}`)).status, 401);
  } finally {
    await server.stop();
  }
});

test('twenty failures from one address lock that address for every account', async () => {
  const server = await startServer({ demo: true });
  try {
    // Four accounts (known and unknown) with four or five failures each: no account
    // reaches its own limit in a way that matters for the last, fresh one.
    const emails = ['a@acme.test', 'b@acme.test', 'c@acme.test', 'd@acme.test', 'e@acme.test'];
    for (let i = 0; i < 20; i++) {
      const res = await attempt(server, emails[i % emails.length], `guess-${i}`);
      assert.equal(res.status, 401, `attempt ${i + 1}`);
    }
    const locked = await attempt(server, 'owner@acme.test', 'hawzu-demo');
    assert.equal(locked.status, 429);
    assert.equal(locked.body.code, 'too_many_attempts');
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
  } finally {
    await server.stop();
  }
});

test('a burst of parallel guesses is counted as it arrives', async () => {
  const server = await startServer({ demo: true });
  try {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(server, 'coordinator@acme.test', `burst-${i}`)),
    );
    const statuses = results.map((r) => r.status).sort();
    assert.equal(statuses.filter((s) => s === 401).length, 5, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 429).length, 7, statuses.join(','));
  } finally {
    await server.stop();
  }
});
