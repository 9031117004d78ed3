import type { z } from 'zod';
import type { CaseAction } from '../domain/case-actions.js';
import type { ClockId } from '../domain/clocks.js';
import { ACTION_BODIES, type ActionEndpoint } from './schemas.js';

type Body<E extends ActionEndpoint> = z.infer<(typeof ACTION_BODIES)[E]>;

/** The workflow action each endpoint sends, built from its validated body. */
export const TO_ACTION: { [E in ActionEndpoint]: (b: Body<E>) => CaseAction } = {
  'hold-confirmation': (b) => ({ kind: 'confirmHold', holdRecordRef: b.holdRecordRef }),
  acknowledgement: () => ({ kind: 'acknowledge' }),
  'information-requests': (b) => ({ kind: 'requestInformation', question: b.question }),
  'information-responses': (b) => ({ kind: 'respondInformation', answer: b.answer, evidence: b.evidence }),
  verification: (b) =>
    b.outcome === 'started'
      ? { kind: 'startVerification' }
      : b.outcome === 'cleared'
        ? { kind: 'clear', reason: b.reason }
        : { kind: 'confirmViolation', against: b.against, summary: b.summary, violationDate: b.violationDate },
  routing: (b) => ({ kind: 'addAgency', agencyId: b.agencyId, reason: b.reason, asLead: b.asLead }),
  'deadline-extensions': (b) => ({ kind: 'extendDeadline', clock: b.clock as ClockId, extension: b.extension, reason: b.reason }),
  'violation-record': (b) => ({ kind: 'recordViolation', recordNumber: b.recordNumber, seized: b.seized }),
  'sanction-proposal': (b) => ({ kind: 'proposeSanction', ...b }),
  'sanction-decision': (b) => ({ kind: 'decideSanction', ...b }),
  'decision-service': (b) => ({ kind: 'serveDecision', method: b.method }),
  payments: (b) => ({ kind: 'recordPayment', amountVnd: b.amountVnd, receiptRef: b.receiptRef }),
  enforcement: (b) =>
    b.step === 'start'
      ? { kind: 'startEnforcement', reason: b.reason }
      : { kind: 'recordEnforcement', measure: b.measure, collectedVnd: b.collectedVnd },
  release: () => ({ kind: 'release' }),
  referral: (b) => ({ kind: 'refer', reason: b.reason, investigatingBody: b.investigatingBody }),
  'referral-return': (b) => ({ kind: 'returnFromInvestigation', reason: b.reason }),
  notes: (b) => ({ kind: 'addNote', text: b.text }),
  evidence: (b) => ({ kind: 'addEvidence', evidence: b.evidence }),
};

export const ACTION_ENDPOINTS = Object.keys(ACTION_BODIES) as ActionEndpoint[];
