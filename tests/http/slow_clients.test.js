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

test('300 slow connections from one address do not keep another address from being served', async () => {
  const server = await startServer({ demo: true });
  const slow = [];
  try {
    const port = portOf(server);
    const owner = await signIn(server, 'owner@acme.test');
    const { token } = await createToken(server, owner, owner.workspaces[0].id, {
      name: 'slow clients',
      workspace_role: 'workspace_viewer',
    });

    for (let i = 0; i < SLOW_CONNECTIONS; i++) slow.push(slowConnection(port, '127.0.0.2', 3000));
    await waitFor(() => slow.every((c) => c.connected || c.closed), 10000, 'the slow connections');
    // Those over the cap are answered at once and closed; the rest are held.
    await waitFor(() => slow.filter((c) => c.closed).length >= SLOW_CONNECTIONS - CAP, 5000,
      'the connections over the cap to be refused');
    await sleep(500);
    const refused = slow.filter((c) => c.closed);
    const held = slow.filter((c) => !c.closed);
    assert.equal(held.length, CAP, 'connections held');
    for (const c of refused) {
      assert.match(c.answer, /^HTTP\/1\.1 503 /);
      assert.match(c.answer, /\r\nRetry-After: \d+\r\n/);
      assert.match(c.answer, /"code":"too_many_connections"/);
    }

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
    const capped = await timedRequest(port, '127.0.0.2', '/api/v1/health');
    assert.equal(capped.status, 503);
    assert.ok(Number(capped.headers['retry-after']) >= 1);
    console.log(
      `held ${held.length}, refused ${refused.length}; other address: ${latencies.length} ` +
        `requests, slowest ${Math.max(...latencies).toFixed(1)} ms`,
    );

    // Once its connections close, the slow address is served again.
    for (const c of slow) c.stop();
    let again;
    for (let attempt = 0; attempt < 40; attempt++) {
      again = await timedRequest(port, '127.0.0.2', '/api/v1/health');
      if (again.status === 200) break;
      await sleep(100);
    }
    assert.equal(again.status, 200);
  } finally {
    for (const c of slow) c.stop();
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
