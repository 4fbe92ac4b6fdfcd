// Under TLS the session cookie is Secure and the server's own origin is https.
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
    assert.match(setCookie, /; HttpOnly; SameSite=Strict; Secure$/);
    assert.match(res.headers['strict-transport-security'], /max-age=/);

    const cookie = setCookie.split(';')[0];
    const signOut = await request(server.baseUrl, 'DELETE', '/api/v1/session', {
      headers: { cookie, 'x-requested-with': 'hawzu-web' } });
    assert.equal(signOut.status, 204);
    assert.match(signOut.headers['set-cookie'][0], /^hawzu_session=; Max-Age=0;.*; Secure$/);
  } finally {
    await server.stop();
  }
});
