// axe-core on every screen: the sign-in form, the empty state, the token table, the create
// window, the created window, the details window and the Token policy page have no
// serious or critical violations. axe is injected as a script, so this browser context
// bypasses the page's CSP (the CSP itself stays as strict as ever). The screens are
// reached through the accessibility mirror, by role and keyboard.
'use strict';

const fs = require('node:fs');
const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: AXE });
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function press(page, locator) {
  await locator.focus();
  await b.settle(page);
  await page.keyboard.press('Enter');
  await b.settle(page);
}

test('no serious or critical axe violations on any screen', async (t) => {
  const { server, page } = await b.startBrowserTest(t, { browser: { bypassCSP: true } });
  const screens = {};

  await page.goto(server.baseUrl + '/');
  await b.waitForScreen(page, 'sign-in');
  screens['sign-in'] = await seriousViolations(page);

  await b.signIn(page, server.baseUrl, 'manager@acme.test');
  await page.getByRole('button', { name: 'Create Access Token' }).waitFor();
  screens['empty state'] = await seriousViolations(page);

  await press(page, page.getByRole('button', { name: 'Create Access Token' }));
  await page.getByRole('dialog', { name: 'Create Access Token' }).waitFor();
  screens['create window'] = await seriousViolations(page);

  await page.keyboard.type('CI Runner');
  const scope = page.getByRole('combobox', { name: 'Workspace Scope' });
  await press(page, scope);
  await page.getByRole('listbox').waitFor();
  screens['create window, list open'] = await seriousViolations(page);
  await press(page, page.getByRole('option', { name: 'Workspace Viewer' }));
  await press(page, page.getByRole('button', { name: 'Create Token' }));
  await page.getByRole('dialog', { name: 'Access Token Created' }).waitFor();
  screens['created window'] = await seriousViolations(page);

  await press(page, page.getByRole('button', { name: 'Done' }));
  const row = page.getByRole('row', { name: /CI Runner/ });
  await row.waitFor();
  screens.table = await seriousViolations(page);

  await press(page, page.getByRole('button', { name: 'Actions for CI Runner' }));
  await page.getByRole('menu').waitFor();
  screens['row menu'] = await seriousViolations(page);
  await page.keyboard.press('Escape');
  await b.settle(page);

  await press(page, row);
  await page.getByRole('dialog', { name: 'Access Token Details' }).waitFor();
  screens.details = await seriousViolations(page);

  for (const [screen, violations] of Object.entries(screens)) {
    assert.deepEqual(violations, [], `${screen}: ${JSON.stringify(violations, null, 1)}`);
  }
});

test('the Token policy page: no serious or critical violations; its checkboxes work from the keyboard', async (t) => {
  const { page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test', browser: { bypassCSP: true } });
  await press(page, page.getByRole('button', { name: 'Token policy' }));
  const limit = page.getByRole('checkbox', { name: 'Limit how long a token lasts' });
  await limit.waitFor();
  assert.equal(await limit.getAttribute('aria-checked'), 'false');
  assert.deepEqual(await seriousViolations(page), []);

  // Space toggles it, as on any checkbox; the days field appears and Never Expires is
  // switched off and unavailable, which the mirror says.
  await limit.focus();
  await b.settle(page);
  await page.keyboard.press('Space');
  await b.settle(page);
  assert.equal(await limit.getAttribute('aria-checked'), 'true');
  await page.getByRole('textbox', { name: 'Maximum lifetime in days' }).waitFor();
  const never = page.getByRole('checkbox', { name: 'Allow tokens that never expire' });
  assert.equal(await never.getAttribute('aria-checked'), 'false');
  assert.equal(await never.getAttribute('aria-disabled'), 'true');
  assert.deepEqual(await seriousViolations(page), []);
});
