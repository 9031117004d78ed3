/**
 * Fines (docs/domain-model.md, "Fines"): which decree applies, the default amount, the legal
 * range, the extra penalties and remedial measures the decree provides, authority caps, and late
 * interest (late-interest.ts). Amounts are whole VND held in `number`: exact up to 9·10^15, far
 * above any postal fine, and (unlike bigint) serialisable in workflow payloads and JSON without a
 * converter.
 */
import { vnDate, type IsoDate } from './calendar.js';
import type { AgencyKind } from './routing.js';

export {
  LATE_INTEREST_BPS_PER_DAY,
  lateInterest,
  settlement,
  type InterestFreePeriod,
  type InterestTerms,
  type LateDayCount,
  type Payment,
  type Settlement,
} from './late-interest.js';

/** Whom the fine is imposed on; schedules state organisation rates. */
export const VIOLATOR_KINDS = ['ORGANISATION', 'INDIVIDUAL'] as const;
export type ViolatorKind = (typeof VIOLATOR_KINDS)[number];

/**
 * The field of state management an offence belongs to (lĩnh vực): it sets the sanctioning
 * limitation (LHAV Art. 6 as amended by Law 88/2025/QH15). POSTAL: Decree 15/2020 (bưu chính);
 * TRADE: trade, counterfeit and banned goods, sanctioned by market management (thương mại, hàng
 * giả, hàng cấm); CUSTOMS: import and export, sanctioned by customs (hải quan).
 */
export const OFFENCE_FIELDS = ['POSTAL', 'TRADE', 'CUSTOMS'] as const;
export type OffenceField = (typeof OFFENCE_FIELDS)[number];

/** Extra penalties (hình thức xử phạt bổ sung) a decree may provide (LHAV Art. 21(2)). */
export const EXTRA_PENALTIES = {
  CONFISCATION: { vi: 'Tịch thu tang vật, phương tiện vi phạm hành chính', en: 'Confiscation of the exhibits and means of the violation' },
  LICENCE_SUSPENSION: {
    vi: 'Tước quyền sử dụng giấy phép có thời hạn hoặc đình chỉ hoạt động có thời hạn',
    en: 'Suspension of a licence or of operations for a term',
  },
} as const;
export type ExtraPenalty = keyof typeof EXTRA_PENALTIES;

/** Remedial measures (biện pháp khắc phục hậu quả) a decree may provide (LHAV Art. 28(1)). */
export const REMEDIAL_MEASURES = {
  FORCED_DESTRUCTION: { vi: 'Buộc tiêu hủy', en: 'Forced destruction' },
  FORCED_RE_EXPORT: {
    vi: 'Buộc đưa ra khỏi lãnh thổ Việt Nam hoặc buộc tái xuất',
    en: 'Forced removal from Viet Nam or forced re-export',
  },
} as const;
export type RemedialMeasure = keyof typeof REMEDIAL_MEASURES;

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
  /** The extra penalties the decree provides for this offence; a proposal may name only these. */
  extraPenalties: readonly string[];
  /** The remedial measures it provides; a proposal may name only these. */
  remedialMeasures: readonly string[];
  field: OffenceField;
  /** Years after the violation during which it may be sanctioned (LHAV Art. 6): 1, or 2 for the fields it lists. */
  sanctioningLimitationYears: number;
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

/** Individuals pay half the organisation rate (Decree 15/2020 Art. 4; LHAV Art. 24). */
export const INDIVIDUAL_FACTOR = 0.5;

const MAX_VND = Number.MAX_SAFE_INTEGER;

/** Whether `n` is a whole, non-negative number of VND. */
export const isVnd = (n: number): boolean => Number.isSafeInteger(n) && n >= 0 && n <= MAX_VND;

/**
 * The rule for an offence in force on the violation date (a Date is read as its VN date), or
 * null when no decree covers it: the decree of the violation's day applies, whatever the date of
 * the decision. Decree 15/2020 (as amended) stays in force until an administrator closes it and
 * adds its successor.
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

/** What a proposal imposes beside the fine. */
export interface SanctionMeasures {
  extraPenalties: readonly string[];
  remedialMeasures: readonly string[];
}

/**
 * The extra penalties and remedial measures of a proposal that the rule does not provide for its
 * offence (gap G3), both empty when the proposal keeps to the schedule. A rule recorded by a case
 * opened before rules listed remedial measures (December 2026) provides none.
 */
export function measuresOutsideSchedule(
  rule: Pick<FineRule, 'extraPenalties'> & Partial<FineRule>,
  proposed: SanctionMeasures,
): SanctionMeasures {
  const provided = (codes: readonly string[] | undefined) => new Set(codes ?? []);
  const extra = provided(rule.extraPenalties);
  const remedial = provided(rule.remedialMeasures);
  return {
    extraPenalties: proposed.extraPenalties.filter((c) => !extra.has(c)),
    remedialMeasures: proposed.remedialMeasures.filter((c) => !remedial.has(c)),
  };
}

/**
 * Whether a case's fine schedule was recorded before offences named their field (December 2026):
 * such a case checked its payments against the late-interest count of that time, which charged
 * the day of payment too (late-interest.ts, PAYMENT_DAY).
 */
export const recordedBeforeFieldsWereNamed = (schedule: readonly Partial<FineRule>[]): boolean =>
  schedule.some((r) => r.field === undefined);
