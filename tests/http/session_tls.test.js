// Under TLS the session cookie is `__Host-hawzu_session` (Secure, Path=/, no Domain) and
// the server's own origin is https. A request with two session cookies is refused (400).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const https = require('node:https');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startServer } = require('../support/server');
const { assertConforms } = require('../support/openapi_check');

function selfSignedCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-tls-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1',
    '-days', '1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert, key };
}

/** One HTTPS request that accepts the self-signed certificate. */
function request(baseUrl, method, urlPath, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request(baseUrl + urlPath, { method, headers, rejectUnauthorized: false }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        const answer = { status: res.statusCode, headers: res.headers, text };
        try {
          assertConforms({ method, url: urlPath, status: answer.status, headers: res.headers, bodyText: text });
        } catch (error) {
          reject(error);
          return;
        }
        resolve(answer);
      });
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

test('over HTTPS the cookie is Secure, and the https origin is the server\'s own', async () => {
  const { cert, key } = selfSignedCertificate();
  const server = await startServer({ demo: true, args: ['--tls-cert', cert, '--tls-key', key] });
  try {
    assert.match(server.baseUrl, /^https:\/\//);
    const body = JSON.stringify({ email: 'owner@acme.test', password: 'hawzu-demo' });
    const headers = { 'content-type': 'application/json', 'x-requested-with': 'hawzu-web', 'content-length': Buffer.byteLength(body) };

    const plainOrigin = await request(server.baseUrl, 'POST', '/api/v1/session', {
      headers: { ...headers, origin: server.baseUrl.replace('https:', 'http:') }, body });
    assert.equal(plainOrigin.status, 403);

    const res = await request(server.baseUrl, 'POST', '/api/v1/session', {
      headers: { ...headers, origin: server.baseUrl }, body });
    assert.equal(res.status, 200, res.text);
    const setCookie = res.headers['set-cookie'][0];
    assert.match(setCookie, /^__Host-hawzu_session=[A-Za-z0-9_-]{43}; /);
    assert.match(setCookie, /; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
    assert.doesNotMatch(setCookie, /Domain=/i);
    assert.match(res.headers['strict-transport-security'], /max-age=/);

    const cookie = setCookie.split(';')[0];
    const signOut = await request(server.baseUrl, 'DELETE', '/api/v1/session', {
      headers: { cookie, 'x-requested-with': 'hawzu-web' } });
    assert.equal(signOut.status, 204);
    assert.match(signOut.headers['set-cookie'][0], /^__Host-hawzu_session=; Max-Age=0;.*; Secure$/);
  } finally {
    await server.stop();
  }
});

test('over HTTPS only __Host-hawzu_session counts, and two of them are refused', async () => {
  const { cert, key } = selfSignedCertificate();
  const server = await startServer({ demo: true, args: ['--tls-cert', cert, '--tls-key', key] });
  try {
    const body = JSON.stringify({ email: 'owner@acme.test', password: 'hawzu-demo' });
    const res = await request(server.baseUrl, 'POST', '/api/v1/session', {
      headers: { 'content-type': 'application/json', 'x-requested-with': 'hawzu-web',
        'content-length': Buffer.byteLength(body), origin: server.baseUrl }, body });
    assert.equal(res.status, 200, res.text);
    const value = /^__Host-hawzu_session=([^;]+)/.exec(res.headers['set-cookie'][0])[1];

    const ok = await request(server.baseUrl, 'GET', '/api/v1/session', {
      headers: { cookie: `__Host-hawzu_session=${value}` } });
    assert.equal(ok.status, 200);
    // A cookie without the prefix (which a sibling site or plain http could plant) is
    // not the session cookie under TLS.
    const plain = await request(server.baseUrl, 'GET', '/api/v1/session', {
      headers: { cookie: `hawzu_session=${value}` } });
    assert.equal(plain.status, 401);

    const other = 'A'.repeat(43);
    for (const cookie of [`__Host-hawzu_session=${value}; __Host-hawzu_session=${other}`,
      `__Host-hawzu_session=${other}; __Host-hawzu_session=${value}`]) {
      const two = await request(server.baseUrl, 'GET', '/api/v1/session', { headers: { cookie } });
      assert.equal(two.status, 400, cookie);
      assert.equal(JSON.parse(two.text).code, 'duplicate_session_cookie');
      const list = await request(server.baseUrl, 'GET', '/api/v1/workspace/1/access-tokens', {
        headers: { cookie } });
      assert.equal(list.status, 400);
    }
  } finally {
    await server.stop();
  }
});

test('without TLS, two hawzu_session cookies are refused as well', async () => {
  const server = await startServer({ demo: true });
  try {
    const res = await fetch(server.url('/api/v1/session'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'hawzu-web' },
      body: JSON.stringify({ email: 'owner@acme.test', password: 'hawzu-demo' }),
    });
    const cookie = res.headers.getSetCookie()[0].split(';')[0];
    assert.match(cookie, /^hawzu_session=/);
    assert.equal((await fetch(server.url('/api/v1/session'), { headers: { cookie } })).status, 200);
    const two = await fetch(server.url('/api/v1/session'), {
      headers: { cookie: `${cookie}; hawzu_session=${'B'.repeat(43)}` } });
    assert.equal(two.status, 400);
    assert.equal((await two.json()).code, 'duplicate_session_cookie');
  } finally {
    await server.stop();
  }
});
