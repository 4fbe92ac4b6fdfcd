// The whole journey through the accessibility mirror, as a screen-reader or keyboard
// user makes it: every element is found by its role and name (getByRole), every action
// is a focus and a key. No coordinates, no window.hawzuUi. Sign in, create a project
// token with two project rows, Copy, Done, find it by search, open its details, disable,
// enable, revoke.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

const NAME = 'External Sync';

// Focuses a mirrored element (ImGui's focus follows) and presses Enter on it.
async function press(page, locator, key = 'Enter') {
  await locator.focus();
  await b.settle(page);
  await page.keyboard.press(key);
  await b.settle(page);
}

// Opens a combo box from the keyboard and picks `option` in its list.
async function choose(page, combobox, option) {
  await press(page, combobox);
  assert.equal(await combobox.getAttribute('aria-expanded'), 'true');
  await press(page, page.getByRole('listbox').getByRole('option', { name: option, exact: true }));
  await page.waitForFunction(
    ([name, value]) => {
      const box = [...document.querySelectorAll('[role="combobox"]')]
        .find((element) => element.getAttribute('aria-label') === name);
      return box && box.textContent === value && box.getAttribute('aria-expanded') === 'false';
    },
    [await combobox.getAttribute('aria-label'), option],
  );
}

function activeLabel(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.getAttribute('role') || element.tagName.toLowerCase()}:` +
      `${element.getAttribute('aria-label') || element.textContent}` : '';
  });
}

test('the whole journey with role locators and the keyboard', async (t) => {
  const { server, browser, page, context } = await b.startBrowserTest(t);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });

  // Sign in: the HTML form.
  await page.goto(server.baseUrl + '/');
  await page.getByRole('textbox', { name: 'Email' }).focus();
  await page.keyboard.type('manager@acme.test');
  await page.getByRole('textbox', { name: 'Password' }).focus();
  await page.keyboard.type('hawzu-demo');
  await page.keyboard.press('Enter');
  await b.waitForScreen(page, 'app');
  await b.settle(page);

  // The empty state offers Create Access Token.
  await press(page, page.getByRole('button', { name: 'Create Access Token' }));
  const create = page.getByRole('dialog', { name: 'Create Access Token' });
  await create.waitFor();
  assert.equal(await create.getAttribute('aria-modal'), 'true');

  // The name field has the keyboard (DOM focus too) as soon as the window opens.
  const nameBox = create.getByRole('textbox', { name: 'Token Name' });
  await page.waitForFunction(() => document.activeElement &&
    document.activeElement.getAttribute('aria-label') === 'Token Name');
  await page.keyboard.type(NAME);
  await b.settle(page);
  assert.equal(await nameBox.inputValue(), NAME);

  // Create Token is disabled, described by the reason shown next to it.
  const submit = create.getByRole('button', { name: 'Create Token' });
  assert.equal(await submit.getAttribute('aria-disabled'), 'true');
  const reason = await submit.getAttribute('aria-describedby');
  assert.ok(reason, 'a disabled Create Token has a description');
  assert.match(await page.locator(`[id="${reason}"]`).textContent(), /role/i);

  // Tab moves ImGui's focus, and the DOM focus follows: the access type radios.
  await page.keyboard.press('Tab');
  await b.settle(page);
  assert.equal(await activeLabel(page), 'radio:Workspace');
  await page.keyboard.press('Tab');
  await b.settle(page);
  assert.equal(await activeLabel(page), 'radio:Project');
  await page.keyboard.press('Space');
  await b.settle(page);
  assert.equal(await create.getByRole('radio', { name: 'Project' }).getAttribute('aria-checked'), 'true');
  assert.equal(await create.getByRole('radio', { name: 'Workspace' }).getAttribute('aria-checked'), 'false');

  // Two project rows; the role picker waits for a project.
  const role1 = create.getByRole('combobox', { name: 'Role 1' });
  assert.equal(await role1.getAttribute('aria-disabled'), 'true');
  await choose(page, create.getByRole('combobox', { name: 'Project 1' }), 'Web App');
  assert.equal(await role1.getAttribute('aria-disabled'), null);
  await choose(page, role1, 'Project Member');
  await press(page, create.getByRole('button', { name: 'Add another project' }));
  await choose(page, create.getByRole('combobox', { name: 'Project 2' }), 'Payments API');
  await choose(page, create.getByRole('combobox', { name: 'Role 2' }), 'Project Viewer');
  assert.equal(await submit.getAttribute('aria-disabled'), null);
  await press(page, submit);

  // Created: the token field never holds the token; Copy puts it on the clipboard.
  const created = page.getByRole('dialog', { name: 'Access Token Created' });
  await created.waitFor();
  const tokenBox = created.getByRole('textbox', { name: 'Access token' });
  assert.equal(await tokenBox.inputValue(), 'token value, hidden from assistive tools, use Copy');
  assert.equal(await tokenBox.getAttribute('readonly'), '');
  await press(page, created.getByRole('button', { name: 'Copy' }));
  await created.getByRole('button', { name: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^hwz_/);
  assert.ok(!(await page.content()).includes(copied), 'the token is nowhere in the DOM');
  await press(page, created.getByRole('button', { name: 'Done' }));
  await created.waitFor({ state: 'detached' });

  // Find it by search.
  await page.getByRole('textbox', { name: 'Search tokens' }).focus();
  await page.keyboard.type('Sync');
  const row = page.getByRole('row', { name: new RegExp(NAME) });
  await row.waitFor();
  await page.waitForFunction(() =>
    document.querySelectorAll('#a11y-mirror [role="table"] [role="row"]').length === 2);

  // Its details.
  await press(page, row);
  const details = page.getByRole('dialog', { name: 'Access Token Details' });
  await details.waitFor();
  await details.getByText('Web App').first().waitFor();

  // Disable, then enable: the status region confirms each.
  await press(page, details.getByRole('button', { name: 'Disable' }));
  await page.getByRole('status').filter({ hasText: 'is disabled' }).waitFor();
  const listed = await b.listTokens(page, server.baseUrl);
  assert.equal(listed[0].status, 'disabled');
  await press(page, details.getByRole('button', { name: 'Enable' }));
  await page.getByRole('status').filter({ hasText: 'is enabled' }).waitFor();
  assert.notEqual((await b.listTokens(page, server.baseUrl))[0].status, 'disabled');

  // Revoke, after the confirmation.
  await press(page, details.getByRole('button', { name: 'Revoke…' }));
  const confirm = page.getByRole('dialog', { name: 'Revoke Access Token' });
  await confirm.waitFor();
  await press(page, confirm.getByRole('button', { name: 'Revoke Token' }));
  await page.getByRole('status').filter({ hasText: 'was revoked' }).waitFor();
  await row.waitFor({ state: 'detached' });
  assert.deepEqual(await b.listTokens(page, server.baseUrl), []);
  assert.deepEqual(browser.errors, []);
});
