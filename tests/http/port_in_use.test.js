// A port already in use is a clear start-up error (exit 1) before the data directory
// is created or opened: by another program, and by another hawzu-server (the library's
// default SO_REUSEPORT would otherwise let both bind and split the requests between
// two databases).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { startServer, runServerCommand, siteDir } = require('../support/server');

function freshDataDirPath() {
  // A path that does not exist yet: the server must not create it.
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-port-')), 'data');
}

test('a second hawzu-server on the port of a running one exits 1 without touching its data directory', async () => {
  const first = await startServer();
  try {
    const port = new URL(first.baseUrl).port;
    const dataDir = freshDataDirPath();
    const second = await runServerCommand(['--data', dataDir, '--listen', `127.0.0.1:${port}`,
      '--public', siteDir]);
    assert.equal(second.code, 1, second.stdout + second.stderr);
    assert.match(second.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: the port is already in use`));
    assert.equal(fs.existsSync(dataDir), false, 'the data directory was created');
    // The first server still answers alone.
    assert.equal((await fetch(first.url('/api/v1/health'))).status, 200);
  } finally {
    await first.stop();
  }
});

test('a port held by another program is an error too, and the data directory stays untouched', async () => {
  const other = net.createServer();
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = other.address();
    const dataDir = freshDataDirPath();
    const res = await runServerCommand(['--data', dataDir, '--listen', `127.0.0.1:${port}`,
      '--public', siteDir]);
    assert.equal(res.code, 1, res.stdout + res.stderr);
    assert.match(res.stderr, /the port is already in use/);
    assert.equal(fs.existsSync(dataDir), false);
  } finally {
    other.close();
  }
});
