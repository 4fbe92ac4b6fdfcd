// Starts the real hawzu-server for a test: a fresh temporary data directory, a free
// loopback port (the server picks it: --listen 127.0.0.1:0), and the assembled web
// site. Resolves once the server has said where it listens.
//
//   const { startServer } = require('../support/server');
//   const server = await startServer({ demo: true });
//   const res = await fetch(server.url('/api/v1/health'));
//   await server.stop();
'use strict';

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { installFetchCheck } = require('./openapi_check');

// Every answer a test gets through fetch is checked against server/api/openapi.json.
installFetchCheck();

const { execFileSync } = require('node:child_process');

const repoRoot = path.resolve(__dirname, '..', '..');
const serverBinary =
  process.env.HAWZU_SERVER || path.join(repoRoot, 'build', 'native', 'server', 'hawzu-server');
const siteDir = process.env.HAWZU_SITE_DIR || path.join(repoRoot, 'build', 'site');

/**
 * @param {object} [options]
 * @param {boolean} [options.demo]      seed the demo workspace (--demo)
 * @param {string}  [options.dataDir]   reuse a data directory (restart tests)
 * @param {string[]} [options.args]     extra flags
 * @param {boolean} [options.sqlite]    SQLite in dataDir even on a PostgreSQL run
 * @param {number}  [options.timeoutMs] how long to wait for "listening on"
 * @param {object}  [options.env]       extra environment variables for the server
 */
async function startServer(options = {}) {
  const dataDir = options.dataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-test-'));
  const args = ['--data', dataDir, '--listen', '127.0.0.1:0', '--public', siteDir];
  const databaseUrl = options.sqlite ? null : options.databaseUrl || testDatabaseFor(dataDir);
  if (databaseUrl) args.push('--database', databaseUrl);
  if (options.demo) args.push('--demo');
  if (options.args) args.push(...options.args);

  const child = spawn(serverBinary, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(options.env || {}) },
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));

  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${output.stdout}\n${output.stderr}`));
    }, options.timeoutMs || 20000);
    const check = () => {
      const match = /listening on (https?:\/\/[^"\s]+)/.exec(output.stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output.stdout}\n${output.stderr}`));
    });
  });

  let exited = null;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve((exited = { code, signal }))),
  );

  return {
    baseUrl,
    dataDir,
    output,
    process: child,
    url: (p) => baseUrl + p,
    /** Stops with SIGTERM (or `signal`) and waits for the exit. */
    async stop(signal = 'SIGTERM') {
      if (!exited) child.kill(signal);
      return exitPromise;
    },
    /** The access-log lines written so far, parsed. */
    logLines() {
      return output.stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line));
    },
  };
}

// ---------------------------------------------------------------------------
// PostgreSQL runs of the HTTP tests (CTest label `pg`): HAWZU_TEST_PG_STATE names the
// state file of the throwaway cluster that scripts/pg_cluster.sh started. Each data
// directory gets a database of its own, created on first use and remembered (beside the
// state file), so a restart on the same directory finds the same data.

/** A cluster's settings ({PGDIR, PGPORT, PGURL}) read from a pg_cluster.sh state file. */
function readClusterState(stateFile) {
  const state = {};
  for (const line of fs.readFileSync(stateFile, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) state[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return state;
}

/** The shared cluster's settings ({PGDIR, PGPORT, PGURL}), or null for SQLite runs. */
function postgresCluster() {
  const stateFile = process.env.HAWZU_TEST_PG_STATE;
  return stateFile ? readClusterState(stateFile) : null;
}

/**
 * Runs SQL on `database` with psql and returns its unaligned output; on the shared
 * cluster unless `cluster` (settings from readClusterState) names another.
 */
function psql(database, sql, cluster = postgresCluster()) {
  if (!cluster) throw new Error('psql() needs a PostgreSQL run (HAWZU_TEST_PG_STATE)');
  return execFileSync('psql', [`${cluster.PGURL}/${database}`, '-XqAt', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
  });
}

/** A new, empty database on the shared cluster (or on `cluster`); returns its URL. */
function createTestDatabase(cluster = postgresCluster()) {
  const name = `hawzu_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  psql('postgres', `CREATE DATABASE ${name}`, cluster);
  return `${cluster.PGURL}/${name}`;
}

function testDatabaseFor(dataDir) {
  if (!postgresCluster()) return null;
  // Remembered beside the cluster's state file, not in the data directory: tests also
  // start servers on directories that do not exist yet or are not directories.
  const markers = `${process.env.HAWZU_TEST_PG_STATE}.databases`;
  fs.mkdirSync(markers, { recursive: true });
  const key = crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 32);
  const marker = path.join(markers, key);
  if (fs.existsSync(marker)) return fs.readFileSync(marker, 'utf8').trim();
  const url = createTestDatabase();
  fs.writeFileSync(marker, url);
  return url;
}

/** The database name of a server started by startServer() in a PostgreSQL run. */
function databaseNameOf(server) {
  const url = testDatabaseFor(server.dataDir);
  return url ? url.slice(url.lastIndexOf('/') + 1) : null;
}

/** Runs the server binary with `args` and resolves {code, stdout, stderr} at exit. */
function runServerCommand(args, timeoutMs = 10000) {
  // On a PostgreSQL run, a data directory that startServer() used keeps its database.
  const dataAt = args.indexOf('--data');
  if (dataAt >= 0 && postgresCluster() && !args.includes('--database')) {
    const url = testDatabaseFor(args[dataAt + 1]);
    if (url) args = [...args, '--database', url];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(serverBinary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hawzu-server ${args.join(' ')} did not exit in time`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

module.exports = {
  startServer,
  runServerCommand,
  serverBinary,
  siteDir,
  repoRoot,
  postgresCluster,
  readClusterState,
  psql,
  createTestDatabase,
  databaseNameOf,
};
