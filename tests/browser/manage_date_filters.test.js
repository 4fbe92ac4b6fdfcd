// The Dates popover of the token toolbar: created and expiry date ranges picked from a
// calendar, in the person's local days, sent to the server, combined with each other,
// cleared one end at a time, and counted on the Dates button; in several time zones,
// on a day with a daylight-saving switch where the zone has one.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');
const { TIME_ZONES, zoneName, nextOffsetSwitch } = require('./lib/time_zones');

const TOKENS = [
  { name: 'Weekly Runner', workspace_role: 'workspace_member', expiry: { kind: '1w' } },
  { name: 'Yearly Runner', workspace_role: 'workspace_member', expiry: { kind: '1y' } },
  { name: 'Forever Runner', workspace_role: 'workspace_member', expiry: { kind: 'never' } },
];
const ALL = TOKENS.map((spec) => spec.name);

// The popover's four date fields, top to bottom and left to right: created from, created
// to, expires from, expires to. Each shows "Any day" until a day is picked.
async function dateField(page, index) {
  const fields = await b.findAll(page, { role: 'button', label: /^(Any day|\d{1,2} \w{3} \d{4})$/ });
  assert.equal(fields.length, 4, `date fields: ${fields.map((f) => f.label).join(' | ')}`);
  return fields[index];
}

async function pickDay(page, fieldIndex, { monthsAhead = 0, day }) {
  await b.clickItem(page, await dateField(page, fieldIndex));
  for (let i = 0; i < monthsAhead; ++i) await b.clickItem(page, { role: 'button', label: 'Next month' });
  await b.clickItem(page, { role: 'day', label: String(day) });
  await b.waitForNoItem(page, { role: 'day', label: String(day) });
}

for (const timezoneId of TIME_ZONES) {
test(`created and expiry date ranges filter the table (${zoneName(timezoneId)})`, async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, {
    signInAs: 'owner@acme.test',
    browser: { timezoneId },
  });
  const workspace = await b.workspaceId(page, server.baseUrl);
  for (const spec of TOKENS) await b.createTokenViaApi(page, server.baseUrl, spec, workspace);
  await b.reloadApp(page);
  await b.waitForRows(page, ALL);
  const today = await page.evaluate(() => new Date().getDate());

  await b.clickItem(page, { role: 'button', label: 'Dates' });
  await b.waitForItem(page, { role: 'text', label: 'Created' });

  // Nothing expires by the end of today.
  await pickDay(page, 3, { day: today });
  await b.waitForItem(page, { role: 'text', label: 'No access tokens match' });
  await b.waitForItem(page, { role: 'button', label: 'Dates (1)' });

  // From the 1st of the month after next: the yearly token, not the weekly one, and never
  // a token without expiry.
  await b.clickItem(page, { role: 'button', label: 'Clear Expires to' });
  await b.waitForRows(page, ALL);
  await pickDay(page, 2, { monthsAhead: 2, day: 1 });
  await b.waitForRows(page, ['Yearly Runner']);

  // Created up to today combines with it (all three were created today).
  await pickDay(page, 1, { day: today });
  await b.waitForItem(page, { role: 'button', label: 'Dates (2)' });
  await b.waitForRows(page, ['Yearly Runner']);
  await b.waitForItem(page, { role: 'text', label: '1 token matches' });

  // Clearing drops every date parameter from the list request.
  const requests = [];
  page.on('request', (request) => {
    if (request.url().includes('/access-tokens?')) requests.push(new URL(request.url()));
  });
  await page.keyboard.press('Escape');
  await b.clickItem(page, { role: 'button', label: 'Clear search and filters' });
  await b.waitForRows(page, ALL);
  assert.ok(requests.length > 0, 'clearing reloads the list');
  const cleared = requests[requests.length - 1].searchParams;
  for (const name of ['created_from', 'created_to', 'expires_from', 'expires_to']) {
    assert.equal(cleared.get(name), null, `${name} is gone after clearing`);
  }
  assert.deepEqual(browser.errors, []);
});
}

// "2027-03-14T00:00:00-05:00" for the first or last second of a local day, in the page's
// zone, each end in the offset of its own instant.
function localInstants(page, { year, month, day }) {
  return page.evaluate(([y, m, d]) => {
    const pad = (n) => String(Math.abs(n)).padStart(2, '0');
    const format = (instant) => {
      const offset = -instant.getTimezoneOffset();
      const zone = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
      return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}` +
        `T${pad(instant.getHours())}:${pad(instant.getMinutes())}:${pad(instant.getSeconds())}${zone}`;
    };
    const start = new Date(y, m, d);
    const end = new Date(new Date(y, m, d + 1).getTime() - 1000);
    return { from: format(start), to: format(end) };
  }, [year, month, day]);
}

for (const timezoneId of TIME_ZONES) {
test(`the date range reaches the server as local-day instants (${zoneName(timezoneId)})`, async (t) => {
  const { server, page } = await b.startBrowserTest(t, {
    signInAs: 'owner@acme.test',
    browser: { timezoneId },
  });
  await b.createTokenViaApi(page, server.baseUrl, TOKENS[1]);
  await b.reloadApp(page);
  await b.waitForRows(page, ['Yearly Runner']);
  const requests = [];
  page.on('request', (request) => {
    if (request.url().includes('/access-tokens?')) requests.push(new URL(request.url()));
  });
  const sent = () => requests[requests.length - 1].searchParams;
  await b.clickItem(page, { role: 'button', label: 'Dates' });

  // Today: the token created now is in the range.
  const today = await page.evaluate(() => {
    const d = new Date();
    return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), monthsAhead: 0 };
  });
  await pickDay(page, 0, today);
  await pickDay(page, 1, today);
  await b.waitForRows(page, ['Yearly Runner']);
  assert.deepEqual({ from: sent().get('created_from'), to: sent().get('created_to') },
    await localInstants(page, today));

  // The next day with a daylight-saving switch: its two ends have different offsets.
  const change = await nextOffsetSwitch(page);
  if (timezoneId) assert.equal(change === null, timezoneId === 'Pacific/Kiritimati', 'switches where the zone has them');
  if (change) {
    await b.clickItem(page, { role: 'button', label: 'Clear Created from' });
    await b.clickItem(page, { role: 'button', label: 'Clear Created to' });
    await pickDay(page, 0, change);
    await pickDay(page, 1, change);
    await b.waitForItem(page, { role: 'text', label: 'No access tokens match' });
    const expected = await localInstants(page, change);
    assert.notEqual(expected.from.slice(-6), expected.to.slice(-6), `a switch on ${JSON.stringify(change)}`);
    assert.deepEqual({ from: sent().get('created_from'), to: sent().get('created_to') }, expected);
  }
});
}
