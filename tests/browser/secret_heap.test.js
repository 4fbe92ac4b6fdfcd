// After the Access Token Created window closes, the token is nowhere in the page's
// WebAssembly memory: not in the app's state, not in ImGui's text-input state (which
// keeps UTF-16 and UTF-8 copies of a field that was focused), not in the clipboard text
// that Ctrl+C and Copy staged, and not in the buffers the create answer passed through
// (fetch, JSON parser).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

// Where `needle` occurs in the whole WebAssembly heap, as UTF-8 and as UTF-16LE.
async function heapCopies(page, needle) {
  return page.evaluate((text) => {
    const heap = new Uint8Array(Module.HEAPU8.buffer);
    const utf8 = new TextEncoder().encode(text);
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; ++i) utf16[i * 2] = text.charCodeAt(i);
    const find = (pattern) => {
      const found = [];
      for (let i = heap.indexOf(pattern[0]); i !== -1 && i + pattern.length <= heap.length;
        i = heap.indexOf(pattern[0], i + 1)) {
        let j = 1;
        while (j < pattern.length && heap[i + j] === pattern[j]) ++j;
        if (j === pattern.length) found.push(i);
      }
      return found;
    };
    return { heapBytes: heap.length, utf8: find(utf8), utf16: find(utf16) };
  }, needle);
}

test('no copy of the token stays in the WASM heap after Done', async (t) => {
  const { server, page, context } = await b.startBrowserTest(t);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  await b.signIn(page, server.baseUrl, 'owner@acme.test');

  await b.clickItem(page, { role: 'button', label: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
  await page.keyboard.type('Heap Check');
  await b.choose(page, { role: 'combo', label: 'Workspace Scope' }, 'Workspace Member');
  await b.clickItem(page, { role: 'button', label: 'Create Token', enabled: true, within: 'Create Access Token' });
  await b.waitForItem(page, { role: 'window', label: 'Access Token Created' });

  // Focus the token field, select all and copy with the keyboard, then press Copy.
  const field = await b.waitForItem(page, { role: 'input', label: 'Access token', within: 'Access Token Created' });
  await b.clickItem(page, field);
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
  await page.keyboard.press(`${mod}+A`);
  await page.keyboard.press(`${mod}+C`);
  await b.settle(page);
  const keyboardCopy = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(keyboardCopy, /^hwz_[0-9A-Za-z]{42}$/, 'Ctrl+C copied the token');
  await b.clickItem(page, { role: 'button', label: 'Copy' });
  await b.waitForItem(page, { role: 'button', label: 'Copied' });
  const token = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(token, keyboardCopy);

  // While the window is open the value is in the heap (the scan finds what it looks for).
  const secret = token.slice(12);  // the part after the public identifier
  const before = await heapCopies(page, secret);
  assert.ok(before.utf8.length > 0 && before.utf16.length > 0,
    `the open window holds the value as UTF-8 and UTF-16: ${JSON.stringify(before)}`);

  await b.clickItem(page, { role: 'button', label: 'Done' });
  await b.waitForNoItem(page, { role: 'window', label: 'Access Token Created' });
  await b.settle(page);
  const after = await heapCopies(page, secret);
  assert.deepEqual({ utf8: after.utf8, utf16: after.utf16 }, { utf8: [], utf16: [] },
    `copies left in ${after.heapBytes} bytes of heap`);

  // The page still works after the wipe: the new token is listed.
  await b.waitForRows(page, ['Heap Check']);
});
