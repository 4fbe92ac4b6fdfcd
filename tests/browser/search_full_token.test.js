// A whole token typed or pasted into the search box is searched by its public
// identifier: the secret never goes into a URL.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

test('a full token in the search box is sent as its identifier only', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });
  const workspace = await b.workspaceId(page, server.baseUrl);
  const wanted = await b.createTokenViaApi(page, server.baseUrl,
    { name: 'Deploy Bot', workspace_role: 'workspace_member' }, workspace);
  await b.createTokenViaApi(page, server.baseUrl,
    { name: 'Other Bot', workspace_role: 'workspace_member' }, workspace);
  await b.reloadApp(page);
  await b.waitForRows(page, ['Deploy Bot', 'Other Bot']);

  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  await b.clickItem(page, { role: 'input', label: 'Search tokens' });
  await page.keyboard.type(wanted.token);
  await b.waitForRows(page, ['Deploy Bot']);
  await b.waitForItem(page, { role: 'text', label: '1 token matches' });

  const identifier = wanted.accessToken.identifier;
  assert.equal(identifier, wanted.token.slice(0, 12));
  const secret = wanted.token.slice(12);
  const leaking = urls.filter((url) => url.includes(secret));
  assert.deepEqual(leaking, [], 'no request URL carries the secret part');
  const searches = urls.filter((url) => url.includes('/access-tokens?'))
    .map((url) => new URL(url).searchParams.get('q'));
  assert.equal(searches[searches.length - 1], identifier);
  assert.deepEqual(browser.errors, []);
});
