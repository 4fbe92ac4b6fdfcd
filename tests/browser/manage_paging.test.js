// The table loads the first page of tokens (100) and asks for the next one as its end
// scrolls into view: with 130 tokens, scrolling down with the mouse wheel reaches the
// oldest, and nothing is left loading.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

test('scrolling to the end of the table loads the next pages', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });
  const workspace = await b.workspaceId(page, server.baseUrl);
  const COUNT = 130;
  const name = (i) => `Bulk token ${String(i).padStart(3, '0')}`;
  // The first alone, so it is the oldest (the default sort is newest first).
  await b.createTokenViaApi(page, server.baseUrl, { name: name(1), workspace_role: 'workspace_viewer' }, workspace);
  let next = 2;
  const worker = async () => {
    while (next <= COUNT) {
      const i = next++;
      await b.createTokenViaApi(page, server.baseUrl, { name: name(i), workspace_role: 'workspace_viewer' }, workspace);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));

  const pages = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === `/api/v1/workspace/${workspace}/access-tokens`) pages.push(url.searchParams);
  });
  await b.reloadApp(page);
  await b.waitForItem(page, { role: 'row', label: name(COUNT) });
  assert.equal(pages.length, 1);
  assert.equal(pages[0].get('cursor'), null);
  assert.equal(pages[0].get('limit'), '100');
  const oldest = { role: 'row', label: name(1) };
  assert.equal(await b.find(page, oldest), null);

  // Scroll with the mouse wheel over the table until the oldest token shows.
  const table = await b.waitForItem(page, { role: 'columnheader', label: 'Label' });
  await page.mouse.move(table.x + 200, table.y + 200);
  const deadline = Date.now() + 30000;
  while (!(await b.find(page, oldest))) {
    if (Date.now() > deadline) {
      throw new Error(`never reached ${name(1)}; rows in view: ${(await b.rowLabels(page)).join(', ')}`);
    }
    await page.mouse.wheel(0, 1500);
    await b.settle(page);
  }
  // At the very end: nothing more to load, and the last rows are the oldest ones.
  const rows = await b.rowLabels(page);
  assert.equal(rows[rows.length - 1], name(1));
  assert.equal(await b.find(page, { role: 'text', label: /Loading more tokens/ }), null);
  assert.equal(await b.find(page, { role: 'text', label: /could not be loaded/ }), null);
  // One more page was asked for, with the first page's cursor.
  assert.equal(pages.length, 2);
  assert.ok(pages[1].get('cursor'), 'the second request carries a cursor');
  assert.deepEqual(browser.errors, []);
});
