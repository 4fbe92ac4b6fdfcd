// A token whose owner left the workspace: its details show the owner and say why it is
// disabled; the Owner who enables it becomes its owner, and the details say so.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');
const { signIn, sessionRequest, createToken } = require('../support/token_client');

const NAME = 'Release Pipeline';

test('the details of a token whose owner left, and taking it over', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });
  const manager = await signIn(server, 'manager@acme.test');
  const owner = await signIn(server, 'owner@acme.test');
  const wid = manager.workspaces[0].id;
  await createToken(server, manager, wid, { name: NAME, workspace_role: 'workspace_member' });
  const removed = await sessionRequest(server, owner, 'DELETE',
    `/api/v1/workspace/${wid}/members/${manager.user.id}`);
  assert.equal(removed.status, 204);

  await b.reloadApp(page);
  await b.clickItem(page, { role: 'row', label: NAME });
  const within = 'Access Token Details';
  await b.waitForItem(page, { role: 'window', label: within });
  await b.waitForItem(page, { role: 'text', label: 'Its owner left the workspace', within });
  await b.waitForItem(page, { role: 'text', label: /was removed from the workspace/, within });
  const texts = (await b.findAll(page, { role: 'text', within })).map((item) => item.label);
  const ownerAt = texts.indexOf('Owner');
  assert.ok(ownerAt >= 0, texts.join(' | '));
  assert.equal(texts[ownerAt + 1], manager.user.name);

  await b.clickItem(page, { role: 'button', label: 'Enable', within });
  await b.waitForItem(page, { role: 'badge', label: 'Active', within });
  await b.waitForNoItem(page, { role: 'text', label: 'Its owner left the workspace' });
  const after = (await b.findAll(page, { role: 'text', within })).map((item) => item.label);
  assert.equal(after[after.indexOf('Owner') + 1], owner.user.name, after.join(' | '));
  assert.equal(after[after.indexOf('Created by') + 1], manager.user.name);
  assert.deepEqual(browser.errors, []);
});
