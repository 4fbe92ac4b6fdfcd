// A small JSON Schema (2020-12) validator for the subset server/api/openapi.json uses:
// $ref (local), type (one or a list), enum, const, properties, required,
// additionalProperties, items, minItems, maxItems, minLength, maxLength, pattern,
// minimum, maximum, exclusiveMinimum, exclusiveMaximum, oneOf, anyOf, allOf, and the
// formats date-time (RFC 3339), date (YYYY-MM-DD), int32 and int64.
//
// A keyword outside that subset is an error, not ignored: if the document starts using
// one, this file must learn it before the check can be trusted again.
//
//   const errors = validate(schema, value, { root: document });
//   // [] when valid, else ['$.items[0].status: "paused" is not one of ["enabled", ...]', ...]
'use strict';

// Keywords that only describe; they never make a value invalid.
const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
]);

const ASSERTIONS = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'oneOf',
  'anyOf',
  'allOf',
  'format',
]);

/** The value a local JSON pointer ("#/components/schemas/Problem") names in `root`. */
function resolvePointer(root, ref) {
  if (!ref.startsWith('#')) throw new Error(`only local $ref is supported: ${ref}`);
  let node = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node))
      throw new Error(`$ref ${ref} names nothing in the document`);
    node = node[key];
  }
  return node;
}

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;  // 'object', 'string', 'number', 'boolean'
}

function hasType(value, type) {
  switch (type) {
    case 'null':
    case 'array':
    case 'string':
    case 'boolean':
    case 'object':
      return typeOf(value) === type;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      throw new Error(`unknown type "${type}"`);
  }
}

function deepEqual(a, b) {
  if (a === b) return true;
  if (typeOf(a) !== typeOf(b) || typeof a !== 'object' || a === null) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => deepEqual(a[k], b[k]));
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

function isCalendarDate(year, month, day) {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

function formatError(format, value) {
  switch (format) {
    case 'date-time': {
      if (typeof value !== 'string') return null;
      const m = RFC3339.exec(value);
      const ok =
        m && isCalendarDate(+m[1], +m[2], +m[3]) && +m[4] < 24 && +m[5] < 60 && +m[6] < 61 &&
        (m[9] === undefined || (+m[9] < 24 && +m[10] < 60));
      return ok ? null : 'is not an RFC 3339 date-time';
    }
    case 'date': {
      if (typeof value !== 'string') return null;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      return m && isCalendarDate(+m[1], +m[2], +m[3]) ? null : 'is not a YYYY-MM-DD date';
    }
    case 'int32':
      if (typeof value !== 'number') return null;
      return Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31
        ? null
        : 'is not an int32';
    case 'int64':
      if (typeof value !== 'number') return null;
      // JSON numbers beyond 2^53 lose precision in JavaScript; the server's ids stay far below.
      return Number.isSafeInteger(value) ? null : 'is not an int64 that JSON keeps exact';
    default:
      throw new Error(`unsupported format "${format}"`);
  }
}

function show(value) {
  const text = JSON.stringify(value);
  return text !== undefined && text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Validates `value` against `schema`; returns a list of messages, empty when valid.
 * `options.root` is the document that local $refs point into.
 */
function validate(schema, value, options = {}) {
  const root = options.root || schema;
  const errors = [];
  check(schema, value, '$', root, errors, 0);
  return errors;
}

function check(schema, value, where, root, errors, depth) {
  if (depth > 64) throw new Error(`schema nesting too deep at ${where} (a $ref cycle?)`);
  if (schema === true) return;
  if (schema === false) {
    errors.push(`${where}: no value is allowed here`);
    return;
  }
  if (schema === null || typeof schema !== 'object')
    throw new Error(`not a schema at ${where}: ${show(schema)}`);

  for (const keyword of Object.keys(schema)) {
    if (!ASSERTIONS.has(keyword) && !ANNOTATIONS.has(keyword))
      throw new Error(`unsupported JSON Schema keyword "${keyword}" at ${where}`);
  }
  const fail = (message) => errors.push(`${where}: ${message}`);

  if (schema.$ref !== undefined)
    check(resolvePointer(root, schema.$ref), value, where, root, errors, depth + 1);

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => hasType(value, type))) {
      fail(`${show(value)} is not of type ${types.join(' or ')}`);
      return;  // the other keywords would only repeat the complaint
    }
  }
  if (schema.enum !== undefined && !schema.enum.some((option) => deepEqual(option, value)))
    fail(`${show(value)} is not one of ${show(schema.enum)}`);
  if (schema.const !== undefined && !deepEqual(schema.const, value))
    fail(`${show(value)} is not ${show(schema.const)}`);
  if (schema.format !== undefined) {
    const message = formatError(schema.format, value);
    if (message) fail(`${show(value)} ${message}`);
  }

  if (typeof value === 'string') {
    const length = [...value].length;  // code points, as JSON Schema counts them
    if (schema.minLength !== undefined && length < schema.minLength)
      fail(`${show(value)} is shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && length > schema.maxLength)
      fail(`${show(value)} is longer than ${schema.maxLength}`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
      fail(`${show(value)} does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      fail(`${value} is less than ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      fail(`${value} is more than ${schema.maximum}`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum)
      fail(`${value} is not more than ${schema.exclusiveMinimum}`);
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum)
      fail(`${value} is not less than ${schema.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      fail(`has ${value.length} items, fewer than ${schema.minItems}`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      fail(`has ${value.length} items, more than ${schema.maxItems}`);
    if (schema.items !== undefined)
      value.forEach((item, i) => check(schema.items, item, `${where}[${i}]`, root, errors, depth + 1));
  }
  if (typeOf(value) === 'object') {
    for (const name of schema.required || [])
      if (!(name in value)) fail(`lacks the required property "${name}"`);
    const properties = schema.properties || {};
    for (const [name, item] of Object.entries(value)) {
      if (name in properties) {
        check(properties[name], item, `${where}.${name}`, root, errors, depth + 1);
      } else if (schema.additionalProperties === false) {
        fail(`has the undocumented property "${name}"`);
      } else if (schema.additionalProperties !== undefined) {
        check(schema.additionalProperties, item, `${where}.${name}`, root, errors, depth + 1);
      }
    }
  }

  for (const part of schema.allOf || []) check(part, value, where, root, errors, depth + 1);
  if (schema.anyOf !== undefined) {
    const results = schema.anyOf.map((part) => validate(part, value, { root }));
    if (!results.some((r) => r.length === 0))
      fail(`matches none of anyOf: ${results.map((r) => r.join('; ')).join(' | ')}`);
  }
  if (schema.oneOf !== undefined) {
    const results = schema.oneOf.map((part) => validate(part, value, { root }));
    const matches = results.filter((r) => r.length === 0).length;
    if (matches === 0)
      fail(`matches none of oneOf: ${results.map((r) => r.join('; ')).join(' | ')}`);
    else if (matches > 1) fail(`matches ${matches} of oneOf, not exactly one`);
  }
}

/**
 * Every keyword and format in `schema` (and the schemas nested in it) that validate()
 * does not know, as "where: keyword" strings. $refs are not followed (check their
 * targets on their own).
 */
function unsupportedKeywords(schema, where = '$') {
  if (typeof schema === 'boolean') return [];
  const found = [];
  for (const [keyword, value] of Object.entries(schema)) {
    if (!ASSERTIONS.has(keyword) && !ANNOTATIONS.has(keyword)) found.push(`${where}: ${keyword}`);
    if (keyword === 'format') {
      try {
        formatError(value, undefined);
      } catch {
        found.push(`${where}: format ${value}`);
      }
    }
  }
  for (const [name, sub] of Object.entries(schema.properties || {}))
    found.push(...unsupportedKeywords(sub, `${where}.${name}`));
  if (schema.items !== undefined) found.push(...unsupportedKeywords(schema.items, `${where}[]`));
  if (typeof schema.additionalProperties === 'object')
    found.push(...unsupportedKeywords(schema.additionalProperties, `${where}.*`));
  for (const keyword of ['oneOf', 'anyOf', 'allOf'])
    (schema[keyword] || []).forEach((sub, i) =>
      found.push(...unsupportedKeywords(sub, `${where}.${keyword}[${i}]`)));
  return found;
}

module.exports = { validate, resolvePointer, unsupportedKeywords };
