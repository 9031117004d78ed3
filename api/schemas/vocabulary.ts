/**
 * The domain's vocabularies as the API's zod enums, one each. Where domain/ has the const array the
 * enum is built from it; the lists domain/ has only as types are written here once, checked
 * against those types both ways, until domain/ declares them as arrays.
 */
import { z } from 'zod';
import type { Role } from '../../domain/access.js';
import { ACTION_KINDS, type ServiceMethod, type ViolationParty } from '../../domain/case-actions.js';
import { CASE_STATUSES } from '../../domain/case-states.js';
import type { CaseOutcome, DetectionStage } from '../../domain/case-view.js';
import type { ClockId } from '../../domain/clocks.js';
import type { ViolatorKind } from '../../domain/fines.js';

export const CLOCK_IDS = [
  'HOLD_CONFIRMATION',
  'AGENCY_ACKNOWLEDGEMENT',
  'VERIFICATION',
  'VIOLATION_RECORD',
  'SANCTION_DECISION',
  'SERVE_DECISION',
  'PAYMENT',
  'ENFORCEMENT_LIMITATION',
  'SANCTIONING_LIMITATION',
  'TEMPORARY_SEIZURE',
] as const satisfies readonly ClockId[];
const STAGES = ['ACCEPTANCE', 'SORTING', 'TRANSIT', 'DELIVERY'] as const satisfies readonly DetectionStage[];
const OUTCOMES = ['CLEARED', 'REFERRED', 'PAID', 'ENFORCED', 'NO_SANCTION', 'EXPIRED'] as const satisfies readonly CaseOutcome[];
const PARTIES = ['SENDER', 'CARRIER', 'BOTH'] as const satisfies readonly ViolationParty[];
const VIOLATORS = ['ORGANISATION', 'INDIVIDUAL'] as const satisfies readonly ViolatorKind[];
const SERVICE_METHODS = ['IN_PERSON', 'POST', 'ELECTRONIC'] as const satisfies readonly ServiceMethod[];
/** The roles a principal can have; `system` is the workflow's own actor, never a key. */
const PRINCIPAL_ROLES = ['carrier', 'officer', 'manager', 'admin'] as const satisfies readonly Role[];

export const caseStatus = z.enum(CASE_STATUSES);
export const actionKind = z.enum(ACTION_KINDS as unknown as [string, ...string[]]);
export const clockId = z.enum(CLOCK_IDS);
export const stage = z.enum(STAGES);
export const outcome = z.enum(OUTCOMES);
export const violationParty = z.enum(PARTIES);
export const violator = z.enum(VIOLATORS);
export const serviceMethod = z.enum(SERVICE_METHODS);
export const principalRole = z.enum(PRINCIPAL_ROLES);

// ---- each list above names every value of its domain type ----
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertSame = <T extends true>(_: T) => {};
assertSame<Same<(typeof CLOCK_IDS)[number], ClockId>>(true);
assertSame<Same<(typeof STAGES)[number], DetectionStage>>(true);
assertSame<Same<(typeof OUTCOMES)[number], CaseOutcome>>(true);
assertSame<Same<(typeof PARTIES)[number], ViolationParty>>(true);
assertSame<Same<(typeof VIOLATORS)[number], ViolatorKind>>(true);
assertSame<Same<(typeof SERVICE_METHODS)[number], ServiceMethod>>(true);
assertSame<Same<(typeof PRINCIPAL_ROLES)[number], Exclude<Role, 'system'>>>(true);
