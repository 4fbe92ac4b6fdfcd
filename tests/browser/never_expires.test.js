// Never Expires shows a security warning, and the table then says "Never".
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

test('Never Expires warns, and the token has no expiry', async (t) => {
  const { server, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });

  await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
  await page.keyboard.type('Nightly Automation');
  await b.choose(page, { role: 'combo', label: 'Workspace Scope' }, 'Workspace Coordinator');

  assert.equal(await b.find(page, { role: 'text', label: /never expires/i }), null);
  await b.clickItem(page, { role: 'combo', label: 'Expiry' });
  const kinds = (await b.findAll(page, { role: 'option' })).map((o) => o.label);
  assert.deepEqual(kinds, ['1 Week', '1 Month', '6 Months', '1 Year', 'Custom Date', 'Never Expires']);
  await b.clickItem(page, { role: 'option', label: 'Never Expires' });

  await b.waitForItem(page, { role: 'text', label: 'This token never expires' });
  const advice = await b.waitForItem(page, { role: 'text', label: /Keep it safe/ });
  assert.match(advice.label, /rotate it regularly/);

  // Another choice takes the warning away again.
  await b.choose(page, { role: 'combo', label: 'Expiry' }, '1 Month');
  await b.waitForNoItem(page, { role: 'text', label: 'This token never expires' });
  await b.choose(page, { role: 'combo', label: 'Expiry' }, 'Never Expires');
  await b.waitForItem(page, { role: 'text', label: 'This token never expires' });

  await b.clickItem(page, { role: 'button', label: 'Create Token', enabled: true, within: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Access Token Created' });
  await b.clickItem(page, { role: 'button', label: 'Done' });
  const row = await b.waitForItem(page, { role: 'row', label: 'Nightly Automation' });
  const never = await b.find(page, { role: 'text', label: 'Never' });
  assert.ok(never && never.y >= row.y && never.y <= row.y + row.h, 'Expires shows Never');

  const [token] = await b.listTokens(page, server.baseUrl);
  assert.equal(token.expires_at, null);
});
