/**
 * The sanctioning limitation follows the field of the offence (LHAV Art. 6 as amended by Law
 * 88/2025/QH15): 1 year for a postal-field offence under Decree 15/2020, even for import/export
 * items; 2 years for trading counterfeit or banned goods and for import/export offences, which
 * market management and customs sanction under their own decrees. Each fine rule names its field
 * and its limitation (reference/fine-schedule.ts). Until an offence is proposed the case runs on
 * the longest limitation of a field that may still apply to it; a proposal fits the clock to the
 * offence proposed, and the decision is checked again against the offence decided.
 */
import type { IsoDate } from './calendar.js';
import { dueAt, effectiveLimit, type ClockLimit, type DeadlinePolicy } from './clocks.js';
import { scheduleFor, type FineRule, type OffenceField } from './fines.js';
import type { AgencyKind } from './routing.js';
import { policyOf, refitClock, type ClockBasis, type RunningClock } from './running-clocks.js';

export const LIMITATION_CLOCK = 'SANCTIONING_LIMITATION';

/**
 * Who sanctions in a field besides the postal authorities: a case routed to one of them may end
 * with an offence of that field (market management for trade, customs for import and export;
 * docs/domain-model.md, "Fines"). Postal-field offences may apply to every case.
 */
export const FIELD_SANCTIONED_BY: Readonly<Record<Exclude<OffenceField, 'POSTAL'>, AgencyKind>> = { TRADE: 'QLTT', CUSTOMS: 'CUSTOMS' };

/** The fields whose offences may apply to a case routed to these agency kinds. */
export function fieldsThatMayApply(agencyKinds: readonly AgencyKind[]): OffenceField[] {
  const others = (Object.keys(FIELD_SANCTIONED_BY) as Exclude<OffenceField, 'POSTAL'>[]).filter((f) =>
    agencyKinds.includes(FIELD_SANCTIONED_BY[f]),
  );
  return ['POSTAL', ...others];
}

const inForceOn = (date: IsoDate) => (r: FineRule) => r.effectiveFrom <= date && (r.effectiveTo === null || date < r.effectiveTo);

/**
 * The longest limitation, in years, among the offences of these fields in force on the violation
 * date; null when the schedule names no field (a case opened before rules named theirs).
 */
export function longestLimitationYears(fields: readonly OffenceField[], date: IsoDate, schedule: readonly FineRule[]): number | null {
  const years = schedule
    .filter((r) => r.field !== undefined && fields.includes(r.field) && inForceOn(date)(r))
    .map((r) => r.sanctioningLimitationYears);
  return years.length ? Math.max(...years) : null;
}

/** The limitation of one offence on the violation date, or null when the schedule has no such rule or names no limitation. */
export function offenceLimitationYears(offenceCode: string, date: IsoDate, schedule: readonly FineRule[]): number | null {
  return scheduleFor(offenceCode, date, schedule)?.sanctioningLimitationYears ?? null;
}

/**
 * The extensions that make the limitation clock run `years`: none when its own limit is that
 * long, else the one extension of that many years; null when the policy offers neither (the
 * administered table and the schedule disagree, and the clock keeps what it has).
 */
export function extensionsForYears(policy: DeadlinePolicy, years: number): string[] | null {
  const isYears = (l: ClockLimit) => l.unit === 'YEARS' && l.limitValue === years;
  if (isYears(policy)) return [];
  const ext = policy.extensions.find(isYears);
  return ext ? [ext.code] : null;
}

/** When the limitation started at `startedAt` ends if it runs `years`, or null when the policy cannot say. */
export function limitationEndsAt(basis: ClockBasis, startedAt: Date, years: number): Date | null {
  const policy = policyOf(basis, LIMITATION_CLOCK);
  const extensions = extensionsForYears(policy, years);
  return extensions && dueAt(effectiveLimit(policy, extensions), startedAt, basis.calendar, basis.clockScale);
}

/** What fitting the clock reads of the case. */
export interface LimitationFacts {
  /** The offence proposed and awaiting decision, if any. */
  proposedOffence: string | null;
  violationDate: IsoDate;
  /** Kinds of the agencies routed; absent in plans recorded before they were. */
  agencyKinds?: readonly AgencyKind[];
  fineSchedule: readonly FineRule[];
}

/** The years the limitation should run: the proposed offence's, else the longest of a field that may apply. */
export function limitationYears(f: LimitationFacts): number | null {
  if (f.proposedOffence) return offenceLimitationYears(f.proposedOffence, f.violationDate, f.fineSchedule);
  if (!f.agencyKinds) return null;
  return longestLimitationYears(fieldsThatMayApply(f.agencyKinds), f.violationDate, f.fineSchedule);
}

/**
 * The running clocks with the limitation fitted to the case (`now`: levels already fired that the
 * new length puts ahead are re-armed); unchanged when it does not run or the data cannot say.
 */
export function fitLimitation(basis: ClockBasis, clocks: readonly RunningClock[], facts: LimitationFacts, now: Date): RunningClock[] {
  const running = clocks.find((r) => r.clock === LIMITATION_CLOCK);
  const years = running && limitationYears(facts);
  const extensions = years ? extensionsForYears(policyOf(basis, LIMITATION_CLOCK), years) : null;
  if (!running || !extensions || extensions.join() === running.extensions.join()) return [...clocks];
  return refitClock(basis, clocks, LIMITATION_CLOCK, { extensions }, now);
}
