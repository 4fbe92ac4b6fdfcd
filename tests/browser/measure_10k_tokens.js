// Measures the Access Tokens page with 10,000 tokens in the workspace, in the real
// server and the real WASM build:
//   node tests/browser/measure_10k_tokens.js [token-count]
// Not a test (nothing here passes or fails on speed): run it by hand and read the figures.
// It seeds the tokens through the API, signs in, and reports the time to the first
// table, frame intervals while scrolling through the rows (pages load as the end comes
// into view), the time a search takes to show its answer, and the time a sort takes.
// Headless Chromium draws WebGL in software (SwiftShader), so frame intervals here are
// an upper bound for a real browser with a GPU.
'use strict';

const { startServer } = require('../support/server');
const { signIn, workspaceTokenBody } = require('../http/api_client');
const b = require('./lib/browser');

const count = Number(process.argv[2] || 10000);

async function seed(server, owner, wid) {
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const name = `Runner ${String(i).padStart(5, '0')}`;
      const res = await owner.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody(name));
      if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${res.text}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return (Date.now() - started) / 1000;
}

function percentile(values, p) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// Times every requestAnimationFrame callback of the page: the app's whole frame (ImGui,
// the table, the GL calls), without the compositor's work.
function timeFrameCallbacks() {
  const original = window.requestAnimationFrame.bind(window);
  window.__frameWork = [];
  window.requestAnimationFrame = (callback) =>
    original((time) => {
      const started = performance.now();
      callback(time);
      window.__frameWork.push(performance.now() - started);
    });
}

// Frame intervals and the app's work per frame (ms) while `action` runs.
async function measureFrames(page, action) {
  await page.evaluate(() => {
    window.__frames = [];
    window.__frameWork = [];
    window.__recording = true;
    const step = (time) => {
      window.__frames.push(time);
      if (window.__recording) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  await action();
  const { times, work } = await page.evaluate(() => {
    window.__recording = false;
    return { times: window.__frames, work: window.__frameWork };
  });
  return { intervals: times.slice(1).map((time, i) => time - times[i]), work };
}

const describe = (values) =>
  `median ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, ` +
  `max ${Math.max(...values).toFixed(1)} ms`;

// The labels of the rows on screen, top to bottom.
async function rowsInView(page) {
  return (await b.findAll(page, { role: 'row' })).map((row) => row.label);
}

async function main() {
  const server = await startServer({ demo: true });
  const browser = await b.openBrowser();
  const { page } = browser;
  try {
    const owner = await signIn(server, 'owner@acme.test');
    const wid = owner.session.workspaces[0].id;
    const seedSeconds = await seed(server, owner, wid);
    console.log(`seeded ${count} tokens in ${seedSeconds.toFixed(1)} s`);

    await page.addInitScript(timeFrameCallbacks);
    const shown = Date.now();
    await b.signIn(page, server.baseUrl, 'owner@acme.test');
    await b.waitForItem(page, { role: 'row' }, 30000);
    console.log(`sign-in to first table rows: ${Date.now() - shown} ms`);

    // Scroll down through the rows with the mouse wheel, as a person would.
    await page.mouse.move(640, 500);
    const scroll = await measureFrames(page, async () => {
      for (let i = 0; i < 120; ++i) {
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(16);
      }
      await b.settle(page, 30000);
    });
    const view = await rowsInView(page);
    console.log(`scrolling, ${scroll.intervals.length} frames: intervals ${describe(scroll.intervals)}`);
    console.log(`  the app's work per frame: ${describe(scroll.work)}`);
    console.log(`  rows in view afterwards: ${view[0]} … ${view[view.length - 1]}`);

    // Back to the top, then a search: type, and wait for the answer on screen.
    await page.mouse.wheel(0, -1e7);
    await b.settle(page);
    const field = await b.waitForItem(page, { label: 'Search tokens' });
    await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
    const typed = Date.now();
    await page.keyboard.type('Runner 0424');
    await b.waitForItem(page, { role: 'text', label: '10 tokens match' }, 30000);
    console.log(`search (typing 11 characters, 250 ms settle, answer shown): ${Date.now() - typed} ms`);
    await b.clickItem(page, { role: 'button', label: 'Clear search and filters' });

    // A sort by label over all 10,000.
    const sorted = Date.now();
    await b.clickItem(page, { role: 'columnheader', label: 'Label' });
    await b.waitForItem(page, { role: 'row', label: 'Runner 00000' }, 30000);
    console.log(`sort by label, first rows shown: ${Date.now() - sorted} ms`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
