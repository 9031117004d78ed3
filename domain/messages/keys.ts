/**
 * What the message catalogue must name: every key set comes from the domain's own types and
 * const arrays, so a status, action or clock added there without a label here fails the build.
 * The two sets the domain does not hold as data (event and problem types) are listed here, and
 * tests check them against the code that writes them (test/unit/messages.test.ts).
 */
import type { Role } from '../access.js';
import type { ActionKind, ActionOf, ServiceMethod, ViolationParty } from '../case-actions.js';
import type { CaseStatus } from '../case-states.js';
import type { CaseOutcome, DetectionStage } from '../case-view.js';
import type { CaseOriginKind, InspectionFinding } from '../case-origins.js';
import type { ClockId, ClockStart, EscalationTarget } from '../clocks.js';
import type { ViolatorKind } from '../fines.js';
import type { RefusalCode } from '../refusals.js';
import type { AgencyKind } from '../routing.js';
import type { ITEM_CATEGORIES } from '../reference/categories.js';
import type { PeriodFigures, ReportMetric, TableId } from '../report-content.js';
import type { Kt1Mode, PeriodKind } from '../report-period.js';
import type { REPORT_OUTCOMES, SERVICE_POINT_CLASSES } from '../report-steps.js';

export type {
  ActionKind,
  CaseOriginKind,
  InspectionFinding,
  AgencyKind,
  CaseOutcome,
  CaseStatus,
  ClockId,
  ClockStart,
  DetectionStage,
  EscalationTarget,
  RefusalCode,
  Role,
  ServiceMethod,
  ViolationParty,
  ViolatorKind,
};

export type { Kt1Mode, PeriodKind, ReportMetric, TableId };

/** An indicator row of a report's tables: a figure of holds, referrals or sanctions. */
export type ReportIndicator = keyof PeriodFigures['holds'] | keyof PeriodFigures['referrals'] | keyof PeriodFigures['sanctions'];

/** The fixed codes a report's rows are keyed by (reference data is labelled from the report's own names). */
export type ReportCode =
  ReportIndicator | ClockId | (typeof REPORT_OUTCOMES)[number] | DetectionStage | (typeof SERVICE_POINT_CLASSES)[number];

/** A seeded item category's code. */
export type CategoryCode = (typeof ITEM_CATEGORIES)[number]['code'];

/** Every audit-log event type the workflow writes (domain/case-events.ts). */
export const EVENT_TYPES = [
  'DETECTED',
  'AGENCIES_NOTIFIED',
  'HOLD_CONFIRMED',
  'ACKNOWLEDGED',
  'ASSIGNED',
  'VERIFICATION_STARTED',
  'INFORMATION_REQUESTED',
  'INFORMATION_PROVIDED',
  'AGENCY_ADDED',
  'DEADLINE_EXTENDED',
  'DEADLINE_ESCALATED',
  'CALENDAR_CORRECTED',
  'CLEARED',
  'RELEASED',
  'REFERRED',
  'RETURNED_FROM_INVESTIGATION',
  'VIOLATION_CONFIRMED',
  'VIOLATION_RECORDED',
  'SANCTION_PROPOSED',
  'SANCTION_DECIDED',
  'SANCTION_SENT_BACK',
  'NO_SANCTION_DECIDED',
  'DECISION_SERVED',
  'PAYMENT_RECORDED',
  'PAYMENT_RELIEF_GRANTED',
  'ENFORCEMENT_STARTED',
  'ENFORCEMENT_RECORDED',
  'CLOSED',
  'EXPIRED',
  'NOTE_ADDED',
  'EVIDENCE_ADDED',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Every RFC 9457 problem type the API answers with (the slug after PROBLEM_BASE). */
export const PROBLEM_TYPES = [
  'validation',
  'malformed-json',
  'bad-request',
  'payload-too-large',
  'idempotency-key-required',
  'idempotency-key-reused',
  'request-in-flight',
  'invalid-cursor',
  'unauthorized',
  'csrf-token-invalid',
  'sign-in-failed',
  'sign-in-locked',
  'forbidden',
  'not-found',
  'case-not-found',
  'action-refused',
  'case-closed',
  'case-busy',
  'conflict',
  'duplicate-carrier-reference',
  'endpoint-disabled',
  'reference-conflict',
  'reference-invariant',
  'unknown-reference',
  'unroutable',
  'rate-limited',
  'authentication-throttled',
  'implausible-value',
  'unsupported-media-type',
  'case-incident',
  'incident-not-found',
  'incident-not-open',
  'undecodable-payload',
  'not-ready',
  'database-unavailable',
  'workflow-unavailable',
  'workflow-overloaded',
  'step-not-taken',
  'console-not-built',
  'internal',
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

/**
 * Codes of a failing field (api/validation-codes.ts): zod's issue codes, with `required` for a
 * missing or empty value, bounds named for what they bound (numbers: too_small/too_big, text:
 * too_short/too_long, lists: too_few/too_many), `nul` and `ill_formed_unicode` for text PostgreSQL
 * cannot store (NUL, a lone surrogate), `too_deep` for a body nested beyond its bound, and
 * `implausible` for a well-formed value that cannot be true (a date in the future).
 */
export const VALIDATION_CODES = [
  'required',
  'invalid_type',
  'too_small',
  'too_big',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'invalid_format',
  'invalid_value',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'nul',
  'ill_formed_unicode',
  'too_deep',
  'implausible',
  'custom',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** How a sanction decision ends. */
export type DecisionOutcome = ActionOf<'decideSanction'>['outcome'];
