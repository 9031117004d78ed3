/**
 * Relief on paying a fine, granted by the lead agency on the violator's request (LHAV Art. 76,
 * 79): payment postponed to a date, or paid in instalments up to a last date. Either moves the
 * payment clock's end to that date, and no late interest accrues from the grant until then
 * (late-interest.ts). A decision may also state a payment period longer than 10 days (Art. 73(1)).
 * The limits are seed data marked verify (reference/payment-relief.ts).
 */
import { addMonths, calendarDaysBetween, isIsoDate, startOfDateVN, vnDate, type IsoDate } from './calendar.js';
import type { ClockLimit } from './clocks.js';
import type { InterestTerms, ViolatorKind } from './fines.js';
import { RELIEF_LIMITS, type ReliefLimits } from './reference/payment-relief.js';
import { refuse, type Refusal } from './refusals.js';

/** One instalment: the date it is due by and its amount. */
export interface Instalment {
  dueOn: IsoDate;
  amountVnd: number;
}

/** What the lead agency grants: a postponement to a date, or instalments. */
export type ReliefGrant =
  | { relief: 'postponement'; until: IsoDate; requestRef: string; reason: string }
  | { relief: 'instalments'; instalments: Instalment[]; requestRef: string; reason: string };

/** Relief as recorded on the fine. */
export interface PaymentRelief {
  kind: 'POSTPONEMENT' | 'INSTALMENTS';
  requestRef: string;
  grantedAt: string;
  /** The payment clock now ends at the end of this VN date. */
  until: IsoDate;
  instalments: Instalment[];
  basis: string;
}

/** What the checks read of the fine. */
export interface ReliefFine {
  amountVnd: number;
  violator: ViolatorKind;
  /** The end of the payment period the decision set. */
  dueAt: string | null;
  relief?: readonly PaymentRelief[];
}

const BASIS = { postponement: 'LHAV Art. 76', instalments: 'LHAV Art. 79' } as const;

/** The last date a grant runs to. */
export const untilOf = (g: ReliefGrant): IsoDate => (g.relief === 'postponement' ? g.until : (g.instalments.at(-1)?.dueOn ?? ''));

/** The relief a grant records at `now`. */
export function reliefOf(g: ReliefGrant, now: Date): PaymentRelief {
  return {
    kind: g.relief === 'postponement' ? 'POSTPONEMENT' : 'INSTALMENTS',
    requestRef: g.requestRef,
    grantedAt: now.toISOString(),
    until: untilOf(g),
    instalments: g.relief === 'instalments' ? g.instalments.map((i) => ({ ...i })) : [],
    basis: BASIS[g.relief],
  };
}

/** No interest from the day of each grant to its last date, both included (LHAV Art. 76, 79). */
export const interestTermsOf = (fine: Pick<ReliefFine, 'relief'>): InterestTerms => ({
  interestFree: (fine.relief ?? []).map((r) => ({ from: vnDate(new Date(r.grantedAt)), to: r.until, basis: r.basis })),
});

/** The payment clock's limit that makes it end on `until`, counted from its start. */
export const limitEndingOn = (startedAt: Date, until: IsoDate): ClockLimit => ({
  limitValue: calendarDaysBetween(startedAt, startOfDateVN(until)),
  unit: 'CALENDAR_DAYS',
});

/** The payment period a decision states, as the payment clock's limit; null for the law's 10 days. */
export function statedPaymentPeriod(days: number | undefined, limits: ReliefLimits = RELIEF_LIMITS): ClockLimit | null {
  return days !== undefined && days > limits.minPaymentPeriodDays.value ? { limitValue: days, unit: 'CALENDAR_DAYS' } : null;
}

/** Why a decision's stated payment period is refused (whole days, at least 10, at most a year). */
export function paymentPeriodRefusal(days: number | undefined, limits: ReliefLimits = RELIEF_LIMITS): Refusal | null {
  if (days === undefined) return null;
  const min = limits.minPaymentPeriodDays.value;
  return Number.isInteger(days) && days >= min && days <= 366
    ? null
    : refuse('INVALID_DATE', `a payment period is ${min} days or more (LHAV Art. 73(1)), in whole days`);
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const minFor = (fine: ReliefFine, individual: { value: number }, organisation: { value: number }) =>
  fine.violator === 'INDIVIDUAL' ? individual.value : organisation.value;

/**
 * Why the lead agency may not grant this relief on `fine` at `now` with `unpaidFineVnd` left of
 * it: a second grant, a missing request or reason, a fine below the threshold, a date outside the
 * period the law allows, or instalments that do not add up.
 */
export function reliefRefusal(g: ReliefGrant, fine: ReliefFine, unpaidFineVnd: number, now: Date, limits = RELIEF_LIMITS): Refusal | null {
  if ((fine.relief ?? []).length > 0) return refuse('ALREADY_DONE', 'payment relief has already been granted on this fine');
  if (blank(g.requestRef)) return refuse('TEXT_REQUIRED', 'the violator’s request is required');
  if (blank(g.reason)) return refuse('REASON_REQUIRED', 'a reason is required');
  const dueAt = fine.dueAt ? new Date(fine.dueAt) : now;
  const today = vnDate(now);
  if (g.relief === 'postponement') {
    const min = minFor(fine, limits.postponementMinIndividualVnd, limits.postponementMinOrganisationVnd);
    if (fine.amountVnd < min) return refuse('RELIEF_NOT_ALLOWED', `only fines of ${min} VND or more may be postponed (LHAV Art. 76)`);
    const latest = vnDate(addMonths(dueAt, limits.postponementMonths.value));
    if (!isIsoDate(g.until) || g.until <= today || g.until <= vnDate(dueAt) || g.until > latest)
      return refuse('INVALID_DATE', `a postponement ends after the payment period and by ${latest} (LHAV Art. 76)`);
    return null;
  }
  const min = minFor(fine, limits.instalmentMinIndividualVnd, limits.instalmentMinOrganisationVnd);
  if (fine.amountVnd < min)
    return refuse('RELIEF_NOT_ALLOWED', `only fines of ${min} VND or more may be paid in instalments (LHAV Art. 79)`);
  const parts = Array.isArray(g.instalments) ? g.instalments : [];
  if (parts.length < 2 || parts.length > limits.maxInstalments.value)
    return refuse('INVALID_INSTALMENTS', `between 2 and ${limits.maxInstalments.value} instalments (LHAV Art. 79)`);
  const latest = vnDate(addMonths(dueAt, limits.instalmentMonths.value));
  const dated = parts.every(
    (p, i) => isIsoDate(p.dueOn) && p.dueOn > today && p.dueOn <= latest && (i === 0 || p.dueOn > parts[i - 1]!.dueOn),
  );
  if (!dated) return refuse('INVALID_DATE', `instalments fall on successive dates after today and by ${latest} (LHAV Art. 79)`);
  if (
    !parts.every((p) => Number.isSafeInteger(p.amountVnd) && p.amountVnd > 0) ||
    parts.reduce((n, p) => n + p.amountVnd, 0) !== unpaidFineVnd
  )
    return refuse('INVALID_INSTALMENTS', `the instalments add up to the ${unpaidFineVnd} VND left of the fine`);
  if (parts[0]!.amountVnd * 100 < unpaidFineVnd * limits.firstInstalmentMinPercent.value)
    return refuse('INVALID_INSTALMENTS', `the first instalment is at least ${limits.firstInstalmentMinPercent.value} % (LHAV Art. 79)`);
  return null;
}
