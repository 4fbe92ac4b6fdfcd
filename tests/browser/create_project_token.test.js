// Creating a project token with two project rows, checking the row rules on the way:
// the role picker waits for a project, "Add another project" waits for complete rows,
// a project chosen in one row is not offered in another, rows can be removed.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

test('a manager creates a project token with two rows', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'manager@acme.test' });

  await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
  await page.keyboard.type('External Sync');
  await b.clickItem(page, { role: 'radio', label: 'Project' });

  // Row 1: the role picker is disabled until a project is chosen.
  assert.equal((await b.waitForItem(page, { role: 'combo', label: 'Project 1' })).enabled, true);
  assert.equal((await b.find(page, { role: 'combo', label: 'Role 1' })).enabled, false);
  assert.equal((await b.find(page, { role: 'button', label: 'Add another project' })).enabled, false);
  await b.waitForItem(page, { role: 'text', label: 'Choose a project and a role in every row.' });

  await b.clickItem(page, { role: 'combo', label: 'Project 1' });
  const allProjects = (await b.findAll(page, { role: 'option' })).map((o) => o.label);
  assert.deepEqual(allProjects.sort(), ['Data Pipeline', 'Mobile App', 'Payments API', 'Web App']);
  await b.clickItem(page, { role: 'option', label: 'Web App' });
  assert.equal((await b.find(page, { role: 'combo', label: 'Role 1' })).enabled, true);
  assert.equal((await b.find(page, { role: 'button', label: 'Add another project' })).enabled, false);

  await b.choose(page, { role: 'combo', label: 'Role 1' }, 'Project Member');
  const add = await b.waitForItem(page, { role: 'button', label: 'Add another project' });
  assert.equal(add.enabled, true);
  assert.equal((await b.find(page, { role: 'button', label: 'Create Token', within: 'Create Access Token' })).enabled, true);

  // Row 2: Web App is taken by row 1, so it is not offered again.
  await b.clickItem(page, add);
  await b.waitForItem(page, { role: 'combo', label: 'Project 2' });
  assert.equal((await b.find(page, { role: 'button', label: 'Create Token', within: 'Create Access Token' })).enabled, false);
  assert.equal((await b.find(page, { role: 'button', label: 'Add another project' })).enabled, false);
  await b.clickItem(page, { role: 'combo', label: 'Project 2' });
  const offered = (await b.findAll(page, { role: 'option' })).map((o) => o.label);
  assert.ok(!offered.includes('Web App'), offered.join(', '));
  assert.ok(offered.includes('Payments API'), offered.join(', '));
  await b.clickItem(page, { role: 'option', label: 'Payments API' });
  await b.choose(page, { role: 'combo', label: 'Role 2' }, 'Project Viewer');

  // A third row, removed again.
  await b.clickItem(page, { role: 'button', label: 'Add another project', enabled: true });
  await b.waitForItem(page, { role: 'combo', label: 'Project 3' });
  await b.clickItem(page, { role: 'button', label: 'Remove project 3' });
  await b.waitForNoItem(page, { role: 'combo', label: 'Project 3' });

  await b.clickItem(page, { role: 'button', label: 'Create Token', enabled: true, within: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Access Token Created' });
  await b.clickItem(page, { role: 'button', label: 'Done' });
  const row = await b.waitForItem(page, { role: 'row', label: 'External Sync' });
  const cells = (await b.items(page))
    .filter((item) => item.y >= row.y - 1 && item.y + item.h <= row.y + row.h + 1)
    .map((item) => item.label);
  assert.ok(cells.includes('Project'), cells.join(' | '));
  assert.ok(cells.includes('2 projects'), cells.join(' | '));

  const [token] = await b.listTokens(page, server.baseUrl);
  assert.equal(token.access_type, 'project');
  assert.equal(token.workspace_role, null);
  const grants = token.projects.map((p) => `${p.project_name}=${p.role}`).sort();
  assert.deepEqual(grants, ['Payments API=project_viewer', 'Web App=project_member']);
  assert.deepEqual(browser.errors, []);
});
