/**
 * What a report covers (docs/reports.md): a scope (one province, or the whole country), a
 * period (the first half-year, a year, or any range of dates) and whether KT1 cases are in it.
 * Periods are Asia/Ho_Chi_Minh dates; a period runs from the first instant of its first day to
 * the first instant of the day after its last, and every figure is taken as the cases stood at
 * that end instant. Pure: the report workflow computes periods and ids from its own clock.
 */
import { isIsoDate, startOfDateVN, vnDate, type IsoDate } from './calendar.js';
import type { RuleViolation } from './reference-rules.js';

/** A province, or national. */
export type ReportScope = { kind: 'NATIONAL' } | { kind: 'PROVINCE'; provinceCode: string };

/** The kinds of period a report can cover; H1 and YEAR are the reporting regime's. */
export const PERIOD_KINDS = ['H1', 'YEAR', 'RANGE'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The kinds the schedules produce on their own. */
export const SCHEDULED_PERIOD_KINDS = ['H1', 'YEAR'] as const satisfies readonly PeriodKind[];
export type ScheduledPeriodKind = (typeof SCHEDULED_PERIOD_KINDS)[number];

/** A period; a RANGE runs from `from` to `to`, both days included. */
export type ReportPeriod = { kind: 'H1'; year: number } | { kind: 'YEAR'; year: number } | { kind: 'RANGE'; from: IsoDate; to: IsoDate };

/**
 * Which cases count as to KT1 (docs/domain-model.md "Parties": KT1 cases are restricted): none of them, all
 * cases with them, or only them (the KT1 focal point's national report).
 */
export const KT1_MODES = ['EXCLUDED', 'INCLUDED', 'ONLY'] as const;
export type Kt1Mode = (typeof KT1_MODES)[number];

/** Everything that decides a report's figures. */
export interface ReportRequest {
  scope: ReportScope;
  period: ReportPeriod;
  kt1: Kt1Mode;
}

/** The first and last day of a period (both included). */
export function periodDates(p: ReportPeriod): { from: IsoDate; to: IsoDate } {
  switch (p.kind) {
    case 'H1':
      return { from: `${p.year}-01-01`, to: `${p.year}-06-30` };
    case 'YEAR':
      return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
    case 'RANGE':
      return { from: p.from, to: p.to };
  }
}

const DAY_MS = 86_400_000;
const nextDate = (d: IsoDate, n = 1): IsoDate => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysFrom = (a: IsoDate, b: IsoDate): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/** The period as instants: [startsAt, endsAt), endsAt being 00:00 VN of the day after its last. */
export function periodBounds(p: ReportPeriod): { startsAt: Date; endsAt: Date } {
  const { from, to } = periodDates(p);
  return { startsAt: startOfDateVN(from), endsAt: startOfDateVN(nextDate(to)) };
}

/**
 * The period a report compares with: the same half-year or year of the year before ("so với cùng
 * kỳ năm trước"); for a range, the range of as many days that ends the day before it starts.
 */
export function previousPeriod(p: ReportPeriod): ReportPeriod {
  if (p.kind !== 'RANGE') return { ...p, year: p.year - 1 };
  const days = daysFrom(p.from, p.to) + 1;
  return { kind: 'RANGE', from: nextDate(p.from, -days), to: nextDate(p.from, -1) };
}

/** The latest period of a scheduled kind that has ended by `now` (a catch-up after downtime finds the same one). */
export function latestEndedPeriod(kind: ScheduledPeriodKind, now: Date): { kind: ScheduledPeriodKind; year: number } {
  const today = vnDate(now);
  const year = Number(today.slice(0, 4));
  if (kind === 'YEAR') return { kind, year: year - 1 };
  return { kind, year: today >= `${year}-07-01` ? year : year - 1 };
}

/** Where a report stands at `now`: as of its period's end, or — the period not over yet — as of now. */
export function reportAsOf(p: ReportPeriod, now: Date): { asOf: Date; asOfNow: boolean } {
  const { endsAt } = periodBounds(p);
  return now.getTime() < endsAt.getTime() ? { asOf: now, asOfNow: true } : { asOf: endsAt, asOfNow: false };
}

export const scopeKey = (s: ReportScope): string => (s.kind === 'NATIONAL' ? 'national' : s.provinceCode);

export function periodKey(p: ReportPeriod): string {
  if (p.kind === 'H1') return `${p.year}-H1`;
  if (p.kind === 'YEAR') return `${p.year}`;
  return `${p.from}..${p.to}`;
}

/** The parameters as one string: reports with the same key and the same data have the same checksum. */
export const reportKey = (r: ReportRequest): string => `${scopeKey(r.scope)}:${periodKey(r.period)}:${r.kt1}`;

/** The longest range accepted: about five years, past which a "report" is a typing error. */
export const MAX_RANGE_DAYS = 1_827;

/** What is wrong with a requested period; empty when a report can cover it. */
export function periodViolations(p: ReportPeriod): RuleViolation[] {
  if (p.kind !== 'RANGE')
    return Number.isInteger(p.year) && p.year >= 2000 && p.year <= 2999
      ? []
      : [{ field: 'period.year', message: 'must be a year 2000–2999' }];
  const out: RuleViolation[] = [];
  if (!isIsoDate(p.from)) out.push({ field: 'period.from', message: 'must be a real date YYYY-MM-DD' });
  if (!isIsoDate(p.to)) out.push({ field: 'period.to', message: 'must be a real date YYYY-MM-DD' });
  if (out.length) return out;
  if (p.to < p.from) out.push({ field: 'period.to', message: `must not be before period.from (${p.from}): both days are included` });
  else if (daysFrom(p.from, p.to) + 1 > MAX_RANGE_DAYS)
    out.push({ field: 'period.to', message: `a range covers at most ${MAX_RANGE_DAYS} days` });
  return out;
}

/** When a report of a period kind is due, as administered (ReportDueDate); unverified until the circular is checked. */
export interface ReportDueRule {
  periodKind: ScheduledPeriodKind;
  month: number;
  day: number;
  /** 0: in the period's own year; 1: in the year after. */
  yearOffset: number;
  legalBasis: string;
  verify: boolean;
}

/** What is wrong with a due-date rule: its month and day must make a date in every year (no 29 February). */
export function dueRuleViolations(r: ReportDueRule): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!isIsoDate(`2001-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`))
    out.push({ field: 'day', message: 'month and day must make a date in every year' });
  if (r.yearOffset !== 0 && r.yearOffset !== 1) out.push({ field: 'yearOffset', message: 'must be 0 (the same year) or 1 (the next)' });
  return out;
}

/** The due date of a report of this period, or null (a range has none, or no rule is administered). */
export function dueDateOf(p: ReportPeriod, rules: readonly ReportDueRule[]): { date: IsoDate; verify: boolean; legalBasis: string } | null {
  if (p.kind === 'RANGE') return null;
  const rule = rules.find((r) => r.periodKind === p.kind);
  if (!rule) return null;
  const date = `${p.year + rule.yearOffset}-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`;
  return { date, verify: rule.verify, legalBasis: rule.legalBasis };
}
