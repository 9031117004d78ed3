/**
 * The deadline table's types and the arithmetic of a running clock: when it is due, when each
 * escalation level fires, which extensions remain. The table itself is data
 * (reference/deadlines.ts); a workflow takes a snapshot of it when the case opens.
 */
import { addCalendarDays, addHours, addMonths, addWorkingDays, rollToWorkingDay, type Holidays } from './calendar.js';

/** The legal and policy clocks, in the order of docs/domain-model.md "Clocks". */
export const CLOCK_IDS = [
  'HOLD_CONFIRMATION',
  'AGENCY_ACKNOWLEDGEMENT',
  'VERIFICATION',
  'VIOLATION_RECORD',
  'SANCTION_DECISION',
  'SERVE_DECISION',
  'PAYMENT',
  'ENFORCEMENT_LIMITATION',
  'SANCTIONING_LIMITATION',
  'TEMPORARY_SEIZURE',
] as const;
export type ClockId = (typeof CLOCK_IDS)[number];

/** How a limit is counted; MONTHS exists because LHAV Art. 66 and 125 count in months. */
export const CLOCK_UNITS = ['HOURS', 'WORKING_DAYS', 'CALENDAR_DAYS', 'MONTHS', 'YEARS'] as const;
export type ClockUnit = (typeof CLOCK_UNITS)[number];

/** The event a clock counts from. */
export const CLOCK_STARTS = [
  'DETECTION',
  'NOTIFICATION',
  'ACKNOWLEDGEMENT',
  'VIOLATION_CONFIRMED',
  'VIOLATION_RECORD',
  'DECISION',
  'DECISION_SERVED',
  'VIOLATION',
  'SEIZURE',
] as const;
export type ClockStart = (typeof CLOCK_STARTS)[number];

/** Who is told (or what happens) when a clock is missed, level by level. */
export const ESCALATION_TARGETS = [
  'CARRIER_COMPLIANCE',
  'DEPT',
  'DEPT_DUTY_OFFICER',
  'DEPT_MANAGER',
  'LEAD_AGENCY',
  'LEAD_AGENCY_MANAGER',
  'APPROVER_SUPERIOR',
  'ENFORCEMENT',
  'CLOSE_EXPIRED',
] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/** A limit: a value and the unit it is counted in. */
export interface ClockLimit {
  limitValue: number;
  unit: ClockUnit;
}

/** An extension the law allows; its limit replaces the clock's, counted from the same start. */
export interface ClockExtension extends ClockLimit {
  code: string;
  basis: string;
  verify: boolean;
}

/** One row of the deadline table. */
export interface DeadlinePolicy extends ClockLimit {
  clock: ClockId;
  startsAt: ClockStart;
  legalBasis: string;
  /** Level 1 is told when the clock is missed, level 2 one more limit later, and so on. */
  escalationChain: readonly EscalationTarget[];
  extensions: readonly ClockExtension[];
  /** The figure comes from a secondary source and must be checked against the official text. */
  verify: boolean;
}

/** A clock as it runs in one case: its policy, when it started and which extensions apply. */
export interface ClockRun {
  policy: DeadlinePolicy;
  startedAt: Date;
  /** Codes of the extensions applied, in order; the last one gives the limit. */
  extensions?: readonly string[];
  /** A limit a decision set for this run (a stated payment period, a postponement): it replaces the others. */
  limit?: ClockLimit;
}

/** The limit a run counts: the one set for it, else its policy's after extensions. */
const limitOf = (run: ClockRun): ClockLimit => run.limit ?? effectiveLimit(run.policy, run.extensions);

/** Holidays and the demo speed-up, shared by every computation in a case. */
export interface ClockContext {
  holidays: Holidays;
  clockScale?: number;
}

/** A running clock as API callers see it (JSON: ISO strings). */
export interface DeadlineView {
  clock: ClockId;
  startedAt: string;
  dueAt: string;
  /** True once `dueAt` has been reached at the time the view was made. */
  overdue: boolean;
  /** How many escalation levels have fired (0 while on time). */
  escalationLevel: number;
  nextEscalationAt: string | null;
  extensions: string[];
  availableExtensions: string[];
}

/** The next escalation still to fire. */
export interface PendingEscalation {
  level: number;
  at: Date;
  target: EscalationTarget;
}

function limitEnd(limit: ClockLimit, start: Date, holidays: Holidays): Date {
  const n = limit.limitValue;
  switch (limit.unit) {
    case 'HOURS':
      return addHours(start, n);
    case 'WORKING_DAYS':
      return addWorkingDays(start, n, holidays);
    // Day, month and year periods ending on a day off run on to the next working day.
    case 'CALENDAR_DAYS':
      return rollToWorkingDay(addCalendarDays(start, n), holidays);
    case 'MONTHS':
      return rollToWorkingDay(addMonths(start, n), holidays);
    case 'YEARS':
      return rollToWorkingDay(addMonths(start, 12 * n), holidays);
  }
}

function requireScale(clockScale: number): void {
  if (!Number.isFinite(clockScale) || clockScale < 1) throw new RangeError(`clockScale must be ≥ 1, got ${clockScale}`);
}

// The demo clock keeps the calendar's shape (weekends, holidays, end of day) and only
// compresses the real time elapsed since the start, so scaled deadlines keep their order.
function scaled(start: Date, realEnd: Date, clockScale: number): Date {
  if (clockScale === 1) return realEnd;
  const elapsed = realEnd.getTime() - start.getTime();
  return new Date(start.getTime() + Math.max(1, Math.ceil(elapsed / clockScale)));
}

/**
 * The instant a clock started at `start` is due: the end of its last day (or exactly `start`
 * + hours for HOURS). With `clockScale` > 1 (a demo clock) the real time from `start` to that
 * instant is divided by the scale, so 1 working day at scale 1440 lasts about a minute or more.
 */
export function dueAt(limit: ClockLimit, start: Date, holidays: Holidays, clockScale = 1): Date {
  requireScale(clockScale);
  return scaled(start, limitEnd(limit, start, holidays), clockScale);
}

/** The limit in force after applying extensions in order (an unknown code throws). */
export function effectiveLimit(policy: DeadlinePolicy, extensions: readonly string[] = []): ClockLimit {
  let limit: ClockLimit = policy;
  for (const code of extensions) {
    const ext = policy.extensions.find((e) => e.code === code);
    if (!ext) throw new RangeError(`clock ${policy.clock} has no extension ${code}`);
    limit = ext;
  }
  return limit;
}

/** When a run is due, extensions included. */
export function runDueAt(run: ClockRun, ctx: ClockContext): Date {
  return dueAt(limitOf(run), run.startedAt, ctx.holidays, ctx.clockScale);
}

/**
 * When escalation level `level` (1-based) fires: level 1 at the due instant, level k one more
 * (effective) limit after level k-1, counted the same way as the clock itself.
 */
export function escalationAt(run: ClockRun, level: number, ctx: ClockContext): Date {
  if (!Number.isInteger(level) || level < 1) throw new RangeError(`level must be ≥ 1, got ${level}`);
  const clockScale = ctx.clockScale ?? 1;
  requireScale(clockScale);
  const limit = limitOf(run);
  let at = run.startedAt;
  for (let k = 1; k <= level; k++) at = limitEnd(limit, at, ctx.holidays);
  return scaled(run.startedAt, at, clockScale);
}

/** How many escalation levels of the chain have fired by `now` (0 = not yet due). */
export function escalationLevel(run: ClockRun, now: Date, ctx: ClockContext): number {
  const chain = run.policy.escalationChain.length;
  let level = 0;
  while (level < chain && escalationAt(run, level + 1, ctx).getTime() <= now.getTime()) level++;
  return level;
}

/** The next escalation after `now`, or null when the chain is exhausted. */
export function nextEscalation(run: ClockRun, now: Date, ctx: ClockContext): PendingEscalation | null {
  const level = escalationLevel(run, now, ctx) + 1;
  const target = run.policy.escalationChain[level - 1];
  return target === undefined ? null : { level, at: escalationAt(run, level, ctx), target };
}

/** Extensions not yet used that would move the due instant later. */
export function availableExtensions(run: ClockRun, ctx: ClockContext): string[] {
  const used = new Set(run.extensions ?? []);
  const current = runDueAt(run, ctx).getTime();
  return run.policy.extensions
    .filter((e) => !used.has(e.code) && dueAt(e, run.startedAt, ctx.holidays, ctx.clockScale).getTime() > current)
    .map((e) => e.code);
}

/** The JSON view of a running clock at `now`. */
export function deadlineView(run: ClockRun, now: Date, ctx: ClockContext): DeadlineView {
  const due = runDueAt(run, ctx);
  const next = nextEscalation(run, now, ctx);
  return {
    clock: run.policy.clock,
    startedAt: run.startedAt.toISOString(),
    dueAt: due.toISOString(),
    overdue: now.getTime() >= due.getTime(),
    escalationLevel: escalationLevel(run, now, ctx),
    nextEscalationAt: next ? next.at.toISOString() : null,
    extensions: [...(run.extensions ?? [])],
    availableExtensions: availableExtensions(run, ctx),
  };
}
