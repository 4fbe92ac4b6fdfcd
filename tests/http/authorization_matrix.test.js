// The authorization matrix of the Hawzu API (docs/product.md#roles-and-permissions,
// docs/product.md#hawzu-api): every token role (workspace Manager, Coordinator, Member, Viewer;
// project Manager, Coordinator, Member, Viewer) and every signed-in person's role × every Hawzu API
// route × in scope / out of scope.
//
// The expected outcome of (role, permission) comes from the role catalogue itself:
// hawzu-role-catalogue prints shared/roles.h as JSON. What is under test here is the
// route → permission mapping below, written from docs/product.md#roles-and-permissions, and the
//   scoping rules: in scope, role allows it      → 2xx
//   in scope, role does not       → 403 (token: code insufficient_scope and
//                                   WWW-Authenticate ... error="insufficient_scope")
//   out of scope                  → 404 (another workspace, a project of another
//                                   workspace, a project the project token is not
//                                   assigned to)
//
// A second workspace exists because the data directory is first started without --demo
// (creating "My Workspace" for admin@localhost), then with --demo (adding "Acme QA").
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { startServer, repoRoot } = require('../support/server');
const {
  signIn,
  sessionRequest,
  bearerRequest,
  createToken,
  projectsByName,
  initialAdminPassword,
} = require('../support/token_client');

const roleCatalogueBinary =
  process.env.HAWZU_ROLE_CATALOGUE ||
  path.join(repoRoot, 'build', 'native', 'server', 'hawzu-role-catalogue');
const catalogue = JSON.parse(execFileSync(roleCatalogueBinary, { encoding: 'utf8' }));

function roleEntry(role) {
  const entry = [...catalogue.workspace_roles, ...catalogue.project_roles].find(
    (r) => r.role === role,
  );
  assert.ok(entry, `role ${role} is in the catalogue`);
  return entry;
}

// ---------------------------------------------------------------------------
// Routes and the permission each needs (docs/product.md#roles-and-permissions). `level`: whether
// the path names a workspace only, or a project too. Bodies are valid, so only authorization
// decides the outcome.

let counter = 0;
const unique = (prefix) => `${prefix} ${++counter} ${process.hrtime.bigint()}`;

const ROUTES = [
  { method: 'GET', path: '/api/v1/workspaces', permission: 'read', level: 'none', ok: 200 },
  { method: 'GET', path: '/api/v1/access-tokens/self', permission: 'read', level: 'none', ok: 200, tokenOnly: true },
  { method: 'GET', path: '/api/v1/workspace/{wid}/projects', permission: 'read', level: 'workspace', ok: 200 },
  {
    method: 'POST',
    path: '/api/v1/workspace/{wid}/projects',
    permission: 'create_projects',
    level: 'workspace',
    ok: 201,
    body: () => ({ name: unique('Matrix project') }),
  },
  { method: 'GET', path: '/api/v1/workspace/{wid}/project/{pid}', permission: 'read', level: 'project', ok: 200 },
  {
    method: 'PATCH',
    path: '/api/v1/workspace/{wid}/project/{pid}',
    permission: 'update_project',
    level: 'project',
    ok: 200,
    body: () => ({ description: unique('Described by the matrix') }),
  },
  { method: 'GET', path: '/api/v1/workspace/{wid}/project/{pid}/testcases', permission: 'read', level: 'project', ok: 200 },
  {
    method: 'POST',
    path: '/api/v1/workspace/{wid}/project/{pid}/testcases',
    permission: 'write_test_cases',
    level: 'project',
    ok: 201,
    body: () => ({ title: unique('Matrix test case'), priority: 'high' }),
  },
  { method: 'GET', path: '/api/v1/workspace/{wid}/project/{pid}/testcase/{cid}', permission: 'read', level: 'test_case', ok: 200 },
  {
    method: 'PATCH',
    path: '/api/v1/workspace/{wid}/project/{pid}/testcase/{cid}',
    permission: 'write_test_cases',
    level: 'test_case',
    ok: 200,
    body: () => ({ steps: unique('1. Run the matrix') }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspace/{wid}/project/{pid}/testcase/{cid}',
    permission: 'delete_test_cases',
    level: 'test_case',
    ok: 204,
    freshTestCase: true,
  },
];

function fill(template, target) {
  return template
    .replace('{wid}', String(target.wid))
    .replace('{pid}', String(target.pid))
    .replace('{cid}', String(target.cid));
}

// In scope: the route's success status when `allowed`, else 403 (for a token with code
// insufficient_scope and the matching WWW-Authenticate challenge).
function expectOutcome(route, res, text, where, allowed, kind) {
  if (allowed) {
    assert.equal(res.status, route.ok, `${where}: ${text}`);
    return;
  }
  assert.equal(res.status, 403, `${where}: ${text}`);
  assert.match(res.headers.get('content-type'), /^application\/problem\+json/, where);
  if (kind === 'token') {
    assert.equal(JSON.parse(text).code, 'insufficient_scope', where);
    assert.equal(
      res.headers.get('www-authenticate'),
      'Bearer realm="hawzu", error="insufficient_scope"',
      where,
    );
  } else {
    assert.equal(JSON.parse(text).code, 'forbidden', where);
  }
}

// ---------------------------------------------------------------------------

test('authorization matrix', async (t) => {
  const server0 = await startServer();
  await server0.stop();
  const dataDir = server0.dataDir;
  const server = await startServer({ demo: true, dataDir });
  t.after(() => server.stop());

  // The other workspace, with a project and a test case, made through the API.
  const admin = await signIn(server, 'admin@localhost', initialAdminPassword(dataDir));
  const otherWid = admin.workspaces.find((w) => w.name === 'My Workspace').id;
  const otherProject = await (
    await sessionRequest(server, admin, 'POST', `/api/v1/workspace/${otherWid}/projects`, {
      name: 'Other Project',
    })
  ).json();
  assert.ok(otherProject.id, 'the other workspace has a project');

  const owner = await signIn(server, 'owner@acme.test');
  const wid = owner.workspaces.find((w) => w.name === 'Acme QA').id;
  const projects = await projectsByName(server, owner, wid);
  const webApp = projects['Web App'];
  const payments = projects['Payments API'];

  // A test case to read and edit in each project the matrix touches; DELETE gets fresh ones.
  async function newTestCase(session, workspaceId, projectId) {
    const res = await sessionRequest(
      server,
      session,
      'POST',
      `/api/v1/workspace/${workspaceId}/project/${projectId}/testcases`,
      { title: unique('Fixture') },
    );
    assert.equal(res.status, 201, 'fixture test case created');
    return (await res.json()).id;
  }
  const fixture = {
    webApp: await newTestCase(owner, wid, webApp.id),
    payments: await newTestCase(owner, wid, payments.id),
    other: await newTestCase(admin, otherWid, otherProject.id),
  };

  // Targets: where a request points, who owns it (for fresh test cases), in scope or not.
  const inWebApp = { label: 'in scope', wid, pid: webApp.id, cid: fixture.webApp, owner, inScope: true };
  const otherWorkspace = {
    label: 'another workspace',
    wid: otherWid,
    pid: otherProject.id,
    cid: fixture.other,
    owner: admin,
    inScope: false,
  };
  const foreignProject = {
    label: 'a project of another workspace under this workspace',
    wid,
    pid: otherProject.id,
    cid: fixture.other,
    owner: admin,
    ownerWid: otherWid,
    inScope: false,
  };
  const unassignedProject = {
    label: 'an unassigned project',
    wid,
    pid: payments.id,
    cid: fixture.payments,
    owner,
    inScope: false,
  };

  // Principals: one token per role, then one person per role.
  const principals = [];
  for (const role of catalogue.workspace_roles.filter((r) => r.assignable_to_token)) {
    const { token } = await createToken(server, owner, wid, {
      name: `Matrix ${role.role}`,
      workspace_role: role.role,
    });
    principals.push({
      label: `workspace token ${role.role}`,
      kind: 'token',
      role: role.role,
      call: (method, p, body) => bearerRequest(server, token, method, p, body),
      targets: [inWebApp, otherWorkspace, foreignProject],
    });
  }
  for (const role of catalogue.project_roles) {
    const { token } = await createToken(server, owner, wid, {
      name: `Matrix ${role.role}`,
      projects: [{ project_id: webApp.id, role: role.role }],
    });
    principals.push({
      label: `project token ${role.role} on Web App`,
      kind: 'token',
      role: role.role,
      projectToken: true,
      call: (method, p, body) => bearerRequest(server, token, method, p, body),
      targets: [inWebApp, unassignedProject, otherWorkspace, foreignProject],
    });
  }
  for (const role of catalogue.workspace_roles) {
    const email = `${role.role.replace('workspace_', '')}@acme.test`;
    const session = role.role === 'workspace_owner' ? owner : await signIn(server, email);
    principals.push({
      label: `web session ${role.role}`,
      kind: 'session',
      role: role.role,
      call: (method, p, body) => sessionRequest(server, session, method, p, body),
      targets: [inWebApp, otherWorkspace, foreignProject],
    });
  }
  assert.equal(principals.length, 4 + 4 + 5);

  for (const principal of principals) {
    await t.test(principal.label, async () => {
      const allows = roleEntry(principal.role).allows;
      for (const route of ROUTES) {
        const targets =
          route.level === 'none'
            ? [inWebApp]
            : route.level === 'workspace'
              ? principal.targets.filter((x) => x === inWebApp || x === otherWorkspace)
              : principal.targets;
        for (const target of targets) {
          const where = `${route.method} ${route.path} (${target.label})`;
          const goal = { ...target };
          if (route.freshTestCase)
            goal.cid = await newTestCase(target.owner, target.ownerWid || target.wid, target.pid);
          const res = await principal.call(
            route.method,
            fill(route.path, goal),
            route.body ? route.body() : undefined,
          );
          const text = await res.text();

          if (route.tokenOnly && principal.kind === 'session') {
            assert.equal(res.status, 401, `${where}: ${text}`);
            assert.equal(JSON.parse(text).code, 'access_token_required', where);
            continue;
          }
          if (!target.inScope) {
            assert.equal(res.status, 404, `${where}: ${text}`);
            assert.equal(JSON.parse(text).code, 'not_found', where);
            continue;
          }
          expectOutcome(route, res, text, where, allows[route.permission], principal.kind);
        }
      }
    });
  }

  await t.test('nothing outside a caller scope was changed', async () => {
    const res = await sessionRequest(
      server,
      admin,
      'GET',
      `/api/v1/workspace/${otherWid}/project/${otherProject.id}/testcase/${fixture.other}`,
    );
    assert.equal(res.status, 200);
    const other = await (
      await sessionRequest(server, admin, 'GET', `/api/v1/workspace/${otherWid}/project/${otherProject.id}`)
    ).json();
    assert.equal(other.description, '', 'no one outside the workspace described it');
  });

  await t.test('a project token lists only its assigned projects', async () => {
    const { token } = await createToken(server, owner, wid, {
      name: 'Matrix two projects',
      projects: [
        { project_id: webApp.id, role: 'project_viewer' },
        { project_id: payments.id, role: 'project_manager' },
      ],
    });
    const res = await bearerRequest(server, token, 'GET', `/api/v1/workspace/${wid}/projects`);
    assert.equal(res.status, 200);
    const names = (await res.json()).items.map((p) => p.name).sort();
    assert.deepEqual(names, ['Payments API', 'Web App']);
    // Roles are evaluated per project: viewer in one, manager in the other.
    const renameWebApp = await bearerRequest(
      server,
      token,
      'PATCH',
      `/api/v1/workspace/${wid}/project/${webApp.id}`,
      { description: 'viewer cannot' },
    );
    assert.equal(renameWebApp.status, 403);
    const renamePayments = await bearerRequest(
      server,
      token,
      'PATCH',
      `/api/v1/workspace/${wid}/project/${payments.id}`,
      { description: 'manager can' },
    );
    assert.equal(renamePayments.status, 200);
  });

  await t.test('a workspace token lists every project of its workspace only', async () => {
    const { token } = await createToken(server, owner, wid, {
      name: 'Matrix lister',
      workspace_role: 'workspace_viewer',
    });
    const res = await bearerRequest(server, token, 'GET', `/api/v1/workspace/${wid}/projects`);
    const items = (await res.json()).items;
    assert.ok(items.every((p) => p.workspace_id === wid));
    for (const name of ['Web App', 'Mobile App', 'Payments API', 'Data Pipeline'])
      assert.ok(items.some((p) => p.name === name), name);
    const workspaces = await (await bearerRequest(server, token, 'GET', '/api/v1/workspaces')).json();
    assert.deepEqual(
      workspaces.items.map((w) => w.id),
      [wid],
    );
  });

  await t.test('tokens never reach the session or token-management routes', async () => {
    for (const principal of principals.filter((p) => p.kind === 'token')) {
      for (const [method, p, body] of [
        ['GET', '/api/v1/session'],
        ['DELETE', '/api/v1/session'],
        ['POST', '/api/v1/session', { email: 'owner@acme.test', password: 'hawzu-demo' }],
        ['GET', `/api/v1/workspace/${wid}/access-tokens`],
        ['GET', `/api/v1/workspace/${wid}/access-tokens/options`],
        [
          'POST',
          `/api/v1/workspace/${wid}/access-tokens`,
          { name: 'From a token', access_type: 'workspace', workspace_role: 'workspace_viewer' },
        ],
        ['GET', `/api/v1/workspace/${wid}/access-tokens/1`],
        ['PATCH', `/api/v1/workspace/${wid}/access-tokens/1`, { name: 'Renamed by a token' }],
        ['POST', `/api/v1/workspace/${wid}/access-tokens/1/disable`],
        ['POST', `/api/v1/workspace/${wid}/access-tokens/1/enable`],
        ['POST', `/api/v1/workspace/${wid}/access-tokens/1/rotate`, { overlap: '1h' }],
        ['DELETE', `/api/v1/workspace/${wid}/access-tokens/1`],
      ]) {
        const res = await principal.call(method, p, body);
        const answer = await res.json();
        assert.equal(res.status, 403, `${principal.label}: ${method} ${p}`);
        assert.equal(answer.code, 'session_required', `${principal.label}: ${method} ${p}`);
        assert.equal(res.headers.get('set-cookie'), null, 'a token never gets a session cookie');
      }
    }
  });

  // The owner dimension (docs/product.md#members-and-token-authority): tokens made by the
  // Manager act under the Manager's authority. The Owner lowers the Manager's role step
  // by step; at each step every token may do only what both its own role and its
  // owner's current role allow, from the very next request.
  await t.test('every token is bounded by its owner\'s current role', async () => {
    const manager = await signIn(server, 'manager@acme.test');
    const members = await (await sessionRequest(server, owner, 'GET', `/api/v1/workspace/${wid}/members`)).json();
    const managerId = members.items.find((m) => m.user.email === 'manager@acme.test').user.id;
    const tokens = [];
    for (const role of catalogue.workspace_roles.filter((r) => r.assignable_to_token)) {
      const { token } = await createToken(server, manager, wid, {
        name: `Owned ${role.role}`,
        workspace_role: role.role,
      });
      tokens.push({ label: `workspace token ${role.role}`, role: role.role, token });
    }
    for (const role of catalogue.project_roles) {
      const { token } = await createToken(server, manager, wid, {
        name: `Owned ${role.role}`,
        projects: [{ project_id: webApp.id, role: role.role }],
      });
      tokens.push({ label: `project token ${role.role}`, role: role.role, token });
    }
    const ownerRoles = ['workspace_manager', 'workspace_coordinator', 'workspace_member', 'workspace_viewer'];
    for (const ownerRole of ownerRoles) {
      const changed = await sessionRequest(server, owner, 'PATCH', `/api/v1/workspace/${wid}/members/${managerId}`, {
        role: ownerRole,
      });
      assert.equal(changed.status, 200, `the owner becomes ${ownerRole}`);
      const ownerAllows = roleEntry(ownerRole).allows;
      for (const { label, role, token } of tokens) {
        const tokenAllows = roleEntry(role).allows;
        for (const route of ROUTES) {
          const goal = { ...inWebApp };
          if (route.freshTestCase) goal.cid = await newTestCase(owner, wid, webApp.id);
          const res = await bearerRequest(server, token, route.method, fill(route.path, goal),
            route.body ? route.body() : undefined);
          const where = `${label}, owner ${ownerRole}: ${route.method} ${route.path}`;
          expectOutcome(route, res, await res.text(), where,
            tokenAllows[route.permission] && ownerAllows[route.permission], 'token');
        }
      }
    }
    // Raising the owner again restores the tokens, and never beyond their own roles.
    await sessionRequest(server, owner, 'PATCH', `/api/v1/workspace/${wid}/members/${managerId}`, {
      role: 'workspace_owner',
    });
    const viewer = tokens.find((x) => x.role === 'workspace_viewer');
    const write = await bearerRequest(server, viewer.token, 'POST',
      `/api/v1/workspace/${wid}/project/${webApp.id}/testcases`, { title: unique('Viewer cannot') });
    assert.equal(write.status, 403, 'an Owner owner does not lift a Viewer token');
    await sessionRequest(server, owner, 'PATCH', `/api/v1/workspace/${wid}/members/${managerId}`, {
      role: 'workspace_manager',
    });
  });

  await t.test('members: listed by people and workspace tokens, changed only by Owners in the web app', async () => {
    const path = `/api/v1/workspace/${wid}/members`;
    for (const principal of principals) {
      const res = await principal.call('GET', path);
      const expected = principal.projectToken ? 403 : 200;
      assert.equal(res.status, expected, `${principal.label}: GET members`);
      const other = await principal.call('GET', `/api/v1/workspace/${otherWid}/members`);
      assert.equal(other.status, 404, `${principal.label}: another workspace's members`);
      const viewerId = (await (await sessionRequest(server, owner, 'GET', path)).json()).items.find(
        (m) => m.user.email === 'viewer@acme.test').user.id;
      const patch = await principal.call('PATCH', `${path}/${viewerId}`, { role: 'workspace_viewer' });
      const del = await principal.call('DELETE', `${path}/999999`);
      if (principal.kind === 'token') {
        assert.equal(patch.status, 403, `${principal.label}: PATCH member`);
        assert.equal((await patch.json()).code, 'session_required');
        assert.equal(del.status, 403, `${principal.label}: DELETE member`);
      } else if (principal.role === 'workspace_owner') {
        assert.equal(patch.status, 200, `${principal.label}: PATCH member`);
        assert.equal(del.status, 404, `${principal.label}: DELETE a non-member`);
      } else {
        assert.equal(patch.status, 403, `${principal.label}: PATCH member`);
        assert.equal((await patch.json()).code, 'forbidden');
        assert.equal(del.status, 403, `${principal.label}: DELETE member`);
      }
    }
  });
});
