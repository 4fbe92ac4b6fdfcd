// No stale yes under load (docs/security.md, docs/product.md#tokens): two server
// processes share one database (the same data directory: its SQLite file, or its
// PostgreSQL database on a PostgreSQL run), each with its own verified-token cache.
// While concurrent loops hammer the Bearer routes of both, the test revokes one token
// (through A), disables a second (through B), and lowers the role of a third token's
// owner (through A; a Manager-role token of the manager, who becomes a Viewer, so the
// token may no longer create projects). Every request records when it was sent; no
// request sent to either server after a change's answer arrived may succeed. Requests
// in flight while a change is made may go either way.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { performance } = require('node:perf_hooks');
const { startServer } = require('../support/server');
const { signIn, firstWorkspaceId, workspaceTokenBody, send } = require('./api_client');

const LOOPS_PER_TOKEN = 3;

function bearer(server, token, method, urlPath, body) {
  return send(server, method, urlPath, {
    body,
    headers: { authorization: `Bearer ${token}`, 'x-requested-with': null },
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('revoke, disable and an owner\'s lower role refuse every request sent after their answer', async (t) => {
  const server = await startServer({ demo: true });
  t.after(() => server.stop());
  const other = await startServer({ dataDir: server.dataDir });
  t.after(() => other.stop());
  const servers = [server, other];
  const owner = await signIn(server, 'owner@acme.test');
  const ownerOnOther = await signIn(other, 'owner@acme.test');
  const manager = await signIn(server, 'manager@acme.test');
  const wid = firstWorkspaceId(owner);
  const tokensPath = `/api/v1/workspace/${wid}/access-tokens`;

  const create = async (client, name, role) => {
    const res = await client.post(tokensPath, workspaceTokenBody(name, role));
    assert.equal(res.status, 201, res.text);
    return { id: res.body.access_token.id, token: res.body.token };
  };
  const toRevoke = await create(owner, 'Race revoked', 'workspace_viewer');
  const toDisable = await create(owner, 'Race disabled', 'workspace_viewer');
  const demoted = await create(manager, 'Race demoted owner', 'workspace_manager');
  const members = (await owner.get(`/api/v1/workspace/${wid}/members`)).body.items;
  const managerId = members.find((m) => m.user.email === 'manager@acme.test').user.id;

  // Each request: when it was sent, and whether it succeeded.
  const cases = {
    revoked: { requests: [], request: (on) => bearer(on, toRevoke.token, 'GET', '/api/v1/workspaces') },
    disabled: { requests: [], request: (on) => bearer(on, toDisable.token, 'GET', '/api/v1/workspaces') },
    demoted: {
      requests: [],
      counter: 0,
      request(on) {
        this.counter += 1;
        return bearer(on, demoted.token, 'POST', `/api/v1/workspace/${wid}/projects`, {
          name: `Race ${this.counter}`,
        });
      },
    },
  };
  const refusal = { revoked: 401, disabled: 401, demoted: 403 };
  let running = true;
  const loops = [];
  for (const [name, entry] of Object.entries(cases))
    for (let i = 0; i < LOOPS_PER_TOKEN * servers.length; i += 1)
      loops.push(
        (async () => {
          const which = i % servers.length;
          const on = servers[which];
          while (running) {
            const sentAt = performance.now();
            const res = await entry.request(on);
            entry.requests.push({ sentAt, status: res.status, which });
            if (res.status !== 200 && res.status !== 201 && res.status !== refusal[name])
              throw new Error(`${name}: unexpected ${res.status} ${res.text}`);
          }
        })(),
      );

  const changedAt = {};
  await sleep(300);
  const revoked = await owner.del(`${tokensPath}/${toRevoke.id}`);
  changedAt.revoked = performance.now();
  assert.equal(revoked.status, 204);
  await sleep(300);
  const disabled = await ownerOnOther.post(`${tokensPath}/${toDisable.id}/disable`);
  changedAt.disabled = performance.now();
  assert.equal(disabled.status, 200);
  await sleep(300);
  const lowered = await owner.patch(`/api/v1/workspace/${wid}/members/${managerId}`, {
    role: 'workspace_viewer',
  });
  changedAt.demoted = performance.now();
  assert.equal(lowered.status, 200);
  await sleep(300);
  running = false;
  await Promise.all(loops);

  for (const [name, entry] of Object.entries(cases)) {
    const before = entry.requests.filter((r) => r.sentAt < changedAt[name]);
    const after = entry.requests.filter((r) => r.sentAt > changedAt[name]);
    assert.ok(before.some((r) => r.status < 300), `${name}: some requests succeeded before the change`);
    for (let which = 0; which < servers.length; which += 1)
      assert.ok(
        after.filter((r) => r.which === which).length >= LOOPS_PER_TOKEN,
        `${name}: requests were sent to each server after the change`,
      );
    const stale = after.filter((r) => r.status !== refusal[name]);
    assert.equal(stale.length, 0, `${name}: ${stale.length} of ${after.length} requests sent after the change succeeded`);
  }
});
