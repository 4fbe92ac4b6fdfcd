// Availability under slow and many clients (server/http/guarded_server.h): one address
// holding hundreds of slow connections (one header byte every few seconds) does not
// keep others from being served; it gets 503 with Retry-After above its connection
// cap, and is served again once its connections close. A request that trickles in
// within every per-read timeout still ends at the whole-request deadline.
//
// The server listens on 127.0.0.1; the clients connect to it from other loopback
// addresses (127.0.0.2, 127.0.0.3), which Linux routes to 127.0.0.1 as they are.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const net = require('node:net');
const { startServer } = require('../support/server');
const { signIn, createToken } = require('../support/token_client');

const SLOW_CONNECTIONS = 300;
const CAP = 32; // the server's default --max-connections-per-client
const SLOW_REQUEST = 'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(200);

function portOf(server) {
  return Number(new URL(server.baseUrl).port);
}

/**
 * A connection from `localAddress` that sends one byte of a request head every
 * `intervalMs`, never finishing it. Records what the server answered and when it
 * closed the connection.
 */
function slowConnection(port, localAddress, intervalMs) {
  const socket = net.connect({ host: '127.0.0.1', port, localAddress });
  const state = { socket, answer: '', closed: false, connected: false, sent: 0, closedAt: null };
  let timer = null;
  const sendByte = () => {
    if (state.closed || state.sent >= SLOW_REQUEST.length) return;
    socket.write(SLOW_REQUEST[state.sent++]);
  };
  socket.on('connect', () => {
    state.connected = true;
    sendByte();
    timer = setInterval(sendByte, intervalMs);
  });
  socket.on('data', (chunk) => (state.answer += chunk));
  socket.on('error', () => {});
  socket.on('close', () => {
    state.closed = true;
    state.closedAt = Date.now();
    clearInterval(timer);
  });
  state.stop = () => {
    clearInterval(timer);
    socket.destroy();
  };
  return state;
}

/** One request from `localAddress` on a fresh connection: {status, headers, ms}. */
function timedRequest(port, localAddress, urlPath, headers = {}, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    const req = http.request(
      { host: '127.0.0.1', port, path: urlPath, localAddress, agent: false, headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, ms: ms() }));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, error: error.message, ms: ms() }));
    req.end();
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(predicate, timeoutMs, what) {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * Keeps `count` slow connections from `localAddress` open: each one the server closes
 * (refused over the cap, or cut at the deadline) is replaced at once, as an attacker
 * would. stop() ends them all.
 */
function slowAttack(port, localAddress, count, intervalMs) {
  const attack = { live: new Set(), made: 0, answers: [], stopped: false };
  const open = () => {
    if (attack.stopped) return;
    const c = slowConnection(port, localAddress, intervalMs);
    c.openedAt = Date.now();
    attack.made++;
    attack.live.add(c);
    c.socket.on('close', () => {
      attack.live.delete(c);
      if (c.answer) attack.answers.push(c.answer);
      setTimeout(open, 200);
    });
  };
  for (let i = 0; i < count; i++) open();
  attack.connected = () => [...attack.live].filter((c) => c.connected).length;
  // Connections open for a second or more: the server holds them (refusals take ms).
  attack.held = () => [...attack.live].filter((c) => Date.now() - c.openedAt >= 1000).length;
  attack.stop = () => {
    attack.stopped = true;
    for (const c of attack.live) c.stop();
  };
  return attack;
}

test('300 slow connections from one address do not keep another address from being served', async () => {
  const server = await startServer({ demo: true });
  let attack;
  try {
    const port = portOf(server);
    const owner = await signIn(server, 'owner@acme.test');
    const { token } = await createToken(server, owner, owner.workspaces[0].id, {
      name: 'slow clients',
      workspace_role: 'workspace_viewer',
    });

    attack = slowAttack(port, '127.0.0.2', SLOW_CONNECTIONS, 3000);
    // Every one of them connected once (those refused come back 200 ms later).
    await waitFor(() => attack.made >= SLOW_CONNECTIONS && attack.connected() >= CAP, 10000,
      'the slow connections');
    await sleep(1500);
    const held = attack.held();
    assert.ok(held >= 1 && held <= CAP, `connections held: ${held}`);

    // Another address is served, every request within a second, while they are held.
    const latencies = [];
    for (let round = 0; round < 10; round++) {
      const health = await timedRequest(port, '127.0.0.3', '/api/v1/health');
      const bearer = await timedRequest(port, '127.0.0.3', '/api/v1/access-tokens/self', {
        authorization: `Bearer ${token}`,
      });
      for (const [what, res] of [['health', health], ['bearer', bearer]]) {
        assert.equal(res.status, 200, `${what} request ${round}: ${res.error || res.status}`);
        assert.ok(res.ms < 1000, `${what} request ${round} took ${res.ms} ms`);
        latencies.push(res.ms);
      }
    }
    // The slow address itself is over its cap: 503 with Retry-After.
    let capped;
    for (let attempt = 0; attempt < 5; attempt++) {
      capped = await timedRequest(port, '127.0.0.2', '/api/v1/health');
      if (capped.status === 503) break;
    }
    assert.equal(capped.status, 503);
    assert.ok(Number(capped.headers['retry-after']) >= 1);

    // What the slow connections were told: 503 over the cap (or nothing / 400 when a
    // held one was cut at the deadline).
    const refused = attack.answers.filter((a) => a.startsWith('HTTP/1.1 503 '));
    assert.ok(refused.length >= SLOW_CONNECTIONS - CAP, `refused ${refused.length}`);
    for (const answer of refused) {
      assert.match(answer, /\r\nRetry-After: \d+\r\n/);
      assert.match(answer, /"code":"too_many_connections"/);
    }
    for (const answer of attack.answers)
      assert.match(answer, /^HTTP\/1\.1 (503|400) /);
    console.log(
      `${attack.made} slow connections made, ${SLOW_CONNECTIONS} at a time, ${held} held by ` +
        `the server, ${refused.length} answered 503; other address: ${latencies.length} ` +
        `requests, slowest ${Math.max(...latencies).toFixed(1)} ms`,
    );

    // Once its connections close, the slow address is served again.
    attack.stop();
    let again;
    for (let attempt = 0; attempt < 40; attempt++) {
      again = await timedRequest(port, '127.0.0.2', '/api/v1/health');
      if (again.status === 200) break;
      await sleep(100);
    }
    assert.equal(again.status, 200);
  } finally {
    if (attack) attack.stop();
    await server.stop();
  }
});

test('a request that trickles in ends at the whole-request deadline, not per read', async () => {
  const server = await startServer();
  let connection;
  try {
    // One byte a second: every read is well within the 10 s read timeout.
    const started = Date.now();
    connection = slowConnection(portOf(server), '127.0.0.2', 1000);
    await waitFor(() => connection.closed, 16000, 'the server to end the request');
    const seconds = (connection.closedAt - started) / 1000;
    assert.ok(seconds >= 9 && seconds < 13, `closed after ${seconds} s`);
    assert.ok(connection.sent < SLOW_REQUEST.length, 'the request head was never complete');
  } finally {
    if (connection) connection.stop();
    await server.stop();
  }
});

test('--max-connections-per-client sets the cap', async () => {
  const server = await startServer({ args: ['--max-connections-per-client', '2'] });
  const slow = [];
  try {
    const port = portOf(server);
    for (let i = 0; i < 2; i++) slow.push(slowConnection(port, '127.0.0.2', 2000));
    await waitFor(() => slow.every((c) => c.connected), 5000, 'the connections');
    await sleep(200);
    const third = await timedRequest(port, '127.0.0.2', '/api/v1/health');
    assert.equal(third.status, 503);
    assert.equal((await timedRequest(port, '127.0.0.3', '/api/v1/health')).status, 200);
  } finally {
    for (const c of slow) c.stop();
    await server.stop();
  }
});
