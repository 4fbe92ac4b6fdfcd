// The token value exists only in the 201 answer: not in any file of the data directory
// (database, WAL, shared memory, key), not in the server's output, not in any other
// answer.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { signIn, workspaceTokenBody, dataDirFiles, query, sqlDialect } = require('./api_client');

test('created tokens appear nowhere but in their 201 answers', async () => {
  const server = await startServer({ demo: true });
  const tokens = [];
  let wid;
  let running = {};
  try {
    const owner = await signIn(server, 'owner@acme.test');
    wid = owner.session.workspaces[0].id;
    const options = await owner.get(`/api/v1/workspace/${wid}/access-tokens/options`);
    for (let i = 0; i < 20; i++) {
      const body = i % 2
        ? workspaceTokenBody(`Secret keeper ${i}`)
        : { name: `Secret keeper ${i}`, access_type: 'project', projects: [{ project_id: options.body.projects[0].id, role: 'project_viewer' }], expiry: { kind: 'never' } };
      const res = await owner.post(`/api/v1/workspace/${wid}/access-tokens`, body);
      assert.equal(res.status, 201);
      tokens.push(res.body.token);
    }
    // Exercise the other routes, which must not echo a secret either.
    const list = await owner.get(`/api/v1/workspace/${wid}/access-tokens?limit=100`);
    const [first] = list.body.items;
    await owner.patch(`/api/v1/workspace/${wid}/access-tokens/${first.id}`, { name: 'Renamed keeper' });
    await owner.post(`/api/v1/workspace/${wid}/access-tokens/${first.id}/disable`);
    await owner.post(`/api/v1/workspace/${wid}/access-tokens/${first.id}/enable`);
    await owner.del(`/api/v1/workspace/${wid}/access-tokens/${first.id}`);
    // A token typed into a URL by mistake is masked in the access log.
    await owner.get(`/api/v1/workspace/${wid}/access-tokens/${tokens[0]}`);
    const answers = [list.text, (await owner.get(`/api/v1/workspace/${wid}/access-tokens?limit=100&sort=name`)).text];
    for (const token of tokens)
      for (const text of answers) assert.ok(!text.includes(token.slice(12)), 'an answer holds a token');

    const size = sqlDialect() === 'postgresql' ? 'octet_length(secret_hash)' : 'length(secret_hash)';
    const rows = query(server, `SELECT ${size} AS n FROM access_tokens`);
    for (const row of rows) assert.equal(row.n, 32);
    // While the server runs, the recent writes sit in the WAL file.
    running = dataDirFiles(server);
  } finally {
    await server.stop();
  }
  // After a clean stop the WAL has been checkpointed into the database file.
  const stopped = dataDirFiles(server);

  if (sqlDialect() === 'sqlite') assert.ok('hawzu.sqlite3-wal' in running, Object.keys(running).join(', '));
  else assert.ok(Object.keys(running).some((name) => name.startsWith('postgresql:db/base/')), 'no PostgreSQL files scanned');
  for (const token of tokens) {
    const secretPart = token.slice(12); // everything after the public identifier
    for (const [when, files] of [['running', running], ['stopped', stopped]]) {
      for (const [name, bytes] of Object.entries(files)) {
        assert.ok(!bytes.includes(Buffer.from(token)), `${when}: ${name} holds a token`);
        assert.ok(!bytes.includes(Buffer.from(secretPart)), `${when}: ${name} holds a secret part`);
      }
    }
    assert.ok(!server.output.stdout.includes(secretPart), 'stdout holds a token');
    assert.ok(!server.output.stderr.includes(secretPart), 'stderr holds a token');
  }
  assert.match(server.output.stdout, /hwz_\[redacted\]/);
});
