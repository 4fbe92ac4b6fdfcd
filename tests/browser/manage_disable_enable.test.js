// Disable from a row's actions menu stops the token at once (the API answers its Bearer
// requests with 401); a disabled token offers neither Edit nor Revoke; Enable from the
// details window makes the same token work again.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

const NAME = 'Nightly Automation';

async function badgeOfRow(page, name) {
  const badge = (await b.rowItems(page, name)).find((item) => item.role === 'badge');
  return badge ? badge.label : null;
}

async function waitForRowBadge(page, name, wanted) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const badge = await badgeOfRow(page, name);
    if (badge === wanted) return;
    if (Date.now() > deadline) throw new Error(`row ${name} shows badge ${badge}, wanted ${wanted}`);
    await page.waitForTimeout(50);
  }
}

test('disable from the row menu, enable from the details window', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });

  const { token, accessToken } = await b.createTokenViaApi(page, server.baseUrl, {
    name: NAME,
    workspace_role: 'workspace_member',
  });
  const self = () => b.bearer(server.baseUrl, token, 'GET', '/api/v1/access-tokens/self');
  const before = await self();
  assert.equal(before.status, 200);
  assert.equal(before.body.name, NAME);

  await b.reloadApp(page);
  await b.waitForItem(page, { role: 'row', label: NAME });
  await waitForRowBadge(page, NAME, 'Active');

  // Disable through the row's ⋯ menu.
  await b.clickItem(page, { role: 'button', label: `Actions for ${NAME}` });
  await b.clickItem(page, { role: 'menuitem', label: 'Disable' });
  await b.waitForItem(page, { role: 'text', label: /“Nightly Automation” is disabled\. It stops working at once\./ });
  await waitForRowBadge(page, NAME, 'Disabled');
  assert.equal(await b.find(page, { role: 'window', label: 'Access Token Details' }), null,
    'disabling from the menu opens no window');

  // The server agrees, and the token stops working at once.
  const [listed] = await b.listTokens(page, server.baseUrl);
  assert.equal(listed.id, accessToken.id);
  assert.equal(listed.status, 'disabled');
  const whileDisabled = await self();
  assert.equal(whileDisabled.status, 401);

  // A disabled token's menu offers only View details and Enable.
  await b.clickItem(page, { role: 'button', label: `Actions for ${NAME}` });
  await b.waitForItem(page, { role: 'menuitem', label: 'Enable' });
  const menu = (await b.findAll(page, { role: 'menuitem' }))
    .map((item) => item.label);
  assert.deepEqual(menu, ['View details', 'Enable']);
  await page.keyboard.press('Escape');
  await b.waitForNoItem(page, { role: 'menuitem', label: 'View details' });

  // The details window: the callout, Enable, and no Edit or Revoke.
  await b.clickItem(page, { role: 'row', label: NAME });
  const within = 'Access Token Details';
  await b.waitForItem(page, { role: 'window', label: within });
  await b.waitForItem(page, { role: 'text', label: 'This token is disabled', within });
  const badge = await b.find(page, { role: 'badge', within });
  assert.equal(badge.label, 'Disabled');
  const buttons = (await b.findAll(page, { role: 'button', within })).map((item) => item.label);
  assert.ok(buttons.includes('Enable'), buttons.join(' | '));
  assert.ok(!buttons.includes('Edit'), buttons.join(' | '));
  assert.ok(!buttons.includes('Revoke…'), buttons.join(' | '));
  assert.ok(!buttons.includes('Disable'), buttons.join(' | '));

  await b.clickItem(page, { role: 'button', label: 'Enable', within });
  await b.waitForItem(page, { role: 'text', label: /“Nightly Automation” is enabled again\./ });
  await b.waitForItem(page, { role: 'badge', label: 'Active', within });
  await b.waitForNoItem(page, { role: 'text', label: 'This token is disabled' });
  const after = (await b.findAll(page, { role: 'button', within })).map((item) => item.label);
  for (const label of ['Revoke…', 'Disable', 'Edit']) assert.ok(after.includes(label), after.join(' | '));

  const again = await self();
  assert.equal(again.status, 200);
  assert.equal(again.body.status, 'enabled');

  // Close (the footer button, the lower of the two) and the row says Active too.
  const closes = await b.findAll(page, { role: 'button', label: 'Close', within });
  await b.clickItem(page, closes[closes.length - 1]);
  await b.waitForNoItem(page, { role: 'window', label: within });
  await waitForRowBadge(page, NAME, 'Active');
  assert.deepEqual(browser.errors, []);
});
