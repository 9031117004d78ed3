/**
 * The action endpoints, one row each: the path segment, the body it accepts, the workflow action
 * it sends built from that body, and its summary in the document. api/resources/case-actions.ts
 * turns each row into an operation.
 */
import { z } from 'zod';
import type { Actor } from '../../domain/access.js';
import type { CaseAction } from '../../domain/case-actions.js';
import type { ClockId } from '../../domain/clocks.js';
import { findAssignee } from '../../prisma/assignees.js';
import type { Db } from '../../prisma/client.js';
import { problem } from '../http/problems.js';
import { evidence, isoDate, text, upperCode, vnd } from '../schemas/fields.js';
import { serviceMethod, violationParty, violator } from '../schemas/vocabulary.js';

/** What a row may look up to build its action: the workflow cannot read the database. */
export interface ActionContext {
  actor: Actor;
  db: Db;
}

interface ActionRow<S extends z.ZodType> {
  summary: string;
  body: S;
  action: (body: z.output<S>, ctx: ActionContext) => CaseAction | Promise<CaseAction>;
}
// one row, its action typed from its own body
const row = <S extends z.ZodType>(r: ActionRow<S>): ActionRow<z.ZodType> => r as unknown as ActionRow<z.ZodType>;

const code = upperCode('COUNTERFEIT');
const none = z.object({}).strict();

export const CASE_ACTIONS = {
  'hold-confirmation': row({
    summary: 'Confirm the hold of the item (carrier)',
    body: z.object({ holdRecordRef: text(200) }).strict(),
    action: (b) => ({ kind: 'confirmHold', holdRecordRef: b.holdRecordRef }),
  }),
  acknowledgement: row({ summary: 'Acknowledge the case (a routed agency)', body: none, action: () => ({ kind: 'acknowledge' }) }),
  assignment: row({
    summary: 'Take the case, or assign it to an officer of the lead agency',
    body: z.object({ officerId: text(64).optional() }).strict(),
    action: async (b, { actor, db }) => {
      const assignee = await findAssignee(db, b.officerId ?? actor.id);
      if (!assignee) throw problem(422, 'unknown-reference', 'Unknown officer', `No officer ${b.officerId} to assign the case to.`);
      return { kind: 'assign', assignee };
    },
  }),
  'information-requests': row({
    summary: 'Ask the carrier for information',
    body: z.object({ question: text(4000) }).strict(),
    action: (b) => ({ kind: 'requestInformation', question: b.question }),
  }),
  'information-responses': row({
    summary: 'Answer an information request (carrier)',
    body: z.object({ answer: text(4000), evidence: z.array(evidence).max(50).optional() }).strict(),
    action: (b) => ({ kind: 'respondInformation', answer: b.answer, evidence: b.evidence }),
  }),
  verification: row({
    summary: 'Start verification, clear the item, or confirm a violation',
    body: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('started') }).strict(),
      z.object({ outcome: z.literal('cleared'), reason: text(4000) }).strict(),
      z
        .object({ outcome: z.literal('violation'), against: violationParty, summary: text(4000), violationDate: isoDate.optional() })
        .strict(),
    ]),
    action: (b) =>
      b.outcome === 'started'
        ? { kind: 'startVerification' }
        : b.outcome === 'cleared'
          ? { kind: 'clear', reason: b.reason }
          : { kind: 'confirmViolation', against: b.against, summary: b.summary, violationDate: b.violationDate },
  }),
  routing: row({
    summary: 'Route the case to another agency',
    body: z.object({ agencyId: text(64), reason: text(2000), asLead: z.boolean().optional() }).strict(),
    action: (b) => ({ kind: 'addAgency', agencyId: b.agencyId, reason: b.reason, asLead: b.asLead }),
  }),
  'deadline-extensions': row({
    summary: 'Extend a running deadline',
    body: z.object({ clock: code, extension: text(64), reason: text(2000) }).strict(),
    // any code is accepted: a clock that is not running is the workflow's refusal (CLOCK_NOT_RUNNING)
    action: (b) => ({ kind: 'extendDeadline', clock: b.clock as ClockId, extension: b.extension, reason: b.reason }),
  }),
  'violation-record': row({
    summary: 'Record the violation (biên bản)',
    body: z.object({ recordNumber: text(64), seized: z.boolean() }).strict(),
    action: (b) => ({ kind: 'recordViolation', recordNumber: b.recordNumber, seized: b.seized }),
  }),
  'sanction-proposal': row({
    summary: 'Propose a sanction',
    body: z
      .object({
        offenceCode: code,
        amountVnd: vnd,
        violator,
        extraPenalties: z.array(code).max(10).default([]),
        remedialMeasures: z.array(code).max(10).optional(),
        legalArticle: text(200),
      })
      .strict(),
    action: (b) => ({ kind: 'proposeSanction', ...b }),
  }),
  'sanction-decision': row({
    summary: 'Approve, send back, or decide not to sanction',
    body: z.discriminatedUnion('outcome', [
      z
        .object({
          outcome: z.literal('approve'),
          decisionNumber: text(64),
          paymentPeriodDays: z
            .number()
            .int()
            .optional()
            .meta({ description: 'A payment period longer than 10 days, when the decision states one (LHAV Art. 73(1))' }),
        })
        .strict(),
      z.object({ outcome: z.literal('sendBack'), reason: text(2000) }).strict(),
      z.object({ outcome: z.literal('noSanction'), reason: text(2000) }).strict(),
    ]),
    action: (b) => ({ kind: 'decideSanction', ...b }),
  }),
  'decision-service': row({
    summary: 'Record service of the decision',
    body: z.object({ method: serviceMethod }).strict(),
    action: (b) => ({ kind: 'serveDecision', method: b.method }),
  }),
  payments: row({
    summary: 'Record a payment of the fine',
    body: z.object({ amountVnd: vnd.min(1), receiptRef: text(100).optional() }).strict(),
    action: (b) => ({ kind: 'recordPayment', amountVnd: b.amountVnd, receiptRef: b.receiptRef }),
  }),
  'payment-relief': row({
    summary: 'Postpone the fine (LHAV Art. 76) or let it be paid in instalments (Art. 79), on the violator’s request',
    body: z.discriminatedUnion('relief', [
      z.object({ relief: z.literal('postponement'), until: isoDate, requestRef: text(200), reason: text(2000) }).strict(),
      z
        .object({
          relief: z.literal('instalments'),
          instalments: z
            .array(z.object({ dueOn: isoDate, amountVnd: vnd.min(1) }).strict())
            .min(2)
            .max(12),
          requestRef: text(200),
          reason: text(2000),
        })
        .strict(),
    ]),
    action: (b) => ({ kind: 'grantPaymentRelief', ...b }),
  }),
  enforcement: row({
    summary: 'Start enforcement or record its completion',
    body: z.discriminatedUnion('step', [
      z.object({ step: z.literal('start'), reason: text(2000).optional() }).strict(),
      z.object({ step: z.literal('completed'), measure: text(500), collectedVnd: vnd }).strict(),
    ]),
    action: (b) =>
      b.step === 'start'
        ? { kind: 'startEnforcement', reason: b.reason }
        : { kind: 'recordEnforcement', measure: b.measure, collectedVnd: b.collectedVnd },
  }),
  release: row({ summary: 'Release the item (carrier, after clearance)', body: none, action: () => ({ kind: 'release' }) }),
  referral: row({
    summary: 'Refer the case to an investigating body',
    body: z.object({ reason: text(4000), investigatingBody: text(200).optional() }).strict(),
    action: (b) => ({ kind: 'refer', reason: b.reason, investigatingBody: b.investigatingBody }),
  }),
  'referral-return': row({
    summary: 'The investigating body returns the case',
    body: z.object({ reason: text(4000) }).strict(),
    action: (b) => ({ kind: 'returnFromInvestigation', reason: b.reason }),
  }),
  notes: row({ summary: 'Add a note', body: z.object({ text: text(4000) }).strict(), action: (b) => ({ kind: 'addNote', text: b.text }) }),
  evidence: row({
    summary: 'Add evidence',
    body: z.object({ evidence: z.array(evidence).min(1).max(50) }).strict(),
    action: (b) => ({ kind: 'addEvidence', evidence: b.evidence }),
  }),
};

export type ActionEndpoint = keyof typeof CASE_ACTIONS;
export const ACTION_ENDPOINTS = Object.keys(CASE_ACTIONS) as ActionEndpoint[];
