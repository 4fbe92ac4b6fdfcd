// Authorization comes before the write lock on every write route: a token whose role
// does not allow a write is refused (403) at once, even while another connection holds
// the database's write lock, instead of waiting for the lock (and timing out).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { startServer } = require('../support/server');
const { signIn, bearerRequest, createToken, projectsByName } = require('../support/token_client');

/** A sqlite3 process holding the write lock (BEGIN IMMEDIATE) until released. */
async function holdWriteLock(dbFile) {
  const child = spawn('sqlite3', [dbFile], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stdin.write('BEGIN IMMEDIATE;\nSELECT \'locked\';\n');
  const until = Date.now() + 5000;
  while (!out.includes('locked')) {
    if (Date.now() > until) throw new Error('sqlite3 did not take the lock');
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    release: () =>
      new Promise((resolve) => {
        child.on('exit', resolve);
        child.stdin.end('ROLLBACK;\n.quit\n');
      }),
  };
}

async function timed(promise) {
  const started = Date.now();
  const res = await promise;
  return { res, ms: Date.now() - started };
}

test('a Viewer token\'s writes are refused 403 at once while the write lock is held', async () => {
  const server = await startServer({ demo: true });
  let lock;
  try {
    const owner = await signIn(server, 'owner@acme.test');
    const wid = owner.workspaces[0].id;
    const project = Object.values(await projectsByName(server, owner, wid))[0];
    const { token } = await createToken(server, owner, wid, {
      name: 'viewer writes',
      workspace_role: 'workspace_viewer',
    });
    const tests = await bearerRequest(server, token, 'GET',
      `/api/v1/workspace/${wid}/project/${project.id}/testcases`);
    const testCase = (await tests.json()).items[0];

    lock = await holdWriteLock(path.join(server.dataDir, 'hawzu.sqlite3'));
    const writes = [
      ['POST', `/api/v1/workspace/${wid}/projects`, { name: 'Not allowed' }],
      ['PATCH', `/api/v1/workspace/${wid}/project/${project.id}`, { name: 'Renamed' }],
      ['POST', `/api/v1/workspace/${wid}/project/${project.id}/testcases`, { title: 'Nope' }],
      ['PATCH', `/api/v1/workspace/${wid}/project/${project.id}/testcase/${testCase.id}`,
        { title: 'Nope' }],
      ['DELETE', `/api/v1/workspace/${wid}/project/${project.id}/testcase/${testCase.id}`],
    ];
    for (const [method, urlPath, body] of writes) {
      const { res, ms } = await timed(bearerRequest(server, token, method, urlPath, body));
      assert.equal(res.status, 403, `${method} ${urlPath}`);
      assert.equal((await res.json()).code, 'insufficient_scope');
      assert.ok(ms < 1000, `${method} ${urlPath} took ${ms} ms (waited for the lock)`);
    }
  } finally {
    if (lock) await lock.release();
    await server.stop();
  }
});
