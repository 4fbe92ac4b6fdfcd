// The server process itself: flags, start-up, static files, health, shutdown.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { startServer, runServerCommand, siteDir } = require('../support/server');
const { assertRawExchangeConforms } = require('../support/openapi_check');

test('GET /api/v1/health answers {"status":"ok"} with no-store', async () => {
  const server = await startServer();
  try {
    const res = await fetch(server.url('/api/v1/health'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await res.json(), { status: 'ok' });
  } finally {
    await server.stop();
  }
});

test('security headers are on every response', async () => {
  const server = await startServer();
  try {
    for (const p of ['/api/v1/health', '/', '/api/v1/does-not-exist']) {
      const res = await fetch(server.url(p));
      const csp = res.headers.get('content-security-policy');
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, p);
      assert.match(csp, /frame-ancestors 'none'/, p);
      assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/, p);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', p);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', p);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', p);
    }
  } finally {
    await server.stop();
  }
});

test('unknown API paths answer 404 problem+json', async () => {
  const server = await startServer();
  try {
    const res = await fetch(server.url('/api/v1/nothing-here'));
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
    const body = await res.json();
    assert.equal(body.status, 404);
    assert.equal(body.code, 'not_found');
    assert.ok(Array.isArray(body.errors));
  } finally {
    await server.stop();
  }
});

test('the web app is served with the right MIME types and gzip', async (t) => {
  if (!fs.existsSync(path.join(siteDir, 'app.wasm'))) {
    t.skip('web app not built');
    return;
  }
  const server = await startServer();
  try {
    const index = await fetch(server.url('/'));
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type'), /^text\/html/);
    assert.match(await index.text(), /app\.js/);

    const wasm = await fetch(server.url('/app.wasm'), { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.equal(wasm.headers.get('content-encoding'), 'gzip');
    const bytes = new Uint8Array(await wasm.arrayBuffer()); // fetch decompresses
    assert.deepEqual([...bytes.slice(0, 4)], [0x00, 0x61, 0x73, 0x6d]); // "\0asm"

    const etag = wasm.headers.get('etag');
    const again = await fetch(server.url('/app.wasm'), {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': etag },
    });
    assert.equal(again.status, 304);

    const js = await fetch(server.url('/app.js'));
    assert.match(js.headers.get('content-type'), /^text\/javascript/);
  } finally {
    await server.stop();
  }
});

test('path traversal and hidden files are not served', async () => {
  const server = await startServer();
  try {
    for (const p of ['/../etc/passwd', '/%2e%2e/etc/passwd', '/.gitignore', '/a//b', '/%00']) {
      const res = await fetch(server.url(p));
      assert.ok(res.status === 404 || res.status === 400, `${p} -> ${res.status}`);
    }
  } finally {
    await server.stop();
  }
});

test('request guards: chunked, compressed, body on GET, wrong content type', async () => {
  const server = await startServer();
  try {
    const res1 = await fetch(server.url('/api/v1/health'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    assert.equal(res1.status, 415);

    const res2 = await rawRequest(
      server.baseUrl,
      'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
    );
    assert.match(res2, /^HTTP\/1\.1 411/);

    const res3 = await rawRequest(
      server.baseUrl,
      'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}',
    );
    assert.match(res3, /^HTTP\/1\.1 400/);

    const res4 = await rawRequest(
      server.baseUrl,
      'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}',
    );
    assert.match(res4, /^HTTP\/1\.1 415/);

    const big = 'x'.repeat(70 * 1024);
    const res5 = await fetch(server.url('/api/v1/session'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: big, password: big }),
    });
    assert.equal(res5.status, 413);
  } finally {
    await server.stop();
  }
});

test('every request is one JSON access-log line without the query string', async () => {
  const server = await startServer();
  try {
    await fetch(server.url('/api/v1/health?secret=abc'));
    await new Promise((r) => setTimeout(r, 100));
    const line = server.logLines().find((l) => l.path === '/api/v1/health');
    assert.ok(line, server.output.stdout);
    assert.equal(line.method, 'GET');
    assert.equal(line.status, 200);
    assert.equal(typeof line.duration_ms, 'number');
    assert.ok(line.time);
    assert.ok(!server.output.stdout.includes('secret=abc'));
  } finally {
    await server.stop();
  }
});

test('SIGTERM and SIGINT stop the server cleanly with exit code 0', async () => {
  for (const signal of ['SIGTERM', 'SIGINT']) {
    const server = await startServer();
    const exit = await server.stop(signal);
    assert.equal(exit.code, 0, `${signal}: ${server.output.stderr}`);
    assert.match(server.output.stdout, /"stopped"/);
  }
});

test('bad flags, unusable data directory and busy port fail clearly', async () => {
  const badFlag = await runServerCommand(['--nope']);
  assert.equal(badFlag.code, 2);
  assert.match(badFlag.stderr, /unknown option '--nope'/);
  assert.match(badFlag.stderr, /Usage: hawzu-server/);

  const badListen = await runServerCommand(['--listen', 'localhost']);
  assert.equal(badListen.code, 2);
  assert.match(badListen.stderr, /--listen/);

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-test-')), 'plain-file');
  fs.writeFileSync(file, 'x');
  const badData = await runServerCommand(['--data', file, '--listen', '127.0.0.1:0']);
  assert.equal(badData.code, 1);
  assert.match(badData.stderr, /unusable data directory/);

  const blocker = net.createServer();
  await new Promise((r) => blocker.listen(0, '127.0.0.1', r));
  const busyPort = blocker.address().port;
  try {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-test-'));
    const busy = await runServerCommand(['--data', dataDir, '--listen', `127.0.0.1:${busyPort}`]);
    assert.equal(busy.code, 1);
    assert.match(busy.stderr, /cannot listen on 127\.0\.0\.1:\d+/);
  } finally {
    blocker.close();
  }
});

/** Sends raw bytes and resolves the first chunk of the answer (checked against the
 * OpenAPI document, as fetch answers are). */
function rawRequest(baseUrl, text) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(text));
    let answer = '';
    socket.on('data', (d) => {
      answer += d;
      if (answer.includes('\r\n\r\n')) {
        socket.destroy();
        try {
          assertRawExchangeConforms(text, answer);
          resolve(answer);
        } catch (error) {
          reject(error);
        }
      }
    });
    socket.on('error', reject);
    setTimeout(() => {
      socket.destroy();
      resolve(answer);
    }, 3000);
  });
}
