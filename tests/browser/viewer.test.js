// People without the manage permission see the tokens read-only: no create action.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const b = require('./lib/browser');

test('a viewer sees no create action', async (t) => {
  const server = await startServer({ demo: true });
  const browser = await b.openBrowser();
  t.after(async () => {
    await browser.close();
    await server.stop();
  });
  const { page } = browser;

  await b.signIn(page, server.baseUrl, 'viewer@acme.test');
  await b.waitForItem(page, { role: 'text', label: 'No access tokens yet' });
  await b.waitForItem(page, { role: 'text', label: 'View only' });
  await b.waitForItem(page, { role: 'text', label: /Only Workspace Owners and Managers/ });
  assert.equal(await b.find(page, { role: 'button', label: /Create/ }), null);

  // With a token in the list (made by the owner), still nothing to create or change.
  await b.clickItem(page, { role: 'button', label: 'Sign out' });
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
  await b.clickItem(page, { role: 'button', label: 'Sign out' });

  await b.signIn(page, server.baseUrl, 'viewer@acme.test');
  await b.waitForItem(page, { role: 'row', label: 'Data Sync' });
  await b.waitForItem(page, { role: 'text', label: 'View only' });
  const labels = (await b.items(page)).map((item) => item.label);
  for (const forbidden of [/Create/, /Edit/, /Disable/, /Revoke/]) {
    assert.ok(!labels.some((label) => forbidden.test(label) && label !== 'Created' && label !== 'Created by'),
      `no ${forbidden} for a viewer: ${labels.join(' | ')}`);
  }
});
