// Editing a token in its details window: Update Token waits for a change, Cancel keeps
// the original values, and a saved edit applies to the very next Bearer request (a
// viewer token made a member can create test cases). A project token gains a project.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const b = require('./lib/browser');

const DETAILS = 'Access Token Details';

let server;
let browser;
let page;
let workspace;

test.before(async () => {
  server = await startServer({ demo: true });
  browser = await b.openBrowser();
  page = browser.page;
  await b.signIn(page, server.baseUrl, 'owner@acme.test');
  workspace = await b.workspaceId(page, server.baseUrl);
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

/** The token as the details route describes it. */
async function serverToken(id) {
  const details = await b.apiGet(page, server.url(`/api/v1/workspace/${workspace}/access-tokens/${id}`));
  assert.equal(details.status, 200);
  return details.body;
}

/** Types `text` at the end of the focused text field. */
async function append(text) {
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  await b.settle(page);
}

async function updateButton() {
  return b.find(page, { role: 'button', label: 'Update Token', within: DETAILS });
}

test('a viewer token renamed and made a member can create test cases', async () => {
  const { token, accessToken } = await b.createTokenViaApi(page, server.baseUrl, {
    name: 'Data Sync',
    workspace_role: 'workspace_viewer',
  });
  const projects = await b.bearer(server.baseUrl, token, 'GET', `/api/v1/workspace/${workspace}/projects`);
  assert.equal(projects.status, 200);
  const project = projects.body.items[0];
  const createCase = (title) => b.bearer(server.baseUrl, token, 'POST',
    `/api/v1/workspace/${workspace}/project/${project.id}/testcases`, { title, priority: 'high' });
  const refused = await createCase('Checkout with a new card');
  assert.equal(refused.status, 403);

  await b.reloadApp(page);
  await b.clickItem(page, { role: 'row', label: 'Data Sync' });
  await b.waitForItem(page, { role: 'window', label: DETAILS });
  await b.waitForItem(page, { role: 'text', label: 'Workspace Viewer', within: DETAILS });

  // Edit, with nothing changed yet: Update Token is disabled and says why.
  await b.clickItem(page, { role: 'button', label: 'Edit', within: DETAILS });
  await b.waitForItem(page, { role: 'text', label: 'Edit Access Token', within: DETAILS });
  const name = await b.waitForItem(page, { role: 'input', label: 'Token Name', within: DETAILS });
  assert.equal(name.value, 'Data Sync');
  assert.equal((await updateButton()).enabled, false);
  await b.waitForItem(page, { role: 'text', label: 'Nothing has changed yet.', within: DETAILS });

  // Changes, then Cancel: the window shows the original values, the server has them too.
  await b.clickItem(page, name);
  await append(' 2');
  await b.choose(page, { role: 'combo', label: 'Workspace Scope', within: DETAILS }, 'Workspace Member');
  assert.equal((await updateButton()).enabled, true);
  await b.waitForNoItem(page, { role: 'text', label: 'Nothing has changed yet.' });
  await b.clickItem(page, { role: 'button', label: 'Cancel', within: DETAILS });
  await b.waitForNoItem(page, { role: 'text', label: 'Edit Access Token' });
  await b.waitForItem(page, { role: 'text', label: 'Workspace Viewer', within: DETAILS });
  assert.ok(await b.find(page, { role: 'text', label: 'Data Sync', within: DETAILS }));
  assert.equal(await b.find(page, { role: 'text', label: 'Data Sync 2' }), null);
  assert.equal(await b.find(page, { role: 'row', label: 'Data Sync 2' }), null);
  const unchanged = await serverToken(accessToken.id);
  assert.equal(unchanged.name, 'Data Sync');
  assert.equal(unchanged.workspace_role, 'workspace_viewer');
  assert.equal(unchanged.expires_at, accessToken.expires_at);

  // Edit again: the form starts from the original values.
  await b.clickItem(page, { role: 'button', label: 'Edit', within: DETAILS });
  const again = await b.waitForItem(page, { role: 'input', label: 'Token Name', within: DETAILS });
  assert.equal(again.value, 'Data Sync');
  assert.equal((await updateButton()).enabled, false);

  // The expiry list starts with keeping the current expiry; keeping it is no change.
  await b.clickItem(page, { role: 'combo', label: 'Expiry', within: DETAILS });
  const expiries = (await b.findAll(page, { role: 'option' })).map((item) => item.label);
  assert.deepEqual(expiries.slice(0, 2), ['Keep current expiry', '1 Week']);
  assert.equal(expiries[expiries.length - 1], 'Never Expires');
  await b.clickItem(page, { role: 'option', label: 'Keep current expiry' });
  assert.equal((await updateButton()).enabled, false);

  await b.clickItem(page, again);
  await append(' (members)');
  await b.choose(page, { role: 'combo', label: 'Workspace Scope', within: DETAILS }, 'Workspace Member');
  await b.clickItem(page, { role: 'button', label: 'Update Token', enabled: true, within: DETAILS });
  await b.waitForItem(page, { role: 'text', label: /Saved the changes to “Data Sync \(members\)”\./ });
  await b.waitForNoItem(page, { role: 'text', label: 'Edit Access Token' });
  await b.waitForItem(page, { role: 'text', label: 'Workspace Member', within: DETAILS });
  await b.waitForItem(page, { role: 'text', label: 'Data Sync (members)', within: DETAILS });
  await b.waitForItem(page, { role: 'row', label: 'Data Sync (members)' });
  assert.equal(await b.find(page, { role: 'row', label: 'Data Sync' }), null);

  const saved = await serverToken(accessToken.id);
  assert.equal(saved.name, 'Data Sync (members)');
  assert.equal(saved.workspace_role, 'workspace_member');
  assert.equal(saved.expires_at, accessToken.expires_at, 'the expiry was kept');

  // The same token, on its very next request, acts as a member.
  const created = await createCase('Checkout with a new card');
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.title, 'Checkout with a new card');

  const closes = await b.findAll(page, { role: 'button', label: 'Close', within: DETAILS });
  await b.clickItem(page, closes[closes.length - 1]);
  await b.waitForNoItem(page, { role: 'window', label: DETAILS });
  assert.deepEqual(browser.errors, []);
});

test('a project token gains a second project from the row menu Edit', async () => {
  const { token, accessToken } = await b.createTokenViaApi(page, server.baseUrl, {
    name: 'Mobile Sync',
    projects: [{ project_id: 1, role: 'project_viewer' }],
  });
  await b.reloadApp(page);
  await b.clickItem(page, { role: 'button', label: 'Actions for Mobile Sync' });
  await b.clickItem(page, { role: 'menuitem', label: 'Edit' });
  await b.waitForItem(page, { role: 'text', label: 'Edit Access Token', within: DETAILS });
  await b.waitForItem(page, { role: 'combo', label: 'Project 1', within: DETAILS });
  assert.equal(await b.find(page, { role: 'combo', label: 'Workspace Scope' }), null);
  assert.equal((await updateButton()).enabled, false);

  await b.clickItem(page, { role: 'button', label: 'Add another project', enabled: true, within: DETAILS });
  await b.waitForItem(page, { role: 'combo', label: 'Project 2', within: DETAILS });
  assert.equal((await updateButton()).enabled, false, 'an incomplete row blocks Update Token');
  await b.choose(page, { role: 'combo', label: 'Project 2', within: DETAILS }, 'Payments API');
  await b.choose(page, { role: 'combo', label: 'Role 2', within: DETAILS }, 'Project Member');
  await b.clickItem(page, { role: 'button', label: 'Update Token', enabled: true, within: DETAILS });
  await b.waitForItem(page, { role: 'text', label: /Saved the changes to “Mobile Sync”\./ });
  await b.waitForNoItem(page, { role: 'text', label: 'Edit Access Token' });
  await b.waitForItem(page, { role: 'text', label: 'Payments API · Project Member', within: DETAILS });

  const saved = await serverToken(accessToken.id);
  const grants = saved.projects.map((p) => `${p.project_id}:${p.project_name}=${p.role}`);
  const first = grants.find((g) => g.startsWith('1:'));
  assert.ok(first && first.endsWith('=project_viewer'), grants.join(', '));
  assert.equal(saved.projects.length, 2, grants.join(', '));
  assert.ok(grants.some((g) => g.endsWith(':Payments API=project_member')), grants.join(', '));

  // The token now reads the second project too.
  const payments = saved.projects.find((p) => p.project_name === 'Payments API');
  const read = await b.bearer(server.baseUrl, token, 'GET',
    `/api/v1/workspace/${workspace}/project/${payments.project_id}/testcases`);
  assert.equal(read.status, 200);
  assert.deepEqual(browser.errors, []);
});
