/**
 * The rules an action must meet beyond "right state, right party" (docs/domain-model.md,
 * "Actions"): four eyes, authority caps, fine ranges, reasons, limitation periods. Standing guards depend only on who acts and when,
 * so allowedActions can ask them; payload guards also read what the action says.
 */
import { vnDate, type IsoDate } from './calendar.js';
import { CLOCK_RULES } from './case-clocks.js';
import { CLOCK_IDS, type ClockId, type DeadlineView } from './clocks.js';
import {
  capCovers,
  checkAmount,
  isVnd,
  measuresOutsideSchedule,
  recordedBeforeFieldsWereNamed,
  scheduleFor,
  settlement,
  type FineRule,
  type InterestTerms,
} from './fines.js';
import { isLead, type Actor } from './access.js';
import type { ActionKind, ActionOf, CaseAction } from './case-actions.js';
import type { CaseView } from './case-view.js';
import { interestTermsOf, paymentPeriodRefusal, reliefRefusal } from './payment-relief.js';
import { violationDateProblem } from './plausible-dates.js';
import { refuse, type Refusal } from './refusals.js';
import type { ClockBasis } from './running-clocks.js';
import { limitationEndsAt, offenceLimitationYears } from './sanctioning-limitation.js';

/** Reference data the rules need; the workflow passes the snapshot it took at detection. */
export interface CaseRules {
  fineSchedule: readonly FineRule[];
  /** The case's clock tables: the offence's own limitation is counted with them (absent: the clock alone decides). */
  basis?: ClockBasis;
  /** When the case's sanctioning limitation would end if it counted from `from` (its own deadline table). */
  limitationEndFrom?: (view: CaseView, from: Date) => Date;
}

/** Who acts on which case, and when. */
export interface Standing {
  view: CaseView;
  actor: Actor;
  now: Date;
}

type StandingGuard = (s: Standing) => Refusal | null;
type PayloadGuard<K extends ActionKind> = (action: ActionOf<K>, s: Standing, rules: CaseRules) => Refusal | null;

// The limitation periods: clocks whose miss closes the case as expired.
const LIMITATION_CLOCKS: ReadonlySet<ClockId> = new Set(CLOCK_IDS.filter((c) => CLOCK_RULES[c].missedStep === 'CLOSE_EXPIRED'));

const blank = (s: string | undefined | null): boolean => typeof s !== 'string' || s.trim() === '';
const needText = (s: string | undefined | null, what: string): Refusal | null =>
  blank(s) ? refuse('TEXT_REQUIRED', `${what} is required`) : null;
const needReason = (s: string | undefined | null): Refusal | null => (blank(s) ? refuse('REASON_REQUIRED', 'a reason is required') : null);

const deadline = (view: CaseView, clock: ClockId): DeadlineView | undefined => view.deadlines.find((d) => d.clock === clock);

/** Whether a running clock's due instant has been reached. */
export const hasPassed = (view: CaseView, clock: ClockId, now: Date): boolean => {
  const d = deadline(view, clock);
  return !!d && now.getTime() >= Date.parse(d.dueAt);
};

/** The date that picks the decree: the violation's if stated, else the detection's. */
export const violationDate = (view: CaseView): IsoDate => view.violation?.violationDate ?? vnDate(new Date(view.detectedAt));

/** Fine plus late interest still unpaid at `now` (0 before a fine exists). */
export function outstandingVnd(view: CaseView, now: Date, terms?: InterestTerms): number {
  const fine = view.fine;
  if (!fine) return 0;
  const payments = view.payments.map((p) => ({ amountVnd: p.amountVnd, at: new Date(p.at) }));
  return settlement(fine.amountVnd, fine.dueAt ? new Date(fine.dueAt) : null, payments, now, { ...interestTermsOf(fine), ...terms })
    .outstandingVnd;
}

/**
 * The most a payment may be: what is outstanding. A case opened before the late-interest count
 * was corrected (its rules predate December 2026) accepted payments up to the count of that time,
 * one day more, and so still does: its recorded payments must replay as they were taken.
 */
const payableVnd = (s: Standing, rules: CaseRules): number =>
  recordedBeforeFieldsWereNamed(rules.fineSchedule)
    ? outstandingVnd(s.view, s.now, { count: 'PAYMENT_DAY' })
    : outstandingVnd(s.view, s.now);

const withinLimitation = (clock: ClockId) => (s: Standing) =>
  hasPassed(s.view, clock, s.now) ? refuse('LIMITATION_PASSED', `the ${clock} period has passed`) : null;

/**
 * The offence proposed or decided is time-barred: its field's limitation (LHAV Art. 6 as amended
 * by Law 88/2025/QH15), counted from where the case's limitation clock starts, has ended.
 */
function offenceTimeBarred(offenceCode: string, s: Standing, rules: CaseRules): Refusal | null {
  const running = deadline(s.view, 'SANCTIONING_LIMITATION');
  const years = offenceLimitationYears(offenceCode, violationDate(s.view), rules.fineSchedule);
  const end = rules.basis && running && years ? limitationEndsAt(rules.basis, new Date(running.startedAt), years) : null;
  if (!end || s.now.getTime() < end.getTime()) return null;
  return refuse('LIMITATION_PASSED', `${offenceCode}: its field's limitation of ${years} year(s) (LHAV Art. 6) ended ${end.toISOString()}`);
}

const somethingOutstanding: StandingGuard = (s) =>
  outstandingVnd(s.view, s.now) > 0 ? null : refuse('NOTHING_OUTSTANDING', 'nothing is left to pay');

/** Guards that need no payload: allowedActions asks these too. */
export const STANDING_GUARDS: { [K in ActionKind]?: StandingGuard } = {
  confirmHold: (s) => (s.view.flags.holdConfirmed ? refuse('ALREADY_DONE', 'the hold is already confirmed') : null),
  respondInformation: (s) =>
    s.view.flags.informationRequested ? null : refuse('NO_INFORMATION_REQUESTED', 'no information was requested'),
  proposeSanction: withinLimitation('SANCTIONING_LIMITATION'),
  decideSanction: (s) => {
    if (s.actor.authorityCapVnd == null) return refuse('NO_SANCTIONING_AUTHORITY', 'this officer has no sanctioning authority');
    if (s.view.proposal?.by === s.actor.id) return refuse('FOUR_EYES', 'the proposer cannot decide on their own proposal');
    return null;
  },
  recordPayment: somethingOutstanding,
  startEnforcement: (s) => {
    const due = s.view.fine?.dueAt;
    if (!due || s.now.getTime() < Date.parse(due)) return refuse('PAYMENT_NOT_DUE', 'the payment period has not ended');
    // a postponement or instalments keep the payment clock running past the period (LHAV Art. 76, 79)
    if (deadline(s.view, 'PAYMENT') && !hasPassed(s.view, 'PAYMENT', s.now))
      return refuse('PAYMENT_NOT_DUE', 'payment is postponed or in instalments');
    return somethingOutstanding(s) ?? withinLimitation('ENFORCEMENT_LIMITATION')(s);
  },
  recordEnforcement: withinLimitation('ENFORCEMENT_LIMITATION'),
};

/** Guards that read what the action says. */
export const PAYLOAD_GUARDS: { [K in ActionKind]?: PayloadGuard<K> } = {
  confirmHold: (a) => needText(a.holdRecordRef, 'the hold record reference'),
  assign: (a, s) => {
    if (a.assignee?.agencyId !== s.view.leadAgencyId || !['officer', 'manager'].includes(a.assignee.role))
      return refuse('ASSIGNEE_NOT_IN_LEAD_AGENCY', 'a case is assigned to an officer of its lead agency');
    return s.view.assignee?.id === a.assignee.id ? refuse('ALREADY_DONE', 'the case is already assigned to this officer') : null;
  },
  requestInformation: (a) => needText(a.question, 'the question'),
  respondInformation: (a) => needText(a.answer, 'the answer'),
  addAgency: (a, s) => {
    if (blank(a.agencyId)) return refuse('TEXT_REQUIRED', 'the agency is required');
    if (s.view.agencyIds.includes(a.agencyId)) return refuse('ALREADY_ROUTED', `${a.agencyId} is already routed`);
    if (a.asLead && !isLead(s.view, s.actor)) return refuse('NOT_LEAD_AGENCY', 'only the lead agency may hand the lead over');
    return needReason(a.reason);
  },
  extendDeadline: (a, s) => {
    const d = deadline(s.view, a.clock);
    if (!d) return refuse('CLOCK_NOT_RUNNING', `the ${a.clock} clock is not running`);
    if (!d.availableExtensions.includes(a.extension)) {
      return refuse('EXTENSION_NOT_ALLOWED', `${a.extension} is not an extension still open to ${a.clock}`);
    }
    return needReason(a.reason);
  },
  clear: (a) => needReason(a.reason),
  refer: (a) => needReason(a.reason),
  returnFromInvestigation: (a) => needReason(a.reason),
  confirmViolation: (a, s, rules) => {
    if (a.violationDate !== undefined) {
      const end = rules.limitationEndFrom && ((from: Date) => rules.limitationEndFrom!(s.view, from));
      const problem = violationDateProblem(a.violationDate, new Date(s.view.detectedAt), s.now, end);
      if (problem) return refuse('INVALID_DATE', `the violation date ${problem}`, 'violationDate');
    }
    return needText(a.summary, 'the summary');
  },
  recordViolation: (a) => needText(a.recordNumber, 'the record number'),
  proposeSanction: (a, s, rules) => {
    const rule = scheduleFor(a.offenceCode, violationDate(s.view), rules.fineSchedule);
    if (!rule) return refuse('UNKNOWN_OFFENCE', `no fine schedule for ${a.offenceCode} on ${violationDate(s.view)}`);
    const check = checkAmount(a.amountVnd, rule, a.violator);
    if (!check.ok && check.problem === 'NOT_WHOLE_VND') return refuse('INVALID_AMOUNT', 'the amount must be whole VND');
    if (!check.ok) {
      return refuse('AMOUNT_OUT_OF_RANGE', `${rule.decree} allows ${check.range.minVnd}–${check.range.maxVnd} VND for this violator`);
    }
    const outside = measuresOutsideSchedule(rule, { extraPenalties: a.extraPenalties, remedialMeasures: a.remedialMeasures ?? [] });
    const named = [...outside.extraPenalties, ...outside.remedialMeasures];
    if (named.length) return refuse('MEASURE_NOT_IN_SCHEDULE', `${rule.decree} does not provide ${named.join(', ')} for ${a.offenceCode}`);
    return offenceTimeBarred(a.offenceCode, s, rules) ?? needText(a.legalArticle, 'the legal article');
  },
  decideSanction: (a, s, rules) => {
    if (a.outcome !== 'approve') return needReason(a.reason);
    const period = paymentPeriodRefusal(a.paymentPeriodDays);
    if (period) return period;
    const proposal = s.view.proposal!;
    if (!capCovers(s.actor.authorityCapVnd ?? 0, proposal.amountVnd, proposal.violator)) {
      return refuse('ABOVE_AUTHORITY_CAP', 'the amount is above this officer’s authority: refer it upwards');
    }
    const timeBarred = withinLimitation('SANCTIONING_LIMITATION')(s) ?? offenceTimeBarred(proposal.offenceCode, s, rules);
    return timeBarred ?? needText(a.decisionNumber, 'the decision number');
  },
  recordPayment: (a, s, rules) => {
    if (!isVnd(a.amountVnd) || a.amountVnd === 0) return refuse('INVALID_AMOUNT', 'a payment is a positive whole VND amount');
    const left = payableVnd(s, rules);
    return a.amountVnd > left ? refuse('AMOUNT_EXCEEDS_OUTSTANDING', `only ${left} VND is outstanding`) : null;
  },
  grantPaymentRelief: (a, s) => {
    const fine = s.view.fine!;
    const unpaidFine = Math.max(0, fine.amountVnd - s.view.payments.reduce((n, p) => n + p.amountVnd, 0));
    return reliefRefusal(a, fine, unpaidFine, s.now);
  },
  recordEnforcement: (a) =>
    isVnd(a.collectedVnd) ? needText(a.measure, 'the enforcement measure') : refuse('INVALID_AMOUNT', 'the amount must be whole VND'),
  expire: (a, s) =>
    LIMITATION_CLOCKS.has(a.clock) && hasPassed(s.view, a.clock, s.now)
      ? null
      : refuse('LIMITATION_NOT_PASSED', `${a.clock} is not a limitation period that has passed`),
  addNote: (a) => needText(a.text, 'the note'),
  addEvidence: (a) =>
    Array.isArray(a.evidence) && a.evidence.length > 0 && a.evidence.every((e) => !blank(e.ref))
      ? null
      : refuse('TEXT_REQUIRED', 'at least one evidence reference is required'),
};

/** Runs the payload guard of an action's kind. */
export function payloadRefusal(action: CaseAction, s: Standing, rules: CaseRules): Refusal | null {
  const guard = PAYLOAD_GUARDS[action.kind] as PayloadGuard<ActionKind> | undefined;
  return guard ? guard(action, s, rules) : null;
}
