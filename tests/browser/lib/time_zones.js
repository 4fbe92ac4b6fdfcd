// Time zones the date tests run in (Playwright's timezoneId), and where the next
// daylight-saving switch of the page's zone falls, so a test can pick that day.
'use strict';

// Two zones with daylight saving on opposite sides of the year, one 14 hours east of
// UTC (its local day starts the previous UTC day), and the machine's own (undefined).
const TIME_ZONES = [undefined, 'America/New_York', 'Australia/Sydney', 'Pacific/Kiritimati'];

function zoneName(zone) {
  return zone || 'the machine\'s zone';
}

/**
 * In the page's zone, the next local day (from tomorrow, within 13 months) whose UTC
 * offset at its end differs from the offset at its start, as {monthsAhead, day, year,
 * month} (month 0-based, monthsAhead counted from the current month), or null when the
 * zone has no switch.
 */
function nextOffsetSwitch(page) {
  return page.evaluate(() => {
    const now = new Date();
    for (let i = 1; i <= 400; ++i) {
      const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + i);
      const next = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
      const end = new Date(next.getTime() - 1000);
      if (start.getTimezoneOffset() !== end.getTimezoneOffset()) {
        return {
          year: start.getFullYear(),
          month: start.getMonth(),
          day: start.getDate(),
          monthsAhead: (start.getFullYear() - now.getFullYear()) * 12 + start.getMonth() - now.getMonth(),
        };
      }
    }
    return null;
  });
}

module.exports = { TIME_ZONES, zoneName, nextOffsetSwitch };
