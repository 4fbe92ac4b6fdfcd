// Revoke asks first: the confirmation names the token and says it is permanent. Cancel
// keeps the token working; Revoke Token removes it from the table and the list API, and
// its Bearer requests get 401 from then on.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

const NAME = 'External Sync';
const OTHER = 'CI Runner';
const DETAILS = 'Access Token Details';
const CONFIRM = 'Revoke Access Token';

test('revoke from the details window, after a confirmation', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'manager@acme.test' });

  const { token, accessToken } = await b.createTokenViaApi(page, server.baseUrl, {
    name: NAME,
    projects: [{ project_id: 1, role: 'project_member' }],
  });
  await b.createTokenViaApi(page, server.baseUrl, { name: OTHER, workspace_role: 'workspace_member' });
  const self = () => b.bearer(server.baseUrl, token, 'GET', '/api/v1/access-tokens/self');
  assert.equal((await self()).status, 200);

  await b.reloadApp(page);
  await b.waitForRows(page, [NAME, OTHER]);

  // The details window's Revoke… asks first, naming the token.
  await b.clickItem(page, { role: 'row', label: NAME });
  await b.waitForItem(page, { role: 'window', label: DETAILS });
  await b.clickItem(page, { role: 'button', label: 'Revoke…', within: DETAILS });
  await b.waitForItem(page, { role: 'window', label: CONFIRM });
  await b.waitForItem(page, { role: 'text', label: `Revoke “${NAME}”?`, within: CONFIRM });
  await b.waitForItem(page, { role: 'text', label: 'This cannot be undone', within: CONFIRM });
  await b.waitForItem(page, { role: 'text', label: new RegExp(`^${accessToken.identifier} `), within: CONFIRM });
  assert.equal(await b.find(page, { role: 'window', label: DETAILS }), null,
    'the confirmation replaces the details window');

  // Cancel: back to the details, and nothing changed.
  await b.clickItem(page, { role: 'button', label: 'Cancel', within: CONFIRM });
  await b.waitForNoItem(page, { role: 'window', label: CONFIRM });
  await b.waitForItem(page, { role: 'window', label: DETAILS });
  await b.waitForItem(page, { role: 'badge', label: 'Active', within: DETAILS });
  assert.equal((await self()).status, 200);
  assert.deepEqual((await b.listTokens(page, server.baseUrl)).map((item) => item.name).sort(),
    [OTHER, NAME].sort());

  // Revoke Token: the window closes, the row leaves, a toast says so.
  await b.clickItem(page, { role: 'button', label: 'Revoke…', within: DETAILS });
  await b.waitForItem(page, { role: 'window', label: CONFIRM });
  await b.clickItem(page, { role: 'button', label: 'Revoke Token', within: CONFIRM });
  await b.waitForItem(page, { role: 'text', label: /“External Sync” was revoked\. It no longer works\./ });
  await b.waitForNoItem(page, { role: 'window', label: CONFIRM });
  assert.equal(await b.find(page, { role: 'window', label: DETAILS }), null);
  await b.waitForRows(page, [OTHER]);

  // The server agrees: not listed, gone from the details route, and the token is dead.
  assert.deepEqual((await b.listTokens(page, server.baseUrl)).map((item) => item.name), [OTHER]);
  const workspace = await b.workspaceId(page, server.baseUrl);
  const details = await b.apiGet(page,
    server.url(`/api/v1/workspace/${workspace}/access-tokens/${accessToken.id}`));
  assert.equal(details.status, 404);
  const after = await self();
  assert.equal(after.status, 401);

  // A fresh load of the page does not bring it back.
  await b.reloadApp(page);
  await b.waitForRows(page, [OTHER]);
  assert.deepEqual(browser.errors, []);
});
