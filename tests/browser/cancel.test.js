// Cancel, Esc and the close button leave the create window without creating anything.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

async function openAndFill(page, name) {
  await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
  await page.keyboard.type(name);
  await b.choose(page, { role: 'combo', label: 'Workspace Scope' }, 'Workspace Viewer');
  await b.waitForItem(page, { role: 'button', label: 'Create Token', enabled: true, within: 'Create Access Token' });
}

test('Cancel, Esc and Close create nothing', async (t) => {
  const { server, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });

  await openAndFill(page, 'CI Runner');
  await b.clickItem(page, { role: 'button', label: 'Cancel' });
  await b.waitForNoItem(page, { role: 'window', label: 'Create Access Token' });

  await openAndFill(page, 'CI Runner');
  // Esc on an open list closes only the list; a second Esc closes the window.
  await b.clickItem(page, { role: 'combo', label: 'Expiry' });
  await b.waitForItem(page, { role: 'option', label: '1 Year' });
  await page.keyboard.press('Escape');
  await b.settle(page);
  await b.waitForNoItem(page, { role: 'option', label: '1 Year' });
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
  await page.keyboard.press('Escape');
  await b.settle(page);
  await b.waitForNoItem(page, { role: 'window', label: 'Create Access Token' });

  await openAndFill(page, 'CI Runner');
  await b.clickItem(page, { role: 'button', label: 'Close' });
  await b.waitForNoItem(page, { role: 'window', label: 'Create Access Token' });

  // Still the empty state, and the API agrees.
  await b.waitForItem(page, { role: 'text', label: 'No access tokens yet' });
  assert.deepEqual(await b.listTokens(page, server.baseUrl), []);

  // Reopening starts from a clean form.
  await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
  await b.waitForItem(page, { role: 'combo', label: 'Workspace Scope' });
  assert.equal((await b.find(page, { role: 'button', label: 'Create Token', within: 'Create Access Token' })).enabled, false);
  await b.waitForItem(page, { role: 'text', label: 'Enter a token name.' });
});
