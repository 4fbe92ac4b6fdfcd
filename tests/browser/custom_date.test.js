// Custom Date opens a calendar; days before today cannot be chosen; the token then
// expires at the end of the chosen local day.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

test('the calendar refuses past days and sets the end of the chosen day', async (t) => {
  const { server, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });

  await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
  await page.keyboard.type('Quarterly Report');
  await b.choose(page, { role: 'combo', label: 'Workspace Scope' }, 'Workspace Viewer');
  await b.choose(page, { role: 'combo', label: 'Expiry' }, 'Custom Date');

  // Choosing Custom Date opens the calendar on the current month.
  const today = await page.evaluate(() => new Date().getDate());
  const todayButton = await b.waitForItem(page, { role: 'day', label: String(today) });
  assert.equal(todayButton.enabled, true);
  if (today > 1) {
    const yesterday = await b.find(page, { role: 'day', label: String(today - 1) });
    assert.equal(yesterday.enabled, false);
    assert.equal((await b.find(page, { role: 'day', label: '1' })).enabled, false);
  }
  assert.equal((await b.find(page, { role: 'button', label: 'Previous month' })).enabled, false);
  assert.equal((await b.find(page, { role: 'button', label: 'Create Token', within: 'Create Access Token' })).enabled, false);

  // Next month: every day can be chosen. Take the 15th.
  await b.clickItem(page, { role: 'button', label: 'Next month' });
  assert.equal((await b.find(page, { role: 'day', label: '1' })).enabled, true);
  await b.clickItem(page, { role: 'day', label: '15' });
  await b.waitForNoItem(page, { role: 'day', label: '15' });
  await b.waitForItem(page, { role: 'text', label: /^Works until the end of / });

  await b.clickItem(page, { role: 'button', label: 'Create Token', enabled: true, within: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Access Token Created' });
  await b.clickItem(page, { role: 'button', label: 'Done' });

  const [token] = await b.listTokens(page, server.baseUrl);
  const expected = await page.evaluate(() => {
    const now = new Date();
    const end = new Date(now.getFullYear(), now.getMonth() + 1, 15, 23, 59, 59);
    return end.toISOString().replace(/\.\d+Z$/, 'Z');
  });
  assert.equal(token.expires_at, expected);
});
