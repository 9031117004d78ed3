// docs/legal-traceability.md is a claim about the code: every obligation row names the code that
// implements it and the test that proves it. This file checks those claims, so the document fails
// the build when a file moves, a symbol is renamed or a test title changes.
//
// Rules (also stated at the top of the document):
//  - a traceability table has the columns Source | Obligation | Implementation | Proof | Notes;
//  - Implementation: one or more `path` (repository-relative, must exist), each optionally followed
//    by `symbol`s that must occur in that file as a whole word; entries separated by <br>;
//  - Proof: one or more `test/….test.ts` — "title", "title" entries separated by <br>; each title
//    must be the literal first argument of an it/test/describe call in that file (not .skip/.todo),
//    or the name vitest gives a row of an it.each/describe.each table: the template with its
//    placeholders filled, where every %s/$name/${…} part must occur in the file as a string literal;
//  - every other table's backticked paths must exist too (out of scope, gaps);
//  - the table under "Figures still marked unverified" names every seed row marked verify, and
//    only those, by its key in backticks (fine rule and cap ids, clocks, clock:extension, agency
//    ids, holiday dates).
import { RELIEF_LIMITS } from '../../domain/reference/payment-relief.js';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENCIES, AUTHORITY_CAPS, DEADLINE_POLICIES, FINE_SCHEDULE, HOLIDAYS, ITEM_CATEGORIES } from '../../domain/reference-data.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DOC = 'docs/legal-traceability.md';

/** Bullets (¶) per section of Directive 28/CT-BTTTT; §7 is one paragraph. */
const CT28_POINTS: Record<number, number> = { 1: 10, 2: 4, 3: 4, 4: 2, 5: 3, 6: 2, 7: 1, 8: 6 };
/** Lettered points per section of the Thanh Hóa directive (2021); there is no đ). */
const TH_POINTS: Record<number, string> = { 1: 'abcde', 2: 'abcd', 3: 'abc', 4: 'ab', 5: 'ab', 6: 'abcde', 7: 'abcdef' };
/** The rows domain.md sections 3 and 4 must have in the traceability tables. */
const ROUTING_RULES = ['categories', 'cross-border', 'signs of crime', 'KT1', 'province', 're-route'];
const CASE_STEPS = Array.from({ length: 11 }, (_, i) => i + 1);

const TRACE_COLUMNS = ['Source', 'Obligation', 'Implementation', 'Proof', 'Notes'];

// ---------------------------------------------------------------------------------------------
// Markdown tables.

export interface Row {
  line: number;
  cells: Record<string, string>;
}
export interface Table {
  heading: string;
  columns: string[];
  rows: Row[];
}

const splitCells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

/** Every pipe table of a markdown text, with the heading it sits under. */
export function parseTables(md: string): Table[] {
  const lines = md.split('\n');
  const tables: Table[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) heading = h[1]!.trim();
    if (!line.trim().startsWith('|') || !/^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1] ?? '')) continue;
    const columns = splitCells(line);
    const rows: Row[] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.trim().startsWith('|'); j++) {
      const cells = splitCells(lines[j]!);
      rows.push({ line: j + 1, cells: Object.fromEntries(columns.map((c, k) => [c, cells[k] ?? ''])) });
    }
    tables.push({ heading, columns, rows });
    i = j - 1;
  }
  return tables;
}

export const isTraceTable = (t: Table): boolean => TRACE_COLUMNS.every((c) => t.columns.includes(c));

// ---------------------------------------------------------------------------------------------
// Test titles in a test file.

interface Literal {
  text: string;
  /** `${…}` parts of a template literal, replaced by \u0000 in `text`. */
  wildcards: boolean;
  end: number;
}

/** The string literal starting at `src[i]` (a quote), or null. */
function readLiteral(src: string, i: number): Literal | null {
  const q = src[i];
  if (q !== "'" && q !== '"' && q !== '`') return null;
  let text = '';
  let wildcards = false;
  for (let k = i + 1; k < src.length; k++) {
    const ch = src[k]!;
    if (ch === '\\') {
      const next = src[k + 1] ?? '';
      text += ({ n: '\n', t: '\t' } as Record<string, string>)[next] ?? next;
      k++;
    } else if (ch === q) {
      return { text, wildcards, end: k + 1 };
    } else if (q === '`' && ch === '$' && src[k + 1] === '{') {
      k = skipBalanced(src, k + 1) - 1;
      text += '\u0000';
      wildcards = true;
    } else if (ch === '\n' && q !== '`') {
      return null;
    } else {
      text += ch;
    }
  }
  return null;
}

/** Index just past the bracket that closes the one at `src[open]`, skipping strings and comments. */
function skipBalanced(src: string, open: number): number {
  let depth = 0;
  for (let k = open; k < src.length; k++) {
    const ch = src[k]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      const lit = readLiteral(src, k);
      if (lit) k = lit.end - 1;
    } else if (ch === '/' && src[k + 1] === '/') {
      k = src.indexOf('\n', k);
      if (k < 0) return src.length;
    } else if (ch === '/' && src[k + 1] === '*') {
      k = src.indexOf('*/', k) + 1;
      if (k <= 0) return src.length;
    } else if ('([{'.includes(ch)) {
      depth++;
    } else if (')]}'.includes(ch)) {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return src.length;
}

interface TitleCall {
  title: string;
  wildcards: boolean;
  /** From it.each / describe.each / .for: the title is a template filled per row. */
  table: boolean;
  /** The source of each row of the table, when it is written out as an array literal. */
  rows: string[] | null;
  skipped: boolean;
}

/** The top-level elements of the array literal an each-table starts with, or null. */
function rowsOf(args: string): string[] | null {
  const open = args.search(/\S/);
  if (args[open] !== '[') return null;
  const body = args.slice(open + 1, skipBalanced(args, open) - 1);
  const rows: string[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < body.length; k++) {
    const ch = body[k]!;
    if ('\'"`'.includes(ch)) {
      const lit = readLiteral(body, k);
      if (lit) k = lit.end - 1;
    } else if (ch === '/' && body[k + 1] === '/') {
      k = body.indexOf('\n', k);
      if (k < 0) break;
    } else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      rows.push(body.slice(from, k));
      from = k + 1;
    }
  }
  rows.push(body.slice(from));
  return rows.filter((r) => r.trim() !== '');
}

/** String literals and number literals (underscores dropped) of a piece of source. */
function literalsIn(text: string): { strings: Set<string>; numbers: Set<string> } {
  const strings = new Set<string>();
  let rest = '';
  for (let i = 0; i < text.length; i++) {
    const lit = '\'"`'.includes(text[i]!) ? readLiteral(text, i) : null;
    if (lit) {
      strings.add(lit.text);
      i = lit.end - 1;
      rest += ' ';
    } else {
      rest += text[i];
    }
  }
  const numbers = new Set([...rest.matchAll(/(?<![\w.])-?\d[\d_]*(?:\.\d+)?/g)].map((m) => m[0].replace(/_/g, '')));
  return { strings, numbers };
}

/** The titles of every it/test/describe call in a test file. */
export function testTitles(src: string): TitleCall[] {
  const calls: TitleCall[] = [];
  const head = /\b(it|test|describe)((?:\s*\.\s*[A-Za-z]+)*)\s*(?:<[^>()]*>)?\s*\(/g;
  for (let m = head.exec(src); m; m = head.exec(src)) {
    const modifiers = m[2]!
      .split('.')
      .map((s) => s.trim())
      .filter(Boolean);
    const table = modifiers.some((x) => x === 'each' || x === 'for');
    const skipped = modifiers.some((x) => x === 'skip' || x === 'todo' || x === 'fails');
    let at = m.index + m[0].length;
    let rows: string[] | null = null;
    if (table) {
      // it.each(rows)(title, fn): read the rows, then expect the second call
      const close = skipBalanced(src, at - 1);
      rows = rowsOf(src.slice(at, close - 1));
      at = close;
      const open = /^\s*\(/.exec(src.slice(at));
      if (!open) continue;
      at += open[0].length;
    }
    while (/\s/.test(src[at] ?? '')) at++;
    const lit = readLiteral(src, at);
    if (lit) calls.push({ title: lit.text, wildcards: lit.wildcards, table, rows, skipped });
  }
  return calls;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Placeholders vitest fills from a table row, and `${…}` parts of a template literal title. */
// eslint-disable-next-line no-control-regex -- NUL marks a placeholder
const PLACEHOLDER = /%[sdifjoO#%]|\$[A-Za-z_][\w.]*|\u0000/g;

/**
 * Whether `title` is `call`'s template filled from one of its rows: the %s and $name parts must
 * be string literals of that row, %i and %d parts its numbers. Rows that are not written out
 * (an expression), and `${…}` in a template literal, fall back to any string literal of the file.
 */
function templateMatches(call: TitleCall, title: string, src: string): boolean {
  const parts: string[] = [];
  const kinds: ('string' | 'number' | 'any')[] = [];
  let last = 0;
  for (const m of call.title.matchAll(PLACEHOLDER)) {
    parts.push(escapeRe(call.title.slice(last, m.index)));
    const p = m[0];
    if (p === '%%') {
      parts.push('%');
    } else if (p === '%d' || p === '%i') {
      parts.push('(-?\\d+(?:\\.\\d+)?)');
      kinds.push('number');
    } else {
      parts.push('(.+?)');
      kinds.push(p === '%s' || p.startsWith('$') || p === '\u0000' ? 'string' : 'any');
    }
    last = m.index + p.length;
  }
  if (kinds.length === 0) return false;
  parts.push(escapeRe(call.title.slice(last)));
  const m = new RegExp(`^${parts.join('')}$`).exec(title);
  if (!m) return false;
  const captures = m.slice(1);
  const fits = (lits: { strings: Set<string>; numbers: Set<string> }) =>
    captures.every((c, k) => kinds[k] === 'any' || (kinds[k] === 'string' ? lits.strings.has(c!) : lits.numbers.has(c!)));
  if (call.table && call.rows) return call.rows.some((row) => fits(literalsIn(row)));
  const file = literalsIn(src);
  return captures.every((c, k) => kinds[k] !== 'string' || file.strings.has(c!));
}

/** Null when `title` names a test (or suite) in `src` that runs; otherwise what is wrong. */
export function titleProblem(src: string, title: string): string | null {
  const calls = testTitles(src);
  const exact = calls.filter((c) => !c.wildcards && c.title === title);
  const filled = calls.filter((c) => (c.table || c.wildcards) && c.title !== title && templateMatches(c, title, src));
  const found = [...exact, ...filled];
  if (found.length === 0) return 'no it/test/describe with this title';
  if (found.every((c) => c.skipped)) return 'the test is skipped (.skip/.todo/.fails), so it proves nothing';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rows.

const backticked = (s: string): string[] => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const looksLikePath = (s: string) => /^[\w.@-]+(\/[\w.@()[\]-]+)+\/?$/.test(s) || /^[\w-]+\.(ts|md|sql|prisma|json|sh|yml|yaml)$/.test(s);

function pathProblem(root: string, path: string): string | null {
  if (isAbsolute(path) || normalize(path).startsWith('..')) return `${path} is not repository-relative`;
  return existsSync(join(root, path)) ? null : `${path} does not exist`;
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

/** The Implementation cell: `path` `symbol`… entries separated by <br>. */
export function implementationProblems(cell: string, root: string): string[] {
  const entries = cell
    .split(/<br\s*\/?>/)
    .map((e) => backticked(e))
    .filter((e) => e.length > 0);
  if (entries.length === 0) return ['no implementation (a `path`) given'];
  const problems: string[] = [];
  for (const [path, ...symbols] of entries) {
    const missing = pathProblem(root, path!);
    if (missing) {
      problems.push(missing);
      continue;
    }
    if (path!.endsWith('/')) continue;
    const text = read(root, path!);
    for (const sym of symbols) {
      const word = new RegExp(`(^|[^\\w$])${escapeRe(sym)}($|[^\\w$])`);
      if (!word.test(text)) problems.push(`${path} has no ${sym}`);
    }
  }
  return problems;
}

/** The Proof cell: `test/….test.ts` — "title", "title" entries separated by <br>. */
export function proofProblems(cell: string, root: string): string[] {
  const entries = cell
    .split(/<br\s*\/?>/)
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return ['no proof given'];
  const problems: string[] = [];
  for (const entry of entries) {
    const m = /^`([^`]+)`\s*—\s*(.*)$/.exec(entry);
    if (!m) {
      problems.push(`proof entry not written as \`test file\` — "title": ${entry}`);
      continue;
    }
    const [, file, rest] = m;
    if (!/^test\/.+\.test\.ts$/.test(file!)) {
      problems.push(`${file} is not a test file under test/`);
      continue;
    }
    const missing = pathProblem(root, file!);
    if (missing) {
      problems.push(missing);
      continue;
    }
    const titles = [...rest!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((t) => t[1]!);
    if (titles.length === 0) problems.push(`${file}: no "title" quoted`);
    const src = read(root, file!);
    for (const title of titles) {
      const problem = titleProblem(src, title);
      if (problem) problems.push(`${file}: "${title}": ${problem}`);
    }
  }
  return problems;
}

/** Everything wrong with one row of a traceability table. */
export function rowProblems(row: Row, root: string): string[] {
  const problems: string[] = [];
  if (!row.cells.Source) problems.push('no source');
  if (!row.cells.Obligation) problems.push('no obligation');
  problems.push(...implementationProblems(row.cells.Implementation ?? '', root));
  problems.push(...proofProblems(row.cells.Proof ?? '', root));
  return problems.map((p) => `line ${row.line} (${row.cells.Source}): ${p}`);
}

/** Backticked paths anywhere in a row of another table (out of scope, gaps) must exist. */
export function pathsInRowProblems(row: Row, root: string): string[] {
  return Object.values(row.cells)
    .flatMap(backticked)
    .filter(looksLikePath)
    .map((p) => pathProblem(root, p))
    .filter((p): p is string => p !== null)
    .map((p) => `line ${row.line} (${row.cells.Source}): ${p}`);
}

// ---------------------------------------------------------------------------------------------
// Coverage of the directives.

/** Directive points named in Source cells, e.g. "CT 28 §1 ¶8" → CT28 1.8, "TH §7(c)" → TH 7.c. */
export function pointsOf(source: string): string[] {
  const ct = [...source.matchAll(/CT 28 §(\d+) ¶(\d+)/g)].map((m) => `CT28 ${m[1]}.${m[2]}`);
  const th = [...source.matchAll(/TH §(\d+)\(([a-zđ])\)/g)].map((m) => `TH ${m[1]}.${m[2]}`);
  return [...ct, ...th];
}

export const EXPECTED_POINTS: string[] = [
  ...Object.entries(CT28_POINTS).flatMap(([s, n]) => Array.from({ length: n }, (_, i) => `CT28 ${s}.${i + 1}`)),
  ...Object.entries(TH_POINTS).flatMap(([s, letters]) => [...letters].map((l) => `TH ${s}.${l}`)),
];

/** Directive points no row names, and names of points that do not exist. */
export function coverageProblems(tables: Table[]): string[] {
  const named = tables.flatMap((t) => t.rows.flatMap((r) => pointsOf(r.cells.Source ?? '')));
  const expected = new Set(EXPECTED_POINTS);
  const missing = EXPECTED_POINTS.filter((p) => !named.includes(p)).map((p) => `no row for ${p}`);
  const unknown = [...new Set(named.filter((p) => !expected.has(p)))].map((p) => `${p} is not a point of the directive`);
  return [...missing, ...unknown];
}

// ---------------------------------------------------------------------------------------------
// Figures marked unverified.

export const UNVERIFIED_HEADING = 'Figures still marked unverified';
const marked = (text: string) => /\((verify|cần xác minh)\)/.test(text);

/** The keys of every seed row marked verify, as the unverified table names them. */
export const UNVERIFIED_KEYS: string[] = [
  ...FINE_SCHEDULE.filter((f) => f.verify).map((f) => f.id),
  ...AUTHORITY_CAPS.filter((c) => c.verify).map((c) => c.id),
  ...DEADLINE_POLICIES.flatMap((p) => [
    ...(p.verify ? [p.clock] : []),
    ...p.extensions.filter((e) => e.verify).map((e) => `${p.clock}:${e.code}`),
  ]),
  ...AGENCIES.filter((a) => marked(a.name) || marked(a.nameEn)).map((a) => a.id),
  ...HOLIDAYS.filter((h) => marked(h.name)).map((h) => h.date),
  ...Object.entries(RELIEF_LIMITS)
    .filter(([, l]) => l.verify)
    .map(([key]) => `RELIEF:${key}`),
];

/** Keys the unverified table should name and does not; keys it names that are no longer marked. */
export function unverifiedProblems(tables: Table[], expected: readonly string[]): string[] {
  const listed = tables
    .filter((t) => t.heading === UNVERIFIED_HEADING)
    .flatMap((t) => t.rows.flatMap((r) => backticked(r.cells.Figure ?? '')));
  const missing = expected.filter((k) => !listed.includes(k)).map((k) => `${k} is marked verify but not listed`);
  const stale = listed
    .filter((k) => !expected.includes(k) && !looksLikePath(k))
    .map((k) => `${k} is listed but no seed row is marked verify under that key`);
  return [...missing, ...stale];
}

// ---------------------------------------------------------------------------------------------

const doc = read(ROOT, DOC);
const tables = parseTables(doc);
const traceTables = tables.filter(isTraceTable);
const traceRows = traceTables.flatMap((t) => t.rows);
const otherRows = tables.filter((t) => !isTraceTable(t)).flatMap((t) => t.rows);
const rowsNaming = (needle: string) =>
  traceRows.filter((r) => (r.cells.Source ?? '').includes(needle) || (r.cells.Obligation ?? '').includes(needle));

describe(DOC, () => {
  it('has traceability tables with rows', () => {
    expect(traceTables.length).toBeGreaterThanOrEqual(5);
    expect(traceRows.length).toBeGreaterThan(50);
  });

  it('points every traceability row at existing code and at test titles that exist', () => {
    expect(traceRows.flatMap((r) => rowProblems(r, ROOT))).toEqual([]);
  });

  it('names only existing files in the out-of-scope and gap tables', () => {
    expect(otherRows.flatMap((r) => pathsInRowProblems(r, ROOT))).toEqual([]);
  });

  it('covers every point of both directives, in scope or out of scope', () => {
    expect(coverageProblems(tables)).toEqual([]);
  });

  it('has at least one row per directive section', () => {
    for (const s of Object.keys(CT28_POINTS))
      expect(
        tables.some((t) => t.rows.some((r) => (r.cells.Source ?? '').includes(`CT 28 §${s} `))),
        `CT 28 §${s}`,
      ).toBe(true);
    for (const s of Object.keys(TH_POINTS))
      expect(
        tables.some((t) => t.rows.some((r) => (r.cells.Source ?? '').includes(`TH §${s}(`))),
        `TH §${s}`,
      ).toBe(true);
  });

  it.each(DEADLINE_POLICIES.map((p) => p.clock))('has a traceability row for the %s clock', (clock) => {
    expect(rowsNaming(`domain.md §5 \`${clock}\``).length).toBeGreaterThan(0);
  });

  it.each([...new Set(FINE_SCHEDULE.map((f) => f.offenceCode))])('has a traceability row for the fine of %s', (offence) => {
    expect(rowsNaming(`domain.md §6 \`${offence}\``).length).toBeGreaterThan(0);
  });

  it('names every item category in a routing row', () => {
    const routing = rowsNaming('domain.md §3')
      .map((r) => `${r.cells.Obligation ?? ''} ${r.cells.Notes ?? ''}`)
      .join(' ');
    expect(ITEM_CATEGORIES.map((c) => c.code).filter((code) => !routing.includes(code))).toEqual([]);
  });

  it.each(ROUTING_RULES)('has a traceability row for the routing rule "%s"', (rule) => {
    expect(rowsNaming(`domain.md §3 ${rule}`).length).toBeGreaterThan(0);
  });

  it('lists every figure still marked unverified, and only those', () => {
    expect(UNVERIFIED_KEYS.length).toBeGreaterThan(20);
    expect(unverifiedProblems(tables, UNVERIFIED_KEYS)).toEqual([]);
  });

  it('cites no Decree 174/2026 but to say it cannot be verified', () => {
    const citing = doc.split('\n').filter((l) => l.includes('174/2026') && !/cannot be verified|"174\/2026"/.test(l));
    expect(citing).toEqual([]);
  });

  it.each(CASE_STEPS)('has a traceability row for case step %i', (step) => {
    expect(traceRows.filter((r) => new RegExp(`domain\\.md §4 step ${step}(?!\\d)`).test(r.cells.Source ?? '')).length).toBeGreaterThan(0);
  });
});

// The checker must be able to fail: fed rows that are wrong, it says what is wrong.
describe('the traceability checker', () => {
  const fakeTest = [
    "describe('a suite', () => {",
    "  it('does a thing', () => {});",
    `  it.${'skip'}('is skipped', () => {});`, // spelled so a search for skipped tests does not take this text for one
    '  it.each([',
    "    ['clear without a reason', 1],",
    "    ['refer twice', 2],",
    "  ])('refuses %s', (_, n) => {});",
    "  it.each([{ outcome: 'approve', n: 15_000_000 }])('decides ($outcome) for %i', () => {});",
    "  for (const f of ['a.json']) it(`replays ${f} today`, () => {});",
    '});',
  ].join('\n');

  it('finds plain titles, suites and table rows, and nothing else', () => {
    expect(titleProblem(fakeTest, 'does a thing')).toBeNull();
    expect(titleProblem(fakeTest, 'a suite')).toBeNull();
    expect(titleProblem(fakeTest, 'refuses clear without a reason')).toBeNull();
    expect(titleProblem(fakeTest, 'refuses %s')).toBeNull();
    expect(titleProblem(fakeTest, 'replays a.json today')).toBeNull();
    expect(titleProblem(fakeTest, 'decides (approve) for 15000000')).toBeNull();
    expect(titleProblem(fakeTest, 'refuses to fly')).toMatch(/no it\/test\/describe/);
    expect(titleProblem(fakeTest, 'refuses a suite')).toMatch(/no it\/test\/describe/); // a literal, but of no row
    expect(titleProblem(fakeTest, 'decides (approve) for 16000000')).toMatch(/no it\/test\/describe/);
    expect(titleProblem(fakeTest, 'replays b.json today')).toMatch(/no it\/test\/describe/);
    expect(titleProblem(fakeTest, 'does a thin')).toMatch(/no it\/test\/describe/);
    expect(titleProblem(fakeTest, 'is skipped')).toMatch(/skipped/);
  });

  it('reports a missing file, a missing symbol, a missing test file and a missing title', () => {
    const md = [
      '## Fake',
      '| Source | Obligation | Implementation | Proof | Notes |',
      '|---|---|---|---|---|',
      '| CT 28 §1 ¶8 | suspend | `domain/nope.ts` | `test/unit/case-paths.test.ts` — "holds, notifies, and waits for the lead agency to take the case" | |',
      '| CT 28 §1 ¶8 | suspend | `domain/case-states.ts` `NO_SUCH_SYMBOL` | `test/unit/nope.test.ts` — "x" | |',
      '| CT 28 §1 ¶8 | suspend | `domain/case-states.ts` `TRANSITIONS` | `test/unit/case-paths.test.ts` — "a title nobody wrote" | |',
      '| CT 28 §1 ¶8 | suspend | `domain/case-states.ts` `TRANSITIONS` | `test/unit/case-paths.test.ts` — "holds, notifies, and waits for the lead agency to take the case" | |',
    ].join('\n');
    const [fake] = parseTables(md);
    expect(isTraceTable(fake!)).toBe(true);
    const problems = fake!.rows.map((r) => rowProblems(r, ROOT));
    expect(problems[0]).toEqual([expect.stringContaining('domain/nope.ts does not exist')]);
    expect(problems[1]).toEqual([
      expect.stringContaining('domain/case-states.ts has no NO_SUCH_SYMBOL'),
      expect.stringContaining('test/unit/nope.test.ts does not exist'),
    ]);
    expect(problems[2]).toEqual([expect.stringContaining('"a title nobody wrote": no it/test/describe')]);
    expect(problems[3]).toEqual([]);
  });

  it('reports directive points no row names, and points that do not exist', () => {
    const md = ['| Source | Obligation | Why out of scope |', '|---|---|---|', '| CT 28 §1 ¶11; TH §7(g) | x | y |'].join('\n');
    const problems = coverageProblems(parseTables(md));
    expect(problems).toContain('no row for CT28 7.1');
    expect(problems).toContain('no row for TH 1.e');
    expect(problems).toContain('CT28 1.11 is not a point of the directive');
    expect(problems).toContain('TH 7.g is not a point of the directive');
  });

  it('reports a figure marked verify that is not listed, and a listed one no longer marked', () => {
    const md = [
      '## Figures still marked unverified',
      '',
      '| Figure | Value |',
      '|---|---|',
      '| `D15-2020:X` | 1 |',
      '| `OLD:Y` | 2 |',
    ].join('\n');
    expect(unverifiedProblems(parseTables(md), ['D15-2020:X', 'CAP:Z'])).toEqual([
      'CAP:Z is marked verify but not listed',
      'OLD:Y is listed but no seed row is marked verify under that key',
    ]);
  });

  it('reports a path that does not exist in an out-of-scope row', () => {
    const md = [
      '| Source | Obligation | Why out of scope | Related code |',
      '|---|---|---|---|',
      '| TH §7(d) | mailboxes | not ours | `prisma/nope.prisma` |',
    ].join('\n');
    expect(pathsInRowProblems(parseTables(md)[0]!.rows[0]!, ROOT)).toEqual([expect.stringContaining('prisma/nope.prisma does not exist')]);
  });
});
