// The repository explains itself: every reference in a tracked file must lead somewhere
// inside it. Fails (exit 1, one line per broken reference) on
//
//   - a Markdown file named anywhere (`docs/security.md`, `README.md#quick-start`) that
//     does not exist, or whose `#anchor` no heading of that file produces;
//   - a repository path to a source file (`server/http/route_table.h`, `web/top_bar.cpp`)
//     that does not exist;
//   - a relative link or image in a Markdown page (`[text](other-page#heading)`,
//     `![...](screenshots/x.png)`, `[x](#section)`) that does not resolve;
//   - the specification files the team keeps outside the repository, named bare, and any
//     path into a folder beside the repository.
//
//   node tests/repo/check_references.js [repository-root]
//
// Registered in CTest as "repo: references" (label repo); see docs/testing.md.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(process.argv[2] || path.join(__dirname, '..', '..'));

// Spelled in pieces so that this file does not name them itself.
const OUTSIDE_DOCUMENTS = ['PRODUCT', 'SECURITY'].map((name) => `${name}.md`);
const OUTSIDE_FOLDERS = [`..${'/'}shared`, `/work${'/'}shared`];

// Top-level folders whose file paths are checked when a text names them.
const SOURCE_FOLDERS = ['bench', 'cmake', 'docs', 'public', 'scripts', 'server', 'shared', 'tests', 'web'];
const SOURCE_EXTENSIONS = ['h', 'cpp', 'c', 'js', 'json', 'sh', 'cmake', 'txt', 'html', 'css', 'png', 'svg', 'py'];

// Lock files and pictures say nothing about the repository's own files; the check's own
// test is full of broken references on purpose (its made-up repositories).
const SKIPPED = [
  /^package-lock\.json$/,
  /\.(png|jpe?g|gif|ico|wasm|otf|ttf|woff2?|gz)$/i,
  /^tests\/repo\/check_references\.test\.js$/,
];

function trackedFiles() {
  const out = execFileSync('git', ['-C', root, 'ls-files', '-z'], { encoding: 'utf8' });
  return out.split('\0').filter((name) => name && !SKIPPED.some((re) => re.test(name)));
}

function exists(relative) {
  return fs.existsSync(path.join(root, relative));
}

// The anchor GitHub gives a heading: lower case; punctuation dropped (letters, digits,
// spaces, '-' and '_' stay); each space a '-'; a repeated anchor gets -1, -2, ...
function slug(headingText) {
  const plain = headingText
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')  // [text](link) → text
    .replace(/<[^>]+>/g, '');  // inline HTML
  return plain
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const anchorCache = new Map();
function anchorsOf(relative) {
  if (anchorCache.has(relative)) return anchorCache.get(relative);
  const anchors = new Set();
  const counts = new Map();
  let fence = null;
  for (const line of fs.readFileSync(path.join(root, relative), 'utf8').split('\n')) {
    const fenceMatch = /^\s*(```|~~~)/.exec(line);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1];
      else if (fence === fenceMatch[1]) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = slug(heading[1]);
      const seen = counts.get(base) || 0;
      anchors.add(seen === 0 ? base : `${base}-${seen}`);
      counts.set(base, seen + 1);
    }
    for (const id of line.matchAll(/\b(?:id|name)="([^"]+)"/g)) anchors.add(id[1]);
  }
  anchorCache.set(relative, anchors);
  return anchors;
}

function lineOf(text, index) {
  return text.slice(0, index).split('\n').length;
}

// Web addresses are not repository paths: blank them out, keeping the offsets.
function withoutUrls(text) {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s)>"'`]+/gi, (url) => ' '.repeat(url.length));
}

function checkTarget(problems, where, target, anchor, description) {
  const normalized = path.posix.normalize(target);
  if (normalized.startsWith('..')) {
    problems.push(`${where}: ${description} points outside the repository`);
    return;
  }
  if (!exists(normalized)) {
    problems.push(`${where}: ${description}: ${normalized} does not exist`);
    return;
  }
  if (anchor && normalized.endsWith('.md') && !anchorsOf(normalized).has(anchor))
    problems.push(`${where}: ${description}: ${normalized} has no heading with the anchor #${anchor}`);
}

function checkFile(file, problems) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  if (text.includes('\0')) return;  // binary
  const isMarkdown = file.endsWith('.md');
  const directory = path.posix.dirname(file);
  const scanned = withoutUrls(text);

  for (const folder of OUTSIDE_FOLDERS) {
    for (let i = scanned.indexOf(folder); i !== -1; i = scanned.indexOf(folder, i + 1))
      problems.push(`${file}:${lineOf(text, i)}: names ${folder}, a folder outside the repository`);
  }

  // Markdown files named anywhere: "docs/product.md#tokens", "README.md".
  const markdownName = /(?<![\w./-])((?:\.{1,2}\/)?(?:[\w-]+\/)*[\w.-]+\.md)(?:#([\w-]+))?/g;
  for (const match of scanned.matchAll(markdownName)) {
    const [, name, anchor] = match;
    const where = `${file}:${lineOf(text, match.index)}`;
    if (OUTSIDE_DOCUMENTS.includes(path.posix.basename(name))) {
      problems.push(`${where}: names ${name}, which is not in the repository (cite docs/ instead)`);
      continue;
    }
    // In a Markdown page a name is relative to the page, as its links are; elsewhere it
    // is relative to the repository root.
    const candidates = isMarkdown
      ? [path.posix.join(directory, name), name]
      : [name];
    const target = candidates.find((candidate) => exists(path.posix.normalize(candidate))) || candidates[0];
    checkTarget(problems, where, target, anchor, `the reference ${match[0]}`);
  }

  // Source paths named anywhere: "server/http/route_table.h".
  const sourcePath = new RegExp(
    `(?<![\\w./-])((?:${SOURCE_FOLDERS.join('|')})/[\\w./-]*[\\w-]\\.(?:${SOURCE_EXTENSIONS.join('|')}))(?![\\w/-])`,
    'g',
  );
  for (const match of scanned.matchAll(sourcePath)) {
    const where = `${file}:${lineOf(text, match.index)}`;
    const candidates = isMarkdown ? [match[1], path.posix.join(directory, match[1])] : [match[1]];
    if (!candidates.some((candidate) => exists(path.posix.normalize(candidate))))
      problems.push(`${where}: the path ${match[1]} does not exist`);
  }

  if (!isMarkdown) return;
  // Relative links and images of a Markdown page: [text](target) and ![alt](target).
  let inFence = false;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    const withoutCode = line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    for (const link of withoutCode.matchAll(/\]\(([^)\s]+)\)/g)) {
      const href = link[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) continue;  // web address, or a path on the server
      const [target, anchor] = href.split('#');
      const where = `${file}:${index + 1}`;
      if (target === '') {
        if (!anchorsOf(file).has(anchor)) problems.push(`${where}: the link #${anchor} names no heading of this page`);
        continue;
      }
      checkTarget(problems, where, path.posix.join(directory, decodeURI(target)), anchor, `the link ${href}`);
    }
  });
}

function main() {
  const problems = [];
  const files = trackedFiles();
  for (const file of files) {
    if (!exists(file)) continue;  // deleted in the work tree, not yet in the index
    checkFile(file, problems);
  }
  if (problems.length > 0) {
    process.stderr.write(`${problems.length} reference(s) lead nowhere:\n${problems.join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`references: ${files.length} tracked files checked, every reference resolves\n`);
}

if (require.main === module) main();

module.exports = { slug, checkFile };
