// Takes the README screenshots (docs/screenshots/) from the real server and WASM build:
//   node tests/browser/take_screenshots.js [output-dir] [device-scale-factor]
// Not a test: run it by hand after a visible UI change, then look at the pictures.
'use strict';

const path = require('node:path');
const fs = require('node:fs');
const { startServer } = require('../support/server');
const { signIn: apiSignIn, workspaceTokenBody } = require('../http/api_client');
const b = require('./lib/browser');

async function main() {
  const out = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', 'docs', 'screenshots'));
  const scale = Number(process.argv[3] || 1);
  fs.mkdirSync(out, { recursive: true });
  let server = await startServer({ demo: true });
  const browser = await b.openBrowser({ deviceScaleFactor: scale });
  const { page } = browser;
  const shot = async (name) => {
    await page.mouse.move(2, 798);  // no hover highlight in the picture
    await b.settle(page);
    await page.screenshot({ path: path.join(out, `${name}.png`) });
  };
  try {
    await page.goto(server.url('/'));
    await b.waitForScreen(page, 'sign-in');
    await page.click('#email');
    await page.keyboard.type('owner@acme.test');
    await shot('sign-in');
    await page.click('#password');
    await page.keyboard.type('hawzu-demo');
    await page.keyboard.press('Enter');
    await b.waitForScreen(page, 'app');
    await b.waitForItem(page, { role: 'text', label: 'No access tokens yet' });
    await shot('empty-state');

    // A workspace token, filled in.
    await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
    await page.keyboard.type('CI Runner');
    await b.choose(page, { role: 'combo', label: 'Workspace Scope' }, 'Workspace Member');
    await shot('create-window');

    // Never Expires and its warning.
    await b.choose(page, { role: 'combo', label: 'Expiry' }, 'Never Expires');
    await shot('create-window-never-expires');

    // A project token with two rows and a custom date.
    await b.clickItem(page, { role: 'radio', label: 'Project' });
    await b.choose(page, { role: 'combo', label: 'Project 1' }, 'Web App');
    await b.choose(page, { role: 'combo', label: 'Role 1' }, 'Project Member');
    await b.clickItem(page, { role: 'button', label: 'Add another project' });
    await b.choose(page, { role: 'combo', label: 'Project 2' }, 'Payments API');
    await b.choose(page, { role: 'combo', label: 'Role 2' }, 'Project Viewer');
    await b.choose(page, { role: 'combo', label: 'Expiry' }, 'Custom Date');
    await shot('create-window-custom-date');
    await b.clickItem(page, { role: 'button', label: 'Next month' });
    await b.clickItem(page, { role: 'day', label: '15' });
    await shot('create-window-project');

    await b.clickItem(page, { role: 'button', label: 'Create Token', within: 'Create Access Token' });
    await b.waitForItem(page, { role: 'window', label: 'Access Token Created' });
    await shot('token-created');
    await b.clickItem(page, { role: 'button', label: 'Done' });

    // Two more, so the table has some variety.
    for (const [name, role, expiry] of [
      ['Nightly Automation', 'Workspace Viewer', 'Never Expires'],
      ['External Sync', 'Workspace Coordinator', '6 Months'],
    ]) {
      await b.clickItem(page, { role: 'button', label: 'Create Token' });
      await page.keyboard.type(name);
      await b.choose(page, { role: 'combo', label: 'Workspace Scope' }, role);
      await b.choose(page, { role: 'combo', label: 'Expiry' }, expiry);
      await b.clickItem(page, { role: 'button', label: 'Create Token', within: 'Create Access Token' });
      await b.clickItem(page, { role: 'button', label: 'Done' });
    }
    await b.waitForItem(page, { role: 'row', label: 'External Sync' });

    // An expired token: made by a server whose clock runs 10 days behind, on the same
    // data directory, with a one-week expiry.
    await server.stop();
    const past = await startServer({
      demo: true,
      dataDir: server.dataDir,
      env: { HAWZU_TEST_NOW_OFFSET_SECONDS: String(-10 * 86400) },
    });
    const owner = await apiSignIn(past, 'owner@acme.test');
    const wid = owner.session.workspaces[0].id;
    await owner.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody('Legacy Import', 'workspace_member', { kind: '1w' }));
    await past.stop();
    server = await startServer({ demo: true, dataDir: past.dataDir });
    // Cookies ignore the port: the session (kept in the database) is still signed in.
    await page.goto(server.url('/'));
    await b.waitForScreen(page, 'app');
    await b.waitForItem(page, { role: 'row', label: 'Legacy Import' });

    // Disable one through its row's menu.
    await b.clickItem(page, { role: 'button', label: 'Actions for Nightly Automation' });
    await shot('row-actions');
    await b.clickItem(page, { role: 'menuitem', label: 'Disable' });
    await b.waitForItem(page, { role: 'badge', label: 'Disabled' });
    await page.waitForTimeout(5200);  // the toast fades
    await shot('token-table');

    // The details of the project token, its edit mode, and the revoke confirmation.
    await b.clickItem(page, { role: 'row', label: 'CI Runner' });
    await b.waitForItem(page, { role: 'window', label: 'Access Token Details' });
    await shot('token-details');
    await b.clickItem(page, { role: 'button', label: 'Edit' });
    await shot('token-edit');
    await b.clickItem(page, { role: 'button', label: 'Cancel' });
    await b.clickItem(page, { role: 'button', label: 'Revoke…' });
    await b.waitForItem(page, { role: 'window', label: 'Revoke Access Token' });
    await shot('revoke-confirm');
    await b.clickItem(page, { role: 'button', label: 'Cancel' });
    await b.clickItem(page, { role: 'button', label: 'Close' });

    // Rotate from the row menu: the overlap choice, the new value, the row during the overlap.
    await b.clickItem(page, { role: 'button', label: 'Actions for External Sync' });
    await b.clickItem(page, { role: 'menuitem', label: 'Rotate…' });
    await b.waitForItem(page, { role: 'window', label: 'Rotate Access Token' });
    await shot('rotate-window');
    await b.clickItem(page, { role: 'button', label: 'Rotate Token', within: 'Rotate Access Token' });
    await b.waitForItem(page, { role: 'window', label: 'Access Token Created' });
    await shot('token-rotated');
    await b.clickItem(page, { role: 'button', label: 'Done' });
    await b.waitForItem(page, { role: 'text', label: /^Previous value works until / });
    await shot('token-table-rotated');
    await b.clickItem(page, { role: 'row', label: 'External Sync' });
    await b.waitForItem(page, { role: 'window', label: 'Access Token Details' });
    await shot('token-details-rotated');
    // A token in use: its recent calls and the chart, with today's bar hovered.
    const { token: dataSync } = await b.createTokenViaApi(page, server.baseUrl, {
      name: 'Data Sync',
      workspace_role: 'workspace_viewer',
    });
    const usedWid = await b.workspaceId(page, server.baseUrl);
    for (let i = 0; i < 12; i++) await b.bearer(server.baseUrl, dataSync, 'GET', `/api/v1/workspace/${usedWid}/projects?limit=20`);
    await b.bearer(server.baseUrl, dataSync, 'GET', `/api/v1/workspace/${usedWid}/project/999`);
    await b.bearer(server.baseUrl, dataSync, 'GET', '/api/v1/access-tokens/self');
    await page.waitForTimeout(2000);  // the server writes usage about once a second
    await b.reloadApp(page);
    await b.clickItem(page, { role: 'row', label: 'Data Sync' });
    await b.waitForItem(page, { role: 'text', label: /^Recent calls/ });
    const today = (await b.findAll(page, { role: 'bar' })).pop();
    await page.mouse.move(today.x + today.w / 2, today.y + today.h - 4);
    await b.settle(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, 'token-usage.png') });
    await b.clickItem(page, { role: 'button', label: 'Close' });

    // Search and filters.
    await b.clickItem(page, { role: 'button', label: 'Dates' });
    await shot('token-filters-dates');
    await page.keyboard.press('Escape');
    await b.choose(page, { role: 'combo', label: 'Access type filter' }, 'Workspace');
    await b.clickItem(page, { label: 'Search tokens' });
    await page.keyboard.type('o');
    await b.waitForItem(page, { role: 'text', label: /tokens? match$/ });
    await shot('token-search');

    // The Audit log page, from the top bar.
    await page.keyboard.press('Escape');
    await b.clickItem(page, { role: 'button', label: 'Audit log' });
    await b.waitForItem(page, { role: 'row', label: /^Disabled “Nightly Automation”/ });
    await shot('audit-log');

    // The Token policy page, a limit and the unused rule being filled in.
    await b.clickItem(page, { role: 'button', label: 'Token policy' });
    await b.waitForItem(page, { role: 'text', label: 'Expiry and unused tokens' });
    await b.clickItem(page, { role: 'checkbox', label: 'Limit how long a token lasts' });
    await b.clickItem(page, { role: 'input', label: 'Maximum lifetime in days' });
    await page.keyboard.type('90');
    await b.settle(page);
    await b.clickItem(page, { role: 'checkbox', label: 'Disable tokens that go unused' });
    await b.waitForItem(page, { role: 'input', label: 'Days without use' });
    await b.clickItem(page, { role: 'input', label: 'Days without use' });
    await page.keyboard.type('60');
    await shot('token-policy');

    // The API reference, opened from the top bar in a new tab.
    const opened = browser.context.waitForEvent('page');
    await b.clickItem(page, { role: 'button', label: 'API reference' });
    const reference = await opened;
    await reference.waitForSelector('.swagger-ui .opblock');
    await reference.screenshot({ path: path.join(out, 'api-reference.png') });
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
