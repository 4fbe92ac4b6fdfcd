// Rotate from a row's actions menu: the rotate window offers the overlap (24 hours by
// default) and says until when the current value keeps working; Rotate Token shows the
// new value once, with Copy; the table then says "Previous value works until …", and
// both values authenticate the Hawzu API during the overlap.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

const NAME = 'Nightly Sync';
const WINDOW = 'Rotate Access Token';
const CREATED = 'Access Token Created';

test('rotate from the row menu with an overlap; both values work', async (t) => {
  const { server, browser, page, context } = await b.startBrowserTest(t, {
    browser: { grantClipboardTo: null },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  await b.signIn(page, server.baseUrl, 'owner@acme.test');
  const { token: oldValue, accessToken } = await b.createTokenViaApi(page, server.baseUrl, {
    name: NAME,
    workspace_role: 'workspace_member',
  });
  await b.reloadApp(page);
  await b.waitForRows(page, [NAME]);

  // The row menu of an enabled token offers Rotate….
  await b.clickItem(page, { role: 'button', label: `Actions for ${NAME}` });
  await b.clickItem(page, { role: 'menuitem', label: 'Rotate…' });
  await b.waitForItem(page, { role: 'window', label: WINDOW });
  await b.waitForItem(page, { role: 'text', label: `Rotate “${NAME}”`, within: WINDOW });
  const radios = await b.findAll(page, { role: 'radio', within: WINDOW });
  assert.deepEqual(radios.map((item) => item.label), ['No overlap', '1 hour', '24 hours', '7 days']);
  assert.equal(radios.find((item) => item.label === '24 hours').checked, true, '24 hours by default');
  await b.waitForItem(page, { role: 'text', label: /^The current value keeps working until .+, so you can update the systems that use it\.$/, within: WINDOW });

  // No overlap says what that means; then pick 7 days.
  await b.clickItem(page, { role: 'radio', label: 'No overlap', within: WINDOW });
  await b.waitForItem(page, { role: 'text', label: 'The current value stops working immediately.', within: WINDOW });
  await b.clickItem(page, { role: 'radio', label: '7 days', within: WINDOW });
  await b.settle(page);
  const week = await b.find(page, { role: 'radio', label: '7 days', within: WINDOW });
  assert.equal(week.checked, true);

  await b.clickItem(page, { role: 'button', label: 'Rotate Token', enabled: true, within: WINDOW });
  await b.waitForItem(page, { role: 'window', label: CREATED });
  await b.waitForItem(page, { role: 'text', label: 'Access Token Rotated', within: CREATED });
  await b.waitForNoItem(page, { role: 'window', label: WINDOW });

  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await b.clickItem(page, { role: 'button', label: 'Copy', within: CREATED });
  await b.waitForItem(page, { role: 'button', label: 'Copied' });
  const newValue = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(newValue, /^hwz_[0-9A-Za-z]{42}$/);
  assert.notEqual(newValue, oldValue);
  await b.clickItem(page, { role: 'button', label: 'Done' });
  await b.waitForNoItem(page, { role: 'window', label: CREATED });

  // The row and the details say until when the previous value works.
  await b.waitForItem(page, { role: 'text', label: /^Previous value works until / });
  await b.clickItem(page, { role: 'row', label: NAME });
  await b.waitForItem(page, { role: 'window', label: 'Access Token Details' });
  await b.waitForItem(page, { role: 'text', label: /^Previous value works until /, within: 'Access Token Details' });
  await b.waitForItem(page, { role: 'text', label: newValue.slice(0, 12), within: 'Access Token Details' });

  // Both values authenticate; the listed identifier is the new one.
  for (const value of [oldValue, newValue]) {
    const res = await b.bearer(server.baseUrl, value, 'GET', '/api/v1/access-tokens/self');
    assert.equal(res.status, 200);
  }
  const [listed] = await b.listTokens(page, server.baseUrl);
  assert.equal(listed.id, accessToken.id);
  assert.ok(newValue.startsWith(listed.identifier));
  assert.ok(listed.previous_value_expires_at);
  assert.deepEqual(browser.errors, []);
});
