// First start, restarts and --demo: the owner account and its one-time password, the
// data directory's files and modes, the demo workspace, and refusing unsafe states.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startServer, runServerCommand } = require('../support/server');
const { send, signIn, workspaceTokenBody, query, sqlDialect } = require('./api_client');

function mode(file) {
  return fs.statSync(file).mode & 0o777;
}

function passwordLine(stdout) {
  return /sign in as (\S+) with the password ([0-9A-Za-z]+) /.exec(stdout);
}

test('first start creates the owner, prints the password once and keeps it in a 0600 file', async () => {
  const server = await startServer();
  try {
    const line = passwordLine(server.output.stdout);
    assert.ok(line, server.output.stdout);
    assert.equal(line[1], 'admin@localhost');
    const password = line[2];
    assert.match(password, /^[0-9A-Za-z]{20}$/);

    const file = path.join(server.dataDir, 'initial-admin-password');
    assert.equal(fs.readFileSync(file, 'utf8'), password + '\n');
    assert.equal(mode(file), 0o600);

    const admin = await signIn(server, 'admin@localhost', password);
    assert.equal(admin.session.workspaces.length, 1);
    assert.equal(admin.session.workspaces[0].name, 'My Workspace');
    assert.equal(admin.session.workspaces[0].role, 'workspace_owner');

    // Start-up lines: the database with its schema version, and the address.
    const where = sqlDialect() === 'postgresql' ? 'postgresql postgresql:\/\/[^"]+' : 'sqlite [^"]*hawzu\\.sqlite3';
    assert.match(server.output.stdout, new RegExp(`"message":"database","detail":"${where} \\(schema version \\d+\\)"`));
    assert.match(server.output.stdout, /listening on http:\/\/127\.0\.0\.1:\d+/);
  } finally {
    await server.stop();
  }
});

test('every file in the data directory is private to the server\'s user', async () => {
  const server = await startServer();
  try {
    await signIn(server, 'admin@localhost', passwordLine(server.output.stdout)[2]);
    const names = fs.readdirSync(server.dataDir).sort();
    const databaseFiles = sqlDialect() === 'sqlite' ? ['hawzu.sqlite3', 'hawzu.sqlite3-wal'] : [];
    for (const expected of [...databaseFiles, 'initial-admin-password', 'token-hash.key'])
      assert.ok(names.includes(expected), names.join(', '));
    for (const name of names) assert.equal(mode(path.join(server.dataDir, name)), 0o600, name);
    assert.equal(fs.statSync(path.join(server.dataDir, 'token-hash.key')).size, 32);
  } finally {
    await server.stop();
  }
});

test('--admin-email names the owner account', async () => {
  const server = await startServer({ args: ['--admin-email', 'root@example.test'] });
  try {
    const line = passwordLine(server.output.stdout);
    assert.equal(line[1], 'root@example.test');
    await signIn(server, 'root@example.test', line[2]);
  } finally {
    await server.stop();
  }
});

test('a restart keeps the data, the key and the password, and prints no new password', async () => {
  const first = await startServer();
  const password = passwordLine(first.output.stdout)[2];
  const owner = await signIn(first, 'admin@localhost', password);
  const wid = owner.session.workspaces[0].id;
  const created = await owner.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody('Survives restarts'));
  assert.equal(created.status, 201);
  const key = fs.readFileSync(path.join(first.dataDir, 'token-hash.key'));
  await first.stop();

  const second = await startServer({ dataDir: first.dataDir });
  try {
    assert.equal(passwordLine(second.output.stdout), null);
    assert.doesNotMatch(second.output.stdout, new RegExp(password));
    assert.deepEqual(fs.readFileSync(path.join(second.dataDir, 'token-hash.key')), key);
    const again = await signIn(second, 'admin@localhost', password);
    const list = await again.get(`/api/v1/workspace/${wid}/access-tokens`);
    assert.deepEqual(list.body.items.map((t) => t.name), ['Survives restarts']);
  } finally {
    await second.stop();
  }
});

test('--demo seeds Acme QA with four projects and one person per role', async () => {
  const server = await startServer({ demo: true });
  try {
    const roles = {
      'owner@acme.test': 'workspace_owner',
      'manager@acme.test': 'workspace_manager',
      'coordinator@acme.test': 'workspace_coordinator',
      'member@acme.test': 'workspace_member',
      'viewer@acme.test': 'workspace_viewer',
    };
    for (const [email, role] of Object.entries(roles)) {
      const client = await signIn(server, email, 'hawzu-demo');
      assert.equal(client.session.workspaces[0].name, 'Acme QA', email);
      assert.equal(client.session.workspaces[0].role, role, email);
    }
    const owner = await signIn(server, 'owner@acme.test');
    const wid = owner.session.workspaces[0].id;
    const options = await owner.get(`/api/v1/workspace/${wid}/access-tokens/options`);
    assert.deepEqual(options.body.projects.map((p) => p.name).sort(), ['Data Pipeline', 'Mobile App', 'Payments API', 'Web App']);
    const tokens = await owner.get(`/api/v1/workspace/${wid}/access-tokens`);
    assert.deepEqual(tokens.body.items, []);

    // A few realistic test cases in each project.
    const counts = query(server,
      'SELECT p.name, count(c.id) AS n FROM projects p JOIN test_cases c ON c.project_id = p.id GROUP BY p.id, p.name');
    assert.equal(counts.length, 4);
    for (const row of counts) assert.ok(row.n >= 3 && row.n <= 5, JSON.stringify(row));

    // The admin account exists too, as an owner of the same workspace.
    const line = passwordLine(server.output.stdout);
    const admin = await signIn(server, 'admin@localhost', line[2]);
    assert.equal(admin.session.workspaces[0].name, 'Acme QA');
    assert.equal(admin.session.workspaces[0].role, 'workspace_owner');
  } finally {
    await server.stop();
  }
});

test('--demo seeds only once, across restarts', async () => {
  const first = await startServer({ demo: true });
  await first.stop();
  const second = await startServer({ demo: true, dataDir: first.dataDir });
  try {
    assert.doesNotMatch(second.output.stdout, /seeded the demo workspace/);
    const owner = await signIn(second, 'owner@acme.test');
    const wid = owner.session.workspaces[0].id;
    const options = await owner.get(`/api/v1/workspace/${wid}/access-tokens/options`);
    assert.equal(options.body.projects.length, 4);
  } finally {
    await second.stop();
  }
});

test('--demo on an existing data directory adds Acme QA beside My Workspace', async () => {
  const first = await startServer();
  const password = passwordLine(first.output.stdout)[2];
  await first.stop();
  const second = await startServer({ demo: true, dataDir: first.dataDir });
  try {
    assert.match(second.output.stdout, /seeded the demo workspace/);
    const admin = await signIn(second, 'admin@localhost', password);
    assert.deepEqual(admin.session.workspaces.map((w) => w.name), ['My Workspace']);
    const owner = await signIn(second, 'owner@acme.test');
    assert.deepEqual(owner.session.workspaces.map((w) => w.name), ['Acme QA']);
    // The demo owner cannot see the other workspace: 404, not 403.
    const other = admin.session.workspaces[0].id;
    const res = await owner.get(`/api/v1/workspace/${other}/access-tokens`);
    assert.equal(res.status, 404);
  } finally {
    await second.stop();
  }
});

test('a missing hashing key with tokens in the database refuses to start', async () => {
  const first = await startServer({ demo: true });
  const owner = await signIn(first, 'owner@acme.test');
  const wid = owner.session.workspaces[0].id;
  assert.equal((await owner.post(`/api/v1/workspace/${wid}/access-tokens`, workspaceTokenBody('Needs the key'))).status, 201);
  await first.stop();
  fs.unlinkSync(path.join(first.dataDir, 'token-hash.key'));
  const result = await runServerCommand(['--data', first.dataDir, '--listen', '127.0.0.1:0'], 20000);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /token-hash\.key is missing/);
  assert.ok(!fs.existsSync(path.join(first.dataDir, 'token-hash.key')));
});

test('a database from a newer server and a damaged key file refuse to start', async () => {
  const first = await startServer();
  await first.stop();
  const db = path.join(first.dataDir, 'hawzu.sqlite3');
  const postgres = sqlDialect() === 'postgresql';
  const current = postgres ? null : execFileSync('sqlite3', [db, 'PRAGMA user_version'], { encoding: 'utf8' }).trim();
  if (postgres) query(first, 'INSERT INTO schema_version (version) VALUES (999)');
  else execFileSync('sqlite3', [db, 'PRAGMA user_version = 999']);
  const newer = await runServerCommand(['--data', first.dataDir, '--listen', '127.0.0.1:0'], 20000);
  assert.equal(newer.code, 1);
  assert.match(newer.stderr, /schema version 999, newer than this server/);

  if (postgres) query(first, 'DELETE FROM schema_version WHERE version = 999');
  else execFileSync('sqlite3', [db, `PRAGMA user_version = ${current}`]);
  fs.writeFileSync(path.join(first.dataDir, 'token-hash.key'), 'short');
  const damaged = await runServerCommand(['--data', first.dataDir, '--listen', '127.0.0.1:0'], 20000);
  assert.equal(damaged.code, 1);
  assert.match(damaged.stderr, /not a 32-byte key/);
});
