// The usage section of a token's details (docs/web-app.md#token-usage): after a few Bearer
// calls, the details show where the token was last used from, its recent calls, and a
// 30-day chart whose bar for today says its requests and errors, in a tooltip on hover and
// in the accessibility mirror (a figure of named bars, a list of calls). An unused token
// says so instead.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

test('token usage in the details window', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });
  const workspace = await b.workspaceId(page, server.baseUrl);
  const { token, accessToken } = await b.createTokenViaApi(
    page,
    server.baseUrl,
    { name: 'Nightly Sync', workspace_role: 'workspace_viewer' },
    workspace,
  );
  await b.createTokenViaApi(page, server.baseUrl, { name: 'Never Used', workspace_role: 'workspace_viewer' }, workspace);
  for (let i = 0; i < 4; i++) {
    assert.equal((await b.bearer(server.baseUrl, token, 'GET', `/api/v1/workspace/${workspace}/projects`)).status, 200);
  }
  assert.equal((await b.bearer(server.baseUrl, token, 'GET', `/api/v1/workspace/${workspace}/project/999999`)).status, 404);
  // The server writes usage about once a second: wait until it shows.
  const usagePath = `${server.baseUrl}/api/v1/workspace/${workspace}/access-tokens/${accessToken.id}/usage`;
  for (let i = 0; i < 100; i++) {
    const usage = await b.apiGet(page, usagePath);
    if (usage.status === 200 && usage.body.recent.length === 5) break;
    await page.waitForTimeout(100);
  }
  await b.reloadApp(page);

  await b.clickItem(page, { role: 'row', label: 'Nightly Sync' });
  await b.waitForItem(page, { role: 'text', label: 'Last used from' });
  await b.waitForItem(page, { role: 'text', label: '127.0.0.1' });
  await b.waitForItem(page, { role: 'text', label: 'Recent calls (5)' });
  const calls = await b.findAll(page, { role: 'listitem' });
  assert.ok(calls.length >= 3, 'the newest calls are in view');
  assert.match(calls[0].label, /GET \/api\/v1\/workspace\/\{wid\}\/project\/\{pid\} · 404 · from 127\.0\.0\.1/);
  assert.match(calls[1].label, /GET \/api\/v1\/workspace\/\{wid\}\/projects · 200/);

  // Today's bar: hovering it shows the day's counts.
  const today = new Date().toISOString().slice(0, 10);
  const bar = await b.waitForItem(page, { role: 'bar', label: `${today}: 5 requests, 1 error` });
  const bars = await b.findAll(page, { role: 'bar' });
  assert.equal(bars.length, 30);
  await page.mouse.move(bar.x + bar.w / 2, bar.y + bar.h - 4);
  await b.settle(page);
  await b.waitForItem(page, { role: 'text', label: '5 requests' });
  await b.waitForItem(page, { role: 'text', label: '1 error' });

  // The mirror: a named figure of bars, and the list of calls.
  const figure = page.getByRole('figure', { name: 'Requests per day, last 30 days (UTC)' });
  await figure.waitFor({ state: 'attached' });
  assert.equal(await figure.getByRole('img').count(), 30);
  await figure.getByRole('img', { name: `${today}: 5 requests, 1 error` }).waitFor({ state: 'attached' });
  const list = page.getByRole('list', { name: 'Recent calls' });
  assert.ok((await list.getByRole('listitem').count()) >= 3);

  // A token never used says so.
  await page.keyboard.press('Escape');
  await b.waitForNoItem(page, { role: 'text', label: 'Recent calls (5)' });
  await b.clickItem(page, { role: 'row', label: 'Never Used' });
  await b.waitForItem(page, { role: 'text', label: 'No calls in the last 30 days' });
  assert.equal(await b.find(page, { role: 'bar' }), null);
  assert.deepEqual(browser.errors, []);
});
