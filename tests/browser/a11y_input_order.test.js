// Typed keys and focus moves through the accessibility mirror keep their order. Keys reach
// ImGui through its input queue on the next frame, while a focus move made on the mirror
// (Tab in a screen reader, a script, a fast typist's click) arrives at once. Here both
// happen in one task, with no frame between them: the characters typed first must still
// land in the field that had the focus when they were typed.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

test('keys typed just before a focus move land in the field they were typed into', async (t) => {
  const { page } = await b.startBrowserTest(t, { signInAs: 'manager@acme.test' });
  await page.getByRole('button', { name: 'Create Access Token' }).focus();
  await b.settle(page);
  await page.keyboard.press('Enter');
  const create = page.getByRole('dialog', { name: 'Create Access Token' });
  await create.waitFor();
  const nameBox = create.getByRole('textbox', { name: 'Token Name' });
  await page.waitForFunction(() => document.activeElement &&
    document.activeElement.getAttribute('aria-label') === 'Token Name');
  await page.keyboard.type('CI Runne');
  await b.settle(page);

  // One synchronous task: the key "r" (down, press, up), then the focus to the scope.
  await page.evaluate(() => {
    const field = document.activeElement;
    const init = { key: 'r', code: 'KeyR', keyCode: 82, charCode: 0, which: 82, bubbles: true };
    field.dispatchEvent(new KeyboardEvent('keydown', init));
    field.dispatchEvent(new KeyboardEvent('keypress', { ...init, keyCode: 114, charCode: 114,
      which: 114 }));
    field.dispatchEvent(new KeyboardEvent('keyup', init));
    document.querySelector('[role="combobox"][aria-label="Workspace Scope"]').focus();
  });
  await b.settle(page);

  assert.equal(await nameBox.inputValue(), 'CI Runner');
  const scope = create.getByRole('combobox', { name: 'Workspace Scope' });
  assert.equal(await scope.evaluate((element) => element === document.activeElement), true);
});
