// Token usage (docs/product.md#usage, docs/api.md#token-usage): every API request made
// with a token the server identifies is recorded in the background and shows, a second or
// so later, in GET .../access-tokens/{tid}/usage: the route as its template (no ids, no
// query string), the status, the client address and the User-Agent; the day's counts; at
// most the last 100 calls; and the token object's last_used_ip. The route is for web
// sessions of those who may read the token (Bearer 403, another workspace 404).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const {
  signIn,
  sessionRequest,
  createToken,
  projectsByName,
  initialAdminPassword,
} = require('../support/token_client');

// fetch sends header values as Latin-1: the "é" arrives as the single byte 0xE9, which is
// not UTF-8, and is stored as U+FFFD.
const AGENT = 'usage-test/1.0 (caf\u00e9)';
const STORED_AGENT = 'usage-test/1.0 (caf\ufffd)';

function bearer(server, token, method, urlPath, body) {
  const headers = { authorization: `Bearer ${token}`, 'user-agent': AGENT };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(server.url(urlPath), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

test('token usage', async (t) => {
  const server0 = await startServer();
  await server0.stop();
  const dataDir = server0.dataDir;
  const server = await startServer({ demo: true, dataDir });
  t.after(() => server.stop());
  const admin = await signIn(server, 'admin@localhost', initialAdminPassword(dataDir));
  const otherWid = admin.workspaces.find((w) => w.name === 'My Workspace').id;
  const owner = await signIn(server, 'owner@acme.test');
  const wid = owner.workspaces.find((w) => w.name === 'Acme QA').id;
  const projects = await projectsByName(server, owner, wid);
  const webApp = projects['Web App'];
  const { token, accessToken } = await createToken(server, owner, wid, {
    name: 'Usage probe',
    workspace_role: 'workspace_viewer',
  });
  const usagePath = `/api/v1/workspace/${wid}/access-tokens/${accessToken.id}/usage`;
  const usage = async () => {
    const res = await sessionRequest(server, owner, 'GET', usagePath);
    assert.equal(res.status, 200);
    return res.json();
  };
  // Polls until `ready(usage)` holds: the recorder writes about once a second.
  const usageWhen = async (ready, what) => {
    for (let i = 0; i < 100; i++) {
      const body = await usage();
      if (ready(body)) return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`usage never showed ${what}`);
  };

  await t.test('an unused token has no calls and 30 zero days', async () => {
    const body = await usage();
    assert.deepEqual(body.recent, []);
    assert.equal(body.daily.length, 30);
    assert.ok(body.daily.every((d) => d.requests === 0 && d.errors === 0));
    assert.equal(body.daily[29].date, today());
    const dates = body.daily.map((d) => d.date);
    assert.deepEqual([...dates].sort(), dates, 'oldest first');
    const details = await (await sessionRequest(server, owner, 'GET', usagePath.replace(/\/usage$/, ''))).json();
    assert.equal(details.last_used_ip, null);
  });

  await t.test('a burst of calls shows with route templates, statuses, address and agent', async () => {
    const calls = [
      ['GET', `/api/v1/workspace/${wid}/projects?limit=5&secret=abc`, 200],
      ['GET', `/api/v1/workspace/${wid}/project/${webApp.id}`, 200],
      ['GET', `/api/v1/workspace/${wid}/project/${webApp.id}/testcases?limit=5`, 200],
      ['GET', `/api/v1/workspace/${wid}/project/999999`, 404],
      // A viewer may not create test cases: 403.
      ['POST', `/api/v1/workspace/${wid}/project/${webApp.id}/testcases`, 403, { title: 'Nope' }],
      ['GET', '/api/v1/access-tokens/self', 200],
    ];
    for (const [method, urlPath, status, body] of calls) {
      const res = await bearer(server, token, method, urlPath, body);
      assert.equal(res.status, status, `${method} ${urlPath}`);
      await res.arrayBuffer();
    }
    const body = await usageWhen((u) => u.recent.length >= calls.length, 'the burst');
    assert.equal(body.recent.length, calls.length);
    assert.deepEqual(
      body.recent.map((c) => [c.method, c.route, c.status]),
      [
        ['GET', '/api/v1/access-tokens/self', 200],
        ['POST', '/api/v1/workspace/{wid}/project/{pid}/testcases', 403],
        ['GET', '/api/v1/workspace/{wid}/project/{pid}', 404],
        ['GET', '/api/v1/workspace/{wid}/project/{pid}/testcases', 200],
        ['GET', '/api/v1/workspace/{wid}/project/{pid}', 200],
        ['GET', '/api/v1/workspace/{wid}/projects', 200],
      ],
      'newest first, templates without ids or query',
    );
    for (const call of body.recent) {
      assert.equal(call.ip, '127.0.0.1');
      assert.equal(call.user_agent, STORED_AGENT);
      assert.match(call.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.equal(JSON.stringify(call).includes('secret'), false);
    }
    const day = body.daily[29];
    assert.equal(day.date, today());
    assert.equal(day.requests, calls.length);
    assert.equal(day.errors, 2);
    const details = await (await sessionRequest(server, owner, 'GET', usagePath.replace(/\/usage$/, ''))).json();
    assert.equal(details.last_used_ip, '127.0.0.1');
    const list = await (await sessionRequest(server, owner, 'GET', `/api/v1/workspace/${wid}/access-tokens`)).json();
    assert.equal(list.items.find((item) => item.id === accessToken.id).last_used_ip, '127.0.0.1');
  });

  await t.test('a disabled token is refused and its refusals are recorded', async () => {
    const before = (await usage()).daily[29].requests;
    const tokenPath = usagePath.replace(/\/usage$/, '');
    assert.equal((await sessionRequest(server, owner, 'POST', `${tokenPath}/disable`)).status, 200);
    const res = await bearer(server, token, 'GET', `/api/v1/workspace/${wid}/projects`);
    assert.equal(res.status, 401);
    await res.arrayBuffer();
    const body = await usageWhen((u) => u.daily[29].requests > before, 'the 401');
    assert.deepEqual([body.recent[0].route, body.recent[0].status], ['/api/v1/workspace/{wid}/projects', 401]);
    assert.equal((await sessionRequest(server, owner, 'POST', `${tokenPath}/enable`)).status, 200);
  });

  await t.test('only the last 100 calls are kept; the day counts them all', async () => {
    const before = (await usage()).daily[29].requests;
    const n = 110;
    const batch = 10;
    for (let i = 0; i < n; i += batch) {
      await Promise.all(
        Array.from({ length: batch }, async () => {
          const res = await bearer(server, token, 'GET', '/api/v1/workspaces');
          assert.equal(res.status, 200);
          await res.arrayBuffer();
        }),
      );
    }
    const body = await usageWhen((u) => u.daily[29].requests >= before + n, 'the 110 calls');
    assert.equal(body.daily[29].requests, before + n);
    assert.equal(body.recent.length, 100);
    assert.ok(body.recent.every((c) => c.route === '/api/v1/workspaces'));
  });

  await t.test('for web sessions of those who may read the token only', async () => {
    const res = await bearer(server, token, 'GET', usagePath);
    assert.equal(res.status, 403);
    assert.equal((await res.json()).code, 'session_required');
    // Another workspace: its admin cannot see the token through their own workspace.
    const other = await sessionRequest(
      server,
      admin,
      'GET',
      `/api/v1/workspace/${otherWid}/access-tokens/${accessToken.id}/usage`,
    );
    assert.equal(other.status, 404);
    await other.arrayBuffer();
    // Nor can the owner ask through a workspace they are not in.
    const notMember = await sessionRequest(
      server,
      owner,
      'GET',
      `/api/v1/workspace/${otherWid}/access-tokens/${accessToken.id}/usage`,
    );
    assert.equal(notMember.status, 404);
    await notMember.arrayBuffer();
    const unknown = await sessionRequest(server, owner, 'GET', `/api/v1/workspace/${wid}/access-tokens/999999/usage`);
    assert.equal(unknown.status, 404);
    await unknown.arrayBuffer();
  });
});
