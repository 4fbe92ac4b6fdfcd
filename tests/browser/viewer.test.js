// People without the manage permission never see a create (or any change) action. The
// server decides whether they may read the list: if it may, the table is read-only;
// if not, a notice explains who manages access tokens.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

const CHANGE_ACTIONS = /^(Create|Create Token|Create Access Token|Edit|Disable|Enable|Revoke)$/;

async function assertNoChangeActions(page) {
  const labels = (await b.items(page))
    .filter((item) => item.role === 'button')
    .map((item) => item.label);
  const found = labels.filter((label) => CHANGE_ACTIONS.test(label));
  assert.deepEqual(found, [], `buttons: ${labels.join(' | ')}`);
}

test('a viewer sees no create action', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t);

  // The owner makes a token first, so there is something to list.
  await b.signIn(page, server.baseUrl, 'owner@acme.test');
  const workspace = await b.workspaceId(page, server.baseUrl);
  const created = await page.request.post(
    server.url(`/api/v1/workspace/${workspace}/access-tokens`),
    {
      headers: { 'X-Requested-With': 'hawzu-web', 'Content-Type': 'application/json' },
      data: {
        name: 'Data Sync',
        access_type: 'workspace',
        workspace_role: 'workspace_viewer',
        expiry: { kind: '1m', utc_offset_minutes: 0 },
      },
    },
  );
  assert.equal(created.status(), 201);
  await b.waitForItem(page, { role: 'button', label: 'Sign out' });
  await b.clickItem(page, { role: 'button', label: 'Sign out' });

  await b.signIn(page, server.baseUrl, 'viewer@acme.test');
  await b.waitForItem(page, { role: 'text', label: 'Workspace Viewer' });
  const list = await b.apiGet(page, server.url(`/api/v1/workspace/${workspace}/access-tokens`));
  if (list.status === 200) {
    await b.waitForItem(page, { role: 'row', label: 'Data Sync' });
    await b.waitForItem(page, { role: 'text', label: 'View only' });
  } else {
    assert.equal(list.status, 403);
    await b.waitForItem(page, { role: 'text', label: 'Access tokens are managed by workspace admins' });
    await b.waitForItem(page, { role: 'text', label: /Only Workspace Owners and Managers/ });
    assert.equal(await b.find(page, { role: 'row' }), null);
  }
  await assertNoChangeActions(page);
  assert.deepEqual(browser.errors, []);
});
