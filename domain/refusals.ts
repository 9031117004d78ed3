/** Why the state machine refuses an action: a stable code for programs, a sentence for people. */

/**
 * Whom a refusal is about: the caller (who they are, what their role, agency or authority lets them
 * do), the case (the state it is in, or the values sent for it), or the input itself (a value that
 * cannot be true, such as a date in the future). The API answers 403, 409 and 422.
 */
export type RefusalConcern = 'caller' | 'case' | 'input';

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
  INVALID_DATE: 'input',
  RELIEF_NOT_ALLOWED: 'case', // the fine is below what LHAV Art. 76 or 79 lets be postponed or split
  INVALID_INSTALMENTS: 'case',
  INCIDENT_OPEN: 'case', // an earlier step of the case waits for an administrator's retry
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
  /** The field of the action the refusal is about, when it is one (an `input` refusal). */
  field?: string;
}

/** Builds a refusal. */
export const refuse = (code: RefusalCode, reason: string, field?: string): Refusal => ({
  ok: false,
  code,
  reason,
  ...(field ? { field } : {}),
});
