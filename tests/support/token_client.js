// Helpers for the tests of Bearer authentication and the Hawzu API resources: sign in
// as a person (web session), create access tokens through the real token-management
// API, and call the API with a session cookie or a Bearer token. Each helper does one
// request and returns the fetch Response, so tests still say what they check.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { installFetchCheck } = require('./openapi_check');

// Every answer is checked against server/api/openapi.json (status, Content-Type, body).
installFetchCheck();

const DEMO_PASSWORD = 'hawzu-demo';

/** Signs in and returns a session: {cookie, user, workspaces}. Throws unless 200. */
async function signIn(server, email, password = DEMO_PASSWORD) {
  const res = await fetch(server.url('/api/v1/session'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'hawzu-web' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}`);
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('hawzu_session='));
  const body = await res.json();
  return { cookie: setCookie.split(';')[0], user: body.user, workspaces: body.workspaces };
}

/** A request with the session cookie (and the cross-site header the server wants). */
async function sessionRequest(server, session, method, urlPath, body) {
  const headers = { cookie: session.cookie, 'x-requested-with': 'hawzu-web' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(server.url(urlPath), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A request with `Authorization: Bearer <token>` and nothing else. */
async function bearerRequest(server, token, method, urlPath, body) {
  const headers = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(server.url(urlPath), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Creates an access token as `session` and returns {token, accessToken}.
 * `spec`: {name, workspace_role} or {name, projects:[{project_id, role}]}; expiry
 * defaults to never.
 */
async function createToken(server, session, workspaceId, spec) {
  const body = {
    name: spec.name,
    access_type: spec.workspace_role ? 'workspace' : 'project',
    expiry: spec.expiry || { kind: 'never' },
  };
  if (spec.workspace_role) body.workspace_role = spec.workspace_role;
  else body.projects = spec.projects;
  const res = await sessionRequest(
    server,
    session,
    'POST',
    `/api/v1/workspace/${workspaceId}/access-tokens`,
    body,
  );
  const answer = await res.json();
  if (res.status !== 201) throw new Error(`token create answered ${res.status}: ${JSON.stringify(answer)}`);
  return { token: answer.token, accessToken: answer.access_token };
}

/** Projects of a workspace by name, as the session sees them. */
async function projectsByName(server, session, workspaceId) {
  const res = await sessionRequest(server, session, 'GET', `/api/v1/workspace/${workspaceId}/projects`);
  if (res.status !== 200) throw new Error(`project list answered ${res.status}`);
  const byName = {};
  for (const project of (await res.json()).items) byName[project.name] = project;
  return byName;
}

/** The password the first start wrote for admin@localhost. */
function initialAdminPassword(dataDir) {
  return fs.readFileSync(path.join(dataDir, 'initial-admin-password'), 'utf8').trim();
}

module.exports = {
  DEMO_PASSWORD,
  signIn,
  sessionRequest,
  bearerRequest,
  createToken,
  projectsByName,
  initialAdminPassword,
};
