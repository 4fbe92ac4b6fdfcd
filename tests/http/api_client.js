// A small client for the HTTP tests: signs in like the web app (X-Requested-With,
// JSON bodies, the session cookie) and returns status, headers and the parsed body.
//
//   const owner = await signIn(server, 'owner@acme.test');
//   const res = await owner.post('/api/v1/workspace/1/access-tokens', { ... });
//   assert.equal(res.status, 201);
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { installFetchCheck } = require('../support/openapi_check');
const { postgresCluster, psql, databaseNameOf } = require('../support/server');

// Every answer is checked against server/api/openapi.json (status, Content-Type, body).
installFetchCheck();

const DEMO_PASSWORD = 'hawzu-demo';

/**
 * Sends one request. `headers` are added to (or replace) the web app's defaults; a
 * header set to null is left out. `raw` sends a body text as is.
 */
async function send(server, method, urlPath, { body, cookie, headers = {}, raw } = {}) {
  const all = { 'x-requested-with': 'hawzu-web', ...headers };
  if (cookie) all.cookie = cookie;
  let payload;
  if (raw !== undefined) {
    payload = raw;
    if (!('content-type' in all)) all['content-type'] = 'application/json';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    all['content-type'] = 'application/json';
  }
  for (const [key, value] of Object.entries(all)) if (value === null) delete all[key];
  const res = await fetch(server.url(urlPath), { method, headers: all, body: payload });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, body: json, text };
}

/** The `hawzu_session=...` pair from a response's Set-Cookie, or null. */
function sessionCookieFrom(res) {
  const setCookie = res.headers.get('set-cookie');
  if (!setCookie) return null;
  const match = /hawzu_session=([^;]*)/.exec(setCookie);
  return match && match[1] ? `hawzu_session=${match[1]}` : null;
}

/** Signs in and returns a client bound to the new session. Throws unless 200. */
async function signIn(server, email, password = DEMO_PASSWORD) {
  const res = await send(server, 'POST', '/api/v1/session', { body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${res.text}`);
  return clientFor(server, sessionCookieFrom(res), res.body);
}

function clientFor(server, cookie, session = null) {
  const call = (method) => (urlPath, body, options = {}) =>
    send(server, method, urlPath, { body, cookie, ...options });
  return {
    cookie,
    session,
    get: (urlPath, options = {}) => send(server, 'GET', urlPath, { cookie, ...options }),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
    del: (urlPath, options = {}) => send(server, 'DELETE', urlPath, { cookie, ...options }),
  };
}

/** The demo workspace's id as the owner sees it. */
function firstWorkspaceId(client) {
  return client.session.workspaces[0].id;
}

/**
 * Runs SQL against the server's database and returns the rows as objects: with the
 * sqlite3 command-line tool, or with psql on a PostgreSQL run (label pg). Write SQL that
 * both accept (see sqlDialect() for the few places that differ).
 */
function query(server, sql) {
  if (postgresCluster()) {
    const database = databaseNameOf(server);
    if (!/^\s*select/i.test(sql)) {
      psql(database, sql);
      return [];
    }
    return JSON.parse(psql(database, `SELECT COALESCE(json_agg(q), '[]') FROM (${sql}) q`));
  }
  const out = execFileSync('sqlite3', ['-json', path.join(server.dataDir, 'hawzu.sqlite3'), sql], {
    encoding: 'utf8',
  });
  return out.trim() ? JSON.parse(out) : [];
}

/** 'postgresql' on a PostgreSQL run, else 'sqlite'. */
function sqlDialect() {
  return postgresCluster() ? 'postgresql' : 'sqlite';
}

/**
 * Every file in the data directory, as raw bytes, by name; on a PostgreSQL run also
 * every file of the cluster (tables, indexes, WAL), named "postgresql:<path>".
 */
function dataDirFiles(server) {
  const files = {};
  for (const name of fs.readdirSync(server.dataDir))
    files[name] = fs.readFileSync(path.join(server.dataDir, name));
  const cluster = postgresCluster();
  if (cluster) {
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) {
          // The cluster is live (other tests create and drop databases): a file removed
          // between the listing and the read, such as a rewritten pg_internal.init,
          // holds nothing any more.
          try {
            files[`postgresql:${path.relative(cluster.PGDIR, full)}`] = fs.readFileSync(full);
          } catch (error) {
            if (error.code !== 'ENOENT') throw error;
          }
        }
      }
    };
    walk(path.join(cluster.PGDIR, 'db'));
  }
  return files;
}

/** A valid create body for a workspace token. */
function workspaceTokenBody(name, role = 'workspace_member', expiry = { kind: '1w' }) {
  return { name, access_type: 'workspace', workspace_role: role, expiry };
}

module.exports = {
  DEMO_PASSWORD,
  send,
  signIn,
  clientFor,
  sessionCookieFrom,
  firstWorkspaceId,
  query,
  sqlDialect,
  dataDirFiles,
  workspaceTokenBody,
};
