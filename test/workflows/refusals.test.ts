// Forbidden actions, refused by the workflow's Update validator before anything is written: no
// stored event, no accepted Update in the workflow history, the case unchanged. The refusal
// carries the code (domain/refusals.ts), a reason, and what this actor may do instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Db } from '../../prisma/client.js';
import type { Actor } from '../../domain/access.js';
import type { ActionKind } from '../../domain/case-actions.js';
import { allowedActions } from '../../workflows/definitions.js';
import { carrierActor } from '../support/cases.js';
import { uniqueRef, type CaseDriver, timeSkippingWorldWithoutWorker } from '../support/case-harness.js';
import {
  advance,
  carrier,
  dept,
  police,
  proposal,
  qltt,
  qlttChief,
  qlttJunior,
  qlttManager,
  refusedWithoutTrace,
  withCaseWorker,
} from '../support/case-steps.js';
import type { RefusalCode } from '../../domain/refusals.js';

let env: TestWorkflowEnvironment;
let db: Db;

beforeAll(async () => ({ env, db } = await timeSkippingWorldWithoutWorker()));
afterAll(() => env?.teardown());

/**
 * Sends the action, expects it refused with `code` and no trace, and checks the actions the
 * refusal offers instead: exactly `allowed`, the same list the allowedActions query gives.
 */
async function expectRefusal(
  c: CaseDriver,
  actor: Actor,
  action: Parameters<CaseDriver['do']>[1],
  code: RefusalCode,
  allowed: ActionKind[],
) {
  const refusal = await refusedWithoutTrace(db, c, actor, action);
  expect(refusal.code).toBe(code);
  expect(typeof refusal.reason).toBe('string');
  expect(refusal.reason.trim().length).toBeGreaterThan(5);
  expect(refusal.allowed).toEqual(allowed);
  expect(await c.handle.query(allowedActions, actor)).toEqual(allowed);
  return refusal;
}

const decide = { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-001/QĐ-XPHC' } as const;

describe('refused actions leave no trace', () => {
  it('wrong state: a sanction proposed while the case is under verification', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('state'));
      await advance(c, 'UNDER_VERIFICATION');
      const r = await expectRefusal(c, qltt, proposal(15_000_000), 'INVALID_STATE', [
        'assign',
        'requestInformation',
        'addAgency',
        'extendDeadline',
        'clear',
        'refer',
        'confirmViolation',
        'addNote',
        'addEvidence',
      ]);
      expect(r.reason).toContain('UNDER_VERIFICATION');
    }));

  it('wrong role: a carrier acknowledging for an agency', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('carrier-ack'));
      await expectRefusal(c, carrier, { kind: 'acknowledge' }, 'ROLE_NOT_ALLOWED', ['confirmHold', 'addNote', 'addEvidence']);
    }));

  it('wrong carrier: another carrier confirming the hold', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('other-carrier'));
      await expectRefusal(c, carrierActor('VTP'), { kind: 'confirmHold', holdRecordRef: 'BB-X' }, 'NOT_OWN_CASE', []);
    }));

  it('wrong agency: an officer of an agency the case is not routed to', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('police-ack'));
      await expectRefusal(c, police, { kind: 'acknowledge' }, 'NOT_ROUTED', []);
      // the routed agencies can still acknowledge
      expect((await c.do(qltt, { kind: 'acknowledge' })).status).toBe('ACKNOWLEDGED');
    }));

  it('not the lead: a routed agency starting the verification the lead owns', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('not-lead'));
      await advance(c, 'ACKNOWLEDGED');
      await expectRefusal(c, dept, { kind: 'startVerification' }, 'NOT_LEAD_AGENCY', [
        'requestInformation',
        'addAgency',
        'addNote',
        'addEvidence',
      ]);
    }));

  it('the system role is never a caller’s', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('system'));
      const r = await refusedWithoutTrace(db, c, { id: 'system', role: 'system' }, { kind: 'notify' });
      expect(r).toMatchObject({ code: 'ROLE_NOT_ALLOWED', allowed: [] });
    }));

  it('a manager without sanctioning authority deciding', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('no-authority'));
      await advance(c, 'SANCTION_PROPOSED');
      await expectRefusal(c, qlttManager, decide, 'NO_SANCTIONING_AUTHORITY', [
        'assign',
        'extendDeadline',
        'refer',
        'addNote',
        'addEvidence',
      ]);
    }));

  it('four eyes: the proposer deciding on their own proposal', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('four-eyes'));
      await advance(c, 'SANCTION_PROPOSED'); // proposed by qltt, who has authority
      await expectRefusal(c, qltt, decide, 'FOUR_EYES', ['assign', 'extendDeadline', 'refer', 'addNote', 'addEvidence']);
      // sending back is a decision too
      await expectRefusal(c, qltt, { kind: 'decideSanction', outcome: 'sendBack', reason: 'x' }, 'FOUR_EYES', [
        'assign',
        'extendDeadline',
        'refer',
        'addNote',
        'addEvidence',
      ]);
      // another officer with enough authority can
      expect((await c.do(qlttChief, decide)).status).toBe('DECIDED');
    }));

  it('above the decider’s authority cap', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('cap'));
      // 15 M against an organisation; the junior's cap is 5 M for an individual, 10 M for an organisation
      await advance(c, 'SANCTION_PROPOSED', { amountVnd: 15_000_000 });
      const r = await expectRefusal(c, qlttJunior, decide, 'ABOVE_AUTHORITY_CAP', [
        'assign',
        'extendDeadline',
        'refer',
        'decideSanction',
        'addNote',
        'addEvidence',
      ]);
      expect(r.reason).toMatch(/authority/);
      // without a fine, the junior may still send it back
      expect(
        (await c.do(qlttJunior, { kind: 'decideSanction', outcome: 'sendBack', reason: 'Vượt thẩm quyền, chuyển cấp trên' })).status,
      ).toBe('VIOLATION_RECORDED');
    }));

  it('amounts outside the schedule’s range for this violator', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('range'));
      await advance(c, 'VIOLATION_RECORDED');
      const allowed: ActionKind[] = [
        'assign',
        'requestInformation',
        'extendDeadline',
        'refer',
        'proposeSanction',
        'addNote',
        'addEvidence',
      ];
      // POST_PROHIBITED_ITEM under Decree 15/2020 Art. 9(1)(a): 10–20 M for an organisation, half for an individual
      const above = await expectRefusal(c, qltt, proposal(20_000_001), 'AMOUNT_OUT_OF_RANGE', allowed);
      expect(above.reason).toContain('10000000–20000000');
      await expectRefusal(c, qltt, proposal(9_999_999), 'AMOUNT_OUT_OF_RANGE', allowed);
      const individual = await expectRefusal(c, qltt, proposal(12_000_000, 'INDIVIDUAL'), 'AMOUNT_OUT_OF_RANGE', allowed);
      expect(individual.reason).toContain('5000000–10000000');
      // the bounds themselves are in range
      expect((await c.do(qltt, proposal(10_000_000, 'INDIVIDUAL'))).status).toBe('SANCTION_PROPOSED');
    }));

  it('a payment above what is outstanding', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('overpay'));
      await advance(c, 'DECISION_SERVED', { amountVnd: 15_000_000 });
      await expectRefusal(c, qltt, { kind: 'recordPayment', amountVnd: 15_000_001 }, 'AMOUNT_EXCEEDS_OUTSTANDING', [
        'assign',
        'extendDeadline',
        'recordPayment',
        'grantPaymentRelief',
        'addNote',
        'addEvidence',
      ]);
    }));
});
