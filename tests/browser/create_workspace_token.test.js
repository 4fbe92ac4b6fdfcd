// Creating a workspace token: the window's rules, Enter to submit, the created window,
// and the new row in the table.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

test('an owner creates a workspace token', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });

  await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
  // Nothing filled in: Create Token is disabled and says what is missing.
  let create = await b.waitForItem(page, { role: 'button', label: 'Create Token', within: 'Create Access Token' });
  assert.equal(create.enabled, false);
  await b.waitForItem(page, { role: 'text', label: 'Enter a token name.' });
  // The examples are the field's placeholder... and the name field has the keyboard.
  await page.keyboard.type('CI Runner');
  await b.settle(page);
  await b.waitForItem(page, { role: 'text', label: 'Choose a workspace role.' });

  // Workspace is the default access type; its scope lists only assignable roles
  // ranked at most the creator's (never Workspace Owner).
  const workspaceRadio = await b.waitForItem(page, { role: 'radio', label: 'Workspace' });
  assert.ok(workspaceRadio);
  await b.clickItem(page, { role: 'combo', label: 'Workspace Scope' });
  const options = (await b.findAll(page, { role: 'option' })).map((o) => o.label);
  assert.deepEqual(options, [
    'Workspace Manager',
    'Workspace Coordinator',
    'Workspace Member',
    'Workspace Viewer',
  ]);
  await b.clickItem(page, { role: 'option', label: 'Workspace Member' });

  create = await b.waitForItem(page, { role: 'button', label: 'Create Token', within: 'Create Access Token' });
  assert.equal(create.enabled, true);
  // 1 Week is the default expiry.
  await b.waitForItem(page, { role: 'combo', label: 'Expiry' });
  await b.waitForItem(page, { role: 'text', label: /^Expires on / });

  // Enter in the name field submits.
  await b.clickItem(page, { role: 'input', label: 'Token Name' });
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await b.waitForItem(page, { role: 'window', label: 'Access Token Created' });
  await b.waitForItem(page, { role: 'text', label: /only time it is shown/ });
  await b.waitForItem(page, { role: 'text', label: /secrets manager or as a CI\/CD secret/ });
  await b.clickItem(page, { role: 'button', label: 'Done' });
  await b.waitForNoItem(page, { role: 'window', label: 'Access Token Created' });

  // The table lists it, and the Create Token button now sits above the table.
  const row = await b.waitForItem(page, { role: 'row', label: 'CI Runner' });
  const inRow = (item) => item.y >= row.y - 1 && item.y + item.h <= row.y + row.h + 1;
  const cells = (await b.items(page)).filter(inRow).map((item) => item.label);
  assert.ok(cells.includes('Workspace'), cells.join(' | '));
  assert.ok(cells.includes('Workspace Member'), cells.join(' | '));
  const me = (await b.apiGet(page, server.url('/api/v1/session'))).body.user.name;
  assert.ok(cells.includes(me), `Created by ${me}: ${cells.join(' | ')}`);
  // 1 Week ends inside the default 7-day reminder window: live, and flagged as ending soon.
  assert.ok(cells.includes('Expires soon'), cells.join(' | '));
  for (const header of ['Label', 'Access Type', 'Created by', 'Created', 'Expires', 'Status', 'Actions']) {
    await b.waitForItem(page, { role: 'columnheader', label: header });
  }
  await b.waitForItem(page, { role: 'button', label: 'Create Token' });

  const tokens = await b.listTokens(page, server.baseUrl);
  assert.equal(tokens.length, 1);
  assert.equal(tokens[0].name, 'CI Runner');
  assert.equal(tokens[0].access_type, 'workspace');
  assert.equal(tokens[0].workspace_role, 'workspace_member');
  const days = (Date.parse(tokens[0].expires_at) - Date.parse(tokens[0].created_at)) / 86400000;
  assert.ok(Math.abs(days - 7) < 0.01, `1 Week expires ${days} days after creation`);
  assert.deepEqual(browser.errors, []);
});

test('a duplicate name shows the server error next to the name', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'manager@acme.test' });

  for (const name of ['Nightly Automation', 'nightly automation']) {
    await b.clickItem(page, { role: 'button', label: /^Create (Access )?Token$/ });
    await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
    await page.keyboard.type(name);
    await b.choose(page, { role: 'combo', label: 'Workspace Scope' }, 'Workspace Viewer');
    await b.clickItem(page, { role: 'button', label: 'Create Token', enabled: true, within: 'Create Access Token' });
    if (name === 'Nightly Automation') {
      await b.waitForItem(page, { role: 'window', label: 'Access Token Created' });
      await b.clickItem(page, { role: 'button', label: 'Done' });
      await b.waitForItem(page, { role: 'row', label: 'Nightly Automation' });
    }
  }
  // The 409 name_taken error shows under the name field; the window stays open.
  const error = await b.waitForItem(page, { role: 'text', label: /already|taken|in use/i });
  const nameField = await b.find(page, { role: 'input', label: 'Token Name' });
  assert.ok(error.y > nameField.y && error.y - nameField.y < 80, 'error sits under the name');
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
  assert.equal((await b.listTokens(page, server.baseUrl)).length, 1);
});
