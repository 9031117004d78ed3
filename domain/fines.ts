/**
 * Fines (docs/domain-model.md, "Fines"): which decree applies, the default amount, the legal
 * range, authority caps, and late interest. Amounts are whole VND held in `number`: exact up to 9·10^15, far above any postal
 * fine, and (unlike bigint) serialisable in workflow payloads and JSON without a converter.
 */
import { calendarDaysBetween, vnDate, type IsoDate } from './calendar.js';
import type { AgencyKind } from './routing.js';

/** Whom the fine is imposed on; schedules state organisation rates. */
export const VIOLATOR_KINDS = ['ORGANISATION', 'INDIVIDUAL'] as const;
export type ViolatorKind = (typeof VIOLATOR_KINDS)[number];

/** An inclusive range of whole VND. */
export interface FineRange {
  minVnd: number;
  maxVnd: number;
}

/** One offence as a given decree fines it, in force during [effectiveFrom, effectiveTo). */
export interface FineRule extends FineRange {
  id: string;
  offenceCode: string;
  decree: string;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  extraPenalties: readonly string[];
  legalBasis: string;
  descriptionVi: string;
  descriptionEn: string;
  verify: boolean;
}

/** The most an officer with a given title may fine one individual (organisations: double). */
export interface AuthorityCap {
  id: string;
  agencyKind: AgencyKind;
  title: string;
  titleVi: string;
  capVnd: number;
  legalBasis: string;
  verify: boolean;
}

/** Mitigating and aggravating circumstances counted by the officer (LHAV Art. 9, 10). */
export interface Circumstances {
  mitigating: number;
  aggravating: number;
}

/** A payment received against a fine. */
export interface Payment {
  amountVnd: number;
  at: Date;
}

/** Where a fine stands at a given instant. */
export interface Settlement {
  paidVnd: number;
  interestVnd: number;
  outstandingVnd: number;
}

/** Individuals pay half the organisation rate (Decree 15/2020 Art. 4; LHAV Art. 24). */
export const INDIVIDUAL_FACTOR = 0.5;

/** Late payment interest per day, in basis points: 0.05 % (LHAV Art. 78). */
export const LATE_INTEREST_BPS_PER_DAY = 5;

const MAX_VND = Number.MAX_SAFE_INTEGER;

/** Whether `n` is a whole, non-negative number of VND. */
export const isVnd = (n: number): boolean => Number.isSafeInteger(n) && n >= 0 && n <= MAX_VND;

/**
 * The rule for an offence in force on the violation date (a Date is read as its VN date), or
 * null when no decree covers it. Violations before 2026-07-01 fall under Decree 15/2020 (as
 * amended), later ones under Decree 174/2026, whatever the date of the decision.
 */
export function scheduleFor(offenceCode: string, violationDate: IsoDate | Date, schedule: readonly FineRule[]): FineRule | null {
  const date = typeof violationDate === 'string' ? violationDate : vnDate(violationDate);
  const inForce = (r: FineRule) => r.effectiveFrom <= date && (r.effectiveTo === null || date < r.effectiveTo);
  return schedule.find((r) => r.offenceCode === offenceCode && inForce(r)) ?? null;
}

/** The range that applies to this violator: the schedule's for organisations, half for individuals. */
export function rangeFor(range: FineRange, violator: ViolatorKind): FineRange {
  if (violator === 'ORGANISATION') return { minVnd: range.minVnd, maxVnd: range.maxVnd };
  return { minVnd: Math.ceil(range.minVnd * INDIVIDUAL_FACTOR), maxVnd: Math.floor(range.maxVnd * INDIVIDUAL_FACTOR) };
}

/**
 * The default amount (LHAV Art. 23(4)): the middle of the range; circumstances offset one
 * another, and each net one moves half-way to the bound, so two or more reach min or max.
 * The step of one half is this product's policy (verify against the implementing decree).
 */
export function defaultProposal(range: FineRange, circumstances: Circumstances, violator: ViolatorKind): number {
  const { mitigating, aggravating } = circumstances;
  if (![mitigating, aggravating].every((n) => Number.isInteger(n) && n >= 0)) {
    throw new RangeError('circumstances must be whole numbers ≥ 0');
  }
  const applicable = rangeFor(range, violator);
  const halfSpan = (applicable.maxVnd - applicable.minVnd) / 2;
  const steps = Math.max(-2, Math.min(2, aggravating - mitigating));
  return Math.round(applicable.minVnd + halfSpan + (steps / 2) * halfSpan);
}

/** Why an amount is refused. */
export type AmountProblem = 'NOT_WHOLE_VND' | 'BELOW_MINIMUM' | 'ABOVE_MAXIMUM';

/** Checks a proposed amount against the range that applies to this violator. */
export function checkAmount(
  amountVnd: number,
  range: FineRange,
  violator: ViolatorKind,
): { ok: true } | { ok: false; problem: AmountProblem; range: FineRange } {
  const applicable = rangeFor(range, violator);
  if (!isVnd(amountVnd)) return { ok: false, problem: 'NOT_WHOLE_VND', range: applicable };
  if (amountVnd < applicable.minVnd) return { ok: false, problem: 'BELOW_MINIMUM', range: applicable };
  if (amountVnd > applicable.maxVnd) return { ok: false, problem: 'ABOVE_MAXIMUM', range: applicable };
  return { ok: true };
}

/**
 * Whether a sanctioning cap covers an amount. Caps are stated for one individual's violation;
 * for an organisation the same title may fine twice as much (LHAV as amended 2020; verify).
 */
export function capCovers(capVnd: number, amountVnd: number, violator: ViolatorKind): boolean {
  return amountVnd <= (violator === 'ORGANISATION' ? 2 * capVnd : capVnd);
}

/** The cap configured for an agency kind and title, if any. */
export function authorityCapFor(agencyKind: AgencyKind, title: string, caps: readonly AuthorityCap[]): AuthorityCap | null {
  return caps.find((c) => c.agencyKind === agencyKind && c.title === title) ?? null;
}

/**
 * Late interest on `unpaidVnd`: 0.05 % per full day late, counted in VN calendar dates from the
 * due day to the payment day (paying the day after the due day is one day late), rounded down
 * to whole VND. Zero when paid on time.
 */
export function lateInterest(unpaidVnd: number, dueAt: Date, paidAt: Date): number {
  if (!isVnd(unpaidVnd)) throw new RangeError(`unpaid amount must be whole VND, got ${unpaidVnd}`);
  const days = calendarDaysBetween(dueAt, paidAt);
  if (days <= 0) return 0;
  // bigint keeps amount × days × rate exact before the single rounding down.
  return Number((BigInt(unpaidVnd) * BigInt(days) * BigInt(LATE_INTEREST_BPS_PER_DAY)) / 10_000n);
}

/**
 * Where a fine stands at `asOf`. Payments settle the fine before interest, so interest runs on
 * the unpaid part of the fine only, segment by segment between payments. `dueAt` null means the
 * decision has not been served yet and nothing accrues.
 */
export function settlement(fineVnd: number, dueAt: Date | null, payments: readonly Payment[], asOf: Date): Settlement {
  const sorted = payments.filter((p) => p.at.getTime() <= asOf.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime());
  let paidVnd = 0;
  let interestVnd = 0;
  let from = dueAt;
  for (const p of [...sorted, { amountVnd: 0, at: asOf }]) {
    const unpaidFine = Math.max(0, fineVnd - paidVnd);
    if (from && unpaidFine > 0 && p.at.getTime() > from.getTime()) {
      interestVnd += lateInterest(unpaidFine, from, p.at);
      from = p.at;
    }
    paidVnd += p.amountVnd;
  }
  return { paidVnd, interestVnd, outstandingVnd: Math.max(0, fineVnd + interestVnd - paidVnd) };
}
