// Column visibility: the button at the right end of the table header (or a right-click
// on any header) lists the columns with checkmarks; a column can be hidden and shown
// again, and Label can never be hidden.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

const HEADERS = ['Label', 'Access Type', 'Created by', 'Created', 'Expires', 'Status', 'Actions'];

async function headers(page) {
  return (await b.findAll(page, { role: 'columnheader' })).map((item) => item.label);
}

test('hide a column and show it again; Label stays', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });
  await b.createTokenViaApi(page, server.baseUrl, { name: 'CI Runner', workspace_role: 'workspace_member' });
  await b.reloadApp(page);
  await b.waitForRows(page, ['CI Runner']);
  assert.deepEqual(await headers(page), HEADERS);

  await b.clickItem(page, { role: 'button', label: 'Show or hide columns' });
  const label = await b.waitForItem(page, { role: 'checkbox', label: 'Label' });
  assert.equal(label.enabled, false, 'Label cannot be hidden');
  await b.clickItem(page, { role: 'checkbox', label: 'Created by' });
  await b.waitForNoItem(page, { role: 'columnheader', label: 'Created by' });
  assert.deepEqual(await headers(page), HEADERS.filter((h) => h !== 'Created by'));
  // The creator's name is gone from the row too.
  const cells = (await b.rowItems(page, 'CI Runner')).map((item) => item.label);
  assert.ok(!cells.includes('Olivia Owens'), cells.join(' | '));

  // A right-click on a header opens the same list; the column comes back.
  const header = await b.find(page, { role: 'columnheader', label: 'Status' });
  await page.mouse.click(header.x + header.w / 2, header.y + header.h / 2, { button: 'right' });
  await b.settle(page);
  await b.clickItem(page, { role: 'checkbox', label: 'Created by' });
  await b.waitForItem(page, { role: 'columnheader', label: 'Created by' });
  assert.deepEqual(await headers(page), HEADERS);
  assert.deepEqual(browser.errors, []);
});
