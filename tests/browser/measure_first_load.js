// Measures the first load of the Access Tokens page for a person who is already signed
// in (the session cookie is set, the browser cache is empty), in the real server and the
// real WASM build:
//   node tests/browser/measure_first_load.js [runs] [--network]
//   (or scripts/measure_first_load.sh). --network emulates a 10 Mbit/s link with 40 ms
//   round trips (Chromium's network emulation) instead of raw loopback.
// Not a test: it prints, for the median run, the bytes transferred (on the wire, headers
// included, as Chromium counts them) before the first signed-in frame that shows the
// table, each file's share, what arrived after that frame, and the time from the start
// of navigation to that frame. Headless Chromium on loopback: no network latency, WebGL in
// software, so the time is mostly download-free start-up (compile, fetch, first draw).
'use strict';

const { startServer } = require('../support/server');
const b = require('./lib/browser');

const runs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) || 5);
const emulateNetwork = process.argv.includes('--network');

// In the page: the time (performance.now(), ms from navigation start) of the first frame
// in which the signed-in app shows a table row.
function watchFirstSignedInFrame() {
  const original = window.requestAnimationFrame.bind(window);
  window.__firstSignedInFrame = null;
  window.requestAnimationFrame = (callback) =>
    original((time) => {
      callback(time);
      if (window.__firstSignedInFrame === null && document.body.dataset.screen === 'app' &&
          window.hawzuUi && window.hawzuUi.items().some((item) => item.role === 'row')) {
        window.__firstSignedInFrame = performance.now();
      }
    });
}

async function measureOnce(page, cdp) {
  const requests = new Map();
  const onSent = (event) => {
    if (!requests.has(event.requestId)) {
      requests.set(event.requestId, { url: event.request.url, sent: event.timestamp, bytes: 0, done: null });
    }
  };
  const onFinished = (event) => {
    const request = requests.get(event.requestId);
    if (request) Object.assign(request, { bytes: event.encodedDataLength, done: event.timestamp });
  };
  cdp.on('Network.requestWillBeSent', onSent);
  cdp.on('Network.loadingFinished', onFinished);
  await page.reload();
  await page.waitForFunction(() => window.__firstSignedInFrame !== null, null, { timeout: 60000, polling: 100 });
  const firstFrameMs = await page.evaluate(() => window.__firstSignedInFrame);
  await page.waitForTimeout(3000);  // whatever loads after the first frame
  cdp.off('Network.requestWillBeSent', onSent);
  cdp.off('Network.loadingFinished', onFinished);

  const all = [...requests.values()];
  const start = Math.min(...all.map((request) => request.sent));
  const firstFrameAt = start + firstFrameMs / 1000;
  const before = all.filter((request) => request.done !== null && request.done <= firstFrameAt);
  const after = all.filter((request) => !before.includes(request));
  const sum = (list) => list.reduce((total, request) => total + request.bytes, 0);
  return { firstFrameMs, bytesBefore: sum(before), bytesAfter: sum(after), before, after };
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main() {
  const server = await startServer({ demo: true });
  const browser = await b.openBrowser();
  const { page, context } = browser;
  try {
    await b.signIn(page, server.baseUrl, 'owner@acme.test');
    for (const name of ['CI Runner', 'Nightly Automation', 'External Sync']) {
      await b.createTokenViaApi(page, server.baseUrl, { name, workspace_role: 'workspace_member' });
    }
    await page.addInitScript(watchFirstSignedInFrame);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (emulateNetwork) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 40,
        downloadThroughput: (10 * 1000 * 1000) / 8,
        uploadThroughput: (5 * 1000 * 1000) / 8,
      });
    }

    const results = [];
    for (let i = 0; i < runs; ++i) results.push(await measureOnce(page, cdp));
    results.sort((x, y) => x.firstFrameMs - y.firstFrameMs);
    const median = results[Math.floor(results.length / 2)];
    const times = results.map((result) => result.firstFrameMs.toFixed(0)).join(', ');
    console.log(emulateNetwork ? 'network: 10 Mbit/s down, 40 ms latency' : 'network: loopback');
    console.log(`runs: ${runs}; navigation start to first signed-in frame: median ` +
      `${median.firstFrameMs.toFixed(0)} ms (all: ${times} ms)`);
    console.log(`transferred before that frame: ${kb(median.bytesBefore)} (${median.before.length} requests)`);
    const path = (url) => new URL(url).pathname + new URL(url).search;
    for (const request of [...median.before].sort((x, y) => y.bytes - x.bytes)) {
      console.log(`  ${kb(request.bytes).padStart(9)}  ${path(request.url)}`);
    }
    console.log(`transferred after it: ${kb(median.bytesAfter)} (${median.after.length} requests)`);
    for (const request of median.after) console.log(`  ${kb(request.bytes).padStart(9)}  ${path(request.url)}`);
    if (browser.errors.length) console.log(`page errors: ${browser.errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
