// Custom Date opens a calendar; days before today cannot be chosen; the token then
// expires at the end of the chosen local day, in that day's offset: in several time
// zones, choosing the next day with a daylight-saving switch where the zone has one.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');
const { TIME_ZONES, zoneName, nextOffsetSwitch } = require('./lib/time_zones');

for (const timezoneId of TIME_ZONES) {
test(`the calendar refuses past days and sets the end of the chosen day (${zoneName(timezoneId)})`, async (t) => {
  const { server, page } = await b.startBrowserTest(t, {
    signInAs: 'owner@acme.test',
    browser: { timezoneId },
  });

  await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
  await page.keyboard.type('Quarterly Report');
  await b.choose(page, { role: 'combo', label: 'Workspace Scope' }, 'Workspace Viewer');
  await b.choose(page, { role: 'combo', label: 'Expiry' }, 'Custom Date');

  // Choosing Custom Date opens the calendar on the current month.
  const today = await page.evaluate(() => new Date().getDate());
  const todayButton = await b.waitForItem(page, { role: 'day', label: String(today) });
  assert.equal(todayButton.enabled, true);
  if (today > 1) {
    const yesterday = await b.find(page, { role: 'day', label: String(today - 1) });
    assert.equal(yesterday.enabled, false);
    assert.equal((await b.find(page, { role: 'day', label: '1' })).enabled, false);
  }
  assert.equal((await b.find(page, { role: 'button', label: 'Previous month' })).enabled, false);
  assert.equal((await b.find(page, { role: 'button', label: 'Create Token', within: 'Create Access Token' })).enabled, false);

  // Next month: every day can be chosen. Take the next day with a daylight-saving
  // switch (its end has another offset than now), or else the 15th of next month.
  await b.clickItem(page, { role: 'button', label: 'Next month' });
  assert.equal((await b.find(page, { role: 'day', label: '1' })).enabled, true);
  const change = await nextOffsetSwitch(page);
  const chosen = change || { monthsAhead: 1, day: 15 };
  if (chosen.monthsAhead === 0) await b.clickItem(page, { role: 'button', label: 'Previous month' });
  for (let i = 1; i < chosen.monthsAhead; ++i) await b.clickItem(page, { role: 'button', label: 'Next month' });
  await b.clickItem(page, { role: 'day', label: String(chosen.day) });
  await b.waitForNoItem(page, { role: 'day', label: String(chosen.day) });
  await b.waitForItem(page, { role: 'text', label: /^Works until the end of / });

  await b.clickItem(page, { role: 'button', label: 'Create Token', enabled: true, within: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Access Token Created' });
  await b.clickItem(page, { role: 'button', label: 'Done' });

  const [token] = await b.listTokens(page, server.baseUrl);
  const expected = await page.evaluate(({ monthsAhead, day }) => {
    const now = new Date();
    const end = new Date(now.getFullYear(), now.getMonth() + monthsAhead, day, 23, 59, 59);
    return end.toISOString().replace(/\.\d+Z$/, 'Z');
  }, chosen);
  assert.equal(token.expires_at, expected, `the end of ${JSON.stringify(chosen)}`);
});
}
