// The Hawzu API resources (docs/product.md#hawzu-api): the shapes of projects and test cases,
// validation (400 with field errors, unknown fields refused), duplicate project names
// (409 name_taken), paging test cases with limit/cursor, and the OpenAPI document.
// Authorization is covered by authorization_matrix.test.js.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const {
  signIn,
  sessionRequest,
  bearerRequest,
  createToken,
  projectsByName,
} = require('../support/token_client');

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

function fieldsOf(problem) {
  return problem.errors.map((e) => e.field).sort();
}

test('Hawzu API resources', async (t) => {
  const server = await startServer({ demo: true });
  t.after(() => server.stop());
  const owner = await signIn(server, 'owner@acme.test');
  const wid = owner.workspaces[0].id;
  const projects = await projectsByName(server, owner, wid);
  const { token } = await createToken(server, owner, wid, {
    name: 'Resources CI',
    workspace_role: 'workspace_manager',
  });
  const api = (method, p, body) => bearerRequest(server, token, method, p, body);

  await t.test('the demo projects have the documented shape', async () => {
    const res = await api('GET', `/api/v1/workspace/${wid}/projects`);
    assert.equal(res.status, 200);
    const { items } = await res.json();
    assert.deepEqual(
      items.map((p) => p.name),
      ['Data Pipeline', 'Mobile App', 'Payments API', 'Web App'],
    );
    for (const project of items) {
      assert.deepEqual(Object.keys(project).sort(), [
        'created_at',
        'description',
        'id',
        'name',
        'updated_at',
        'workspace_id',
      ]);
      assert.equal(project.workspace_id, wid);
      assert.match(project.created_at, RFC3339);
    }
  });

  await t.test('create, read and update a project', async () => {
    const created = await api('POST', `/api/v1/workspace/${wid}/projects`, {
      name: '  Release Train  ',
      description: 'Line one\nLine two',
    });
    assert.equal(created.status, 201);
    const project = await created.json();
    assert.equal(project.name, 'Release Train', 'trimmed');
    assert.equal(project.description, 'Line one\nLine two');

    const read = await api('GET', `/api/v1/workspace/${wid}/project/${project.id}`);
    assert.deepEqual(await read.json(), project);

    const renamed = await api('PATCH', `/api/v1/workspace/${wid}/project/${project.id}`, {
      name: 'Release Train 2',
    });
    assert.equal(renamed.status, 200);
    const after = await renamed.json();
    assert.equal(after.name, 'Release Train 2');
    assert.equal(after.description, 'Line one\nLine two', 'absent fields keep their value');
  });

  await t.test('duplicate project names: 409 name_taken, ignoring case', async () => {
    for (const name of ['Web App', 'web app', ' WEB APP ']) {
      const res = await api('POST', `/api/v1/workspace/${wid}/projects`, { name });
      assert.equal(res.status, 409, name);
      const body = await res.json();
      assert.equal(body.code, 'name_taken');
      assert.deepEqual(fieldsOf(body), ['name']);
    }
    const rename = await api('PATCH', `/api/v1/workspace/${wid}/project/${projects['Mobile App'].id}`, {
      name: 'WEB APP',
    });
    assert.equal(rename.status, 409);
    const same = await api('PATCH', `/api/v1/workspace/${wid}/project/${projects['Mobile App'].id}`, {
      name: 'Mobile App',
    });
    assert.equal(same.status, 200, 'keeping its own name is not a duplicate');
  });

  await t.test('project validation: field errors, unknown fields refused', async () => {
    const cases = [
      [{}, ['name']],
      [{ name: '' }, ['name']],
      [{ name: '   ' }, ['name']],
      [{ name: 'x'.repeat(81) }, ['name']],
      [{ name: 'Tab\there' }, ['name']],
      [{ name: 42 }, ['name']],
      [{ name: null }, ['name']],
      [{ name: 'Fine', description: 7 }, ['description']],
      [{ name: 'Fine', description: 'x'.repeat(2001) }, ['description']],
      [{ name: 'Fine', owner: 'me' }, ['owner']],
      [{ name: 'Fine', id: 5, workspace_id: 9 }, ['id', 'workspace_id']],
      [[], ['']],
      ['text', ['']],
    ];
    for (const [body, fields] of cases) {
      const res = await api('POST', `/api/v1/workspace/${wid}/projects`, body);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 60));
      assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
      const problem = await res.json();
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(fieldsOf(problem), fields, JSON.stringify(body).slice(0, 60));
    }
    const patch = await api('PATCH', `/api/v1/workspace/${wid}/project/${projects['Web App'].id}`, {
      name: '',
      colour: 'red',
    });
    assert.equal(patch.status, 400);
    assert.deepEqual(fieldsOf(await patch.json()), ['colour', 'name']);
  });

  await t.test('malformed JSON is 400 malformed_json; a huge body is 413', async () => {
    const bad = await fetch(server.url(`/api/v1/workspace/${wid}/projects`), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"name": ',
    });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).code, 'malformed_json');
    const huge = await fetch(server.url(`/api/v1/workspace/${wid}/projects`), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Big', description: 'x'.repeat(70 * 1024) }),
    });
    assert.equal(huge.status, 413);
  });

  await t.test('test cases: create, read, update, delete', async () => {
    const base = `/api/v1/workspace/${wid}/project/${projects['Web App'].id}`;
    const created = await api('POST', `${base}/testcases`, {
      title: 'Log out from every device',
      steps: '1. Sign in twice\n2. Log out everywhere',
    });
    assert.equal(created.status, 201);
    const testCase = await created.json();
    assert.deepEqual(Object.keys(testCase).sort(), [
      'created_at',
      'description',
      'expected_result',
      'id',
      'priority',
      'project_id',
      'steps',
      'title',
      'updated_at',
    ]);
    assert.equal(testCase.priority, 'medium', 'the default priority');
    assert.equal(testCase.project_id, projects['Web App'].id);

    const updated = await api('PATCH', `${base}/testcase/${testCase.id}`, { priority: 'critical' });
    assert.equal(updated.status, 200);
    const after = await updated.json();
    assert.equal(after.priority, 'critical');
    assert.equal(after.title, testCase.title);

    // A test case is only reachable through its own project.
    const elsewhere = await api(
      'GET',
      `/api/v1/workspace/${wid}/project/${projects['Mobile App'].id}/testcase/${testCase.id}`,
    );
    assert.equal(elsewhere.status, 404);

    assert.equal((await api('DELETE', `${base}/testcase/${testCase.id}`)).status, 204);
    assert.equal((await api('GET', `${base}/testcase/${testCase.id}`)).status, 404);
    assert.equal((await api('DELETE', `${base}/testcase/${testCase.id}`)).status, 404);
  });

  await t.test('test case validation', async () => {
    const base = `/api/v1/workspace/${wid}/project/${projects['Web App'].id}`;
    const cases = [
      [{}, ['title']],
      [{ title: ' ' }, ['title']],
      [{ title: 'x'.repeat(201) }, ['title']],
      [{ title: 'Fine', priority: 'urgent' }, ['priority']],
      [{ title: 'Fine', priority: null }, ['priority']],
      [{ title: 'Fine', steps: ['a'] }, ['steps']],
      [{ title: 'Fine', expected_result: 'x'.repeat(10001) }, ['expected_result']],
      [{ title: 'Fine', status: 'passed' }, ['status']],
    ];
    for (const [body, fields] of cases) {
      const res = await api('POST', `${base}/testcases`, body);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 60));
      assert.deepEqual(fieldsOf(await res.json()), fields, JSON.stringify(body).slice(0, 60));
    }
  });

  await t.test('test cases come in pages with limit and next_cursor', async () => {
    const base = `/api/v1/workspace/${wid}/project/${projects['Data Pipeline'].id}`;
    for (let i = 0; i < 5; i++)
      assert.equal((await api('POST', `${base}/testcases`, { title: `Paged ${i}` })).status, 201);
    const all = (await (await api('GET', `${base}/testcases?limit=100`)).json()).items;
    assert.ok(all.length >= 8);
    const seen = [];
    let cursor = null;
    let pages = 0;
    do {
      const query = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : '?limit=3';
      const res = await api('GET', `${base}/testcases${query}`);
      assert.equal(res.status, 200);
      const page = await res.json();
      assert.ok(page.items.length <= 3);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < 20);
    assert.deepEqual(seen, all.map((c) => c.id), 'every test case once, in id order');

    for (const query of ['?limit=0', '?limit=101', '?limit=x', '?cursor=nope', '?sort=title', '?limit=1&limit=2']) {
      const res = await api('GET', `${base}/testcases${query}`);
      assert.equal(res.status, 400, query);
      assert.equal((await res.json()).code, 'validation_failed', query);
    }
  });

  await t.test('ids that are not ids are 404', async () => {
    for (const p of [
      `/api/v1/workspace/0/projects`,
      `/api/v1/workspace/abc/projects`,
      `/api/v1/workspace/${wid}/project/01`,
      `/api/v1/workspace/${wid}/project/99999999/testcases`,
    ]) {
      const res = await api('GET', p);
      assert.equal(res.status, 404, p);
    }
  });

  await t.test('a web session changes resources only with the cross-site header', async () => {
    const res = await fetch(server.url(`/api/v1/workspace/${wid}/projects`), {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Without the header' }),
    });
    assert.equal(res.status, 403);
    assert.equal((await res.json()).code, 'csrf_rejected');
    const ok = await sessionRequest(server, owner, 'POST', `/api/v1/workspace/${wid}/projects`, {
      name: 'With the header',
    });
    assert.equal(ok.status, 201);
  });
});

test('GET /api/v1/openapi.json serves the OpenAPI 3.1 document without authentication', async () => {
  const server = await startServer();
  try {
    const res = await fetch(server.url('/api/v1/openapi.json'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    const doc = await res.json();
    assert.match(doc.openapi, /^3\.1\./);
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['bearerAuth', 'cookieAuth']);
    assert.equal(doc.components.securitySchemes.cookieAuth.name, 'hawzu_session');
    assert.equal(doc.components.securitySchemes.bearerAuth.scheme, 'bearer');
    for (const p of [
      '/api/v1/workspaces',
      '/api/v1/workspace/{wid}/projects',
      '/api/v1/workspace/{wid}/project/{pid}/testcase/{cid}',
      '/api/v1/access-tokens/self',
      '/api/v1/session',
      '/api/v1/workspace/{wid}/access-tokens/{tid}/disable',
    ])
      assert.ok(doc.paths[p], p);
  } finally {
    await server.stop();
  }
});
