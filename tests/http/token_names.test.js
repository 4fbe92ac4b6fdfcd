// Token names (shared/access_token_request.h): look-alike names are refused (invisible
// format characters, unassigned code points), Unicode white space is trimmed, and
// names collide by full Unicode case folding.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { signIn, workspaceTokenBody, firstWorkspaceId } = require('./api_client');

let server;
let owner;
let wid;

test.before(async () => {
  server = await startServer({ demo: true });
  owner = await signIn(server, 'owner@acme.test');
  wid = firstWorkspaceId(owner);
});
test.after(() => server.stop());

const create = (name) => owner.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody(name));

test('invisible formatting characters are refused with a field error on name', async () => {
  assert.equal((await create('CI Runner')).status, 201);
  const cases = {
    'zero-width space': 'CI Runner\u200B',
    'zero-width joiner': 'CI\u200D Runner',
    'word joiner': 'CI\u2060Runner',
    'right-to-left override': '\u202ECI Runner',
    'left-to-right isolate': 'CI \u2066Runner',
    'byte order mark': '\uFEFFCI Runner',
    'soft hyphen': 'CI Run\u00ADner',
  };
  for (const [what, name] of Object.entries(cases)) {
    const res = await create(name);
    assert.equal(res.status, 400, what);
    assert.deepEqual(res.body.errors.map((e) => e.field), ['name'], what);
    assert.match(res.body.errors[0].message, /invisible formatting characters \(found U\+[0-9A-F]{4}/, what);
  }
});

test('unassigned code points are refused', async () => {
  const res = await create('Build \u0378');
  assert.equal(res.status, 400);
  assert.equal(res.body.errors[0].field, 'name');
  assert.match(res.body.errors[0].message, /U\+0378, which is not a character in Unicode/);
});

test('Unicode white space around a name is trimmed', async () => {
  const res = await create('\u3000\u00A0Nightly\u2003');
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.access_token.name, 'Nightly');
  assert.equal((await create('\u00A0\u2028')).status, 400);
});

test('names collide by full case folding', async () => {
  assert.equal((await create('école')).status, 201);
  const upper = await create('ÉCOLE');
  assert.equal(upper.status, 409);
  assert.equal(upper.body.code, 'name_taken');

  assert.equal((await create('Straße Deploy')).status, 201);
  for (const name of ['STRASSE DEPLOY', 'strasse deploy', 'STRAẞE DEPLOY']) {
    const res = await create(name);
    assert.equal(res.status, 409, name);
  }
  // An edit to a folded twin of another token's name collides as well.
  const other = await create('Release');
  assert.equal(other.status, 201);
  const rename = await owner.patch(
    `/api/v1/workspace/${wid}/access-tokens/${other.body.access_token.id}`, { name: 'ÉCOLE' });
  assert.equal(rename.status, 409);
});
