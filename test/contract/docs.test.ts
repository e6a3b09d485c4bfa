import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';

/**
 * The repository stands on its own: what its files cite exists in it. Citations of the reference
 * notes the project was started from (kept outside the repository) are refused by name, `docs/`
 * paths and Markdown links must reach a tracked file and, with `#anchor`, a heading in it, and the
 * test names docs/security.md gives as proof must be tests of the files it names.
 */

const ROOT = path.resolve(__dirname, '../..');

/** Tracked files with their text; binary files (a NUL byte) are left out. */
function trackedTexts(): Map<string, string> {
  const listing = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const texts = new Map<string, string>();
  for (const file of listing.split('\0').filter(Boolean)) {
    let text: string;
    try {
      text = readFileSync(path.join(ROOT, file), 'utf8');
    } catch {
      continue; // deleted in the working tree, not yet in the index
    }
    if (!text.includes('\0')) texts.set(file, text);
  }
  return texts;
}

const texts = trackedTexts();
const tracked = new Set(texts.keys());
const trackedDirs = new Set(
  [...tracked].flatMap((file) =>
    file
      .split('/')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
  ),
);

/** A repository path for `cited` read from `file`, relative to the file's folder or to the root; null when neither exists. */
function resolveCitation(file: string, cited: string): string | null {
  const candidates = [path.posix.normalize(path.posix.join(path.posix.dirname(file), cited)), path.posix.normalize(cited)];
  for (const candidate of candidates) {
    if (candidate.startsWith('..')) continue;
    const bare = candidate.replace(/\/$/, '');
    const forms = [bare, ...['.ts', '.js', '.mjs', '.vue', '.d.ts', '.json'].map((ext) => bare + ext)];
    if (forms.some((form) => tracked.has(form)) || trackedDirs.has(bare)) return bare;
  }
  return null;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Problems with one cited `target[#anchor]` from `file`. */
function checkTarget(file: string, target: string): string | null {
  const [pathPart = '', anchor] = target.split('#');
  const resolved = pathPart === '' ? file : resolveCitation(file, pathPart);
  if (resolved === null) return `${target} does not exist`;
  if (anchor === undefined || anchor === '') return null;
  const markdown = texts.get(resolved);
  if (markdown === undefined || !resolved.endsWith('.md')) return `${target}: only Markdown files have anchors`;
  return anchorsOf(markdown).has(anchor) ? null : `${target}: no heading gives #${anchor}`;
}

// Built from parts, so that this file does not match itself.
const BRIEFING_NOTE = new RegExp(`[\\w./-]*\\b(?:${['SECURITY', 'DOMAIN', 'STYLE'].join('|')})\\.md\\b`, 'g');
const SPECS_FOLDER = new RegExp(`[\\w./-]*\\b${'spec'}s/[\\w./-]*`, 'g');
const PARENT_SHARED = new RegExp(`(?:\\.\\./)+${'shared'}/[\\w./-]*`, 'g');
const DOCS_PATH = /(?<![\w./-])docs\/[\w./-]*?\.md(?:#[\w-]+)?/g;
const MARKDOWN_LINK = /\]\(([^)\s]+)\)/g;

describe('the repository stands on its own', () => {
  it('lists the tracked files through git', () => {
    expect(tracked.has('README.md') && tracked.has('docs/domain.md'), 'git ls-files did not list the repository').to.equal(true);
  });

  it('no file outside docs/ cites the reference notes or a specification folder that is not in the repository', () => {
    const problems = new Set<string>();
    for (const [file, text] of texts) {
      if (file.startsWith('docs/')) continue;
      for (const pattern of [BRIEFING_NOTE, SPECS_FOLDER, PARENT_SHARED]) {
        for (const match of text.matchAll(pattern)) {
          const cited = match[0].replace(/\.+$/, ''); // a sentence's full stop is not part of the path
          if (resolveCitation(file, cited) === null) problems.add(`${file}:${lineOf(text, match.index)}: ${cited}`);
        }
      }
    }
    expect([...problems], `citations of files the repository does not hold; cite docs/ instead:\n${[...problems].join('\n')}`).to.deep.equal([]);
  });

  it('every docs/ path any file cites exists, and its #anchor is a heading of that file', () => {
    const problems: string[] = [];
    for (const [file, text] of texts) {
      for (const match of text.matchAll(DOCS_PATH)) {
        const problem = checkTarget('', match[0]);
        if (problem) problems.push(`${file}:${lineOf(text, match.index)}: ${problem}`);
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('every relative link of a Markdown file reaches a tracked file, and its #anchor a heading there', () => {
    const problems: string[] = [];
    for (const [file, text] of texts) {
      if (!file.endsWith('.md')) continue;
      for (const match of text.matchAll(MARKDOWN_LINK)) {
        const target = match[1]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
        const problem = checkTarget(file, target);
        if (problem) problems.push(`${file}:${lineOf(text, match.index)}: ${problem}`);
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});

/** The `it(...)` names of a test file, as patterns: a template literal's `${…}` matches any text. */
function testNamePatterns(source: string): RegExp[] {
  const patterns: RegExp[] = [];
  for (const match of source.matchAll(/\bit\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
    const quote = match[1]!;
    const literal = match[2]!.replace(/\\(['"`\\])/g, '$1');
    const parts = quote === '`' ? literal.split(/\$\{[^}]*\}/) : [literal];
    patterns.push(new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`));
  }
  return patterns;
}

describe('docs/security.md names tests that exist', () => {
  it('every test named under "Cases the hub withstands" is a test of a file its row names', () => {
    const security = texts.get('docs/security.md') ?? '';
    const section = security.slice(security.indexOf('## Cases the hub withstands'), security.indexOf('### Cases not yet covered'));
    const problems: string[] = [];
    let named = 0;
    for (const row of section.split('\n').filter((line) => line.startsWith('| '))) {
      const cells = row.split(' | ');
      if (cells.length < 3) continue;
      const files = [...cells[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
      const names = [
        ...cells
          .slice(2)
          .join(' | ')
          .matchAll(/`([^`]+)`/g),
      ].map((match) => match[1]!);
      if (files.length === 0) continue;
      const patterns = files.flatMap((file) => (texts.has(file) ? testNamePatterns(texts.get(file)!) : (problems.push(`${file} is not a tracked file`), [])));
      for (const name of names) {
        named++;
        if (!patterns.some((pattern) => pattern.test(name))) problems.push(`"${name}" is not a test of ${files.join(' or ')}`);
      }
    }
    expect(named, 'the table of cases names no tests').to.be.greaterThan(50);
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
