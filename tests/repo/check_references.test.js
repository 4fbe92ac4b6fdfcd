// The reference check (check_references.js) on small made-up repositories: it passes a
// repository whose references all resolve and names each kind of broken reference.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const checker = path.join(__dirname, 'check_references.js');

/** A git repository with `files` ({path: text}) committed to its index. */
function makeRepository(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hawzu-refs-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  execFileSync('git', ['-C', dir, 'init', '-q']);
  execFileSync('git', ['-C', dir, 'add', '.']);
  return dir;
}

function runCheck(dir) {
  const result = spawnSync(process.execPath, [checker, dir], { encoding: 'utf8' });
  return { code: result.status, output: result.stdout + result.stderr };
}

const GOOD = {
  'README.md': '# Example\n\n## Quick start\n\nSee [the rules](docs/rules.md#who-may-do-what).\n',
  'docs/rules.md':
    '# Rules\n\n## Who may do what\n\n## Errors\n\n### Errors\n\n[top](#rules), [again](#errors-1), ' +
    '[back](../README.md#quick-start), ![shot](shots/a.png)\n',
  'docs/shots/a.png': 'not really a picture',
  'server/rules.h': '// The roles (docs/rules.md#who-may-do-what); see server/rules.cpp.\n',
  'server/rules.cpp': '// https://example.com/FOO.md is a web address, not a file.\n',
};

test('a repository whose references all resolve passes', () => {
  const { code, output } = runCheck(makeRepository(GOOD));
  assert.equal(code, 0, output);
  assert.match(output, /every reference resolves/);
});

test('each kind of broken reference is named with its file and line', () => {
  const outside = ['PRODUCT', 'SECURITY'].map((n) => `${n}.md`);
  const cases = [
    ['server/a.h', '// see docs/missing.md\n', /server\/a\.h:1: .*docs\/missing\.md does not exist/],
    ['server/b.h', '// see docs/rules.md#nope\n', /server\/b\.h:1: .*has no heading with the anchor #nope/],
    ['server/c.h', `// see ${outside[0]} §4\n`, /server\/c\.h:1: names PRODUCT\.md/],
    ['web/d.cpp', `\n// (${outside[1]} "Sessions")\n`, /web\/d\.cpp:2: names SECURITY\.md/],
    ['tests/e.js', `// read ..${'/'}shared/NOTES.txt\n`, /tests\/e\.js:1: names \.\.\/shared/],
    ['server/f.h', '// see server/gone.cpp\n', /server\/f\.h:1: the path server\/gone\.cpp does not exist/],
    ['docs/g.md', '# G\n\n[x](#not-here)\n', /docs\/g\.md:3: the link #not-here names no heading/],
    ['docs/h.md', '# H\n\n![pic](shots/none.png)\n', /docs\/h\.md:3: .*docs\/shots\/none\.png does not exist/],
    ['docs/i.md', '# I\n\n[up](../../elsewhere.md)\n', /docs\/i\.md:3: .*points outside the repository/],
  ];
  for (const [name, text, expected] of cases) {
    const { code, output } = runCheck(makeRepository({ ...GOOD, [name]: text }));
    assert.equal(code, 1, `${name} should fail:\n${output}`);
    assert.match(output, expected);
  }
});

test('headings inside code blocks give no anchors', () => {
  const files = { ...GOOD, 'docs/j.md': '# J\n\n```sh\n# not a heading\n```\n\n[x](#not-a-heading)\n' };
  const { code, output } = runCheck(makeRepository(files));
  assert.equal(code, 1, output);
  assert.match(output, /#not-a-heading names no heading/);
});
