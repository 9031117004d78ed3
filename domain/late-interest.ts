/**
 * Late-payment interest on a fine (LHAV Art. 78): 0.05 % a day of the unpaid fine. The Finance
 * Ministry's circular on collecting fines (Circular 153/2013/TT-BTC, replaced by Circular
 * 18/2023/TT-BTC; verify the article) counts the late days from the day after the last day of
 * the payment period to the day before the payment, in calendar days, holidays included. No
 * interest accrues while payment is postponed (LHAV Art. 76) or paid in instalments (Art. 79).
 */
import { calendarDaysBetween, startOfDateVN, type IsoDate } from './calendar.js';

/** Late payment interest per day, in basis points: 0.05 % (LHAV Art. 78). */
export const LATE_INTEREST_BPS_PER_DAY = 5;

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

/**
 * VN dates on which no interest accrues, both ends included; `to` null while the period runs:
 * payment postponed (LHAV Art. 76) or paid in instalments (Art. 79).
 */
export interface InterestFreePeriod {
  from: IsoDate;
  to: IsoDate | null;
  basis: string;
}

/**
 * Which days a payment is late for. DAY_BEFORE_PAYMENT is the law's count. PAYMENT_DAY counted
 * the day of payment too (one day more): the count before the correction of December 2026, kept
 * only to check the payments that cases opened before it recorded.
 */
export type LateDayCount = 'DAY_BEFORE_PAYMENT' | 'PAYMENT_DAY';

/** How interest runs for one fine; the law's count and no interest-free period unless stated. */
export interface InterestTerms {
  count?: LateDayCount;
  interestFree?: readonly InterestFreePeriod[];
}

const isVnd = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** Days after the due day, as [first, last] spans; interest-free dates merged and clipped to day 1 on. */
function freeSpans(dueAt: Date, periods: readonly InterestFreePeriod[]): [number, number][] {
  const spans = periods
    .map((p): [number, number] => [
      Math.max(1, calendarDaysBetween(dueAt, startOfDateVN(p.from))),
      p.to === null ? Infinity : calendarDaysBetween(dueAt, startOfDateVN(p.to)),
    ])
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
    else merged.push([...s]);
  }
  return merged;
}

/** Late days numbered first..last (days after the due day) less the interest-free ones. */
function accruingDays(first: number, last: number, free: readonly [number, number][]): number {
  if (last < first) return 0;
  const covered = free.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, last) - Math.max(a, first) + 1), 0);
  return last - first + 1 - covered;
}

/** The last late day a payment at `at` pays for, as days after the due day. */
const lastLateDay = (dueAt: Date, at: Date, count: LateDayCount): number =>
  calendarDaysBetween(dueAt, at) - (count === 'DAY_BEFORE_PAYMENT' ? 1 : 0);

// bigint keeps amount × days × rate exact before the single rounding down.
const interestOn = (unpaidVnd: number, days: number): number =>
  Number((BigInt(unpaidVnd) * BigInt(days) * BigInt(LATE_INTEREST_BPS_PER_DAY)) / 10_000n);

/**
 * Late interest on `unpaidVnd` paid at `paidAt`, the period having ended at `dueAt` (the end
 * of its last day), rounded down to whole VND. Paying on the day after the due day costs nothing.
 */
export function lateInterest(unpaidVnd: number, dueAt: Date, paidAt: Date, terms: InterestTerms = {}): number {
  if (!isVnd(unpaidVnd)) throw new RangeError(`unpaid amount must be whole VND, got ${unpaidVnd}`);
  const days = accruingDays(1, lastLateDay(dueAt, paidAt, terms.count ?? 'DAY_BEFORE_PAYMENT'), freeSpans(dueAt, terms.interestFree ?? []));
  return interestOn(unpaidVnd, days);
}

/**
 * Where a fine stands at `asOf`: what paying in full at `asOf` would cost. Payments settle the
 * fine before interest, so interest runs on the unpaid part of the fine only; a day counts on
 * what was still unpaid after that day's payments. `dueAt` null means the decision has not been
 * served yet and nothing accrues.
 */
export function settlement(
  fineVnd: number,
  dueAt: Date | null,
  payments: readonly Payment[],
  asOf: Date,
  terms: InterestTerms = {},
): Settlement {
  const count = terms.count ?? 'DAY_BEFORE_PAYMENT';
  const free = dueAt ? freeSpans(dueAt, terms.interestFree ?? []) : [];
  const sorted = payments.filter((p) => p.at.getTime() <= asOf.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime());
  let paidVnd = 0;
  let interestVnd = 0;
  let nextDay = 1; // the first late day not yet charged, as days after the due day
  for (const p of [...sorted, { amountVnd: 0, at: asOf }]) {
    const unpaidFine = Math.max(0, fineVnd - paidVnd);
    if (dueAt && unpaidFine > 0) {
      const last = lastLateDay(dueAt, p.at, count);
      interestVnd += interestOn(unpaidFine, accruingDays(nextDay, last, free));
      nextDay = Math.max(nextDay, last + 1);
    }
    paidVnd += p.amountVnd;
  }
  return { paidVnd, interestVnd, outstandingVnd: Math.max(0, fineVnd + interestVnd - paidVnd) };
}
