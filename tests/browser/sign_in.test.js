// Signing in and out through the HTML form.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const b = require('./lib/browser');

test('sign in, see who is signed in, sign out', async (t) => {
  const { server, browser, page } = await b.startBrowserTest(t);

  await page.goto(server.url('/'));
  await b.waitForScreen(page, 'sign-in');
  // The form is real HTML with labelled fields, so autofill and screen readers work.
  assert.equal(await page.getAttribute('#email', 'autocomplete'), 'username');
  assert.equal(await page.getAttribute('#password', 'autocomplete'), 'current-password');
  assert.equal(await page.textContent('label[for=email]'), 'Email');
  assert.equal(await page.textContent('label[for=password]'), 'Password');

  // A wrong password gets the one generic message and keeps the form.
  await page.click('#email');
  await page.keyboard.type('owner@acme.test');
  await page.click('#password');
  await page.keyboard.type('not-the-password');
  await page.click('#sign-in-button');
  await page.waitForFunction(() => document.getElementById('sign-in-error').textContent !== '');
  assert.equal(await page.textContent('#sign-in-error'), 'The email or password is incorrect.');
  assert.equal(await b.screen(page), 'sign-in');

  // An unknown account gets exactly the same message.
  await page.fill('#email', '');
  await page.click('#email');
  await page.keyboard.type('nobody@acme.test');
  await page.fill('#password', '');
  await page.click('#password');
  await page.keyboard.type('hawzu-demo');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.getElementById('sign-in-button').disabled);
  assert.equal(await page.textContent('#sign-in-error'), 'The email or password is incorrect.');

  await b.signIn(page, server.baseUrl, 'manager@acme.test');
  await b.waitForItem(page, { role: 'text', label: 'Acme QA' });
  await b.waitForItem(page, { role: 'text', label: 'Workspace Manager' });

  await b.clickItem(page, { role: 'button', label: 'Sign out' });
  await b.waitForScreen(page, 'sign-in');
  assert.match(await page.textContent('#sign-in-notice'), /signed out/);
  const session = await b.apiGet(page, server.url('/api/v1/session'));
  assert.equal(session.status, 401);

  // A reload stays signed out.
  await page.reload();
  await b.waitForScreen(page, 'sign-in');
  assert.deepEqual(browser.errors, []);
});
