// The message catalogue: Vietnamese first, English second, one label for every status, action,
// clock, role, agency kind, stage, category, refusal, problem and event type (the compiler checks
// the records are total; these tests check the two lists the domain does not hold as types), and
// vi-VN formatting that does not depend on the runtime's locale data.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../api/operations.js';
import { ACTION_KINDS, type CaseAction } from '../../domain/case-actions.js';
import { CALENDAR_CORRECTED, DEADLINE_ESCALATED, DETECTED, eventTypeOf } from '../../domain/case-events.js';
import {
  catalogue,
  EVENT_TYPES,
  fill,
  formatDate,
  formatDateTime,
  formatIsoDate,
  formatTime,
  formatVnd,
  labelOf,
  PROBLEM_TYPES,
  type Catalogue,
} from '../../domain/messages/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const vi = catalogue('vi');
const en = catalogue('en');

/** Every string of a catalogue with its path. */
function strings(c: Catalogue): [string, string][] {
  return Object.entries(c).flatMap(([section, v]) =>
    typeof v === 'string'
      ? [[section, v] as [string, string]]
      : Object.entries(v as Record<string, string>).map(([k, s]) => [`${section}.${k}`, s] as [string, string]),
  );
}

describe('the catalogue', () => {
  it('names every event type the workflow writes, and no other', () => {
    const written = new Set<string>([DETECTED, DEADLINE_ESCALATED, CALENDAR_CORRECTED]);
    for (const kind of ACTION_KINDS)
      if (kind === 'decideSanction')
        for (const outcome of ['approve', 'sendBack', 'noSanction'] as const) written.add(eventTypeOf({ kind, outcome } as CaseAction));
      else written.add(eventTypeOf({ kind } as CaseAction));
    expect([...written].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('names every problem type the API answers with, and no other', () => {
    const files = readdirSync(join(ROOT, 'api'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const used = new Set<string>();
    for (const f of files) {
      const code = readFileSync(join(ROOT, 'api', f), 'utf8');
      for (const m of code.matchAll(/problem\(\s*(?:\d{3}|\w+),\s*'([a-z-]+)'/g)) used.add(m[1]!);
      for (const m of code.matchAll(/status: \d{3},\s*type: '([a-z-]+)'/g)) used.add(m[1]!);
      for (const m of code.matchAll(/type: '([a-z-]+)', title:/g)) used.add(m[1]!);
    }
    // a required header that is missing is `<header>-required` (api/http/mount.ts)
    for (const op of OPERATIONS)
      for (const [name, h] of Object.entries(op.headers ?? {})) if (h.required) used.add(`${name.toLowerCase()}-required`);
    expect([...used].sort()).toEqual([...PROBLEM_TYPES].sort());
  });

  it('has the same keys in both languages, none empty, with the same placeholders', () => {
    const a = strings(vi);
    const b = Object.fromEntries(strings(en));
    expect(a.map(([k]) => k).sort()).toEqual(Object.keys(b).sort());
    for (const [k, s] of a) {
      expect(s.trim(), k).not.toBe('');
      expect(b[k]!.trim(), k).not.toBe('');
      const holes = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(b[k]!), k).toEqual(holes(s));
    }
  });

  it('speaks Vietnamese first: the Vietnamese labels are not the English ones', () => {
    expect(vi.lang).toBe('vi-VN');
    expect(vi.status.UNDER_VERIFICATION).toBe('Đang xác minh');
    const same = strings(vi).filter(([k, s]) => Object.fromEntries(strings(en))[k] === s && !/\{\w+\}/.test(s));
    // codes and arrows may coincide; sentences may not
    expect(same.filter(([, s]) => /[a-zà-ỹ]{4,}/i.test(s))).toEqual([]);
  });

  it('fills placeholders and falls back to the code for data it does not know', () => {
    expect(fill(vi.ui.caseTitle, { number: 'TH-2026-000001' })).toBe('Vụ việc TH-2026-000001');
    expect(fill('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(labelOf(vi.category, 'COUNTERFEIT')).toBe(vi.category.COUNTERFEIT);
    expect(labelOf(vi.category, 'NEW_CATEGORY')).toBe('NEW_CATEGORY');
  });
});

describe('vi-VN formatting', () => {
  it('writes dates dd/MM/yyyy and times HH:mm in Asia/Ho_Chi_Minh', () => {
    // 17:30 UTC is 00:30 the next day in Vietnam (UTC+7, no daylight saving)
    expect(formatDate('2026-12-31T17:30:00Z')).toBe('01/01/2027');
    expect(formatTime('2026-12-31T17:30:00Z')).toBe('00:30');
    expect(formatDateTime(new Date('2026-03-02T03:05:00Z'))).toBe('10:05 02/03/2026');
    expect(formatIsoDate('2027-02-05')).toBe('05/02/2027');
  });

  it('writes amounts 1.234.567 ₫ (English groups with commas)', () => {
    expect(formatVnd(1_234_567)).toBe('1.234.567\u00a0₫');
    expect(formatVnd(0)).toBe('0\u00a0₫');
    expect(formatVnd(100)).toBe('100\u00a0₫');
    expect(formatVnd(20_000_000, 'en')).toBe('20,000,000\u00a0₫');
    // the same as the runtime's own vi-VN grouping
    expect(formatVnd(987_654_321).replace('\u00a0₫', '')).toBe(new Intl.NumberFormat('vi-VN').format(987_654_321));
  });
});
