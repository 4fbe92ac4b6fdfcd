// The role-only journey (a11y_journey.test.js) in Firefox ESR, the browser most screen
// reader users pair with NVDA. Debian's firefox-esr is driven by puppeteer-core over
// WebDriver BiDi; it needs a display for WebGL 2 (Mesa's software renderer), so CTest runs
// this file under xvfb-run. Every element is found by its ARIA role and name
// (puppeteer's ::-p-aria selectors, answered by Firefox's accessibility tree), every
// action is a focus and a key. No coordinates, no window.hawzuUi.items(). Sign in, create
// a project token with two project rows, Copy, Done, find it by search, open its details,
// disable, enable, revoke; the API confirms each step, and the revoked token is refused.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const puppeteer = require('puppeteer-core');
const { startServer } = require('../support/server');

const NAME = 'External Sync';
const FIREFOX = process.env.HAWZU_FIREFOX || '/usr/bin/firefox-esr';

// An ARIA selector: role and accessible name, both exact.
function aria(role, name) {
  return name === undefined
    ? `::-p-aria([role="${role}"])`
    : `::-p-aria([name="${name.replace(/"/g, '\\"')}"][role="${role}"])`;
}

async function openFirefox() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      // navigator.clipboard.readText() without Firefox's paste prompt (a testing switch).
      'dom.events.testing.asyncClipboard': true,
      'dom.events.asyncClipboard.readText': true,
    },
  });
  const page = (await browser.pages())[0] || (await browser.newPage());
  await page.setViewport({ width: 1280, height: 800 });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    page,
    errors,
    async close() {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until no request is in flight and the UI has drawn its last frames. */
async function settle(page) {
  await page.waitForFunction(() => window.hawzuUi && window.hawzuUi.requestsInFlight() === 0 &&
    window.hawzuUi.inputQueued() === 0, { timeout: 10000 });
  await page.evaluate(() => new Promise((resolve) => {
    let left = 6;
    const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }));
}

function attribute(handle, name) {
  return handle.evaluate((element, attr) => element.getAttribute(attr), name);
}

// Focuses a mirrored element (ImGui's focus follows) and presses `key` on it.
async function press(page, handle, key = 'Enter') {
  await handle.focus();
  await settle(page);
  await page.keyboard.press(key);
  await settle(page);
}

// Opens a combo box from the keyboard and picks `option` in its list.
async function choose(page, combobox, option) {
  await press(page, combobox);
  assert.equal(await attribute(combobox, 'aria-expanded'), 'true');
  const listbox = await page.waitForSelector(aria('listbox'));
  await press(page, await listbox.waitForSelector(aria('option', option)));
  await page.waitForFunction((box, value) =>
    box.isConnected && box.textContent === value && box.getAttribute('aria-expanded') === 'false',
  { timeout: 10000 }, combobox, option);
}

function activeLabel(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.getAttribute('role') || element.tagName.toLowerCase()}:` +
      `${element.getAttribute('aria-label') || element.textContent}` : '';
  });
}

// Waits until the status live region says something containing `text`.
async function waitForStatus(page, text) {
  const status = await page.waitForSelector(aria('status'));
  await page.waitForFunction((element, wanted) => element.textContent.includes(wanted),
    { timeout: 10000 }, status, text);
}

// The API, with the page's own session cookie (a fetch from the page).
function api(page, urlPath) {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin' });
    return { status: response.status, body: await response.json() };
  }, urlPath);
}

async function listTokens(page) {
  const session = await api(page, '/api/v1/session');
  const list = await api(page, `/api/v1/workspace/${session.body.workspaces[0].id}/access-tokens`);
  return list.body.items;
}

// Calls the API with the token alone (no cookie), from Node.
async function self(baseUrl, token) {
  const response = await fetch(baseUrl + '/api/v1/access-tokens/self', {
    headers: { Authorization: `Bearer ${token}` },
  });
  await response.text();
  return response.status;
}

test('the whole journey in Firefox ESR with ARIA selectors and the keyboard', async (t) => {
  const server = await startServer({ demo: true });
  const firefox = await openFirefox();
  t.after(async () => {
    await firefox.close();
    await server.stop();
  });
  const { page } = firefox;

  // Sign in: the HTML form.
  await page.goto(server.baseUrl + '/');
  await page.waitForFunction(() => document.body.dataset.screen === 'sign-in', { timeout: 20000 });
  await (await page.waitForSelector(aria('textbox', 'Email'))).focus();
  await page.keyboard.type('manager@acme.test');
  // Firefox gives a password field the role "password text", not "textbox", so the
  // accessibility locator cannot name it as one: Tab reaches it from the email box.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'password');
  await page.keyboard.type('hawzu-demo');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.body.dataset.screen === 'app', { timeout: 30000 });
  await settle(page);

  // The empty state offers Create Access Token.
  await press(page, await page.waitForSelector(aria('button', 'Create Access Token')));
  const create = await page.waitForSelector(aria('dialog', 'Create Access Token'));
  assert.equal(await attribute(create, 'aria-modal'), 'true');

  // The name field has the keyboard (DOM focus too) as soon as the window opens.
  const nameBox = await create.waitForSelector(aria('textbox', 'Token Name'));
  await page.waitForFunction(() => document.activeElement &&
    document.activeElement.getAttribute('aria-label') === 'Token Name', { timeout: 10000 });
  await page.keyboard.type(NAME);
  await settle(page);
  assert.equal(await nameBox.evaluate((element) => element.value), NAME);

  // Create Token is disabled, described by the reason shown next to it.
  const submit = await create.waitForSelector(aria('button', 'Create Token'));
  assert.equal(await attribute(submit, 'aria-disabled'), 'true');
  const reason = await attribute(submit, 'aria-describedby');
  assert.ok(reason, 'a disabled Create Token has a description');
  assert.match(await page.evaluate((id) => document.getElementById(id).textContent, reason), /role/i);

  // Tab moves ImGui's focus, and the DOM focus follows: the access type radios.
  await page.keyboard.press('Tab');
  await settle(page);
  assert.equal(await activeLabel(page), 'radio:Workspace');
  await page.keyboard.press('Tab');
  await settle(page);
  assert.equal(await activeLabel(page), 'radio:Project');
  await page.keyboard.press(' ');
  await settle(page);
  assert.equal(await attribute(await create.waitForSelector(aria('radio', 'Project')), 'aria-checked'), 'true');
  assert.equal(await attribute(await create.waitForSelector(aria('radio', 'Workspace')), 'aria-checked'), 'false');

  // Two project rows; the role picker waits for a project.
  const role1 = await create.waitForSelector(aria('combobox', 'Role 1'));
  assert.equal(await attribute(role1, 'aria-disabled'), 'true');
  await choose(page, await create.waitForSelector(aria('combobox', 'Project 1')), 'Web App');
  assert.equal(await attribute(role1, 'aria-disabled'), null);
  await choose(page, role1, 'Project Member');
  await press(page, await create.waitForSelector(aria('button', 'Add another project')));
  await choose(page, await create.waitForSelector(aria('combobox', 'Project 2')), 'Payments API');
  await choose(page, await create.waitForSelector(aria('combobox', 'Role 2')), 'Project Viewer');
  assert.equal(await attribute(submit, 'aria-disabled'), null);
  await press(page, submit);

  // Created: the token field never holds the token; Copy puts it on the clipboard.
  const created = await page.waitForSelector(aria('dialog', 'Access Token Created'));
  const tokenBox = await created.waitForSelector(aria('textbox', 'Access token'));
  assert.equal(await tokenBox.evaluate((element) => element.value),
    'token value, hidden from assistive tools, use Copy');
  assert.equal(await attribute(tokenBox, 'readonly'), '');
  await press(page, await created.waitForSelector(aria('button', 'Copy')));
  await created.waitForSelector(aria('button', 'Copied'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^hwz_/);
  assert.ok(!(await page.content()).includes(copied), 'the token is nowhere in the DOM');
  assert.equal(await self(server.baseUrl, copied), 200, 'the copied token works');
  await press(page, await created.waitForSelector(aria('button', 'Done')));
  await page.waitForSelector(aria('dialog', 'Access Token Created'), { hidden: true });

  // Find it by search: the table keeps one header row and the token's row.
  await (await page.waitForSelector(aria('textbox', 'Search tokens'))).focus();
  await page.keyboard.type('Sync');
  await page.waitForFunction(() =>
    document.querySelectorAll('#a11y-mirror [role="table"] [role="row"]').length === 2,
  { timeout: 10000 });
  await settle(page);
  const rows = await page.$$(aria('row'));
  const names = await Promise.all(rows.map((row) => row.evaluate((element) =>
    element.getAttribute('aria-label') || element.textContent)));
  const row = rows[names.findIndex((label) => label.includes(NAME))];
  assert.ok(row, `a row named ${NAME} in ${JSON.stringify(names)}`);

  // Its details.
  await press(page, row);
  const details = await page.waitForSelector(aria('dialog', 'Access Token Details'));
  await page.waitForFunction((dialog) => dialog.textContent.includes('Web App') &&
    dialog.textContent.includes('Payments API'), { timeout: 10000 }, details);

  // Disable, then enable: the status region confirms each, the API and the token agree.
  await press(page, await details.waitForSelector(aria('button', 'Disable')));
  await waitForStatus(page, 'is disabled');
  assert.equal((await listTokens(page))[0].status, 'disabled');
  assert.equal(await self(server.baseUrl, copied), 401, 'a disabled token is refused');
  await press(page, await details.waitForSelector(aria('button', 'Enable')));
  await waitForStatus(page, 'is enabled');
  assert.notEqual((await listTokens(page))[0].status, 'disabled');
  assert.equal(await self(server.baseUrl, copied), 200, 'an enabled token works again');

  // Revoke, after the confirmation.
  await press(page, await details.waitForSelector(aria('button', 'Revoke…')));
  const confirm = await page.waitForSelector(aria('dialog', 'Revoke Access Token'));
  await press(page, await confirm.waitForSelector(aria('button', 'Revoke Token')));
  await waitForStatus(page, 'was revoked');
  await page.waitForFunction((element) => !element.isConnected, { timeout: 10000 }, row);
  assert.deepEqual(await listTokens(page), []);
  assert.equal(await self(server.baseUrl, copied), 401, 'a revoked token is refused');
  assert.deepEqual(firefox.errors, []);
});
