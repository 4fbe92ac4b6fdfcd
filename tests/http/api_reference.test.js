// The API reference page at /api/reference: the page, its own script and stylesheet,
// and the Swagger UI the build copies beside it (docs/web-app.md#the-api-reference-page).
// Served under the app's Content-Security-Policy: no inline script, no 'unsafe-eval'.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');

let server;
test.before(async () => {
  server = await startServer();
});
test.after(() => server.stop());

/** The script and stylesheet addresses an HTML page loads. */
function assetsOf(html) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => /src="([^"]+)"/.exec(m[1]));
  const styles = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return { scripts, styles };
}

test('the page is served at /api/reference, with and without the trailing slash', async () => {
  for (const address of ['/api/reference', '/api/reference/']) {
    const res = await fetch(server.url(address));
    assert.equal(res.status, 200, address);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    const html = await res.text();
    assert.match(html, /<title>API reference · Hawzu<\/title>/);
    assert.match(html, /id="swagger-ui"/);
  }
});

test('the page runs under the CSP without unsafe-eval and has no inline script', async () => {
  const res = await fetch(server.url('/api/reference'));
  const csp = res.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  // Under /api every answer is no-store, and only that (no second Cache-Control).
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const html = await res.text();
  const { scripts } = assetsOf(html);
  assert.ok(scripts.length >= 2);
  for (const src of scripts) assert.ok(src, 'every <script> has a src (no inline script)');
  assert.doesNotMatch(html, /\son[a-z]+="/, 'no inline event handlers');
  assert.doesNotMatch(html, /style="/, 'no inline style');
});

test('every script and stylesheet of the page is served, precompressed when asked', async () => {
  const html = await (await fetch(server.url('/api/reference'))).text();
  const { scripts, styles } = assetsOf(html);
  const assets = [
    ...scripts.map((m) => [m[1], 'text/javascript; charset=utf-8']),
    ...styles.map((href) => [href, 'text/css; charset=utf-8']),
  ];
  assert.deepEqual(assets.map(([a]) => a).sort(), [
    '/api/reference/reference.css',
    '/api/reference/reference.js',
    '/api/reference/swagger-ui/swagger-ui-bundle.js',
    '/api/reference/swagger-ui/swagger-ui.css',
  ]);
  for (const [address, type] of assets) {
    const res = await fetch(server.url(address), { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.status, 200, address);
    assert.equal(res.headers.get('content-type'), type, address);
    assert.equal(res.headers.get('content-encoding'), 'gzip', address);
    const text = await res.text();  // fetch undoes the gzip
    assert.ok(text.length > 100, `${address}: ${text.length} characters`);
  }
  const bundle = await (await fetch(server.url('/api/reference/swagger-ui/swagger-ui-bundle.js'))).text();
  assert.match(bundle, /SwaggerUIBundle/);
  // Swagger UI's licence travels with it.
  const license = await fetch(server.url('/api/reference/swagger-ui/LICENSE'));
  assert.equal(license.status, 200);
  assert.match(await license.text(), /Apache License/);
});

test("the page's script draws the server's own OpenAPI document, read-only", async () => {
  const script = await (await fetch(server.url('/api/reference/reference.js'))).text();
  assert.match(script, /url: '\/api\/v1\/openapi\.json'/);
  assert.match(script, /supportedSubmitMethods: \[\]/);
  assert.match(script, /validatorUrl: null/);
  const document = await fetch(server.url('/api/v1/openapi.json'));
  assert.equal(document.status, 200);
  assert.equal((await document.json()).openapi.slice(0, 3), '3.1');
});

test('nothing else under /api is a file', async () => {
  for (const address of ['/api/reference/missing.js', '/api/index.html', '/api/v1/index.html', '/api/reference/../index.html']) {
    const res = await fetch(server.url(address));
    assert.equal(res.status, 404, address);
    assert.equal(res.headers.get('content-type'), 'application/problem+json', address);
  }
  const post = await fetch(server.url('/api/reference'), { method: 'POST', headers: { 'content-length': '0' } });
  assert.equal(post.status, 404);
});
