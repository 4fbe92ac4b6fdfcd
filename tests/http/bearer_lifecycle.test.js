// Bearer authentication through a token's life (docs/product.md#manage-a-token,
// docs/product.md#hawzu-api, docs/product.md#tokens): a token works; disabled it is refused at
// once, enabled it works again; an edit's new role applies to the very next request; revoked or
// expired it is refused. Refusals are 401 problem+json with `WWW-Authenticate: Bearer
// realm="hawzu", error="invalid_token"`. Malformed tokens are refused before any database work, and
// a change made through one server process is seen at once by another on the same data directory.
//
// Expiry without waiting: a token with the custom date "today" (UTC) expires at the
// end of today. A second server process on the same data directory is started with
// HAWZU_TEST_NOW_OFFSET_SECONDS=172800, which moves that process's clock two days
// ahead (the server honours the variable only when it is set, and says so in its log);
// to it the token has expired, while the first process still accepts it.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const {
  signIn,
  sessionRequest,
  bearerRequest,
  createToken,
  projectsByName,
} = require('../support/token_client');

const INVALID_TOKEN = 'Bearer realm="hawzu", error="invalid_token"';

async function assertInvalidToken(res, message) {
  assert.equal(res.status, 401, message);
  assert.match(res.headers.get('content-type'), /^application\/problem\+json/, message);
  assert.equal(res.headers.get('www-authenticate'), INVALID_TOKEN, message);
  const body = await res.json();
  assert.equal(body.code, 'invalid_token', message);
  assert.equal(body.status, 401, message);
  return body;
}

// A different base62 character at `index` of the token.
function typo(token, index) {
  const c = token[index];
  return token.slice(0, index) + (c === 'a' ? 'b' : 'a') + token.slice(index + 1);
}

test('bearer token lifecycle', async (t) => {
  const server = await startServer({ demo: true });
  t.after(() => server.stop());
  const owner = await signIn(server, 'owner@acme.test');
  const wid = owner.workspaces[0].id;
  const projects = await projectsByName(server, owner, wid);
  const webApp = projects['Web App'];
  const tokensPath = `/api/v1/workspace/${wid}/access-tokens`;

  const { token, accessToken } = await createToken(server, owner, wid, {
    name: 'Lifecycle CI',
    workspace_role: 'workspace_viewer',
  });
  const self = () => bearerRequest(server, token, 'GET', '/api/v1/access-tokens/self');
  const createTestCase = () =>
    bearerRequest(server, token, 'POST', `/api/v1/workspace/${wid}/project/${webApp.id}/testcases`, {
      title: `Lifecycle ${Date.now()}`,
    });

  await t.test('a new token works and describes itself', async () => {
    const res = await self();
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.id, accessToken.id);
    assert.equal(body.identifier, accessToken.identifier);
    assert.equal(body.workspace_role, 'workspace_viewer');
    assert.equal(body.status, 'enabled');
    assert.equal(body.workspace_id, wid);
    assert.equal(body.token, undefined, 'never the secret');
    assert.equal(JSON.stringify(body).includes(token), false);
    assert.match(body.last_used_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'use is recorded');
  });

  await t.test('the access log names the token by its identifier, never its secret', async () => {
    // The server writes the line after the answer: wait for it.
    let lines = [];
    for (let i = 0; i < 50 && lines.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      lines = server.logLines().filter((l) => l.path === '/api/v1/access-tokens/self');
    }
    assert.ok(lines.length > 0, server.output.stdout);
    assert.equal(lines.at(-1).principal, `token:${accessToken.identifier}`);
    assert.equal(server.output.stdout.includes(token), false);
    assert.equal(server.output.stderr.includes(token), false);
  });

  await t.test('disabled: 401 at once; enabled: works again', async () => {
    const disabled = await sessionRequest(server, owner, 'POST', `${tokensPath}/${accessToken.id}/disable`);
    assert.equal(disabled.status, 200);
    const body = await assertInvalidToken(await self(), 'disabled');
    assert.match(body.detail, /disabled/);
    await assertInvalidToken(
      await bearerRequest(server, token, 'GET', `/api/v1/workspace/${wid}/projects`),
      'disabled, another route',
    );
    const enabled = await sessionRequest(server, owner, 'POST', `${tokensPath}/${accessToken.id}/enable`);
    assert.equal(enabled.status, 200);
    assert.equal((await self()).status, 200);
  });

  await t.test('an edit of the role applies to the next request', async () => {
    assert.equal((await createTestCase()).status, 403, 'a viewer cannot create test cases');
    const edited = await sessionRequest(server, owner, 'PATCH', `${tokensPath}/${accessToken.id}`, {
      workspace_role: 'workspace_member',
    });
    assert.equal(edited.status, 200);
    assert.equal((await createTestCase()).status, 201, 'a member can');
    const back = await sessionRequest(server, owner, 'PATCH', `${tokensPath}/${accessToken.id}`, {
      workspace_role: 'workspace_viewer',
    });
    assert.equal(back.status, 200);
    assert.equal((await createTestCase()).status, 403, 'a viewer again');
  });

  await t.test('an edit of project grants applies to the next request', async () => {
    const project = await createToken(server, owner, wid, {
      name: 'Lifecycle project token',
      projects: [{ project_id: webApp.id, role: 'project_viewer' }],
    });
    const mobile = projects['Mobile App'];
    const readMobile = () =>
      bearerRequest(server, project.token, 'GET', `/api/v1/workspace/${wid}/project/${mobile.id}`);
    assert.equal((await readMobile()).status, 404, 'not assigned yet');
    const edited = await sessionRequest(
      server,
      owner,
      'PATCH',
      `${tokensPath}/${project.accessToken.id}`,
      { projects: [{ project_id: mobile.id, role: 'project_member' }] },
    );
    assert.equal(edited.status, 200);
    assert.equal((await readMobile()).status, 200, 'assigned now');
    const readWebApp = await bearerRequest(
      server,
      project.token,
      'GET',
      `/api/v1/workspace/${wid}/project/${webApp.id}`,
    );
    assert.equal(readWebApp.status, 404, 'no longer assigned');
  });

  await t.test('revoked: 401, for good', async () => {
    const other = await createToken(server, owner, wid, {
      name: 'Lifecycle revoked',
      workspace_role: 'workspace_member',
    });
    assert.equal((await bearerRequest(server, other.token, 'GET', '/api/v1/workspaces')).status, 200);
    const revoked = await sessionRequest(server, owner, 'DELETE', `${tokensPath}/${other.accessToken.id}`);
    assert.equal(revoked.status, 204);
    const body = await assertInvalidToken(
      await bearerRequest(server, other.token, 'GET', '/api/v1/workspaces'),
      'revoked',
    );
    assert.doesNotMatch(body.detail, /disabled|expired/, 'revoked looks like unknown');
  });

  await t.test('expired: 401 (a second process whose clock is two days ahead)', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const expiring = await createToken(server, owner, wid, {
      name: 'Lifecycle expiring',
      workspace_role: 'workspace_viewer',
      expiry: { kind: 'custom', date: today, utc_offset_minutes: 0 },
    });
    assert.equal(expiring.accessToken.expires_at, `${today}T23:59:59Z`);
    const later = await startServer({
      dataDir: server.dataDir,
      env: { HAWZU_TEST_NOW_OFFSET_SECONDS: String(2 * 86400) },
    });
    try {
      assert.match(later.output.stdout, /HAWZU_TEST_NOW_OFFSET_SECONDS/, 'the offset is announced');
      const body = await assertInvalidToken(
        await bearerRequest(later, expiring.token, 'GET', '/api/v1/workspaces'),
        'expired',
      );
      assert.match(body.detail, /expired/);
      // Today it still works.
      assert.equal(
        (await bearerRequest(server, expiring.token, 'GET', '/api/v1/workspaces')).status,
        200,
      );
    } finally {
      await later.stop();
    }
  });

  await t.test('last_used_at is written at most about once a minute', async () => {
    const fresh = await createToken(server, owner, wid, {
      name: 'Lifecycle usage',
      workspace_role: 'workspace_viewer',
    });
    const details = async () =>
      (await (await sessionRequest(server, owner, 'GET', `${tokensPath}/${fresh.accessToken.id}`)).json())
        .last_used_at;
    assert.equal(await details(), null, 'never used');
    assert.equal((await bearerRequest(server, fresh.token, 'GET', '/api/v1/workspaces')).status, 200);
    const first = await details();
    assert.ok(first);
    // Within the minute: more requests, no new value (and no write).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (let i = 0; i < 3; i++)
      assert.equal((await bearerRequest(server, fresh.token, 'GET', '/api/v1/workspaces')).status, 200);
    assert.equal(await details(), first);
    // Two minutes later (a process whose clock is ahead): written again.
    const later = await startServer({
      dataDir: server.dataDir,
      env: { HAWZU_TEST_NOW_OFFSET_SECONDS: '120' },
    });
    try {
      assert.equal((await bearerRequest(later, fresh.token, 'GET', '/api/v1/workspaces')).status, 200);
    } finally {
      await later.stop();
    }
    const second = await details();
    const seconds = (Date.parse(second) - Date.parse(first)) / 1000;
    assert.ok(seconds >= 119 && seconds <= 125, `moved ${seconds} s`);
  });

  await t.test('malformed tokens and headers are refused', async () => {
    const cases = {
      'bad prefix': `hwx_${token.slice(4)}`,
      'too short': token.slice(0, -1),
      'too long': `${token}a`,
      'one-character typo (checksum)': typo(token, 10),
      'typo in the checksum': typo(token, token.length - 2),
      'not base62': `${token.slice(0, 20)}-${token.slice(21)}`,
      'a token with a line feed': `${token.slice(0, 20)}%0A${token.slice(21)}`,
      'only the identifier': accessToken.identifier,
    };
    for (const [label, value] of Object.entries(cases)) {
      const body = await assertInvalidToken(
        await bearerRequest(server, value, 'GET', '/api/v1/workspaces'),
        label,
      );
      assert.equal(body.errors.length, 0, label);
    }
    for (const header of [`Basic ${Buffer.from('a:b').toString('base64')}`, 'Bearer', 'Bearer ', token, `Token ${token}`]) {
      const res = await fetch(server.url('/api/v1/workspaces'), { headers: { authorization: header } });
      await assertInvalidToken(res, `Authorization: ${header.slice(0, 12)}`);
    }
  });

  await t.test('the scheme is case-insensitive (RFC 9110)', async () => {
    const res = await fetch(server.url('/api/v1/workspaces'), {
      headers: { authorization: `bearer ${token}` },
    });
    assert.equal(res.status, 200);
  });

  await t.test('no credentials: 401 with a bare Bearer challenge', async () => {
    const res = await fetch(server.url(`/api/v1/workspace/${wid}/projects`));
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="hawzu"');
    assert.equal((await res.json()).code, 'unauthenticated');
    // A token in the query string is not a credential.
    const query = await fetch(server.url(`/api/v1/workspaces?access_token=${token}`));
    assert.equal(query.status, 401);
  });

  await t.test('a bad token is refused even next to a live session cookie', async () => {
    const res = await fetch(server.url('/api/v1/workspaces'), {
      headers: { authorization: `Bearer ${typo(token, 12)}`, cookie: owner.cookie },
    });
    await assertInvalidToken(res, 'bad token + good cookie');
  });

  await t.test('a web session gets 401 from the token-only /access-tokens/self', async () => {
    const res = await sessionRequest(server, owner, 'GET', '/api/v1/access-tokens/self');
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="hawzu"');
    assert.equal((await res.json()).code, 'access_token_required');
  });
});

test('two server processes on one data directory see changes at once', async (t) => {
  const first = await startServer({ demo: true });
  t.after(() => first.stop());
  const second = await startServer({ dataDir: first.dataDir });
  t.after(() => second.stop());

  const owner = await signIn(first, 'owner@acme.test');
  const wid = owner.workspaces[0].id;
  const tokensPath = `/api/v1/workspace/${wid}/access-tokens`;
  const { token, accessToken } = await createToken(first, owner, wid, {
    name: 'Two processes',
    workspace_role: 'workspace_member',
  });
  const callSecond = () => bearerRequest(second, token, 'GET', '/api/v1/workspaces');

  assert.equal((await callSecond()).status, 200, 'the second process knows the new token');
  await sessionRequest(first, owner, 'POST', `${tokensPath}/${accessToken.id}/disable`);
  await assertInvalidToken(await callSecond(), 'disabled through the first process');
  await sessionRequest(first, owner, 'POST', `${tokensPath}/${accessToken.id}/enable`);
  assert.equal((await callSecond()).status, 200, 'enabled again');
  const revoked = await sessionRequest(first, owner, 'DELETE', `${tokensPath}/${accessToken.id}`);
  assert.equal(revoked.status, 204);
  await assertInvalidToken(await callSecond(), 'revoked through the first process');
});
