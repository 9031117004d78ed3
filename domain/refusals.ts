/** Why the state machine refuses an action: a stable code for programs, a sentence for people. */

/** Stable refusal codes; API problem types and workflow failures are derived from them. */
export type RefusalCode =
  | 'UNKNOWN_ACTION'
  | 'INVALID_STATE'
  | 'ROLE_NOT_ALLOWED'
  | 'NOT_OWN_CASE'
  | 'NOT_ROUTED'
  | 'NOT_LEAD_AGENCY'
  | 'NOT_ACKNOWLEDGED'
  | 'ALREADY_ACKNOWLEDGED'
  | 'NOT_IN_SCOPE'
  | 'ALREADY_DONE'
  | 'ALREADY_ROUTED'
  | 'NO_INFORMATION_REQUESTED'
  | 'TEXT_REQUIRED'
  | 'REASON_REQUIRED'
  | 'CLOCK_NOT_RUNNING'
  | 'EXTENSION_NOT_ALLOWED'
  | 'UNKNOWN_OFFENCE'
  | 'AMOUNT_OUT_OF_RANGE'
  | 'INVALID_AMOUNT'
  | 'FOUR_EYES'
  | 'NO_SANCTIONING_AUTHORITY'
  | 'ABOVE_AUTHORITY_CAP'
  | 'PAYMENT_NOT_DUE'
  | 'NOTHING_OUTSTANDING'
  | 'AMOUNT_EXCEEDS_OUTSTANDING'
  | 'LIMITATION_PASSED'
  | 'LIMITATION_NOT_PASSED'
  | 'INVALID_DATE';

/** A refused action. */
export interface Refusal {
  ok: false;
  code: RefusalCode;
  reason: string;
}

/** Builds a refusal. */
export const refuse = (code: RefusalCode, reason: string): Refusal => ({ ok: false, code, reason });
