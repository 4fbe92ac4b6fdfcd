// The Token policy page (docs/web-app.md#the-token-policy-page): an Owner limits token
// lifetimes and sets reminders, the create window then offers only what the policy
// allows, a token inside the first reminder window shows Expires soon (and the status
// filter finds it), a webhook is saved with its secret shown once and a test event is
// delivered, signed, to a local receiver; a Manager sees all of it read-only.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const http = require('node:http');
const b = require('./lib/browser');

const DAY = 86400 * 1000;

// A webhook receiver on a free loopback port that keeps what it was sent.
async function startReceiver(t) {
  const received = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${server.address().port}/hawzu`, received };
}

async function typeInto(page, label, text) {
  await b.clickItem(page, { role: 'input', label });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

async function openPolicyPage(page) {
  await b.clickItem(page, { role: 'button', label: 'Token policy' });
  await b.waitForItem(page, { role: 'text', label: 'Expiry and unused tokens' });
}

// The webhook card is below the policy's: scroll the page down as a person would.
async function scrollToEnd(page) {
  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, 3000);
  await b.settle(page);
}

test('an Owner sets the policy; the create window and the list follow it', async (t) => {
  const { server, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });
  const base = server.baseUrl;
  const wid = await b.workspaceId(page, base);
  const policyUrl = `${base}/api/v1/workspace/${wid}/access-token-policy`;

  await openPolicyPage(page);
  const limit = await b.waitForItem(page, { role: 'checkbox', label: 'Limit how long a token lasts' });
  assert.equal(limit.checked, false);
  assert.equal((await b.find(page, { role: 'button', label: 'Save policy' })).enabled, false);

  await b.clickItem(page, { role: 'checkbox', label: 'Limit how long a token lasts' });
  // A lifetime limit rules out Never Expires: its checkbox is off and cannot be used.
  const never = await b.waitForItem(page, { role: 'checkbox', label: 'Allow tokens that never expire', enabled: false });
  assert.equal(never.checked, false);

  // A day count out of range is named under its field, and Save waits for a fix.
  await typeInto(page, 'Maximum lifetime in days', '0');
  await b.waitForItem(page, { role: 'text', label: /Must be a whole number of days from 1 to 3650/ });
  assert.equal((await b.find(page, { role: 'button', label: 'Save policy' })).enabled, false);
  await typeInto(page, 'Maximum lifetime in days', '30');
  await b.waitForNoItem(page, { role: 'text', label: /Must be a whole number of days/ });
  await typeInto(page, 'Expiry reminders, days before expiry', '14, 3');
  await b.clickItem(page, { role: 'button', label: 'Save policy', enabled: true });
  await b.waitForItem(page, { role: 'text', label: 'The token policy was saved.' });
  const saved = await b.apiGet(page, policyUrl);
  assert.deepEqual(saved.body, {
    max_lifetime_days: 30, allow_never_expires: false,
    disable_after_unused_days: null, expiry_warning_days: [14, 3],
  });

  // The create window offers only the choices that fit, and says why.
  await b.clickItem(page, { role: 'button', label: 'Access Tokens' });
  await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
  await b.waitForItem(page, { role: 'text', label: /tokens last at most 30 days, and Never Expires is not allowed/ });
  await b.clickItem(page, { role: 'combo', label: 'Expiry' });
  const kinds = (await b.findAll(page, { role: 'option' })).map((o) => o.label);
  assert.deepEqual(kinds, ['1 Week', 'Custom Date']);
  await page.keyboard.press('Escape');
  await b.clickItem(page, { role: 'button', label: 'Cancel', within: 'Create Access Token' });
  await b.waitForNoItem(page, { role: 'window', label: 'Create Access Token' });

  // A token expiring inside the first reminder window (14 days) shows Expires soon.
  const soon = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
  await b.createTokenViaApi(page, base, {
    name: 'Soon Ending', workspace_role: 'workspace_member', expiry: { kind: 'custom', date: soon },
  });
  await b.createTokenViaApi(page, base, {
    name: 'Plenty Left', workspace_role: 'workspace_member', expiry: { kind: 'custom', date: new Date(Date.now() + 25 * DAY).toISOString().slice(0, 10) },
  });
  await b.reloadApp(page);
  const row = await b.waitForItem(page, { role: 'row', label: 'Soon Ending' });
  const badge = await b.waitForItem(page, { role: 'badge', label: 'Expires soon' });
  assert.ok(badge.y >= row.y && badge.y <= row.y + row.h, 'the badge is on the token\'s row');
  await b.choose(page, { role: 'combo', label: 'Status filter' }, 'Expires soon');
  await b.waitForRows(page, ['Soon Ending']);
});

test('the webhook: saved with its secret once, a signed test event, the deliveries', async (t) => {
  const receiver = await startReceiver(t);
  const { server, page } = await b.startBrowserTest(t, {
    signInAs: 'owner@acme.test', serverArgs: ['--allow-private-webhooks'],
  });
  await openPolicyPage(page);
  await scrollToEnd(page);
  await b.waitForItem(page, { role: 'text', label: 'Webhook' });
  assert.equal((await b.find(page, { role: 'button', label: 'Save webhook' })).enabled, false);

  await typeInto(page, 'Payload URL', receiver.url);
  await b.clickItem(page, { role: 'checkbox', label: 'A token was revoked' });
  await b.clickItem(page, { role: 'checkbox', label: 'Expiry reminders (at each reminder day)' });
  await b.clickItem(page, { role: 'button', label: 'Save webhook', enabled: true });
  await b.waitForItem(page, { role: 'text', label: 'Copy the signing secret now' });
  const field = await b.waitForItem(page, { role: 'input', label: 'Signing secret' });
  assert.equal(field.value, 'signing secret, hidden from assistive tools, use Copy');

  // The page's copy of the secret is what the clipboard gets; it signs the deliveries.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await b.clickItem(page, { role: 'button', label: 'Copy' });
  await b.waitForItem(page, { role: 'button', label: 'Copied' });
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(secret, /^whsec_[A-Za-z0-9_-]{20,}$/);
  await b.clickItem(page, { role: 'button', label: 'Done' });
  await b.waitForNoItem(page, { role: 'text', label: 'Copy the signing secret now' });

  await b.clickItem(page, { role: 'button', label: 'Send test event' });
  await b.waitForItem(page, { role: 'text', label: /^A test event \(evt_[^)]+\) was queued/ });
  const deadline = Date.now() + 20000;
  while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  assert.equal(receiver.received.length, 1, 'the receiver got the test event');
  const [delivery] = receiver.received;
  const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(delivery.body).digest('hex');
  assert.equal(delivery.headers['x-hawzu-signature'], expected);
  assert.equal(JSON.parse(delivery.body).event, 'webhook.test');

  // The delivery log shows it once the attempt is recorded.
  let row = null;
  while (!row && Date.now() < deadline + 10000) {
    await scrollToEnd(page);
    await b.clickItem(page, { role: 'button', label: 'Refresh', enabled: true });
    await new Promise((r) => setTimeout(r, 500));
    row = await b.find(page, { role: 'row', label: /^Test event, attempt 1, .*: Delivered · HTTP 200$/ });
  }
  assert.ok(row, 'the delivery is listed');
  await page.getByRole('table', { name: 'Webhook deliveries' }).waitFor({ state: 'attached' });

  // Remove: the form is empty again.
  await b.clickItem(page, { role: 'button', label: 'Remove webhook' });
  await b.waitForItem(page, { role: 'text', label: 'The webhook was removed.' });
  await b.waitForNoItem(page, { role: 'button', label: 'Send test event' });
});

test('a Manager sees the policy and the webhook read-only', async (t) => {
  const { page } = await b.startBrowserTest(t, { signInAs: 'manager@acme.test' });
  await openPolicyPage(page);
  await b.waitForItem(page, { role: 'text', label: 'Only Workspace Owners can change the token policy.' });
  await b.waitForItem(page, { role: 'text', label: 'No limit' });
  await b.waitForItem(page, { role: 'text', label: '7 and 1 days before expiry' });
  await scrollToEnd(page);
  await b.waitForItem(page, { role: 'text', label: 'No webhook is set up for this workspace.' });
  assert.equal(await b.find(page, { role: 'checkbox' }), null);
  assert.equal(await b.find(page, { role: 'button', label: 'Save policy' }), null);
});

test('a token a scanner reported shows where it was found, in its details', async (t) => {
  const { server, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });
  const { token } = await b.createTokenViaApi(page, server.baseUrl, { name: 'Deploy Bot', workspace_role: 'workspace_member' });
  const url = 'https://github.com/acme/app/blob/abc123/.env';
  const report = await fetch(`${server.baseUrl}/api/v1/access-tokens/leaks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify([{ token, type: 'hawzu_access_token', url, source: 'commit' }]),
  });
  assert.equal(report.status, 202);
  await b.reloadApp(page);
  await b.clickItem(page, { role: 'row', label: 'Deploy Bot' });
  const within = 'Access Token Details';
  await b.waitForItem(page, { role: 'text', label: 'Reported as leaked', within });
  await b.waitForItem(page, { role: 'text', label: new RegExp(`^Reported as leaked at ${url.replace(/[.]/g, '\\.')} \\(commit\\), `), within });
  await b.waitForItem(page, { role: 'button', label: 'Enable', within });
});
