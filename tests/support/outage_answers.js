// What clients may see while the database is away (docs/operations.md): the server stays
// up, every answer is 2xx or 503 problem+json `database_unavailable` with Retry-After,
// never a connection error, and health (no database work) is never refused. Shared by
// the fault and failover tests, which differ in how they take the database away.
'use strict';

const assert = require('node:assert/strict');

/** `answers`: [{name, status, headers, body, error}] collected while clients kept calling. */
function assertOnlySuccessOrUnavailable(server, answers) {
  assert.equal(server.process.exitCode, null, `the server exited:\n${server.output.stderr}`);
  assert.equal(server.process.signalCode, null, `the server was killed:\n${server.output.stderr}`);
  const errors = answers.filter((a) => a.error);
  assert.deepEqual(errors.map((a) => `${a.name}: ${a.error}`), [], 'connection errors');
  for (const a of answers) {
    const ok = a.status >= 200 && a.status < 300;
    assert.ok(ok || a.status === 503, `${a.name} answered ${a.status}: ${JSON.stringify(a.body)}`);
    if (a.status === 503) {
      assert.match(a.headers.get('content-type'), /^application\/problem\+json/);
      assert.ok(a.headers.get('retry-after'), `${a.name}: 503 without Retry-After`);
      assert.equal(a.body.code, 'database_unavailable');
    }
  }
  // Health does no database work: it is never refused.
  assert.deepEqual(answers.filter((a) => a.name === 'health' && a.status !== 200), []);
}

module.exports = { assertOnlySuccessOrUnavailable };
