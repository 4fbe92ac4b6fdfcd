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

  const identifier = wanted.accessToken.identifier;
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  const searchOf = (request) => (request.url().includes('/access-tokens?')
    ? new URL(request.url()).searchParams.get('q') : null);
  // A slow machine may search a prefix while the token is still being typed (it matches
  // the same row); the search that counts is the one after the last key.
  const finalSearch = page.waitForRequest((request) => searchOf(request) === identifier,
    { timeout: 20000 });
  await b.clickItem(page, { role: 'input', label: 'Search tokens' });
  await page.keyboard.type(wanted.token);
  await finalSearch;
  await b.waitForRows(page, ['Deploy Bot']);
  await b.waitForItem(page, { role: 'text', label: '1 token matches' });

  assert.equal(identifier, wanted.token.slice(0, 12));
  const secret = wanted.token.slice(12);
  const leaking = urls.filter((url) => url.includes(secret));
  assert.deepEqual(leaking, [], 'no request URL carries the secret part');
  const searches = urls.filter((url) => url.includes('/access-tokens?'))
    .map((url) => new URL(url).searchParams.get('q'));
  assert.equal(searches[searches.length - 1], identifier);
  assert.deepEqual(browser.errors, []);
});
