// The toolbar above the token table: search by label or identifier, the status and
// access-type filters, "Clear search and filters", the no-match card, and sorting by a
// column header (the server sorts). Paged loading: manage_paging.test.js.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

const TOKENS = [
  { name: 'CI Runner', workspace_role: 'workspace_member' },
  { name: 'Nightly Automation', workspace_role: 'workspace_viewer' },
  { name: 'External Sync', projects: [{ project_id: 1, role: 'project_member' }] },
  { name: 'Mobile Release', projects: [{ project_id: 2, role: 'project_viewer' }] },
  { name: 'Data Warehouse Export', workspace_role: 'workspace_coordinator' },
  { name: 'Backup Job', workspace_role: 'workspace_manager' },
];
const ALL = TOKENS.map((spec) => spec.name);
const DISABLED = 'Data Warehouse Export';

/** Types `text` into the search box, replacing what it held. */
async function search(page, text) {
  await b.clickItem(page, { role: 'input', label: 'Search tokens' });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

async function clearAll(page) {
  await b.clickItem(page, { role: 'button', label: 'Clear search and filters' });
  await b.waitForRows(page, ALL);
  assert.equal(await b.find(page, { role: 'button', label: 'Clear search and filters' }), null);
}

test('search, filters, clear, no match, and sorting by label', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });
  const workspace = await b.workspaceId(page, server.baseUrl);
  const created = {};
  for (const spec of TOKENS) {
    created[spec.name] = (await b.createTokenViaApi(page, server.baseUrl, spec, workspace)).accessToken;
  }
  const disabled = await b.apiSend(page, 'POST',
    server.url(`/api/v1/workspace/${workspace}/access-tokens/${created[DISABLED].id}/disable`));
  assert.equal(disabled.status, 200);

  await b.reloadApp(page);
  await b.waitForRows(page, ALL);
  assert.equal(await b.find(page, { role: 'text', label: /tokens? match/ }), null);

  // Part of a name, in another case.
  await search(page, 'sYnC');
  await b.waitForRows(page, ['External Sync']);
  await b.waitForItem(page, { role: 'text', label: '1 token matches' });
  assert.equal((await b.find(page, { role: 'input', label: 'Search tokens' })).value, 'sYnC');

  // A token's identifier (the public part shown under its name).
  const identifier = created['Nightly Automation'].identifier;
  await search(page, identifier);
  await b.waitForRows(page, ['Nightly Automation']);
  const cells = (await b.rowItems(page, 'Nightly Automation')).map((item) => item.label);
  assert.ok(cells.includes(identifier), cells.join(' | '));
  await clearAll(page);
  assert.equal((await b.find(page, { role: 'input', label: 'Search tokens' })).value, '');

  // Status: Disabled.
  await b.choose(page, { role: 'combo', label: 'Status filter' }, 'Disabled');
  await b.waitForRows(page, [DISABLED]);
  await b.waitForItem(page, { role: 'text', label: '1 token matches' });
  const badges = (await b.rowItems(page, DISABLED)).filter((item) => item.role === 'badge');
  assert.deepEqual(badges.map((item) => item.label), ['Disabled']);
  await clearAll(page);

  // Access type: Project.
  await b.choose(page, { role: 'combo', label: 'Access type filter' }, 'Project');
  await b.waitForRows(page, ['External Sync', 'Mobile Release']);
  await b.waitForItem(page, { role: 'text', label: '2 tokens match' });

  // Filters add up: Project and Disabled match nothing.
  await b.choose(page, { role: 'combo', label: 'Status filter' }, 'Disabled');
  await b.waitForItem(page, { role: 'text', label: 'No access tokens match' });
  assert.deepEqual(await b.rowLabels(page), []);
  await clearAll(page);

  // A search that matches nothing.
  await search(page, 'nothing~');  // no label, name or identifier has a ~
  await b.waitForItem(page, { role: 'text', label: 'No access tokens match' });
  await b.waitForItem(page, { role: 'text', label: '0 tokens match' });
  assert.deepEqual(await b.rowLabels(page), []);
  await clearAll(page);
  await b.waitForNoItem(page, { role: 'text', label: 'No access tokens match' });

  // Sorting by Label: ascending, then descending on a second click.
  const ascending = [...ALL].sort((x, y) => x.localeCompare(y, 'en'));
  await b.clickItem(page, { role: 'columnheader', label: 'Label' });
  await b.waitForRows(page, ascending, { ordered: true });
  await b.clickItem(page, { role: 'columnheader', label: 'Label' });
  await b.waitForRows(page, [...ascending].reverse(), { ordered: true });
  assert.deepEqual(browser.errors, []);
});
