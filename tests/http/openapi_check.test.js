// The check every HTTP test runs on every answer (tests/support/openapi_check.js): the
// JSON Schema subset it validates, how it finds an operation, and that it names what
// differs. The check itself runs inside every other test file.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { validate, unsupportedKeywords } = require('../support/json_schema');
const { checkResponse, findOperation, apiDocument } = require('../support/openapi_check');
const { startServer } = require('../support/server');

const headers = (contentType) => new Headers(contentType ? { 'content-type': contentType } : {});

test('the validator accepts what the schema allows and names what it does not', () => {
  const schema = {
    type: 'object',
    required: ['id', 'status'],
    additionalProperties: false,
    properties: {
      id: { type: 'integer', format: 'int64', minimum: 1 },
      status: { type: 'string', enum: ['enabled', 'disabled'] },
      expires_at: { type: ['string', 'null'], format: 'date-time' },
      identifier: { type: 'string', pattern: '^hwz_[0-9A-Za-z]{8}$' },
      name: { type: 'string', minLength: 1, maxLength: 3 },
      tags: { type: 'array', maxItems: 1, items: { const: 'a' } },
      kind: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
    },
  };
  assert.deepEqual(validate(schema, { id: 1, status: 'enabled', expires_at: null }), []);
  assert.deepEqual(
    validate(schema, { id: 2, status: 'disabled', expires_at: '2026-02-28T12:00:00Z', name: 'CI', tags: ['a'], kind: 3 }),
    [],
  );
  const cases = [
    [{ status: 'enabled' }, /lacks the required property "id"/],
    [{ id: 1.5, status: 'enabled' }, /\$\.id: 1\.5 is not of type integer/],
    [{ id: 0, status: 'enabled' }, /\$\.id: 0 is less than 1/],
    [{ id: 1, status: 'paused' }, /\$\.status: "paused" is not one of/],
    [{ id: 1, status: 'enabled', extra: 1 }, /undocumented property "extra"/],
    [{ id: 1, status: 'enabled', expires_at: '2026-02-30T12:00:00Z' }, /not an RFC 3339 date-time/],
    [{ id: 1, status: 'enabled', expires_at: 7 }, /is not of type string or null/],
    [{ id: 1, status: 'enabled', identifier: 'hwz_short' }, /does not match/],
    [{ id: 1, status: 'enabled', name: 'four' }, /longer than 3/],
    [{ id: 1, status: 'enabled', tags: ['a', 'a'] }, /more than 1/],
    [{ id: 1, status: 'enabled', tags: ['b'] }, /\$\.tags\[0\]: "b" is not "a"/],
    [{ id: 1, status: 'enabled', kind: true }, /matches none of oneOf/],
  ];
  for (const [value, expected] of cases) {
    const errors = validate(schema, value);
    assert.ok(errors.some((e) => expected.test(e)), `${JSON.stringify(value)}: ${errors.join('; ')}`);
  }
});

test('a keyword outside the supported subset is an error, not ignored', () => {
  assert.throws(() => validate({ type: 'string', contentEncoding: 'base64' }, 'x'), /unsupported JSON Schema keyword "contentEncoding"/);
  assert.throws(() => validate({ type: 'string', format: 'email' }, 'x'), /unsupported format "email"/);
});

test('every schema of the document is within the subset the validator knows', () => {
  const document = apiDocument();
  const schemas = Object.entries(document.components.schemas).map(([name, s]) => [`schemas.${name}`, s]);
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      for (const [status, response] of Object.entries(operation.responses || {})) {
        for (const [type, media] of Object.entries(response.content || {}))
          if (media.schema) schemas.push([`${method} ${template} ${status} ${type}`, media.schema]);
      }
    }
  }
  for (const [name, response] of Object.entries(document.components.responses))
    for (const [type, media] of Object.entries(response.content || {}))
      if (media.schema) schemas.push([`responses.${name} ${type}`, media.schema]);
  assert.ok(schemas.length > 40, `${schemas.length} schemas`);
  for (const [name, schema] of schemas) assert.deepEqual(unsupportedKeywords(schema), [], name);
});

test('operations are found by path template, concrete paths first', () => {
  const document = apiDocument();
  assert.equal(findOperation(document, 'GET', '/api/v1/workspace/1/access-tokens/options').template,
    '/api/v1/workspace/{wid}/access-tokens/options');
  assert.equal(findOperation(document, 'GET', '/api/v1/workspace/1/access-tokens/7').template,
    '/api/v1/workspace/{wid}/access-tokens/{tid}');
  assert.equal(findOperation(document, 'PUT', '/api/v1/workspace/1/access-tokens/7'), null);
  assert.equal(findOperation(document, 'GET', '/app.wasm'), null);
  assert.equal(findOperation(document, 'GET', '/api/reference'), null);
});

test('an answer that differs from the document is named by route, status and difference', () => {
  const base = { method: 'GET', pathname: '/api/v1/health', headers: headers('application/json') };
  assert.deepEqual(checkResponse({ ...base, status: 200, bodyText: '{"status":"ok"}' }).errors, []);
  const undocumented = checkResponse({ ...base, status: 418, bodyText: '' });
  assert.match(undocumented.errors[0], /GET \/api\/v1\/health → 418: status 418 is not documented/);
  const wrongType = checkResponse({ ...base, headers: headers('text/plain'), status: 200, bodyText: 'ok' });
  assert.match(wrongType.errors[0], /Content-Type text\/plain is not documented/);
  const wrongBody = checkResponse({ ...base, status: 200, bodyText: '{"status":"ok","extra":true}' });
  assert.match(wrongBody.errors[0], /body \$: has the undocumented property "extra"/);
  const bodyWhereNone = checkResponse({
    method: 'DELETE', pathname: '/api/v1/session', status: 204, headers: headers('application/json'), bodyText: '{}',
  });
  assert.match(bodyWhereNone.errors[0], /the document gives no body/);
  assert.equal(checkResponse({ ...base, pathname: '/index.html', status: 200, bodyText: '' }).checked, false);
});

test('fetch in the tests rejects an answer that differs from the document', async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  // The server's own answers conform; a made-up document says health answers 204 only.
  const res = await fetch(server.url('/api/v1/health'));
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok' });
  const strict = structuredClone(apiDocument());
  strict.paths['/api/v1/health'].get.responses = { 204: { description: 'nothing' } };
  const result = checkResponse(
    { method: 'GET', pathname: '/api/v1/health', status: res.status, headers: res.headers, bodyText: '{"status":"ok"}' },
    strict,
  );
  assert.match(result.errors.join('\n'), /status 200 is not documented \(documented: 204\)/);
});
