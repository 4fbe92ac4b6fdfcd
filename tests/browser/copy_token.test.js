// Copy puts exactly the new token on the system clipboard, and that token then
// authenticates the Hawzu API.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

test('Copy puts the token on the clipboard and the token works', async (t) => {
  const { server, page, context } = await b.startBrowserTest(t, { browser: { grantClipboardTo: null } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: server.baseUrl,
  });
  await b.signIn(page, server.baseUrl, 'owner@acme.test');

  await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
  await page.keyboard.type('CI Runner');
  await b.choose(page, { role: 'combo', label: 'Workspace Scope' }, 'Workspace Member');
  await b.clickItem(page, { role: 'button', label: 'Create Token', enabled: true, within: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Access Token Created' });

  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await b.clickItem(page, { role: 'button', label: 'Copy' });
  await b.waitForItem(page, { role: 'button', label: 'Copied' });
  const token = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(token, /^hwz_[0-9A-Za-z]{42}$/);

  const [listed] = await b.listTokens(page, server.baseUrl);
  assert.ok(token.startsWith(listed.identifier), 'the copied token is the listed one');

  // After Done the value is gone from the page: not on screen, and not anywhere in the
  // WebAssembly heap (HEAPU8 is Emscripten's view of it, a page global at -O2).
  await b.clickItem(page, { role: 'button', label: 'Done' });
  await b.waitForNoItem(page, { role: 'window', label: 'Access Token Created' });
  const shown = (await b.items(page)).some((item) => item.label.includes(token));
  assert.equal(shown, false);
  const copiesInHeap = await page.evaluate((secret) => {
    const heap = HEAPU8;
    const needle = new TextEncoder().encode(secret.slice(4));  // without the common prefix
    let copies = 0;
    outer: for (let i = 0; i + needle.length <= heap.length; ++i) {
      for (let j = 0; j < needle.length; ++j) if (heap[i + j] !== needle[j]) continue outer;
      ++copies;
    }
    return copies;
  }, token);
  assert.equal(copiesInHeap, 0);

  // The copied token authenticates the Hawzu API.
  const self = await fetch(server.url('/api/v1/access-tokens/self'), {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(self.status, 200);
  const body = await self.json();
  assert.equal(body.name, 'CI Runner');
});
