/**
 * What keeps the administered reference data usable after an administrator corrects it
 * (docs/domain-model.md, "Parties", "Clocks", "Fines"): the values each field may take, the invariants a row must keep
 * on its own, and the conflicts between rows that would make routing, a clock or a fine
 * ambiguous. The API and the operator CLI both check changes here before they are stored.
 */
import { CLOCK_RULES, ESCALATION_RULES, type StepTarget } from './case-clocks.js';
import {
  CLOCK_IDS,
  dueAt,
  ESCALATION_TARGETS,
  type ClockExtension,
  type ClockId,
  type ClockLimit,
  type ClockUnit,
  type DeadlinePolicy,
  type EscalationTarget,
} from './clocks.js';
import { isIsoDate, type IsoDate } from './calendar.js';
import { EXTRA_PENALTIES, OFFENCE_FIELDS, REMEDIAL_MEASURES, type AuthorityCap, type FineRule } from './fines.js';
import { NATIONAL_AGENCY_KINDS, type Agency } from './routing.js';

// The vocabularies administrators pick from, re-exported for the API's schemas.
export { AGENCY_KINDS } from './routing.js';
export { CLOCK_UNITS, ESCALATION_TARGETS } from './clocks.js';
export { OFFENCE_FIELDS } from './fines.js';

/** The sanctioning limitations LHAV Art. 6(1)(a) sets, in years: 1, and 2 for the fields it lists. */
export const SANCTIONING_LIMITATION_YEARS: readonly number[] = [1, 2];

/** A day off, or a weekend day worked to make up for a bridged holiday (hoán đổi). */
export const CALENDAR_DAY_KINDS = ['HOLIDAY', 'MAKE_UP_WORKDAY'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** One broken rule, naming the field an administrator has to change. */
export interface RuleViolation {
  field: string;
  message: string;
}

// ---- deadline table ----

/**
 * The longest limit accepted per unit: about five years. Every clock of docs/domain-model.md is
 * far shorter (the longest, a limitation, is two years); a longer one is a typing error.
 */
export const MAX_LIMIT: Readonly<Record<ClockUnit, number>> = {
  HOURS: 43_830,
  WORKING_DAYS: 1_300,
  CALENDAR_DAYS: 1_826,
  MONTHS: 60,
  YEARS: 5,
};

/**
 * The clocks whose miss is a step of the case rather than a notice, and that step
 * (case-clocks.ts, `missedStep`): an unpaid fine goes to enforcement, a passed limitation closes
 * the case as expired. Such a clock keeps its step as the last level, so that a miss never
 * passes silently; no other clock may take a step.
 */
export const CLOCK_STEPS: Readonly<Partial<Record<ClockId, StepTarget>>> = Object.fromEntries(
  CLOCK_IDS.flatMap((clock) => {
    const step = CLOCK_RULES[clock].missedStep;
    return step ? [[clock, step]] : [];
  }),
);
const STEPS: ReadonlySet<EscalationTarget> = new Set(ESCALATION_TARGETS.filter((t) => ESCALATION_RULES[t].step));

/** Extensions are compared from a Monday morning with no holidays. */
const COMPARED_FROM = new Date('2026-03-02T01:00:00.000Z');
const lasts = (limit: ClockLimit) => dueAt(limit, COMPARED_FROM, []).getTime();

function limitViolations(limit: ClockLimit, field: string): RuleViolation[] {
  if (!Number.isInteger(limit.limitValue) || limit.limitValue < 1) return [{ field, message: 'must be a whole number ≥ 1' }];
  const max = MAX_LIMIT[limit.unit];
  return limit.limitValue > max ? [{ field, message: `at most ${max} ${limit.unit} (about five years)` }] : [];
}

/** What is wrong with one row of the deadline table; empty when it can be used. */
export function deadlinePolicyViolations(p: DeadlinePolicy): RuleViolation[] {
  const out = limitViolations(p, 'limitValue');
  const chain = p.escalationChain;
  if (chain.length === 0)
    out.push({ field: 'escalationChain', message: 'a missed deadline must escalate to someone: name at least one level' });
  const step = CLOCK_STEPS[p.clock];
  chain.forEach((target, i) => {
    if (!STEPS.has(target)) return;
    if (target !== step) out.push({ field: `escalationChain.${i}`, message: `${target} is a step that ${p.clock} cannot take` });
    else if (i !== chain.length - 1)
      out.push({ field: `escalationChain.${i}`, message: `${target} ends the chain: nothing can follow it` });
  });
  if (step && chain.at(-1) !== step)
    out.push({ field: 'escalationChain', message: `${p.clock} must end with ${step}, as the law prescribes` });
  const codes = new Set<string>();
  p.extensions.forEach((e: ClockExtension, i) => {
    if (codes.has(e.code)) out.push({ field: `extensions.${i}.code`, message: `extension ${e.code} is listed twice` });
    codes.add(e.code);
    const bad = limitViolations(e, `extensions.${i}.limitValue`);
    out.push(...bad);
    if (bad.length === 0 && out.every((v) => v.field !== 'limitValue') && lasts(e) <= lasts(p))
      out.push({
        field: `extensions.${i}`,
        message: `extension ${e.code} (${e.limitValue} ${e.unit}) must be longer than the clock's own limit (${p.limitValue} ${p.unit})`,
      });
  });
  return out;
}

// ---- fine schedule and authority caps ----

/** [from, to) periods; a null end is open. */
const overlaps = (aFrom: IsoDate, aTo: IsoDate | null, bFrom: IsoDate, bTo: IsoDate | null): boolean =>
  (bTo === null || aFrom < bTo) && (aTo === null || bFrom < aTo);

const periodViolations = (from: IsoDate, to: IsoDate | null, fromField: string, toField: string): RuleViolation[] => {
  const out: RuleViolation[] = [];
  if (!isIsoDate(from)) out.push({ field: fromField, message: 'must be a real date YYYY-MM-DD' });
  if (to !== null && !isIsoDate(to)) out.push({ field: toField, message: 'must be a real date YYYY-MM-DD' });
  if (out.length === 0 && to !== null && to <= from)
    out.push({ field: toField, message: `must be after ${fromField} (${from}): the period is [${fromField}, ${toField})` });
  return out;
};

const unknownCodes = (codes: readonly string[], known: object, field: string, what: string): RuleViolation[] =>
  codes.flatMap((c, i) =>
    Object.hasOwn(known, c) ? [] : [{ field: `${field}.${i}`, message: `${c} is not ${what}: one of ${Object.keys(known).join(', ')}` }],
  );

/** What is wrong with a fine rule on its own. */
export function fineRuleViolations(r: FineRule): RuleViolation[] {
  const out = periodViolations(r.effectiveFrom, r.effectiveTo, 'effectiveFrom', 'effectiveTo');
  if (r.minVnd > r.maxVnd) out.push({ field: 'minVnd', message: `the minimum (${r.minVnd}) exceeds the maximum (${r.maxVnd})` });
  out.push(...unknownCodes(r.extraPenalties, EXTRA_PENALTIES, 'extraPenalties', 'an extra penalty of LHAV Art. 21(2)'));
  out.push(...unknownCodes(r.remedialMeasures, REMEDIAL_MEASURES, 'remedialMeasures', 'a remedial measure of LHAV Art. 28(1)'));
  if (!(OFFENCE_FIELDS as readonly string[]).includes(r.field))
    out.push({ field: 'field', message: `one of ${OFFENCE_FIELDS.join(', ')}` });
  if (!SANCTIONING_LIMITATION_YEARS.includes(r.sanctioningLimitationYears))
    out.push({ field: 'sanctioningLimitationYears', message: 'LHAV Art. 6(1)(a) sets 1 year, or 2 for the fields it lists' });
  return out;
}

/** Other rules for the same offence in force on some of the same days: the schedule would be ambiguous. */
export const fineRuleConflicts = (r: FineRule, others: readonly FineRule[]): FineRule[] =>
  others.filter(
    (o) => o.id !== r.id && o.offenceCode === r.offenceCode && overlaps(r.effectiveFrom, r.effectiveTo, o.effectiveFrom, o.effectiveTo),
  );

/** Other caps for the same agency kind and title: which one applies would be ambiguous. */
export const authorityCapConflicts = (c: AuthorityCap, others: readonly AuthorityCap[]): AuthorityCap[] =>
  others.filter((o) => o.id !== c.id && o.agencyKind === c.agencyKind && o.title === c.title);

// ---- agencies ----

/** What is wrong with an agency row on its own. */
export function agencyViolations(a: Agency): RuleViolation[] {
  const out = periodViolations(a.validFrom, a.validTo, 'validFrom', 'validTo');
  const national = NATIONAL_AGENCY_KINDS.has(a.kind);
  if (national && a.provinceCode !== null)
    out.push({ field: 'provinceCode', message: `a ${a.kind} agency acts nationally and has no province` });
  if (!national && a.provinceCode === null) out.push({ field: 'provinceCode', message: `a ${a.kind} agency serves one province: name it` });
  return out;
}

/** Other agencies of the same kind and province valid on some of the same days: routing would be ambiguous. */
export const agencyConflicts = (a: Agency, others: readonly Agency[]): Agency[] =>
  others.filter(
    (o) =>
      o.id !== a.id && o.kind === a.kind && o.provinceCode === a.provinceCode && overlaps(a.validFrom, a.validTo, o.validFrom, o.validTo),
  );

// ---- calendar ----

/** What is wrong with a calendar day: a make-up working day is a weekend day (else it changes nothing). */
export function calendarDayViolations(date: IsoDate, kind: CalendarDayKind): RuleViolation[] {
  if (!isIsoDate(date)) return [{ field: 'date', message: 'must be a real date YYYY-MM-DD' }];
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  if (kind === 'MAKE_UP_WORKDAY' && weekday !== 0 && weekday !== 6)
    return [{ field: 'kind', message: `${date} is a weekday, already worked: a make-up working day is a Saturday or Sunday` }];
  return [];
}
