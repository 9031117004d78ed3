// The other ways into the pipeline (docs/domain-model.md, "Ways in"), run by the real case
// workflow on the time-skipping test server against real PostgreSQL: an agency's emergency stop
// and an inspection's finding, each one more entry into the same state machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Db } from '../../prisma/client.js';
import type { Actor } from '../../domain/access.js';
import type { AgencyOrigin } from '../../domain/case-origins.js';
import { allowedActions } from '../../workflows/definitions.js';
import { carrierActor, officer } from '../support/actors.js';
import { detection } from '../support/cases.js';
import { eventsOf, timeSkippingWorldWithoutWorker, uniqueRef } from '../support/case-harness.js';
import { caseRow, deadlineOf, HOUR, noticesOf, resultOf, skipTo, awaitEscalations, withCaseWorker } from '../support/case-steps.js';

let env: TestWorkflowEnvironment;
let db: Db;

beforeAll(async () => ({ env, db } = await timeSkippingWorldWithoutWorker()));
afterAll(() => env?.teardown());

const carrier = carrierActor('VNP');
const police = officer('TH-POLICE', 'police-officer-1', 20_000_000);
const dept = officer('TH-DEPT', 'dept-inspector');
const deptHead: Actor = { ...officer('TH-DEPT', 'dept-head', 50_000_000), title: 'DEPARTMENT_HEAD' };

const stop = (ref: string) =>
  detection(ref, {
    categoryCode: 'BANNED_TRADE',
    description: 'Nghi vận chuyển pháo nổ',
    stage: 'TRANSIT',
    evidence: [],
    reportedBy: police,
    origin: {
      kind: 'EMERGENCY_STOP',
      agencyId: 'TH-POLICE',
      reason: 'Nghi vận chuyển pháo nổ',
      legalBasis: 'Chỉ thị UBND tỉnh Thanh Hóa, mục 7 điểm b',
    } satisfies AgencyOrigin,
  });

const inspection = (ref: string) =>
  detection(ref, {
    trackingNumber: '',
    categoryCode: 'OTHER',
    description: 'Bưu cục Hoằng Hóa không kiểm tra nội dung bưu gửi trước khi chấp nhận',
    evidence: [],
    reportedBy: dept,
    origin: {
      kind: 'INSPECTION',
      agencyId: 'TH-DEPT',
      finding: 'NOT_INSPECTED',
      legalBasis: 'Chỉ thị 28/CT-BTTTT mục 8; Luật Bưu chính',
    } satisfies AgencyOrigin,
  });

describe('TH §7(b): an emergency stop requested by an agency', () => {
  it('TH §7(b): request → carrier notified → hold confirmed → agencies notified → verification → cleared and closed', () =>
    withCaseWorker(env, db, async ({ open }) => {
      const c = await open(stop(uniqueRef('stop~wf')));
      let view = await c.view();
      expect(view).toMatchObject({ status: 'DETECTED', leadAgencyId: 'TH-POLICE', origin: { kind: 'EMERGENCY_STOP' } });
      expect(view.agencyIds).toEqual(['TH-POLICE', 'TH-QLTT', 'TH-DEPT']);
      expect(deadlineOf(view, 'HOLD_CONFIRMATION')).toBeDefined();
      expect(await noticesOf(db, c.id, 1)).toEqual([{ recipient: 'carrier:VNP', kind: 'DETECTED' }]); // the carrier is told, no agency yet
      expect((await caseRow(db, c.id)).origin).toBe('EMERGENCY_STOP');
      // the carrier sees what it may do: confirm the hold; the requesting agency waits for it
      expect(await c.handle.query(allowedActions, carrier)).toContain('confirmHold');
      expect(await c.handle.query(allowedActions, police)).not.toContain('acknowledge');

      view = await c.do(carrier, { kind: 'confirmHold', holdRecordRef: 'BB-STOP-01' });
      expect(view.status).toBe('NOTIFIED'); // held, and the routed agencies told at once
      expect(deadlineOf(view, 'HOLD_CONFIRMATION')).toBeUndefined();
      expect(deadlineOf(view, 'AGENCY_ACKNOWLEDGEMENT')).toBeDefined();
      view = await c.do(police, { kind: 'acknowledge' });
      expect(view.status).toBe('ACKNOWLEDGED');
      await c.do(police, { kind: 'startVerification' });
      expect((await c.do(police, { kind: 'clear', reason: 'Không phát hiện pháo nổ' })).status).toBe('CLEARED');
      expect((await c.do(carrier, { kind: 'release' })).status).toBe('CLOSED');
      expect(await resultOf(env, c)).toBe('CLEARED');

      const events = await eventsOf(db, c.id);
      expect(events.map((e) => e.type)).toEqual([
        'DETECTED',
        'HOLD_CONFIRMED',
        'AGENCIES_NOTIFIED',
        'ACKNOWLEDGED',
        'VERIFICATION_STARTED',
        'CLEARED',
        'RELEASED',
      ]);
      expect(events[0]!.actorId).toBe(police.id);
      const notified = (await noticesOf(db, c.id, 3)).map((n) => n.recipient);
      expect(notified).toEqual(['agency:TH-DEPT', 'agency:TH-POLICE', 'agency:TH-QLTT']);
    }));

  it('TH §7(b): a hold never confirmed escalates to the carrier’s compliance contact, as on its own report', () =>
    withCaseWorker(env, db, async ({ open }) => {
      const c = await open(stop(uniqueRef('stop~late')));
      const due = Date.parse(deadlineOf(await c.view(), 'HOLD_CONFIRMATION')!.dueAt);
      await skipTo(env, due + HOUR);
      const [first] = await awaitEscalations(db, c.id, 'HOLD_CONFIRMATION', 1);
      expect(first!.payload).toMatchObject({ target: 'CARRIER_COMPLIANCE', recipients: ['carrier:VNP'] });
      expect((await c.view()).status).toBe('DETECTED');
    }));
});

describe('CT 28 §3, §5, §8; TH §1(b), §2(b): an inspection finding against a carrier', () => {
  it('CT 28 §8: violation confirmed → recorded → sanction proposed → decided → served → paid and closed', () =>
    withCaseWorker(env, db, async ({ open }) => {
      const c = await open(inspection(uniqueRef('inspection~wf')));
      let view = await c.view();
      expect(view).toMatchObject({
        status: 'VIOLATION_CONFIRMED',
        leadAgencyId: 'TH-DEPT',
        agencyIds: ['TH-DEPT'],
        violation: { against: 'CARRIER' },
        origin: { kind: 'INSPECTION', finding: 'NOT_INSPECTED' },
      });
      expect(view.deadlines.map((d) => d.clock).sort()).toEqual(['SANCTIONING_LIMITATION', 'VIOLATION_RECORD']);
      expect(await noticesOf(db, c.id, 1)).toEqual([{ recipient: 'carrier:VNP', kind: 'DETECTED' }]);
      expect(await c.handle.query(allowedActions, carrier)).not.toContain('confirmHold'); // no parcel to hold

      view = await c.do(dept, { kind: 'recordViolation', recordNumber: 'BBVP-TT-01', seized: false });
      expect(view.status).toBe('VIOLATION_RECORDED');
      expect(deadlineOf(view, 'SANCTION_DECISION')).toBeDefined();
      view = await c.do(dept, {
        kind: 'proposeSanction',
        offenceCode: 'POST_FAILED_TO_SUSPEND_NOTIFY',
        amountVnd: 15_000_000,
        violator: 'ORGANISATION',
        extraPenalties: [],
        legalArticle: 'Luật Bưu chính Điều 14; Chỉ thị 28/CT-BTTTT mục 1',
      });
      expect(view.status).toBe('SANCTION_PROPOSED');
      view = await c.do(deptHead, { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-TT-01' });
      expect(view.status).toBe('DECIDED');
      await c.do(dept, { kind: 'serveDecision', method: 'IN_PERSON' });
      view = await c.do(dept, { kind: 'recordPayment', amountVnd: 15_000_000, receiptRef: 'KB-TT-01' });
      expect(view).toMatchObject({ status: 'CLOSED', outcome: 'PAID' });
      expect(await resultOf(env, c)).toBe('PAID');

      expect((await eventsOf(db, c.id)).map((e) => e.type)).toEqual([
        'DETECTED',
        'VIOLATION_RECORDED',
        'SANCTION_PROPOSED',
        'SANCTION_DECIDED',
        'DECISION_SERVED',
        'PAYMENT_RECORDED',
        'CLOSED',
      ]);
      expect(await caseRow(db, c.id)).toMatchObject({ origin: 'INSPECTION', status: 'CLOSED', outcome: 'PAID', trackingNumber: '' });
    }));
});
