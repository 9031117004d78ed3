// The clocks of docs/domain-model.md "Clocks", run by the real workflow on the time-skipping test
// server against real PostgreSQL. Every due instant is computed here, independently of the workflow:
// the end of the last day is 23:59:59.999 in Asia/Ho_Chi_Minh, i.e. 16:59:59.999Z.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Db } from '../../prisma/client.js';
import type { ClockId, EscalationTarget } from '../../domain/clocks.js';
import { eventsOf, uniqueRef, type CaseDriver, timeSkippingWorldWithoutWorker } from '../support/case-harness.js';
import { HOLIDAYS } from '../../domain/reference/holidays.js';
import {
  addHolidayDates,
  advance,
  awaitEscalations,
  awaitEvent,
  calendarDaysAfter,
  carrier,
  DAY,
  caseRow,
  deadlineOf,
  dept,
  escalationsOf,
  HOUR,
  iso,
  noticesOf,
  proposal,
  qltt,
  qlttChief,
  refusedWithoutTrace,
  resultOf,
  skipTo,
  withCaseWorker,
  workingDaysAfter,
  type CaseSession,
} from '../support/case-steps.js';

let env: TestWorkflowEnvironment;
let db: Db;

beforeAll(async () => ({ env, db } = await timeSkippingWorldWithoutWorker()));
afterAll(() => env?.teardown());

const SECOND = 1000;

/** When the stored event that started a clock happened (the n-th of its type, or the one by `agencyId`). */
async function startOf(c: CaseDriver, type: string, agencyId?: string): Promise<number> {
  const e = (await eventsOf(db, c.id)).find((e) => e.type === type && (agencyId === undefined || e.actorAgencyId === agencyId));
  if (!e) throw new Error(`no ${type} event`);
  return e.at.getTime();
}

/** The clock is running, started at `startedAt`, due at `due`. */
async function expectRunning(c: CaseDriver, clock: ClockId, startedAt: number, due: number): Promise<void> {
  expect(deadlineOf(await c.view(), clock), clock).toMatchObject({
    startedAt: iso(startedAt),
    dueAt: iso(due),
    escalationLevel: 0,
    overdue: false,
  });
}

/** Nothing more than `fired` escalations of the clock so far, stored or in the case. */
async function expectNotYet(c: CaseDriver, clock: ClockId, fired: number): Promise<void> {
  expect(await escalationsOf(db, c.id, clock), `${clock} escalations at ${iso(await env.currentTimeMs())}`).toHaveLength(fired);
  expect(deadlineOf(await c.view(), clock)!.escalationLevel).toBe(fired);
}

interface Expected {
  clock: ClockId;
  level: number;
  /** When this level fires. */
  at: number;
  target: EscalationTarget;
  recipient: string;
  /** The clock's due instant (= `at` for level 1). */
  due?: number;
  /** Escalation events of this clock expected in all (default: `level`; more after an extension re-arms it). */
  count?: number;
}

/** Exactly one DEADLINE_ESCALATED for this level, at its instant, told to its recipient; the case overdue. */
async function expectEscalated(c: CaseDriver, x: Expected): Promise<void> {
  const due = x.due ?? x.at;
  const events = await awaitEscalations(db, c.id, x.clock, x.count ?? x.level);
  const e = events.at(-1)!;
  expect(e.payload).toEqual({ clock: x.clock, level: x.level, target: x.target, dueAt: iso(due), recipients: [x.recipient] });
  expect(e.at.getTime(), 'fired at its instant').toBeGreaterThanOrEqual(x.at);
  expect(e.at.getTime(), 'fired at its instant').toBeLessThan(x.at + SECOND);
  expect({ id: e.actorId, role: e.actorRole, reason: e.reason }).toEqual({
    id: 'system',
    role: 'system',
    reason: `${x.clock} deadline missed`,
  });
  expect(await noticesOf(db, c.id, e.seq)).toEqual([{ recipient: x.recipient, kind: 'DEADLINE_ESCALATED' }]);
  expect((await caseRow(db, c.id)).overdue).toBe(true);
  const view = await c.view();
  expect(view.flags.overdue).toBe(true);
  expect(deadlineOf(view, x.clock)).toMatchObject({ dueAt: iso(due), overdue: true, escalationLevel: x.level });
}

/** Skips to 1 s before a level fires (nothing yet), then 1 s past it (exactly that level). */
async function expectFiresAt(s: CaseSession, c: CaseDriver, x: Expected): Promise<void> {
  await skipTo(s.env, x.at - SECOND);
  await expectNotYet(c, x.clock, x.level - 1);
  await skipTo(s.env, x.at + SECOND);
  await expectEscalated(c, x);
}

/** A late action still works: the clock stops and, with nothing else missed, the case is no longer overdue. */
async function expectStopped(c: CaseDriver, clock: ClockId, stillOverdue = false): Promise<void> {
  const view = await c.view();
  expect(deadlineOf(view, clock), `${clock} still running`).toBeUndefined();
  expect(view.flags.overdue).toBe(stillOverdue);
  expect((await caseRow(db, c.id)).overdue).toBe(stillOverdue);
}

const QLTT_MANAGERS = 'agency:TH-QLTT/managers';

/**
 * 0 while the seeded Tết 2027 block lies ahead of the server clock; otherwise the smallest
 * multiple of 52 weeks that puts it ahead again, with the moved block inserted into the
 * Holiday table (as an administrator would) and the tests' own calendar.
 */
async function tetShift(firstInstant: number): Promise<number> {
  const STEP = 364 * DAY;
  const now = await env.currentTimeMs();
  let shift = 0;
  while (firstInstant + shift <= now + DAY) shift += STEP;
  if (shift === 0) return 0;
  const block = HOLIDAYS.filter((h) => h.date >= '2027-02-04' && h.date <= '2027-02-10');
  const moved = block.map((h) => new Date(Date.parse(`${h.date}T00:00:00Z`) + shift).toISOString().slice(0, 10));
  await db.holiday.createMany({
    data: moved.map((d) => ({ date: new Date(`${d}T00:00:00Z`), year: Number(d.slice(0, 4)), name: 'Tết (moved for the test)' })),
    skipDuplicates: true,
  });
  addHolidayDates(moved);
  return shift;
}

describe('clocks', () => {
  // First in the file: the Tết block must still lie ahead of the server clock.
  it('across a weekend and Tết 2027: due dates jump the days off; 24 hours stay 24 hours', () =>
    withCaseWorker(env, db, async (s) => {
      // Tết Đinh Mùi: Thu 4 and Fri 5 Feb, the weekend, Mon 8 to Wed 10 Feb 2027 are all days off.
      // Once that is past, the same block is moved on by whole 52-week steps (same weekdays, late
      // January again) and entered as administered holidays, so the test never expires.
      const shift = await tetShift(Date.parse('2027-01-26T10:00:00+07:00'));
      const at = (instant: string) => Date.parse(instant) + shift;
      const isoAt = (instant: string) => iso(at(instant));
      const tuesdayBefore = at('2027-01-26T10:00:00+07:00');
      const wednesdayBefore = at('2027-02-03T10:00:00+07:00');
      const thursdayAfter = at('2027-02-11T23:59:59.999+07:00');
      expect(iso(thursdayAfter)).toBe(isoAt('2027-02-11T16:59:59.999Z'));
      expect(await env.currentTimeMs()).toBeLessThan(tuesdayBefore);

      // Served on Tue 26 Jan: 10 calendar days end on Fri 5 Feb, a holiday, so payment is due Thu 11 Feb.
      await skipTo(env, tuesdayBefore);
      const served = await s.open(uniqueRef('tet-payment'));
      const fine = (await advance(served, 'DECISION_SERVED')).fine!;
      expect(fine.dueAt).toBe(isoAt('2027-02-11T16:59:59.999Z'));

      // Opened on Wed 3 Feb, the last working day before Tết.
      await skipTo(env, wednesdayBefore);
      const acked = await s.open(uniqueRef('tet-ack'));
      await acked.do(carrier, { kind: 'confirmHold', holdRecordRef: 'BB-TET' });
      await acked.do(qltt, { kind: 'acknowledge' }); // the lead takes it; TH-DEPT does not acknowledge
      const unheld = await s.open(uniqueRef('tet-hold'));

      const view = await acked.view();
      // 1 working day after Wed 3 Feb: Thu 11 Feb
      expect(deadlineOf(view, 'AGENCY_ACKNOWLEDGEMENT')!.dueAt).toBe(isoAt('2027-02-11T16:59:59.999Z'));
      // 5 working days after Wed 3 Feb: Thu 11, Fri 12, Mon 15, Tue 16, Wed 17 Feb
      expect(deadlineOf(view, 'VERIFICATION')!.dueAt).toBe(isoAt('2027-02-17T16:59:59.999Z'));
      // the independent calendar of the tests agrees
      expect(workingDaysAfter(wednesdayBefore, 1)).toBe(thursdayAfter);
      expect(calendarDaysAfter(tuesdayBefore, 10)).toBe(thursdayAfter);

      // The hold clock counts hours, holidays or not: due on Thu 4 Feb, a Tết holiday, at 10:00.
      const detected = Date.parse((await unheld.view()).detectedAt);
      await expectFiresAt(s, unheld, {
        clock: 'HOLD_CONFIRMATION',
        level: 1,
        at: detected + 24 * HOUR,
        target: 'CARRIER_COMPLIANCE',
        recipient: 'carrier:VNP',
      });

      // Thu 11 Feb, end of day: acknowledgement escalates and payment goes to enforcement, not before.
      await skipTo(env, thursdayAfter - SECOND);
      await expectNotYet(acked, 'AGENCY_ACKNOWLEDGEMENT', 0);
      expect((await served.view()).status).toBe('DECISION_SERVED');
      await skipTo(env, thursdayAfter + SECOND);
      await expectEscalated(acked, {
        clock: 'AGENCY_ACKNOWLEDGEMENT',
        level: 1,
        at: thursdayAfter,
        target: 'DEPT_DUTY_OFFICER',
        recipient: 'agency:TH-DEPT',
      });
      const enforcement = await awaitEvent(db, served.id, 'ENFORCEMENT_STARTED');
      expect(enforcement.at.getTime()).toBeGreaterThanOrEqual(thursdayAfter);
      expect(enforcement.at.getTime()).toBeLessThan(thursdayAfter + SECOND);

      // Level 2 one working day later (Fri 12 Feb); verification on Wed 17 Feb.
      await expectFiresAt(s, acked, {
        clock: 'AGENCY_ACKNOWLEDGEMENT',
        level: 2,
        at: at('2027-02-12T16:59:59.999Z'),
        due: thursdayAfter,
        target: 'DEPT_MANAGER',
        recipient: 'agency:TH-DEPT/managers',
      });
      await expectFiresAt(s, acked, {
        clock: 'VERIFICATION',
        level: 1,
        at: at('2027-02-17T16:59:59.999Z'),
        target: 'LEAD_AGENCY_MANAGER',
        recipient: QLTT_MANAGERS,
      });
    }));

  it('HOLD_CONFIRMATION: 24 hours from detection, then the carrier’s compliance contact, then DEPT', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('hold'));
      await advance(c, 'ACKNOWLEDGED', {}, 'HOLD_CONFIRMED'); // both agencies acknowledge; the hold is not confirmed
      const detected = Date.parse((await c.view()).detectedAt);
      await expectRunning(c, 'HOLD_CONFIRMATION', detected, detected + 24 * HOUR);

      await expectFiresAt(s, c, {
        clock: 'HOLD_CONFIRMATION',
        level: 1,
        at: detected + 24 * HOUR,
        target: 'CARRIER_COMPLIANCE',
        recipient: 'carrier:VNP',
      });
      await expectFiresAt(s, c, {
        clock: 'HOLD_CONFIRMATION',
        level: 2,
        at: detected + 48 * HOUR,
        due: detected + 24 * HOUR,
        target: 'DEPT',
        recipient: 'agency:TH-DEPT',
      });

      const late = await c.do(carrier, { kind: 'confirmHold', holdRecordRef: 'BB-LATE' });
      expect(late.flags.holdConfirmed).toBe(true);
      await expectStopped(c, 'HOLD_CONFIRMATION');
    }));

  it('AGENCY_ACKNOWLEDGEMENT: 1 working day from notification, then the DEPT duty officer, then the DEPT manager', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('ack'));
      await c.do(carrier, { kind: 'confirmHold', holdRecordRef: 'BB-001' });
      const notified = await startOf(c, 'AGENCIES_NOTIFIED');
      const due = workingDaysAfter(notified, 1);
      await expectRunning(c, 'AGENCY_ACKNOWLEDGEMENT', notified, due);

      await expectFiresAt(s, c, {
        clock: 'AGENCY_ACKNOWLEDGEMENT',
        level: 1,
        at: due,
        target: 'DEPT_DUTY_OFFICER',
        recipient: 'agency:TH-DEPT',
      });
      await expectFiresAt(s, c, {
        clock: 'AGENCY_ACKNOWLEDGEMENT',
        level: 2,
        at: workingDaysAfter(due, 1),
        due,
        target: 'DEPT_MANAGER',
        recipient: 'agency:TH-DEPT/managers',
      });

      await c.do(qltt, { kind: 'acknowledge' });
      expect(deadlineOf(await c.view(), 'AGENCY_ACKNOWLEDGEMENT'), 'runs until every agency has acknowledged').toBeDefined();
      await c.do(dept, { kind: 'acknowledge' });
      await expectStopped(c, 'AGENCY_ACKNOWLEDGEMENT');
    }));

  it('VERIFICATION: 5 working days from the lead’s acknowledgement, then the lead agency’s managers (one level)', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('verify'));
      await advance(c, 'UNDER_VERIFICATION');
      const acked = await startOf(c, 'ACKNOWLEDGED', 'TH-QLTT');
      const due = workingDaysAfter(acked, 5);
      await expectRunning(c, 'VERIFICATION', acked, due);

      await expectFiresAt(s, c, { clock: 'VERIFICATION', level: 1, at: due, target: 'LEAD_AGENCY_MANAGER', recipient: QLTT_MANAGERS });
      // the chain has one level: one more limit later, nothing more
      await skipTo(env, workingDaysAfter(due, 5) + SECOND);
      await expectNotYet(c, 'VERIFICATION', 1);

      const late = await c.do(qltt, { kind: 'confirmViolation', against: 'SENDER', summary: 'Hàng giả' });
      expect(late.status).toBe('VIOLATION_CONFIRMED');
      await expectStopped(c, 'VERIFICATION');
    }));

  it('VIOLATION_RECORD: 2 working days from confirmation, then the lead agency’s managers', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('record'));
      await advance(c, 'VIOLATION_CONFIRMED');
      const confirmed = await startOf(c, 'VIOLATION_CONFIRMED');
      const due = workingDaysAfter(confirmed, 2);
      await expectRunning(c, 'VIOLATION_RECORD', confirmed, due);

      await expectFiresAt(s, c, { clock: 'VIOLATION_RECORD', level: 1, at: due, target: 'LEAD_AGENCY_MANAGER', recipient: QLTT_MANAGERS });

      expect((await c.do(qltt, { kind: 'recordViolation', recordNumber: 'BB-LATE', seized: false })).status).toBe('VIOLATION_RECORDED');
      await expectStopped(c, 'VIOLATION_RECORD');
    }));

  it('SANCTION_DECISION: 7 working days from the record, then the approver’s superior', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('decide'));
      await advance(c, 'VIOLATION_RECORDED');
      const recorded = await startOf(c, 'VIOLATION_RECORDED');
      const due = workingDaysAfter(recorded, 7);
      await expectRunning(c, 'SANCTION_DECISION', recorded, due);

      await expectFiresAt(s, c, { clock: 'SANCTION_DECISION', level: 1, at: due, target: 'APPROVER_SUPERIOR', recipient: QLTT_MANAGERS });

      await c.do(qltt, proposal(15_000_000));
      expect(deadlineOf(await c.view(), 'SANCTION_DECISION'), 'runs on while the proposal waits').toBeDefined();
      expect((await c.do(qlttChief, { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-LATE' })).status).toBe('DECIDED');
      await expectStopped(c, 'SANCTION_DECISION');
    }));

  it('SERVE_DECISION: 2 working days from the decision, then the lead agency', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('serve'));
      await advance(c, 'DECIDED');
      const decided = await startOf(c, 'SANCTION_DECIDED');
      const due = workingDaysAfter(decided, 2);
      await expectRunning(c, 'SERVE_DECISION', decided, due);

      await expectFiresAt(s, c, { clock: 'SERVE_DECISION', level: 1, at: due, target: 'LEAD_AGENCY', recipient: 'agency:TH-QLTT' });

      const served = await c.do(qltt, { kind: 'serveDecision', method: 'POST' });
      expect(served.status).toBe('DECISION_SERVED');
      await expectStopped(c, 'SERVE_DECISION');
      expect(deadlineOf(served, 'PAYMENT')).toBeDefined();
    }));

  it('PAYMENT: 10 calendar days from service (LHAV Art. 73(1)), then recorded as missed and the enforcement step starts; paid the next day, no interest yet (Art. 78)', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('payment'));
      const fine = (await advance(c, 'DECISION_SERVED', { amountVnd: 16_000_000 })).fine!;
      const served = await startOf(c, 'DECISION_SERVED');
      const due = calendarDaysAfter(served, 10);
      await expectRunning(c, 'PAYMENT', served, due);
      expect(fine.dueAt).toBe(iso(due));

      await skipTo(env, due - SECOND);
      expect((await c.view()).status).toBe('DECISION_SERVED');
      expect((await eventsOf(db, c.id)).map((e) => e.type)).not.toContain('ENFORCEMENT_STARTED');
      await skipTo(env, due + SECOND);
      const started = await awaitEvent(db, c.id, 'ENFORCEMENT_STARTED');
      expect(started.at.getTime()).toBeGreaterThanOrEqual(due);
      expect(started.at.getTime()).toBeLessThan(due + SECOND);
      expect({ id: started.actorId, reason: started.reason }).toEqual({ id: 'system', reason: 'PAYMENT missed' });
      // the missed clock is recorded first (so reports count it) and the lead agency is told
      const [missed] = await escalationsOf(db, c.id, 'PAYMENT');
      expect(missed!.seq).toBe(started.seq - 1);
      expect(missed!.payload).toMatchObject({ clock: 'PAYMENT', level: 1, target: 'ENFORCEMENT', recipients: ['agency:TH-QLTT'] });
      expect(await db.notification.count({ where: { caseId: c.id, seq: missed!.seq, recipient: 'agency:TH-QLTT' } })).toBe(1);
      expect((await eventsOf(db, c.id)).filter((e) => e.type === 'ENFORCEMENT_STARTED')).toHaveLength(1);
      await expectStopped(c, 'PAYMENT');

      // A late payment still settles it; on the day after the due day no interest has accrued yet (LHAV Art. 78).
      const closed = await c.do(qltt, { kind: 'recordPayment', amountVnd: 16_000_000 });
      expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'PAID' });
      expect(closed.fine).toMatchObject({ interestVnd: 0, outstandingVnd: 0 });
      expect(await resultOf(env, c)).toBe('PAID');
    }));

  it('TEMPORARY_SEIZURE: 7 working days from the seizure, then the lead agency’s managers', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('seizure'));
      await advance(c, 'VIOLATION_RECORDED', { seized: true });
      const seized = await startOf(c, 'VIOLATION_RECORDED');
      const due = workingDaysAfter(seized, 7);
      await expectRunning(c, 'TEMPORARY_SEIZURE', seized, due);

      await expectFiresAt(s, c, { clock: 'TEMPORARY_SEIZURE', level: 1, at: due, target: 'LEAD_AGENCY_MANAGER', recipient: QLTT_MANAGERS });
      // the sanction decision clock started with the record too, and escalated separately
      await expectEscalated(c, { clock: 'SANCTION_DECISION', level: 1, at: due, target: 'APPROVER_SUPERIOR', recipient: QLTT_MANAGERS });

      await c.do(qltt, proposal(15_000_000));
      await c.do(qlttChief, { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-SEIZED' });
      await expectStopped(c, 'TEMPORARY_SEIZURE');
      expect(deadlineOf(await c.view(), 'SANCTION_DECISION')).toBeUndefined();
    }));
});

describe('extensions', () => {
  it('extending VERIFICATION before it is due moves the running timer; a second extension, or one a clock lacks, is refused', () =>
    withCaseWorker(env, db, async (s) => {
      // Refusals first, on a case whose TH-DEPT has not acknowledged yet.
      const other = await s.open(uniqueRef('ext-refused'));
      await other.do(carrier, { kind: 'confirmHold', holdRecordRef: 'BB-001' });
      await other.do(qltt, { kind: 'acknowledge' });
      const noneForAck = await refusedWithoutTrace(db, other, qltt, {
        kind: 'extendDeadline',
        clock: 'AGENCY_ACKNOWLEDGEMENT',
        extension: 'WITH_REASON',
        reason: 'Chờ Sở',
      });
      expect(noneForAck.code).toBe('EXTENSION_NOT_ALLOWED');
      const notRunning = await refusedWithoutTrace(db, other, qltt, {
        kind: 'extendDeadline',
        clock: 'PAYMENT',
        extension: 'WITH_REASON',
        reason: 'x',
      });
      expect(notRunning.code).toBe('CLOCK_NOT_RUNNING');
      const noReason = await refusedWithoutTrace(db, other, qltt, {
        kind: 'extendDeadline',
        clock: 'VERIFICATION',
        extension: 'WITH_REASON',
        reason: '  ',
      });
      expect(noReason.code).toBe('REASON_REQUIRED');

      const c = await s.open(uniqueRef('ext'));
      await advance(c, 'UNDER_VERIFICATION');
      const acked = await startOf(c, 'ACKNOWLEDGED', 'TH-QLTT');
      const oldDue = workingDaysAfter(acked, 5);
      const newDue = workingDaysAfter(acked, 10); // WITH_REASON: 10 working days from the same start
      await expectRunning(c, 'VERIFICATION', acked, oldDue);
      expect(deadlineOf(await c.view(), 'VERIFICATION')!.availableExtensions).toEqual(['WITH_REASON']);

      await skipTo(env, oldDue - HOUR);
      const reason = 'Chờ kết quả giám định của chủ sở hữu nhãn hiệu';
      const extended = await c.do(qltt, { kind: 'extendDeadline', clock: 'VERIFICATION', extension: 'WITH_REASON', reason });
      expect(extended.status).toBe('UNDER_VERIFICATION');
      expect(deadlineOf(extended, 'VERIFICATION')).toMatchObject({
        startedAt: iso(acked),
        dueAt: iso(newDue),
        extensions: ['WITH_REASON'],
        availableExtensions: [],
      });
      const event = (await eventsOf(db, c.id)).at(-1)!;
      expect({ type: event.type, actor: event.actorId, reason: event.reason }).toEqual({
        type: 'DEADLINE_EXTENDED',
        actor: qltt.id,
        reason,
      });
      expect((await caseRow(db, c.id)).nextDeadlineAt?.toISOString()).toBe(iso(newDue));

      const twice = await refusedWithoutTrace(db, c, qltt, {
        kind: 'extendDeadline',
        clock: 'VERIFICATION',
        extension: 'WITH_REASON',
        reason: 'Một lần nữa',
      });
      expect(twice.code).toBe('EXTENSION_NOT_ALLOWED');

      // the old instant passes quietly; the new one escalates
      await skipTo(env, oldDue + SECOND);
      await expectNotYet(c, 'VERIFICATION', 0);
      expect((await c.view()).flags.overdue).toBe(false);
      await expectFiresAt(s, c, { clock: 'VERIFICATION', level: 1, at: newDue, target: 'LEAD_AGENCY_MANAGER', recipient: QLTT_MANAGERS });
    }));

  it('an extension granted after a clock escalated re-arms it at the new instant', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('ext-late'));
      await advance(c, 'VIOLATION_CONFIRMED');
      const confirmed = await startOf(c, 'VIOLATION_CONFIRMED');
      const due = workingDaysAfter(confirmed, 2);
      const complexDue = workingDaysAfter(confirmed, 5); // COMPLEX: 5 working days (LHAV Art. 58)

      await expectFiresAt(s, c, { clock: 'VIOLATION_RECORD', level: 1, at: due, target: 'LEAD_AGENCY_MANAGER', recipient: QLTT_MANAGERS });
      const extended = await c.do(qltt, {
        kind: 'extendDeadline',
        clock: 'VIOLATION_RECORD',
        extension: 'COMPLEX',
        reason: 'Nhiều người gửi, phạm vi rộng',
      });
      expect(deadlineOf(extended, 'VIOLATION_RECORD')).toMatchObject({ dueAt: iso(complexDue), escalationLevel: 0, overdue: false });
      expect(extended.flags.overdue).toBe(false);
      expect((await caseRow(db, c.id)).overdue).toBe(false);

      await skipTo(env, complexDue - SECOND);
      expect(await escalationsOf(db, c.id, 'VIOLATION_RECORD')).toHaveLength(1);
      await skipTo(env, complexDue + SECOND);
      await expectEscalated(c, {
        clock: 'VIOLATION_RECORD',
        level: 1,
        count: 2,
        at: complexDue,
        target: 'LEAD_AGENCY_MANAGER',
        recipient: QLTT_MANAGERS,
      });
    }));
});
