// The create window works from the keyboard: Tab moves between fields, Space picks a
// radio button, Ctrl+V pastes from the system clipboard, Enter submits, Esc cancels.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

async function focused(page) {
  return (await b.items(page)).find((item) => item.focused) || null;
}

test('Tab, Space, paste, Enter and Esc in the create window', async (t) => {
  const { server, page, context } = await b.startBrowserTest(t);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: server.baseUrl,
  });
  await b.signIn(page, server.baseUrl, 'owner@acme.test');

  await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
  // The name field has the keyboard as soon as the window opens.
  await page.waitForFunction(() =>
    window.hawzuUi.items().some((item) => item.focused && item.label === 'Token Name'));

  // Paste from the system clipboard into the name.
  await page.evaluate(() => navigator.clipboard.writeText('External Sync'));
  await page.keyboard.press('Control+V');
  await b.settle(page);
  assert.equal((await b.find(page, { role: 'input', label: 'Token Name' })).value, 'External Sync');

  // Tab walks on through the form: the access type radios come next.
  const seen = [];
  for (let i = 0; i < 3; ++i) {
    await page.keyboard.press('Tab');
    await b.settle(page);
    const item = await focused(page);
    seen.push(item && `${item.role}:${item.label}`);
  }
  assert.ok(seen.includes('radio:Workspace'), seen.join(', '));
  assert.ok(seen.includes('radio:Project'), seen.join(', '));

  // Space on the Project radio switches the access type.
  while ((await focused(page)).label !== 'Project') {
    await page.keyboard.press('Shift+Tab');
    await b.settle(page);
  }
  await page.keyboard.press('Space');
  await b.settle(page);
  await b.waitForItem(page, { role: 'combo', label: 'Project 1' });

  // Esc closes the window and creates nothing.
  await page.keyboard.press('Escape');
  await b.settle(page);
  await b.waitForNoItem(page, { role: 'window', label: 'Create Access Token' });
  assert.deepEqual(await b.listTokens(page, server.baseUrl), []);

  // Enter in the name field submits a complete form.
  await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
  await b.choose(page, { role: 'combo', label: 'Workspace Scope' }, 'Workspace Viewer');
  await b.clickItem(page, { role: 'input', label: 'Token Name' });
  await page.keyboard.type('Keyboard Token');
  await page.keyboard.press('Enter');
  await b.waitForItem(page, { role: 'window', label: 'Access Token Created' });
  const [token] = await b.listTokens(page, server.baseUrl);
  assert.equal(token.name, 'Keyboard Token');
});
