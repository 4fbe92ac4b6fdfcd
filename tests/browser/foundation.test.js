// The page loads from the real server, the WASM app starts, and ImGui draws a real
// frame on the canvas (not a blank one). Also measures how often an idle page redraws.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const b = require('./lib/browser');

test('the app loads from the server and draws its frame', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t);

  const wasm = await fetch(server.url('/app.wasm'), { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(wasm.status, 200);

  await page.goto(server.url('/'));
  // Signed out: the HTML form shows first.
  await b.waitForScreen(page, 'sign-in');
  assert.ok(await page.isVisible('#email'));

  await b.signIn(page, server.baseUrl, 'owner@acme.test');
  await b.waitForItem(page, { role: 'text', label: 'Access Tokens' });
  const found = await b.items(page);
  assert.ok(found.length > 5, `hawzuUi.items() lists the frame's widgets (${found.length})`);
  for (const item of found) {
    assert.ok(item.w > 0 && item.h > 0 && item.x >= 0 && item.y >= 0, JSON.stringify(item));
  }

  // Count the distinct colours of a screenshot: a blank canvas has one or two.
  const png = await page.screenshot({ type: 'png' });
  const colours = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + base64;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const seen = new Set();
    for (let i = 0; i < pixels.length; i += 4) {
      seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    }
    return seen.size;
  }, png.toString('base64'));
  assert.ok(colours > 50, `the frame has ${colours} distinct colours`);
  assert.deepEqual(browser.errors, []);
});

test('an idle page does not keep redrawing', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });
  await page.mouse.move(5, 790);  // away from anything that reacts to hover
  await page.waitForTimeout(1000);
  const before = await page.evaluate(() => window.hawzuUi.frames());
  await page.waitForTimeout(5000);
  const after = await page.evaluate(() => window.hawzuUi.frames());
  const framesPerSecond = (after - before) / 5;
  t.diagnostic(`idle frames per second: ${framesPerSecond}`);
  assert.ok(framesPerSecond <= 1, `idle page drew ${framesPerSecond} frames per second`);
});

test('the canvas follows window resizes and is laid out in CSS pixels at any ratio', async (t) => {
  const server = await startServer({ demo: true });
  const browsers = [];
  t.after(async () => {
    for (const browser of browsers) await browser.close();
    await server.stop();
  });

  const signOutAt = async (deviceScaleFactor) => {
    const browser = await b.openBrowser({ deviceScaleFactor });
    browsers.push(browser);
    await b.signIn(browser.page, server.baseUrl, 'owner@acme.test');
    return { browser, button: await b.waitForItem(browser.page, { role: 'button', label: 'Sign out' }) };
  };
  const one = await signOutAt(1);
  const two = await signOutAt(2);
  // The same place in CSS pixels, whatever the device pixel ratio.
  for (const key of ['x', 'y', 'w', 'h']) {
    assert.ok(Math.abs(one.button[key] - two.button[key]) <= 1, `${key}: ${one.button[key]} vs ${two.button[key]}`);
  }
  // The backing store is in device pixels.
  const size = await two.browser.page.evaluate(() => {
    const canvas = document.getElementById('canvas');
    return { width: canvas.width, height: canvas.height };
  });
  assert.deepEqual(size, { width: 2560, height: 1600 });

  // The ratio changes while the page runs (browser zoom, another screen): the backing
  // store follows and the layout stays put in CSS pixels.
  const cdp = await one.browser.context.newCDPSession(one.browser.page);
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: 1280,
    height: 800,
    deviceScaleFactor: 2,
    mobile: false,
  });
  // DevTools emulation changes the ratio without the resize or media-query events a real
  // zoom fires; the next input event wakes the app instead.
  await one.browser.page.mouse.move(640, 700);
  await one.browser.page.waitForFunction(() => document.getElementById('canvas').width === 2560);
  await b.settle(one.browser.page);
  const after = await b.waitForItem(one.browser.page, { role: 'button', label: 'Sign out' });
  assert.ok(Math.abs(after.x - one.button.x) <= 1 && Math.abs(after.w - one.button.w) <= 1,
    `Sign out moved after the ratio change: ${JSON.stringify(after)}`);
  await cdp.send('Emulation.clearDeviceMetricsOverride');

  // Narrower window: Sign out stays at the right edge.
  await one.browser.page.setViewportSize({ width: 900, height: 700 });
  await b.settle(one.browser.page);
  await one.browser.page.waitForFunction(() =>
    window.hawzuUi.items().some((item) => item.label === 'Sign out' && item.x + item.w <= 900 && item.x + item.w > 850));
});
