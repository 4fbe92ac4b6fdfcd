// Browser-test plumbing: Debian's Chromium through playwright-core, and the small set of
// moves a person makes on the ImGui canvas. Tests click and type like a person (mouse
// clicks at coordinates, keyboard typing); window.hawzuUi.items() only tells them where
// things are (see web/platform/ui_items.h).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

// Flags that give headless Chromium a software WebGL 2 (the swiftshader pair) and keep it
// from calling home (docs/testing.md#browser-tests).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Starts Chromium with a fresh profile. Returns {context, page, close()}.
 * @param {object} [options]
 * @param {number} [options.deviceScaleFactor] devicePixelRatio (1 or 2)
 * @param {{width:number,height:number}} [options.viewport]
 * @param {string} [options.grantClipboardTo] an origin to grant clipboard-read/write
 * @param {string} [options.timezoneId] an IANA time zone for the page (default: the machine's)
 * @param {boolean} [options.bypassCSP] let tests inject scripts (axe-core) past the CSP
 */
async function openBrowser(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.HAWZU_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport || { width: 1280, height: 800 },
    deviceScaleFactor: options.deviceScaleFactor || 1,
    timezoneId: options.timezoneId,
    bypassCSP: Boolean(options.bypassCSP),
  });
  if (options.grantClipboardTo) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: options.grantClipboardTo,
    });
  }
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Which screen the page shows: loading | sign-in | app | fatal. */
function screen(page) {
  return page.evaluate(() => document.body.dataset.screen);
}

async function waitForScreen(page, name, timeout = 20000) {
  await page.waitForFunction((wanted) => document.body.dataset.screen === wanted, name, {
    timeout,
  });
}

/** Signs in through the HTML form, typing like a person, and waits for the app. */
async function signIn(page, baseUrl, email, password = 'hawzu-demo') {
  await page.goto(baseUrl + '/');
  await waitForScreen(page, 'sign-in');
  await page.click('#email');
  await page.keyboard.type(email);
  await page.click('#password');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'app');
  await settle(page);
}

/** Waits until no request is in flight and the UI has drawn its last frames. */
async function settle(page, timeout = 10000) {
  // No request in flight, and every typed key processed (ImGui takes about one key
  // change per frame, so fast typing can be several frames ahead of the screen).
  await page.waitForFunction(() => window.hawzuUi && window.hawzuUi.requestsInFlight() === 0 &&
    window.hawzuUi.inputQueued() === 0, null, { timeout });
  // A few animation frames, so the frames a finished request asked for are drawn.
  await page.evaluate(
    () => new Promise((resolve) => {
      let left = 6;
      const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
      requestAnimationFrame(step);
    }),
  );
}

function items(page) {
  return page.evaluate(() => window.hawzuUi.items());
}

function matches(item, query) {
  if (query.role && item.role !== query.role) return false;
  if (query.label !== undefined) {
    if (query.label instanceof RegExp ? !query.label.test(item.label) : item.label !== query.label) {
      return false;
    }
  }
  if (query.enabled !== undefined && item.enabled !== query.enabled) return false;
  return true;
}

/**
 * All items of the last frame matching {role, label (string or RegExp), enabled,
 * within (the label of a window the item must lie in)}, top to bottom.
 */
async function findAll(page, query) {
  const all = await items(page);
  let found = all.filter((item) => matches(item, query));
  if (query.within) {
    const window = all.find((item) => item.role === 'window' && item.label === query.within);
    if (!window) return [];
    const inside = (item) =>
      item.x >= window.x && item.y >= window.y &&
      item.x + item.w <= window.x + window.w && item.y + item.h <= window.y + window.h;
    found = found.filter(inside);
  }
  return found.sort((a, b) => a.y - b.y || a.x - b.x);
}

async function find(page, query) {
  const found = await findAll(page, query);
  return found[0] || null;
}

/** Waits until an item matching `query` shows, and returns it. */
async function waitForItem(page, query, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const item = await find(page, query);
    if (item) return item;
    if (Date.now() > deadline) {
      const seen = (await items(page)).map((i) => `${i.role}:${i.label}`).join(', ');
      throw new Error(`no item ${JSON.stringify(query, (k, v) => (v instanceof RegExp ? String(v) : v))} in: ${seen}`);
    }
    await page.waitForTimeout(50);
  }
}

async function waitForNoItem(page, query, timeout = 10000) {
  const deadline = Date.now() + timeout;
  while (await find(page, query)) {
    if (Date.now() > deadline) throw new Error(`item still shown: ${JSON.stringify(query)}`);
    await page.waitForTimeout(50);
  }
}

/** Clicks the middle of an item with the mouse, as a person would. */
async function clickItem(page, itemOrQuery) {
  const item = itemOrQuery.x === undefined ? await waitForItem(page, itemOrQuery) : itemOrQuery;
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  await settle(page);
  return item;
}

/** Clicks a select, then the option labelled `option` in its list. */
async function choose(page, selectQuery, option) {
  await clickItem(page, selectQuery);
  await clickItem(page, { role: 'option', label: option });
}

module.exports = {
  openBrowser,
  screen,
  waitForScreen,
  signIn,
  settle,
  items,
  find,
  findAll,
  waitForItem,
  waitForNoItem,
  clickItem,
  choose,
};

/**
 * GET a JSON API path with the page's own session cookie (the browser context's
 * request client shares its cookies). Returns {status, body}.
 */
async function apiGet(page, url) {
  const response = await page.request.get(url);
  const text = await response.text();
  return { status: response.status(), body: text ? JSON.parse(text) : null };
}

/** The signed-in user's workspace id, from GET /api/v1/session. */
async function workspaceId(page, baseUrl) {
  const session = await apiGet(page, baseUrl + '/api/v1/session');
  return session.body.workspaces[0].id;
}

/** The workspace's access tokens as the API lists them. */
async function listTokens(page, baseUrl) {
  const id = await workspaceId(page, baseUrl);
  const list = await apiGet(page, `${baseUrl}/api/v1/workspace/${id}/access-tokens`);
  return list.body.items;
}

module.exports.apiGet = apiGet;
module.exports.workspaceId = workspaceId;
module.exports.listTokens = listTokens;

/**
 * A state-changing request with the page's session cookie and the header the server
 * wants on those (X-Requested-With). `data` (optional) goes as JSON. Returns {status, body}.
 */
async function apiSend(page, method, url, data) {
  const options = { method, headers: { 'X-Requested-With': 'hawzu-web' } };
  if (data !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.data = data;
  }
  const response = await page.request.fetch(url, options);
  const text = await response.text();
  return { status: response.status(), body: text ? JSON.parse(text) : null };
}

/**
 * Creates an access token through the API with the page's session, as the signed-in
 * person. `spec`: {name, workspace_role} or {name, projects: [{project_id, role}]};
 * `expiry` defaults to never. Returns {token, accessToken} (the token text is only here).
 */
async function createTokenViaApi(page, baseUrl, spec, workspace) {
  const id = workspace || (await workspaceId(page, baseUrl));
  const body = {
    name: spec.name,
    access_type: spec.workspace_role ? 'workspace' : 'project',
    expiry: spec.expiry || { kind: 'never' },
  };
  if (spec.workspace_role) body.workspace_role = spec.workspace_role;
  else body.projects = spec.projects;
  const created = await apiSend(page, 'POST', `${baseUrl}/api/v1/workspace/${id}/access-tokens`, body);
  if (created.status !== 201) {
    throw new Error(`creating ${spec.name} answered ${created.status}: ${JSON.stringify(created.body)}`);
  }
  return { token: created.body.token, accessToken: created.body.access_token };
}

/**
 * Calls the Hawzu API with `Authorization: Bearer <token>` and nothing else (no cookie).
 * Returns {status, body}.
 */
async function bearer(baseUrl, token, method, urlPath, data) {
  const headers = { Authorization: `Bearer ${token}` };
  if (data !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(baseUrl + urlPath, {
    method,
    headers,
    body: data === undefined ? undefined : JSON.stringify(data),
  });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

/** The labels of the table rows in view, top to bottom. */
async function rowLabels(page) {
  return (await findAll(page, { role: 'row' })).map((row) => row.label);
}

/** Waits until the rows in view are exactly `labels` (in any order unless `ordered`). */
async function waitForRows(page, labels, { ordered = false, timeout = 10000 } = {}) {
  const wanted = ordered ? labels : [...labels].sort();
  const deadline = Date.now() + timeout;
  for (;;) {
    const seen = await rowLabels(page);
    const got = ordered ? seen : [...seen].sort();
    if (JSON.stringify(got) === JSON.stringify(wanted)) return seen;
    if (Date.now() > deadline) {
      throw new Error(`rows ${JSON.stringify(seen)}, wanted ${JSON.stringify(wanted)}`);
    }
    await page.waitForTimeout(50);
  }
}

/** Everything drawn on the table row labelled `label` (its cells), left to right. */
async function rowItems(page, label) {
  const all = await items(page);
  const row = all.find((item) => item.role === 'row' && item.label === label);
  if (!row) return [];
  return all
    .filter((item) => item !== row && item.role !== 'window' &&
      item.y >= row.y - 1 && item.y + item.h <= row.y + row.h + 1)
    .sort((a, b) => a.x - b.x);
}

/** Loads the page again (the session cookie stays) and waits for the app. */
async function reloadApp(page) {
  await page.reload();
  await waitForScreen(page, 'app');
  await settle(page);
}

module.exports.apiSend = apiSend;
module.exports.createTokenViaApi = createTokenViaApi;
module.exports.bearer = bearer;
module.exports.rowLabels = rowLabels;
module.exports.waitForRows = waitForRows;
module.exports.rowItems = rowItems;
module.exports.reloadApp = reloadApp;

/**
 * The usual start of a browser test: a demo server and a browser, both closed when the
 * test `t` ends, and, with `signInAs`, that person signed in through the form.
 * Returns {server, browser, page, context}.
 * @param {object} [options]
 * @param {string} [options.signInAs] an email of a demo account
 * @param {object} [options.browser] options for openBrowser()
 * @param {string[]} [options.serverArgs] more hawzu-server flags
 */
async function startBrowserTest(t, options = {}) {
  const { startServer } = require('../../support/server');
  const server = await startServer({ demo: true, args: options.serverArgs });
  const browser = await openBrowser(options.browser);
  t.after(async () => {
    await browser.close();
    await server.stop();
  });
  if (options.signInAs) await signIn(browser.page, server.baseUrl, options.signInAs);
  return { server, browser, page: browser.page, context: browser.context };
}

module.exports.startBrowserTest = startBrowserTest;
