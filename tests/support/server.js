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
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { installFetchCheck } = require('./openapi_check');

// Every answer a test gets through fetch is checked against server/api/openapi.json.
installFetchCheck();

const repoRoot = path.resolve(__dirname, '..', '..');
const serverBinary =
  process.env.HAWZU_SERVER || path.join(repoRoot, 'build', 'native', 'server', 'hawzu-server');
const siteDir = process.env.HAWZU_SITE_DIR || path.join(repoRoot, 'build', 'site');

/**
 * @param {object} [options]
 * @param {boolean} [options.demo]      seed the demo workspace (--demo)
 * @param {string}  [options.dataDir]   reuse a data directory (restart tests)
 * @param {string[]} [options.args]     extra flags
 * @param {number}  [options.timeoutMs] how long to wait for "listening on"
 * @param {object}  [options.env]       extra environment variables for the server
 */
async function startServer(options = {}) {
  const dataDir = options.dataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-test-'));
  const args = ['--data', dataDir, '--listen', '127.0.0.1:0', '--public', siteDir];
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

/** Runs the server binary with `args` and resolves {code, stdout, stderr} at exit. */
function runServerCommand(args, timeoutMs = 10000) {
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

module.exports = { startServer, runServerCommand, serverBinary, siteDir, repoRoot };
