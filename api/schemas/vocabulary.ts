/** The domain's vocabularies as the API's zod enums, each built from domain/'s one const array. */
import { z } from 'zod';
import { PRINCIPAL_ROLES } from '../../domain/access.js';
import { ACTION_KINDS, SERVICE_METHODS, VIOLATION_PARTIES } from '../../domain/case-actions.js';
import { CASE_STATUSES } from '../../domain/case-states.js';
import { CASE_OUTCOMES, DETECTION_STAGES } from '../../domain/case-view.js';
import { CLOCK_IDS } from '../../domain/clocks.js';
import { CASE_ORIGIN_KINDS, INSPECTION_FINDINGS } from '../../domain/case-origins.js';
import { VIOLATOR_KINDS } from '../../domain/fines.js';

export const caseStatus = z.enum(CASE_STATUSES);
export const actionKind = z.enum(ACTION_KINDS);
export const clockId = z.enum(CLOCK_IDS);
export const stage = z.enum(DETECTION_STAGES);
export const outcome = z.enum(CASE_OUTCOMES);
export const violationParty = z.enum(VIOLATION_PARTIES);
export const violator = z.enum(VIOLATOR_KINDS);
export const serviceMethod = z.enum(SERVICE_METHODS);
export const originKind = z.enum(CASE_ORIGIN_KINDS);
export const inspectionFinding = z.enum(INSPECTION_FINDINGS);
/** The roles a principal can have; `system` is the workflow's own actor, never a key. */
export const principalRole = z.enum(PRINCIPAL_ROLES);
