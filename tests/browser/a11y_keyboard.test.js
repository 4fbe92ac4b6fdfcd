// Every action of the token page is reachable and usable from the keyboard alone: Tab and
// Shift+Tab walk the page (the DOM focus follows ImGui's focus into the accessibility
// mirror), Enter and Space press, arrows move in lists and menus, Esc closes. Covers the
// filters, the Dates popover, column visibility, the row ⋯ menu with edit, disable and
// enable, and revoke. Elements are checked through their roles, never coordinates.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

const NAME = 'CI Runner';
const OTHER = 'Nightly Automation';

// "role:name" of the element with the DOM focus.
function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '';
    const role = element.getAttribute('role') || element.tagName.toLowerCase();
    const name = element.getAttribute('aria-label') || element.textContent;
    return `${role}:${name}`;
  });
}

async function key(page, name) {
  await page.keyboard.press(name);
  await b.settle(page);
}

// Presses `step` (Tab, ArrowDown, ...) until the focus is on `wanted`; returns the stops.
async function moveTo(page, wanted, step = 'Tab', limit = 40) {
  const stops = [];
  for (let i = 0; i < limit; ++i) {
    const now = await focused(page);
    stops.push(now);
    if (wanted instanceof RegExp ? wanted.test(now) : now === wanted) return stops;
    await key(page, step);
  }
  throw new Error(`${step} never reached ${wanted}: ${stops.join(' | ')}`);
}

async function columnHeaders(page) {
  return page.getByRole('columnheader').evaluateAll((cells) =>
    cells.map((cell) => cell.firstChild ? cell.firstChild.textContent : ''));
}

test('the token page from the keyboard alone', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'manager@acme.test' });
  await b.createTokenViaApi(page, server.baseUrl, { name: NAME, workspace_role: 'workspace_member' });
  await b.createTokenViaApi(page, server.baseUrl, { name: OTHER, workspace_role: 'workspace_viewer' });
  await b.reloadApp(page);
  await page.getByRole('row', { name: new RegExp(NAME) }).waitFor();

  // Tab from the search box walks the toolbar, then the table.
  await page.getByRole('textbox', { name: 'Search tokens' }).focus();
  await b.settle(page);
  const stops = await moveTo(page, `button:Actions for ${NAME}`);
  for (const stop of ['combobox:Access type filter', 'combobox:Status filter',
    'combobox:Created by filter', 'button:Dates', 'columnheader:Created',
    'button:Show or hide columns', `button:Actions for ${OTHER}`]) {
    assert.ok(stops.includes(stop), `${stop} not in ${stops.join(' | ')}`);
  }
  assert.ok(stops.some((stop) => stop.startsWith('row:')), stops.join(' | '));
  // On past the last row, Tab comes round through the top bar to Create Token, and
  // Shift+Tab goes back.
  const round = await moveTo(page, 'button:Create Token');
  assert.ok(round.includes('button:Sign out'), round.join(' | '));

  // A filter: open with Enter, arrows to an option, Enter picks it.
  await moveTo(page, 'combobox:Status filter', 'Shift+Tab');
  await key(page, 'Enter');
  await page.getByRole('listbox').waitFor();
  await moveTo(page, 'option:Disabled', 'ArrowDown', 6);
  await key(page, 'Enter');
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('combobox', { name: 'Status filter' }).textContent(), 'Disabled');
  await page.getByRole('row', { name: new RegExp(NAME) }).waitFor({ state: 'detached' });
  await moveTo(page, 'button:Clear search and filters');
  await key(page, 'Enter');
  await page.getByRole('row', { name: new RegExp(NAME) }).waitFor();

  // The Dates popover opens with Enter and closes with Esc.
  await page.getByRole('button', { name: 'Dates' }).focus();
  await key(page, 'Enter');
  const dates = page.getByRole('dialog').filter({ hasText: 'Both ends are included' });
  await dates.waitFor();
  await key(page, 'Escape');
  await dates.waitFor({ state: 'detached' });

  // Column visibility: the columns button's menu; Space unticks a column.
  assert.ok((await columnHeaders(page)).includes('Created by'));
  await page.getByRole('button', { name: 'Show or hide columns' }).focus();
  await key(page, 'Enter');
  await page.getByRole('menu').waitFor();
  await moveTo(page, 'menuitemcheckbox:Created by', 'ArrowDown', 8);
  await key(page, 'Space');
  await page.waitForFunction(() => ![...document.querySelectorAll('[role="columnheader"]')]
    .some((cell) => cell.firstChild && cell.firstChild.textContent === 'Created by'));
  await key(page, 'Escape');
  await page.getByRole('menu').waitFor({ state: 'detached' });

  // The row ⋯ menu: Disable, then (a disabled token's menu) Enable.
  const actions = page.getByRole('button', { name: `Actions for ${NAME}` });
  await actions.focus();
  await key(page, 'Enter');
  await page.getByRole('menu').waitFor();
  await moveTo(page, 'menuitem:Disable', 'ArrowDown', 6);
  await key(page, 'Enter');
  await page.getByRole('status').filter({ hasText: 'is disabled' }).waitFor();
  await actions.focus();
  await key(page, 'Enter');
  assert.deepEqual(await page.getByRole('menu').getByRole('menuitem').allTextContents(),
    ['View details', 'Enable']);
  await moveTo(page, 'menuitem:Enable', 'ArrowDown', 4);
  await key(page, 'Enter');
  await page.getByRole('status').filter({ hasText: 'is enabled' }).waitFor();

  // Edit from the menu; Esc cancels and keeps the original values.
  await actions.focus();
  await key(page, 'Enter');
  await moveTo(page, 'menuitem:Edit', 'ArrowDown', 6);
  await key(page, 'Enter');
  const edit = page.getByRole('dialog', { name: 'Access Token Details' });
  await edit.getByRole('button', { name: 'Update Token' }).waitFor();
  await key(page, 'Escape');
  await edit.getByRole('button', { name: 'Update Token' }).waitFor({ state: 'detached' });
  await edit.getByRole('button', { name: 'Close' }).last().focus();
  await key(page, 'Enter');
  await edit.waitFor({ state: 'detached' });

  // Revoke from the menu, confirmed with Enter on Revoke Token.
  await actions.focus();
  await key(page, 'Enter');
  await moveTo(page, 'menuitem:Revoke…', 'ArrowDown', 6);
  await key(page, 'Enter');
  const confirm = page.getByRole('dialog', { name: 'Revoke Access Token' });
  await confirm.waitFor();
  await confirm.getByRole('button', { name: 'Revoke Token' }).focus();
  await key(page, 'Enter');
  await page.getByRole('status').filter({ hasText: 'was revoked' }).waitFor();
  assert.deepEqual((await b.listTokens(page, server.baseUrl)).map((token) => token.name), [OTHER]);
  assert.deepEqual(browser.errors, []);
});
