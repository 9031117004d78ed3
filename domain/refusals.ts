/** Why the state machine refuses an action: a stable code for programs, a sentence for people. */

/**
 * Whom a refusal is about: the caller (who they are, what their role, agency or authority lets them
 * do) or the case (the state it is in, or the values sent for it). The API answers the first 403
 * and the second 409.
 */
export type RefusalConcern = 'caller' | 'case';

/** Stable refusal codes, each with what it concerns; API problem types and workflow failures are derived from them. */
export const REFUSAL_CONCERNS = {
  UNKNOWN_ACTION: 'case',
  INVALID_STATE: 'case',
  ROLE_NOT_ALLOWED: 'caller',
  NOT_OWN_CASE: 'caller',
  NOT_ROUTED: 'caller',
  NOT_LEAD_AGENCY: 'caller',
  NOT_ACKNOWLEDGED: 'case',
  ALREADY_ACKNOWLEDGED: 'case',
  NOT_IN_SCOPE: 'caller',
  ALREADY_DONE: 'case',
  ALREADY_ROUTED: 'case',
  NO_INFORMATION_REQUESTED: 'case',
  TEXT_REQUIRED: 'case',
  REASON_REQUIRED: 'case',
  CLOCK_NOT_RUNNING: 'case',
  EXTENSION_NOT_ALLOWED: 'case',
  UNKNOWN_OFFENCE: 'case',
  AMOUNT_OUT_OF_RANGE: 'case',
  MEASURE_NOT_IN_SCHEDULE: 'case', // the schedule provides no such extra penalty or remedial measure for the offence
  INVALID_AMOUNT: 'case',
  FOUR_EYES: 'caller', // the decider must be another officer than the proposer
  NO_SANCTIONING_AUTHORITY: 'caller',
  ABOVE_AUTHORITY_CAP: 'caller', // the amount is fine; this decider's title may not decide it
  PAYMENT_NOT_DUE: 'case',
  NOTHING_OUTSTANDING: 'case',
  AMOUNT_EXCEEDS_OUTSTANDING: 'case',
  LIMITATION_PASSED: 'case',
  LIMITATION_NOT_PASSED: 'case',
  INVALID_DATE: 'case',
  RELIEF_NOT_ALLOWED: 'case', // the fine is below what LHAV Art. 76 or 79 lets be postponed or split
  INVALID_INSTALMENTS: 'case',
  ASSIGNEE_NOT_IN_LEAD_AGENCY: 'case', // a case is assigned within its lead agency only
} as const satisfies Record<string, RefusalConcern>;

export type RefusalCode = keyof typeof REFUSAL_CONCERNS;

/** What a refusal code is about; a code this version does not know (a newer worker's) is taken to be about the case. */
export const refusalConcern = (code: string): RefusalConcern =>
  Object.hasOwn(REFUSAL_CONCERNS, code) ? REFUSAL_CONCERNS[code as RefusalCode] : 'case';

/** A refused action. */
export interface Refusal {
  ok: false;
  code: RefusalCode;
  reason: string;
}

/** Builds a refusal. */
export const refuse = (code: RefusalCode, reason: string): Refusal => ({ ok: false, code, reason });
