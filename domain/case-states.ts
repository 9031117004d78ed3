/**
 * The case state machine: docs/domain-model.md "The case, step by step" and "Actions" as a table of who may take which step from which
 * status, and a pure check the workflow's update validator and the API both call. Nothing here
 * changes a case; the workflow applies the step once the check says yes.
 */
import { PARTY_ROLES, partyRefusal, type Actor, type Party } from './access.js';
import { ACTION_KINDS, isActionKind, type ActionKind, type CaseAction } from './case-actions.js';
import { outstandingVnd, payloadRefusal, STANDING_GUARDS, type CaseRules, type Standing } from './case-guards.js';
import type { CaseView } from './case-view.js';
import { refuse, type Refusal } from './refusals.js';
import { FINE_SCHEDULE } from './reference/fine-schedule.js';

export type { CaseRules } from './case-guards.js';

/** Every status of a case, in the order of docs/domain-model.md "The case, step by step". */
export const CASE_STATUSES = [
  'DETECTED', // 1. phát hiện
  'HELD', // 2. đình chỉ vận chuyển, phát
  'NOTIFIED', // 3. thông báo
  'ACKNOWLEDGED', // 4. the lead agency has taken the case
  'UNDER_VERIFICATION', // 5. xác minh
  'CLEARED', // 6. nothing wrong: the carrier is to release the item
  'REFERRED', // 6. chuyển cơ quan điều tra
  'VIOLATION_CONFIRMED', // 6. the administrative track begins
  'VIOLATION_RECORDED', // 7. lập biên bản vi phạm hành chính
  'SANCTION_PROPOSED', // 8.
  'DECIDED', // 9. quyết định xử phạt
  'NO_SANCTION', // 9. quyết định không xử phạt, with reasons
  'DECISION_SERVED', // 10. the payment period runs
  'PAID', // 10.
  'ENFORCEMENT', // 10. cưỡng chế
  'CLOSED', // 11.
  'EXPIRED', // 11. a limitation period passed
] as const;

/** A case status. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses of a closed case; a REFERRED case may come back if the investigation is dropped. */
export const CLOSED_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['REFERRED', 'CLOSED', 'EXPIRED']);

/** Whether a status is one of a closed case. */
export const isClosed = (status: CaseStatus): boolean => CLOSED_STATUSES.has(status);

/** Statuses after which nothing more can happen to the case: its workflow ends. */
export const FINAL_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['CLOSED', 'EXPIRED']);

/** The status is unchanged by the step (notes, evidence, late acknowledgements…). */
export const SAME = 'SAME';

/** Picks between rows of the same step by what the action says or who takes it. */
export type Condition = 'byLead' | 'approved' | 'sentBack' | 'notSanctioned' | 'settlesFine';

/** One step: from these statuses, this action, taken by one of these parties, leads to `to`. */
export interface Transition {
  from: readonly CaseStatus[];
  action: ActionKind;
  by: readonly Party[];
  to: CaseStatus | typeof SAME;
  when?: Condition;
}

const except = (...out: CaseStatus[]): CaseStatus[] => CASE_STATUSES.filter((s) => !out.includes(s));
const OPEN = except(...CLOSED_STATUSES);
const NOTIFIED_ONWARDS = except('DETECTED', 'HELD', ...CLOSED_STATUSES);
const VERIFYING: CaseStatus[] = ['ACKNOWLEDGED', 'UNDER_VERIFICATION'];
const BEFORE_DECISION: CaseStatus[] = ['UNDER_VERIFICATION', 'VIOLATION_CONFIRMED', 'VIOLATION_RECORDED', 'SANCTION_PROPOSED'];
const AWAITING_PAYMENT: CaseStatus[] = ['DECISION_SERVED', 'ENFORCEMENT'];
// Nothing is left to lapse once the item is cleared, sanction is waived or the fine is paid.
const LIMITATION_RUNS = except('CLEARED', 'NO_SANCTION', 'PAID', ...CLOSED_STATUSES);

const CARRIER: Party[] = ['OWN_CARRIER'];
const LEAD: Party[] = ['LEAD_AGENCY'];
const ROUTED: Party[] = ['ROUTED_AGENCY'];
const SYSTEM: Party[] = ['SYSTEM'];

/** The transition table; rows with a condition come before the row that applies otherwise. */
export const TRANSITIONS: readonly Transition[] = [
  // 1–2. Detected, then held by the carrier (a hold may still be confirmed after notification).
  { from: ['DETECTED'], action: 'confirmHold', by: CARRIER, to: 'HELD' },
  { from: ['NOTIFIED', ...VERIFYING], action: 'confirmHold', by: CARRIER, to: SAME },
  // 3. Every routed agency notified at once, by the system.
  { from: ['DETECTED', 'HELD'], action: 'notify', by: SYSTEM, to: 'NOTIFIED' },
  // 4. Each agency acknowledges; the lead's acknowledgement takes the case.
  { from: ['NOTIFIED'], action: 'acknowledge', by: ['NOTIFIED_AGENCY'], to: 'ACKNOWLEDGED', when: 'byLead' },
  { from: NOTIFIED_ONWARDS, action: 'acknowledge', by: ['NOTIFIED_AGENCY'], to: SAME },
  // Within the lead agency, an officer takes the case or is given it.
  { from: NOTIFIED_ONWARDS, action: 'assign', by: LEAD, to: SAME },
  // 5. Verification: questions to the carrier, re-routing, extensions.
  { from: ['ACKNOWLEDGED'], action: 'startVerification', by: LEAD, to: 'UNDER_VERIFICATION' },
  { from: [...VERIFYING, 'VIOLATION_CONFIRMED', 'VIOLATION_RECORDED'], action: 'requestInformation', by: ROUTED, to: SAME },
  { from: OPEN, action: 'respondInformation', by: CARRIER, to: SAME },
  { from: VERIFYING, action: 'addAgency', by: ROUTED, to: SAME },
  { from: OPEN, action: 'extendDeadline', by: LEAD, to: SAME },
  // 6. Outcome: cleared and released, referred to investigators, or a violation.
  { from: ['UNDER_VERIFICATION'], action: 'clear', by: LEAD, to: 'CLEARED' },
  { from: ['CLEARED', 'NO_SANCTION'], action: 'release', by: CARRIER, to: 'CLOSED' },
  { from: BEFORE_DECISION, action: 'refer', by: LEAD, to: 'REFERRED' },
  { from: ['REFERRED'], action: 'returnFromInvestigation', by: LEAD, to: 'VIOLATION_CONFIRMED' },
  { from: ['UNDER_VERIFICATION'], action: 'confirmViolation', by: LEAD, to: 'VIOLATION_CONFIRMED' },
  // 7. Violation recorded.
  { from: ['VIOLATION_CONFIRMED'], action: 'recordViolation', by: LEAD, to: 'VIOLATION_RECORDED' },
  // 8. Sanction proposed.
  { from: ['VIOLATION_RECORDED'], action: 'proposeSanction', by: LEAD, to: 'SANCTION_PROPOSED' },
  // 9. Decided by someone else with enough authority; or sent back; or no sanction.
  { from: ['SANCTION_PROPOSED'], action: 'decideSanction', by: LEAD, to: 'DECIDED', when: 'approved' },
  { from: ['SANCTION_PROPOSED'], action: 'decideSanction', by: LEAD, to: 'VIOLATION_RECORDED', when: 'sentBack' },
  { from: ['SANCTION_PROPOSED'], action: 'decideSanction', by: LEAD, to: 'NO_SANCTION', when: 'notSanctioned' },
  // 10. Served, then paid (in instalments if need be) or enforced.
  { from: ['DECIDED'], action: 'serveDecision', by: LEAD, to: 'DECISION_SERVED' },
  { from: AWAITING_PAYMENT, action: 'recordPayment', by: [...LEAD, ...SYSTEM], to: 'PAID', when: 'settlesFine' },
  { from: AWAITING_PAYMENT, action: 'recordPayment', by: [...LEAD, ...SYSTEM], to: SAME },
  { from: ['DECISION_SERVED'], action: 'grantPaymentRelief', by: LEAD, to: SAME },
  { from: ['DECISION_SERVED'], action: 'startEnforcement', by: [...LEAD, ...SYSTEM], to: 'ENFORCEMENT' },
  { from: ['ENFORCEMENT'], action: 'recordEnforcement', by: LEAD, to: 'CLOSED' },
  // 11. Closed.
  { from: ['PAID', 'NO_SANCTION'], action: 'close', by: SYSTEM, to: 'CLOSED' },
  { from: LIMITATION_RUNS, action: 'expire', by: SYSTEM, to: 'EXPIRED' },
  // Notes until the case is closed or expired (a referred case too, while the investigators have
  // it), and evidence while it is open. A closed case takes none: its workflow, and its audit
  // chain with it, has ended (the API answers 409 case-closed).
  { from: except('CLOSED', 'EXPIRED'), action: 'addNote', by: ['OWN_CARRIER', 'ROUTED_AGENCY', 'OVERSIGHT'], to: SAME },
  { from: OPEN, action: 'addEvidence', by: ['OWN_CARRIER', 'ROUTED_AGENCY'], to: SAME },
];

/** Steps the system takes as soon as a case is in a status: a settled fine closes the case at once. */
export const FOLLOW_UPS: Readonly<Partial<Record<CaseStatus, CaseAction>>> = { PAID: { kind: 'close' } };

/**
 * The step the system takes at once in the case's status: FOLLOW_UPS, and an emergency stop's
 * agencies notified as soon as the carrier holds the item (TH §7(b)).
 */
export const followUpOf = (view: CaseView): CaseAction | undefined =>
  FOLLOW_UPS[view.status] ?? (view.status === 'HELD' && view.origin?.kind === 'EMERGENCY_STOP' ? { kind: 'notify' } : undefined);

const CONDITIONS: Record<Condition, (action: CaseAction, s: Standing) => boolean> = {
  byLead: (_, s) => s.actor.agencyId === s.view.leadAgencyId,
  approved: (a) => a.kind === 'decideSanction' && a.outcome === 'approve',
  sentBack: (a) => a.kind === 'decideSanction' && a.outcome === 'sendBack',
  notSanctioned: (a) => a.kind === 'decideSanction' && a.outcome === 'noSanction',
  settlesFine: (a, s) => a.kind === 'recordPayment' && a.amountVnd >= outstandingVnd(s.view, s.now),
};

/** The outcome of a check: the status the case moves to, or why not. */
export type CheckResult = { ok: true; next: CaseStatus } | Refusal;

const SEED_RULES: CaseRules = { fineSchedule: FINE_SCHEDULE };

const rowsFor = (status: CaseStatus, kind: ActionKind): Transition[] =>
  TRANSITIONS.filter((t) => t.action === kind && t.from.includes(status));

const admits = (t: Transition, s: Standing): boolean => t.by.some((p) => partyRefusal(p, s.view, s.actor) === null);

// Everything that does not depend on the payload: state, party, and the standing guards.
function standingRefusal(kind: ActionKind, s: Standing): Refusal | null {
  // who the actor is comes first: a role that may take this action in no status at all is told so
  if (!TRANSITIONS.some((t) => t.action === kind && t.by.some((p) => PARTY_ROLES[p].includes(s.actor.role))))
    return refuse('ROLE_NOT_ALLOWED', `a ${s.actor.role} cannot ${kind}`);
  const rows = rowsFor(s.view.status, kind);
  if (rows.length === 0) return refuse('INVALID_STATE', `${kind} is not possible while the case is ${s.view.status}`);
  if (!rows.some((t) => admits(t, s))) {
    const refusals = [...new Set(rows.flatMap((t) => t.by))].map((p) => partyRefusal(p, s.view, s.actor)!);
    // A party whose role the actor has explains more than "wrong role"; parties are listed
    // narrowest first, so the last such one names the broadest capacity the actor lacks.
    return refusals.filter((r) => r.code !== 'ROLE_NOT_ALLOWED').at(-1) ?? refusals[0]!;
  }
  return STANDING_GUARDS[kind]?.(s) ?? null;
}

/**
 * Whether `actor` may take `action` on the case now, and the status it leads to. Checks, in
 * order: the action is possible in this status; the actor takes part as the step requires
 * (own carrier, routed agency that has acknowledged, lead agency, system); the standing rules
 * (four eyes, authority, limitation); then the payload (reasons, fine range, authority cap).
 * `rules` defaults to the seed reference data; the workflow passes its own snapshot.
 */
export function checkAction(
  view: CaseView,
  action: CaseAction,
  actor: Actor,
  now: Date | number,
  rules: CaseRules = SEED_RULES,
): CheckResult {
  if (typeof action !== 'object' || action === null || !isActionKind(action.kind)) {
    return refuse('UNKNOWN_ACTION', 'unknown action');
  }
  const s: Standing = { view, actor, now: new Date(now) };
  const refusal = standingRefusal(action.kind, s) ?? payloadRefusal(action, s, rules);
  if (refusal) return refusal;
  const row = rowsFor(view.status, action.kind).find((t) => admits(t, s) && (!t.when || CONDITIONS[t.when](action, s)));
  if (!row) return refuse('INVALID_STATE', `${action.kind} cannot lead anywhere from ${view.status}`);
  return { ok: true, next: row.to === SAME ? view.status : row.to };
}

/**
 * The kinds of action this actor may take on the case now. What an action will say is not
 * known yet, so payload rules (reasons, amounts, caps) are left to checkAction.
 */
export function allowedActions(view: CaseView, actor: Actor, now: Date | number): ActionKind[] {
  const s: Standing = { view, actor, now: new Date(now) };
  return ACTION_KINDS.filter((kind) => standingRefusal(kind, s) === null);
}
