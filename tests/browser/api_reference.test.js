// The API reference: the top bar's "API reference" link opens /api/reference in a new
// tab, where Swagger UI draws the server's OpenAPI document under the app's
// Content-Security-Policy (no inline script, no 'unsafe-eval') and calls nothing but this
// server.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const os = require('node:os');
const b = require('./lib/browser');

test('the top bar opens the API reference, which renders every operation', async (t) => {
  const { server, browser, page, context } = await b.startBrowserTest(t, {
    signInAs: 'owner@acme.test',
    browser: { deviceScaleFactor: 2 },
  });

  // Listened for on the whole browser context, so nothing the new tab does is missed.
  const violations = [];
  const foreign = [];
  context.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  context.on('weberror', (error) => violations.push(String(error.error())));
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server.baseUrl) && !url.startsWith('data:')) foreign.push(url);
  });

  const opened = context.waitForEvent('page');
  await b.clickItem(page, { role: 'button', label: 'API reference' });
  const reference = await opened;

  await reference.waitForLoadState('load');
  assert.equal(new URL(reference.url()).pathname, '/api/reference');
  await reference.waitForSelector('.swagger-ui .info .title', { timeout: 20000 });
  await reference.waitForSelector('.swagger-ui .opblock', { timeout: 20000 });

  const title = await reference.textContent('.swagger-ui .info .title');
  const documentTitle = (await (await fetch(server.url('/api/v1/openapi.json'))).json()).info.title;
  assert.ok(title.includes(documentTitle), `title "${title}" shows "${documentTitle}"`);

  // One block per operation of the document.
  const document = await (await fetch(server.url('/api/v1/openapi.json'))).json();
  const operations = Object.values(document.paths)
    .flatMap((item) => Object.keys(item).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)));
  const blocks = await reference.locator('.swagger-ui .opblock').count();
  assert.equal(blocks, operations.length);

  // Read-only: no "Try it out".
  await reference.locator('.swagger-ui .opblock-summary').first().click();
  await reference.waitForSelector('.swagger-ui .opblock-body');
  assert.equal(await reference.locator('.swagger-ui .try-out__btn').count(), 0);

  const shot = path.join(os.tmpdir(), 'hawzu-api-reference.png');
  await reference.screenshot({ path: shot });
  t.diagnostic(`screenshot: ${shot}`);

  assert.deepEqual(violations, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(browser.errors, []);
});
