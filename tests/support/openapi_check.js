// Checks HTTP answers against the API description, server/api/openapi.json, so the
// document cannot drift from what the server says:
//
//   - the status code is documented for that path and method (exactly, or as "4XX", or
//     "default");
//   - the Content-Type is one the document gives for that status (no body where it gives
//     none);
//   - a JSON body validates against the documented schema (json_schema.js);
//   - a header the document marks required is present.
//
// An answer for a path the document does not describe (the web app's files, the API
// reference page, an unknown /api address) or for a method it does not list is not
// checked. checkResponse() is pure; installFetchCheck() wraps the global fetch so that
// every answer a test receives through fetch is checked (tests/support/server.js
// installs it, so every HTTP and browser test gets it).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { validate, resolvePointer } = require('./json_schema');

const DOCUMENT_PATH = path.resolve(__dirname, '..', '..', 'server', 'api', 'openapi.json');

let cachedDocument = null;
function apiDocument() {
  if (!cachedDocument) cachedDocument = JSON.parse(fs.readFileSync(DOCUMENT_PATH, 'utf8'));
  return cachedDocument;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Each documented path as a regular expression; a concrete path wins over a template
// ("/access-tokens/options" over "/access-tokens/{tid}"), as OpenAPI says.
function pathMatchers(document) {
  return Object.keys(document.paths)
    .map((template) => {
      const parts = template.split(/(\{[^}]+\})/);
      const source = parts.map((p) => (/^\{.+\}$/.test(p) ? '[^/]+' : escapeRegExp(p))).join('');
      return { template, pattern: new RegExp(`^${source}$`), templated: parts.length > 1 };
    })
    .sort((a, b) => a.templated - b.templated);
}

function deref(document, node) {
  let current = node;
  for (let i = 0; current && current.$ref !== undefined; i += 1) {
    if (i > 16) throw new Error(`$ref cycle at ${node.$ref}`);
    current = resolvePointer(document, current.$ref);
  }
  return current;
}

function mediaTypeOf(contentType) {
  return (contentType || '').split(';')[0].trim().toLowerCase();
}

function isJsonMediaType(mediaType) {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/**
 * The operation the document gives for `method` on `pathname`:
 * {template, operation} or null when the document does not describe it.
 */
function findOperation(document, method, pathname) {
  const lower = method.toLowerCase();
  for (const matcher of pathMatchers(document)) {
    if (!matcher.pattern.test(pathname)) continue;
    const item = deref(document, document.paths[matcher.template]);
    if (!METHODS.includes(lower) || !item[lower]) return null;
    return { template: matcher.template, operation: item[lower] };
  }
  return null;
}

/**
 * Checks one answer. `headers` is a fetch Headers object (or anything with get()),
 * `bodyText` the body as text. Returns {checked: false} when the document does not
 * describe the request, else {checked: true, errors: [...]} (empty when it conforms).
 */
function checkResponse({ method, pathname, status, headers, bodyText }, document = apiDocument()) {
  const found = findOperation(document, method, pathname);
  if (!found) return { checked: false, errors: [] };
  const { template, operation } = found;
  const errors = [];
  const where = `${method.toUpperCase()} ${template} → ${status}`;

  const responses = operation.responses || {};
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
  if (!key) {
    errors.push(`${where}: status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`);
    return { checked: true, errors };
  }
  const response = deref(document, responses[key]);

  for (const [name, header] of Object.entries(response.headers || {})) {
    const resolved = deref(document, header);
    if (resolved.required && headers.get(name) === null)
      errors.push(`${where}: the required header ${name} is missing`);
  }

  const contentType = headers.get('content-type');
  const content = response.content || {};
  const mediaTypes = Object.keys(content);
  if (mediaTypes.length === 0) {
    if (bodyText !== '') errors.push(`${where}: the document gives no body, the server sent ${bodyText.length} bytes (${contentType})`);
    return { checked: true, errors };
  }
  const mediaType = mediaTypeOf(contentType);
  const documented = mediaTypes.find((m) => m.toLowerCase() === mediaType);
  if (!documented) {
    errors.push(`${where}: Content-Type ${contentType} is not documented (documented: ${mediaTypes.join(', ')})`);
    return { checked: true, errors };
  }
  const schema = content[documented].schema;
  if (schema && isJsonMediaType(mediaType)) {
    let body;
    try {
      body = JSON.parse(bodyText);
    } catch {
      errors.push(`${where}: the body is not JSON: ${bodyText.slice(0, 80)}`);
      return { checked: true, errors };
    }
    for (const message of validate(schema, body, { root: document }))
      errors.push(`${where}: body ${message}`);
  }
  return { checked: true, errors };
}

// Every failure of the wrapped fetch, also kept here: a test that catches errors on
// purpose (the crash-safety loops) must not hide a drift from the document.
const failures = [];
// How many answers were checked and skipped (printed at exit with HAWZU_OPENAPI_STATS=1).
const counts = { checked: 0, skipped: 0 };

function requestMethod(input, init) {
  if (init && init.method) return init.method;
  if (input && typeof input === 'object' && 'method' in input) return input.method;
  return 'GET';
}

function requestUrl(input) {
  if (typeof input === 'string') return new URL(input);
  if (input instanceof URL) return input;
  return new URL(input.url);
}

function toHeaders(headers) {
  if (headers instanceof Headers) return headers;
  const result = new Headers();
  for (const [name, value] of Object.entries(headers || {})) {
    for (const one of Array.isArray(value) ? value : [value]) result.append(name, String(one));
  }
  return result;
}

/**
 * Checks one answer a test received some other way than fetch (node:https, a raw socket):
 * {method, url or pathname, status, headers (Headers or a plain object), bodyText}.
 * Throws, and fails the process at exit, when it differs from the document.
 */
function assertConforms(answer) {
  const pathname = answer.pathname || new URL(answer.url, 'http://x').pathname;
  const result = checkResponse({ ...answer, pathname, headers: toHeaders(answer.headers) });
  counts[result.checked ? 'checked' : 'skipped'] += 1;
  if (result.errors.length > 0) {
    const message = `the answer differs from server/api/openapi.json:\n  ${result.errors.join('\n  ')}`;
    failures.push(message);
    throw new Error(message);
  }
}

/**
 * Checks a raw HTTP/1.1 exchange: the request text written to a socket and the answer
 * text read back. A body cut short (fewer bytes than its Content-Length) is not
 * validated; the status and Content-Type still are.
 */
function assertRawExchangeConforms(requestText, answerText) {
  const request = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r\n/.exec(requestText);
  const answer = /^HTTP\/1\.[01] (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(answerText);
  if (!request) throw new Error(`not an HTTP/1.1 request: ${requestText.slice(0, 40)}`);
  if (!answer) throw new Error(`not an HTTP/1.1 answer: ${answerText.slice(0, 40)}`);
  const headers = new Headers();
  for (const line of answer[2].split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  let bodyText = answer[3];
  const length = Number(headers.get('content-length'));
  if (headers.get('content-length') !== null && Buffer.byteLength(bodyText) < length) {
    // Cut short: check the status and Content-Type against a body the schema cannot fail.
    const result = checkResponse({ method: request[1], pathname: new URL(request[2], 'http://x').pathname,
      status: Number(answer[1]), headers, bodyText: '' });
    const errors = result.errors.filter((e) => !/no body|the body is not JSON|body \$/.test(e));
    counts[result.checked ? 'checked' : 'skipped'] += 1;
    if (errors.length > 0) {
      const message = `the answer differs from server/api/openapi.json:\n  ${errors.join('\n  ')}`;
      failures.push(message);
      throw new Error(message);
    }
    return;
  }
  bodyText = bodyText.slice(0, Number.isFinite(length) && headers.get('content-length') !== null ? length : undefined);
  assertConforms({ method: request[1], url: request[2], status: Number(answer[1]), headers, bodyText });
}

/**
 * Replaces globalThis.fetch by one that checks every answer with checkResponse() before
 * returning it (the body is read from a clone, so the caller can still read it). A
 * mismatch rejects the fetch with an error that says what differs, and makes the
 * process exit non-zero even if the caller swallowed that error. Idempotent.
 */
function installFetchCheck() {
  if (globalThis.fetch.hawzuOpenApiCheck) return;
  const originalFetch = globalThis.fetch;
  const checkedFetch = async (input, init) => {
    const response = await originalFetch(input, init);
    const url = requestUrl(input);
    const method = requestMethod(input, init);
    // A redirected answer is for another address; none of the API's routes redirect.
    if (response.redirected) return response;
    const bodyText = method.toUpperCase() === 'HEAD' ? '' : await response.clone().text();
    const result = checkResponse({
      method,
      pathname: url.pathname,
      status: response.status,
      headers: response.headers,
      bodyText,
    });
    counts[result.checked ? 'checked' : 'skipped'] += 1;
    if (result.errors.length > 0) {
      const message = `the answer differs from server/api/openapi.json:\n  ${result.errors.join('\n  ')}`;
      failures.push(message);
      throw new Error(message);
    }
    return response;
  };
  checkedFetch.hawzuOpenApiCheck = true;
  globalThis.fetch = checkedFetch;
  process.on('exit', () => {
    if (process.env.HAWZU_OPENAPI_STATS === '1')
      process.stderr.write(`openapi check: ${counts.checked} answers checked, ${counts.skipped} not described\n`);
    if (failures.length === 0) return;
    process.stderr.write(`\n${failures.length} answer(s) differed from server/api/openapi.json:\n`);
    for (const message of failures) process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  });
}

module.exports = {
  checkResponse,
  findOperation,
  installFetchCheck,
  assertConforms,
  assertRawExchangeConforms,
  apiDocument,
};
