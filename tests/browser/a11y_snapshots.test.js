// The accessibility tree of the create window and of the token table, as Playwright's
// ARIA snapshot sees it (what a screen reader gets), against the expected structure:
// a modal dialog named by its title, a labelled text box with its value, radios with
// their checked state, combo boxes with their shown value, the disabled Create Token;
// a table with column headers (and the sort), one row per token with its cells, the
// row's actions button, badges as text.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

// Dates and times change from run to run.
function withoutTimes(snapshot) {
  return snapshot
    .replace(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/g, '<date>')
    .replace(/hwz_[A-Za-z0-9]+/g, '<identifier>')
    .replace(/just now|\d+ (second|minute)s? ago/g, '<when>')
    .replace(/(Created|Expires in|Expired) [^\n:"]*?(ago|days|hours|minutes|weeks|months|years|day|hour|minute|week|month|year|now)\b/g, '$1 <when>');
}

async function press(page, locator) {
  await locator.focus();
  await b.settle(page);
  await page.keyboard.press('Enter');
  await b.settle(page);
}

const CREATE_WINDOW = `
- dialog "Create Access Token":
  - paragraph: Create Access Token
  - button "Close"
  - paragraph: The token acts with the roles you give it here. Its value is shown once, right after it is created.
  - paragraph: Token Name
  - textbox "Token Name": CI Runner
  - paragraph: Say where it is used, so you know what breaks if you revoke it.
  - paragraph: Access Type
  - radio "Workspace" [checked]
  - paragraph: One role across every project.
  - radio "Project"
  - paragraph: A role in each project you pick.
  - paragraph: Workspace Scope
  - combobox "Workspace Scope": Select a workspace role
  - paragraph: The token can do what this role can do, in every project of the workspace.
  - paragraph: Expiry
  - combobox "Expiry": 1 Week
  - paragraph: Expires on <date>.
  - paragraph: Choose a workspace role.
  - button "Cancel"
  - button "Create Token" [disabled]
`.trim();

const TABLE = `
- table "Access tokens":
  - row "Label Access Type Created by Created Expires Status Actions Show or hide columns":
    - columnheader "Label"
    - columnheader "Access Type"
    - columnheader "Created by"
    - columnheader "Created"
    - columnheader "Expires"
    - columnheader "Status"
    - columnheader "Actions Show or hide columns":
      - text: Actions
      - button "Show or hide columns"
  - row "External Sync":
    - cell "External Sync <identifier>":
      - paragraph: External Sync
      - paragraph: <identifier>
    - cell "Project Web App · Project Member":
      - paragraph: Project
      - paragraph: Web App · Project Member
    - cell "Marcus Chen":
      - paragraph: Marcus Chen
    - cell "<when>":
      - paragraph: <when>
    - cell "Expires in <when>":
      - paragraph: Expires in <when>
    - cell "Expires soon":
      - paragraph: Expires soon
    - cell "Actions for External Sync":
      - button "Actions for External Sync"
  - row "CI Runner":
    - cell "CI Runner <identifier>":
      - paragraph: CI Runner
      - paragraph: <identifier>
    - cell "Workspace Workspace Member":
      - paragraph: Workspace
      - paragraph: Workspace Member
    - cell "Marcus Chen":
      - paragraph: Marcus Chen
    - cell "<when>":
      - paragraph: <when>
    - cell "Never":
      - paragraph: Never
    - cell "Active":
      - paragraph: Active
    - cell "Actions for CI Runner":
      - button "Actions for CI Runner"
`.trim();

test('ARIA snapshots of the create window and the token table', async (t) => {
  const { server, page } = await b.startBrowserTest(t, { signInAs: 'manager@acme.test' });
  await b.createTokenViaApi(page, server.baseUrl, { name: 'CI Runner', workspace_role: 'workspace_member' });
  await b.createTokenViaApi(page, server.baseUrl, {
    name: 'External Sync',
    projects: [{ project_id: 1, role: 'project_member' }],
    expiry: { kind: '1w' },  // inside the default 7-day reminder window: Expires soon
  });
  await b.reloadApp(page);
  const table = page.getByRole('table', { name: 'Access tokens' });
  await table.getByRole('row', { name: /External Sync/ }).waitFor();
  assert.equal(withoutTimes(await table.ariaSnapshot()), TABLE);
  // The table is sorted by Created, newest first; the other sortable columns say none.
  const sorts = await table.getByRole('columnheader').evaluateAll((cells) =>
    cells.map((cell) => cell.getAttribute('aria-sort')));
  assert.deepEqual(sorts, ['none', 'none', 'none', 'descending', 'none', 'none', null]);

  await press(page, page.getByRole('button', { name: 'Create Token', exact: true }));
  const dialog = page.getByRole('dialog', { name: 'Create Access Token' });
  await dialog.waitFor();
  await page.keyboard.type('CI Runner');
  await b.settle(page);
  assert.equal(withoutTimes(await dialog.ariaSnapshot()), CREATE_WINDOW);
});
