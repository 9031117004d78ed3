/**
 * The clocks running in one case, as its workflow keeps them across restarts and continue-as-new:
 * when each started, the extensions applied, the escalation levels already fired. Pure functions
 * over a list in start order; the arithmetic is clocks.ts, which step moves which clock is
 * case-clocks.ts.
 */
import type { Holidays } from './calendar.js';
import {
  deadlineView,
  dueAt,
  escalationAt,
  runDueAt,
  type ClockContext,
  type ClockId,
  type ClockLimit,
  type ClockRun,
  type DeadlinePolicy,
  type DeadlineView,
  type EscalationTarget,
} from './clocks.js';

/** A clock running in the case. */
export interface RunningClock {
  clock: ClockId;
  startedAt: string;
  extensions: string[];
  /** Escalation levels already fired. */
  firedLevel: number;
  /** A limit a decision set (a stated payment period, a postponement, instalments); absent: the policy's. */
  limit?: ClockLimit;
}

/** What the clocks are counted with: the case's snapshot of the deadline table and calendar. */
export interface ClockBasis {
  policies: readonly DeadlinePolicy[];
  calendar: Holidays;
  /** Demo clock: every limit runs this many times faster (1 = real time). */
  clockScale: number;
}

/** An escalation level whose time has come. */
export interface DueEscalation {
  clock: ClockId;
  level: number;
  target: EscalationTarget;
  dueAt: string;
}

/** The policy of a clock in the case's snapshot. */
export function policyOf(basis: ClockBasis, clock: ClockId): DeadlinePolicy {
  const policy = basis.policies.find((p) => p.clock === clock);
  if (!policy) throw new Error(`no deadline policy for ${clock}`);
  return policy;
}

const contextOf = (basis: ClockBasis): ClockContext => ({ holidays: basis.calendar, clockScale: basis.clockScale });
const runOf = (basis: ClockBasis, r: RunningClock): ClockRun => ({
  policy: policyOf(basis, r.clock),
  startedAt: new Date(r.startedAt),
  extensions: r.extensions,
  ...(r.limit ? { limit: r.limit } : {}),
});

/** The clocks with `clock` started at `startedAt`, unless it already runs. */
export function startClock(
  clocks: readonly RunningClock[],
  clock: ClockId,
  startedAt: Date,
  extensions: string[],
  limit?: ClockLimit | null,
): RunningClock[] {
  if (clocks.some((r) => r.clock === clock)) return [...clocks];
  return [...clocks, { clock, startedAt: startedAt.toISOString(), extensions, firedLevel: 0, ...(limit ? { limit } : {}) }];
}

/** The clocks without those stopped. */
export const stopClocks = (clocks: readonly RunningClock[], stop: readonly ClockId[]): RunningClock[] =>
  clocks.filter((r) => !stop.includes(r.clock));

/** An extension moves a running clock's limit; levels already fired that now lie ahead are re-armed. */
export function extendClock(
  basis: ClockBasis,
  clocks: readonly RunningClock[],
  clock: ClockId,
  extension: string,
  now: Date,
): RunningClock[] {
  const r = clocks.find((c) => c.clock === clock);
  return r ? refitClock(basis, clocks, clock, { extensions: [...r.extensions, extension] }, now) : [...clocks];
}

/** A running clock given other extensions or another limit; levels already fired that now lie ahead are re-armed. */
export function refitClock(
  basis: ClockBasis,
  clocks: readonly RunningClock[],
  clock: ClockId,
  change: Partial<Pick<RunningClock, 'extensions' | 'limit'>>,
  now: Date,
): RunningClock[] {
  return clocks.map((r) => {
    if (r.clock !== clock) return r;
    const refitted = { ...r, ...change };
    const run = runOf(basis, refitted);
    while (refitted.firedLevel > 0 && escalationAt(run, refitted.firedLevel, contextOf(basis)).getTime() > now.getTime())
      refitted.firedLevel--;
    return refitted;
  });
}

/** The clocks with levels already fired that now lie ahead re-armed (after the calendar they count with changed). */
export function rearmed(basis: ClockBasis, clocks: readonly RunningClock[], now: Date): RunningClock[] {
  return clocks.map((r) => refitClock(basis, [r], r.clock, {}, now)[0]!);
}

/** When a running clock is due, extensions included; null when it does not run. */
export function clockDueAt(basis: ClockBasis, clocks: readonly RunningClock[], clock: ClockId): Date | null {
  const r = clocks.find((c) => c.clock === clock);
  return r ? runDueAt(runOf(basis, r), contextOf(basis)) : null;
}

/** When a clock would end if it ran from `start` on its own limit, without extensions. */
export const plainDueAt = (basis: ClockBasis, clock: ClockId, start: Date): Date =>
  dueAt(policyOf(basis, clock), start, basis.calendar, basis.clockScale);

/** The earliest instant a clock needs attention: the next escalation level of any clock. */
export function nextEscalationAt(basis: ClockBasis, clocks: readonly RunningClock[]): Date | null {
  let next: Date | null = null;
  for (const r of clocks) {
    const run = runOf(basis, r);
    if (r.firedLevel >= run.policy.escalationChain.length) continue;
    const at = escalationAt(run, r.firedLevel + 1, contextOf(basis));
    if (!next || at < next) next = at;
  }
  return next;
}

/** Escalations whose time has come by `now`, and the clocks with those levels marked fired. */
export function fireDue(basis: ClockBasis, clocks: readonly RunningClock[], now: Date): { clocks: RunningClock[]; due: DueEscalation[] } {
  const due: DueEscalation[] = [];
  const fired = clocks.map((r) => {
    const run = runOf(basis, r);
    const chain = run.policy.escalationChain;
    let level = r.firedLevel;
    while (level < chain.length && escalationAt(run, level + 1, contextOf(basis)) <= now) {
      level++;
      due.push({ clock: r.clock, level, target: chain[level - 1]!, dueAt: runDueAt(run, contextOf(basis)).toISOString() });
    }
    return level === r.firedLevel ? r : { ...r, firedLevel: level };
  });
  return { clocks: fired, due };
}

/** The running clocks as readers see them at `now`; the level shown is the one fired (and told). */
export const deadlinesAt = (basis: ClockBasis, clocks: readonly RunningClock[], now: Date): DeadlineView[] =>
  clocks.map((r) => ({ ...deadlineView(runOf(basis, r), now, contextOf(basis)), escalationLevel: r.firedLevel }));
