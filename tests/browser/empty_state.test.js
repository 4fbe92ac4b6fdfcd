// A workspace without tokens explains what they are for and offers to create one.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

test('the empty state explains access tokens and offers Create Access Token', async (t) => {
  const { server, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });

  await b.waitForItem(page, { role: 'text', label: 'No access tokens yet' });
  const explanation = await b.waitForItem(page, { role: 'text', label: /CI runners/ });
  assert.match(explanation.label, /nightly jobs/);
  assert.match(explanation.label, /sync services/);
  assert.match(explanation.label, /Hawzu API/);
  const create = await b.waitForItem(page, { role: 'button', label: 'Create Access Token' });
  assert.equal(create.enabled, true);
  // No table and no second create button while the list is empty.
  assert.equal(await b.find(page, { role: 'button', label: 'Create Token' }), null);
  assert.equal(await b.find(page, { role: 'columnheader' }), null);

  await b.clickItem(page, create);
  await b.waitForItem(page, { role: 'window', label: 'Create Access Token' });
});
