// Every path of docs/domain-model.md "The case, step by step", run by the real workflow on the
// time-skipping test server against real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { carrier, deptOfficer as dept, qlttChief, qlttTeamLead as qltt } from '../support/actors.js';
import { CaseDriver, eventsOf, uniqueRef, timeSkippingWorld } from '../support/case-harness.js';
import type { Db } from '../../prisma/client.js';
import { SYSTEM_ACTOR } from '../../domain/access.js';
import { allowedActions } from '../../workflows/definitions.js';
import {
  advance,
  awaitEvent,
  calendarDaysAfter,
  caseRow,
  DAY,
  deadlineOf,
  expectHistory,
  HOUR,
  iso,
  noticesOf,
  resultOf,
  skipTo,
  withCaseWorker,
  yearsAfter,
  type ExpectedEvent,
} from '../support/case-steps.js';

let env: TestWorkflowEnvironment;
let db: Db;
let worker: Worker;
let taskQueue: string;

beforeAll(async () => ({ env, db, worker, taskQueue } = await timeSkippingWorld()));
afterAll(() => env?.teardown());

async function toVerification(ref: string) {
  const c = await CaseDriver.open(env, taskQueue, ref);
  await c.do(carrier, { kind: 'confirmHold', holdRecordRef: 'BB-1' });
  await c.do(dept, { kind: 'acknowledge' });
  await c.do(qltt, { kind: 'acknowledge' });
  await c.do(qltt, { kind: 'startVerification' });
  return c;
}

describe('case paths', () => {
  it('cleared and released', () =>
    worker.runUntil(async () => {
      const c = await toVerification(uniqueRef('clear'));
      expect((await c.do(qltt, { kind: 'clear', reason: 'Hàng chính hãng, có hóa đơn' })).status).toBe('CLEARED');
      const closed = await c.do(carrier, { kind: 'release' });
      expect(closed.status).toBe('CLOSED');
      expect(closed.outcome).toBe('CLEARED');
      expect(await resultOf(env, c)).toBe('CLEARED'); // not c.handle.result(): it unlocks time skipping (see resultOf)
      const events = await eventsOf(db, c.id);
      expect(events.map((e) => e.type)).toEqual([
        'DETECTED',
        'AGENCIES_NOTIFIED',
        'HOLD_CONFIRMED',
        'ACKNOWLEDGED',
        'ACKNOWLEDGED',
        'VERIFICATION_STARTED',
        'CLEARED',
        'RELEASED',
      ]);
      expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('CLOSED');
    }));
});

// ---------------------------------------------------------------------------------------------
// The other paths. Each test runs its own worker (a Worker runs once) on the file's shared
// time-skipping server; cases are opened at whatever the server time is, and every expected
// instant is computed from the stored events.

const system = SYSTEM_ACTOR;
const DECISION_NUMBER = 'QĐ-001/QĐ-XPHC';

const TO_VERIFICATION: ExpectedEvent[] = [
  { type: 'DETECTED', actor: carrier },
  { type: 'AGENCIES_NOTIFIED', actor: system, status: ['DETECTED', 'NOTIFIED'] },
  { type: 'HOLD_CONFIRMED', actor: carrier },
  { type: 'ACKNOWLEDGED', actor: dept },
  { type: 'ACKNOWLEDGED', actor: qltt, status: ['NOTIFIED', 'ACKNOWLEDGED'] },
  { type: 'VERIFICATION_STARTED', actor: qltt, status: ['ACKNOWLEDGED', 'UNDER_VERIFICATION'] },
];
const TO_PROPOSAL: ExpectedEvent[] = [
  ...TO_VERIFICATION,
  { type: 'VIOLATION_CONFIRMED', actor: qltt, status: ['UNDER_VERIFICATION', 'VIOLATION_CONFIRMED'] },
  { type: 'VIOLATION_RECORDED', actor: qltt, status: ['VIOLATION_CONFIRMED', 'VIOLATION_RECORDED'] },
  { type: 'SANCTION_PROPOSED', actor: qltt, status: ['VIOLATION_RECORDED', 'SANCTION_PROPOSED'] },
];
const TO_SERVED: ExpectedEvent[] = [
  ...TO_PROPOSAL,
  { type: 'SANCTION_DECIDED', actor: qlttChief, status: ['SANCTION_PROPOSED', 'DECIDED'] },
  { type: 'DECISION_SERVED', actor: qltt, status: ['DECIDED', 'DECISION_SERVED'] },
];

/** The VN local date of an instant. */
const vnDate = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);
/** Late days (LHAV Art. 78 and the Finance Ministry's circular): the day after the due day to the day before payment. */
const daysLate = (dueMs: number, paidMs: number) =>
  Math.max(0, Math.round((Date.parse(vnDate(paidMs)) - Date.parse(vnDate(dueMs))) / DAY) - 1);
/** LHAV Art. 78: 0.05 % (5 / 10 000) of the unpaid amount per day late, whole VND rounded down. */
const interest = (unpaidVnd: number, days: number) => Math.floor((unpaidVnd * days * 5) / 10_000);

describe('case paths: referral, sanction, payment, enforcement, expiry', () => {
  it('referred to investigators: REFERRED with outcome REFERRED; the lead and the carrier are told', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('refer'));
      await advance(c, 'UNDER_VERIFICATION');
      const reason = 'Dấu hiệu tội sản xuất, buôn bán hàng giả (Điều 192 BLHS)';
      const referred = await c.do(qltt, { kind: 'refer', reason, investigatingBody: 'Cơ quan CSĐT Công an tỉnh Thanh Hóa' });
      expect(referred).toMatchObject({ status: 'REFERRED', outcome: 'REFERRED' });
      expect(referred.closedAt).not.toBeNull();
      expect(referred.deadlines).toEqual([]); // nothing runs while the investigators have it

      // The carrier sees its case referred, and may still add notes to it.
      expect((await c.view()).status).toBe('REFERRED');
      expect(await c.handle.query(allowedActions, carrier)).toEqual(['addNote']);

      const events = await eventsOf(db, c.id);
      expectHistory(events, [...TO_VERIFICATION, { type: 'REFERRED', actor: qltt, status: ['UNDER_VERIFICATION', 'REFERRED'] }]);
      const last = events.at(-1)!;
      expect(last.reason).toBe(reason);
      expect(await noticesOf(db, c.id, last.seq)).toEqual([
        { recipient: 'agency:TH-QLTT', kind: 'REFERRED' },
        { recipient: 'carrier:VNP', kind: 'REFERRED' },
      ]);
      const row = await caseRow(db, c.id);
      expect(row).toMatchObject({ status: 'REFERRED', outcome: 'REFERRED', lastSeq: last.seq });
      expect(row.closedAt).not.toBeNull();
      // the case may come back if the investigation is dropped: the workflow keeps waiting
      expect((await c.handle.describe()).status.name).toBe('RUNNING');
    }));

  it('a referral the investigators drop comes back to the administrative track', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('returned'));
      await advance(c, 'UNDER_VERIFICATION');
      await c.do(qltt, { kind: 'refer', reason: 'Dấu hiệu tội phạm' });
      const back = await c.do(qltt, { kind: 'returnFromInvestigation', reason: 'Cơ quan điều tra không khởi tố vụ án' });
      expect(back).toMatchObject({ status: 'VIOLATION_CONFIRMED', outcome: null, closedAt: null });
      expect(back.violation).not.toBeNull();
      expect(back.deadlines.map((d) => d.clock).sort()).toEqual(['SANCTIONING_LIMITATION', 'VIOLATION_RECORD']);
      expect((await advance(c, 'VIOLATION_RECORDED', {}, 'VIOLATION_CONFIRMED')).status).toBe('VIOLATION_RECORDED');
      expectHistory(await eventsOf(db, c.id), [
        ...TO_VERIFICATION,
        { type: 'REFERRED', actor: qltt, status: ['UNDER_VERIFICATION', 'REFERRED'] },
        { type: 'RETURNED_FROM_INVESTIGATION', actor: qltt, status: ['REFERRED', 'VIOLATION_CONFIRMED'] },
        { type: 'VIOLATION_RECORDED', actor: qltt, status: ['VIOLATION_CONFIRMED', 'VIOLATION_RECORDED'] },
      ]);
    }));

  it('violation, proposal by one officer, decision by another, paid in full on time: PAID, then CLOSED', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('paid'));
      const served = await advance(c, 'DECISION_SERVED', { amountVnd: 15_000_000 });
      expect(served.proposal).toMatchObject({ by: qltt.id, agencyId: 'TH-QLTT', amountVnd: 15_000_000, violator: 'ORGANISATION' });
      expect(served.decision).toMatchObject({ by: qlttChief.id, outcome: 'approve', decisionNumber: DECISION_NUMBER });
      // 10 calendar days from service, to the end of the day (run on past a day off)
      expect(served.fine!.dueAt).toBe(iso(calendarDaysAfter(Date.parse(served.fine!.servedAt!), 10)));

      const closed = await c.do(qltt, { kind: 'recordPayment', amountVnd: 15_000_000, receiptRef: 'KBNN-0001' });
      expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'PAID' });
      expect(closed.fine).toMatchObject({ amountVnd: 15_000_000, paidVnd: 15_000_000, interestVnd: 0, outstandingVnd: 0 });
      expect(await resultOf(env, c)).toBe('PAID');

      const row = await caseRow(db, c.id);
      expect(row).toMatchObject({
        status: 'CLOSED',
        outcome: 'PAID',
        fineVnd: 15_000_000n,
        paidVnd: 15_000_000n,
        interestVnd: 0n,
        overdue: false,
      });
      expect(row.closedAt).not.toBeNull();
      const events = await eventsOf(db, c.id);
      expectHistory(events, [
        ...TO_SERVED,
        { type: 'PAYMENT_RECORDED', actor: qltt, status: ['DECISION_SERVED', 'PAID'] },
        { type: 'CLOSED', actor: system, status: ['PAID', 'CLOSED'] },
      ]);
      // the violator is served through the carrier; the decision is announced to lead and carrier
      const seqOf = (type: string) => events.find((e) => e.type === type)!.seq;
      expect(await noticesOf(db, c.id, seqOf('DECISION_SERVED'))).toEqual([{ recipient: 'carrier:VNP', kind: 'DECISION_SERVED' }]);
      expect(await noticesOf(db, c.id, seqOf('SANCTION_PROPOSED'))).toEqual([
        { recipient: 'agency:TH-QLTT/managers', kind: 'SANCTION_PROPOSED' },
      ]);
    }));

  it('paid late (LHAV Art. 78: late days end the day before payment): 0.05 %/day on the unpaid fine, rounded down; the fine alone leaves the interest outstanding', () =>
    withCaseWorker(env, db, async (s) => {
      const fineVnd = 15_333_333; // 2 days late: 15 333 333 × 2 × 0.0005 = 15 333.3333 → 15 333
      const full = await s.open(uniqueRef('late-full'));
      const part = await s.open(uniqueRef('late-part'));
      const dueFull = Date.parse((await advance(full, 'DECISION_SERVED', { amountVnd: fineVnd })).fine!.dueAt!);
      const duePart = Date.parse((await advance(part, 'DECISION_SERVED', { amountVnd: fineVnd })).fine!.dueAt!);

      // noon (VN) on the third day after the due day
      await skipTo(env, Math.max(dueFull, duePart) + 3 * DAY - 12 * HOUR);
      // the payment period is over: the workflow has started enforcement on its own
      await awaitEvent(db, full.id, 'ENFORCEMENT_STARTED');
      await awaitEvent(db, part.id, 'ENFORCEMENT_STARTED');

      // Fine and interest paid at once: PAID, then CLOSED.
      const paidAt = await env.currentTimeMs();
      expect(daysLate(dueFull, paidAt)).toBe(2); // paid on the third day after the due day
      const expected = interest(fineVnd, 2);
      expect(expected).toBe(15_333);
      const closed = await full.do(qltt, { kind: 'recordPayment', amountVnd: fineVnd + expected, receiptRef: 'KBNN-0002' });
      expect(daysLate(dueFull, Date.parse(closed.payments[0]!.at))).toBe(2);
      expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'PAID' });
      expect(closed.fine).toMatchObject({ paidVnd: fineVnd + expected, interestVnd: expected, outstandingVnd: 0 });
      expect(await resultOf(env, full)).toBe('PAID');
      expect(await caseRow(db, full.id)).toMatchObject({
        outcome: 'PAID',
        fineVnd: BigInt(fineVnd),
        paidVnd: BigInt(fineVnd + expected),
        interestVnd: BigInt(expected),
      });
      expectHistory((await eventsOf(db, full.id)).slice(TO_SERVED.length), [
        { type: 'DEADLINE_ESCALATED', actor: system },
        { type: 'ENFORCEMENT_STARTED', actor: system, status: ['DECISION_SERVED', 'ENFORCEMENT'] },
        { type: 'PAYMENT_RECORDED', actor: qltt, status: ['ENFORCEMENT', 'PAID'] },
        { type: 'CLOSED', actor: system, status: ['PAID', 'CLOSED'] },
      ]);

      // The fine alone: the interest stays outstanding and the case stays open.
      const partDays = daysLate(duePart, await env.currentTimeMs());
      const partInterest = interest(fineVnd, partDays);
      const afterFine = await part.do(qltt, { kind: 'recordPayment', amountVnd: fineVnd, receiptRef: 'KBNN-0003' });
      expect(afterFine).toMatchObject({ status: 'ENFORCEMENT', outcome: null, closedAt: null });
      expect(afterFine.fine).toMatchObject({ paidVnd: fineVnd, interestVnd: partInterest, outstandingVnd: partInterest });
      expect(await caseRow(db, part.id)).toMatchObject({
        status: 'ENFORCEMENT',
        outcome: null,
        paidVnd: BigInt(fineVnd),
        interestVnd: BigInt(partInterest),
      });

      // Interest runs on the unpaid fine only: a day later the same interest settles it.
      await skipTo(env, (await env.currentTimeMs()) + DAY);
      const settled = await part.do(qltt, { kind: 'recordPayment', amountVnd: partInterest, receiptRef: 'KBNN-0004' });
      expect(settled).toMatchObject({ status: 'CLOSED', outcome: 'PAID' });
      expect(settled.fine).toMatchObject({ paidVnd: fineVnd + partInterest, interestVnd: partInterest, outstandingVnd: 0 });
      expect(await resultOf(env, part)).toBe('PAID');
      expect(await caseRow(db, part.id)).toMatchObject({ interestVnd: BigInt(partInterest), paidVnd: BigInt(fineVnd + partInterest) });
    }));

  it('unpaid: the workflow starts enforcement when the payment period ends; enforcement closes it as ENFORCED', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('enforce'));
      const served = await advance(c, 'DECISION_SERVED', { amountVnd: 12_000_000 });
      const due = Date.parse(served.fine!.dueAt!);

      await skipTo(env, due + HOUR);
      const started = await awaitEvent(db, c.id, 'ENFORCEMENT_STARTED');
      expect({ actor: started.actorId, role: started.actorRole, reason: started.reason }).toEqual({
        actor: 'system',
        role: 'system',
        reason: 'PAYMENT missed',
      });
      const enforcing = await c.view();
      expect(enforcing.status).toBe('ENFORCEMENT');
      expect(enforcing.deadlines.map((d) => d.clock)).toEqual(['ENFORCEMENT_LIMITATION']); // the payment clock has done its job

      const collected = 12_000_000 + interest(12_000_000, daysLate(due, await env.currentTimeMs()));
      const closed = await c.do(qltt, { kind: 'recordEnforcement', measure: 'Khấu trừ tiền từ tài khoản', collectedVnd: collected });
      expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'ENFORCED' });
      expect(closed.payments.at(-1)).toMatchObject({
        amountVnd: collected,
        by: qltt.id,
        receiptRef: 'enforcement: Khấu trừ tiền từ tài khoản',
      });
      expect(await resultOf(env, c)).toBe('ENFORCED');
      expect(await caseRow(db, c.id)).toMatchObject({
        status: 'CLOSED',
        outcome: 'ENFORCED',
        fineVnd: 12_000_000n,
        paidVnd: BigInt(collected),
      });
      expectHistory(await eventsOf(db, c.id), [
        ...TO_SERVED,
        { type: 'DEADLINE_ESCALATED', actor: system },
        { type: 'ENFORCEMENT_STARTED', actor: system, status: ['DECISION_SERVED', 'ENFORCEMENT'] },
        { type: 'ENFORCEMENT_RECORDED', actor: qltt, status: ['ENFORCEMENT', 'CLOSED'] },
      ]);
    }));

  it('no sanction: the decider waives it with reasons, the carrier releases the item', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('no-sanction'));
      await advance(c, 'SANCTION_PROPOSED');
      const reason = 'Vi phạm do sự kiện bất khả kháng (Điều 11 Luật XLVPHC)';
      const waived = await c.do(qlttChief, { kind: 'decideSanction', outcome: 'noSanction', reason });
      expect(waived).toMatchObject({ status: 'NO_SANCTION', fine: null, outcome: null });
      expect(waived.decision).toMatchObject({ by: qlttChief.id, outcome: 'noSanction', reason });
      expect(waived.deadlines.map((d) => d.clock)).toEqual([]);

      const released = await c.do(carrier, { kind: 'release' });
      expect(released).toMatchObject({ status: 'CLOSED', outcome: 'NO_SANCTION' });
      expect(await resultOf(env, c)).toBe('NO_SANCTION');
      expect(await caseRow(db, c.id)).toMatchObject({ status: 'CLOSED', outcome: 'NO_SANCTION', fineVnd: null });

      const events = await eventsOf(db, c.id);
      expectHistory(events, [
        ...TO_PROPOSAL,
        { type: 'NO_SANCTION_DECIDED', actor: qlttChief, status: ['SANCTION_PROPOSED', 'NO_SANCTION'] },
        { type: 'RELEASED', actor: carrier, status: ['NO_SANCTION', 'CLOSED'] },
      ]);
      const decided = events.find((e) => e.type === 'NO_SANCTION_DECIDED')!;
      expect(decided.reason).toBe(reason);
      expect(await noticesOf(db, c.id, decided.seq)).toEqual([
        { recipient: 'agency:TH-QLTT', kind: 'NO_SANCTION_DECIDED' },
        { recipient: 'carrier:VNP', kind: 'NO_SANCTION_DECIDED' },
      ]);
    }));

  it('sent back, proposed again, then decided (the decision clock keeps counting from the record)', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('send-back'));
      const proposed = await advance(c, 'SANCTION_PROPOSED', { amountVnd: 19_000_000 });
      const decisionClock = deadlineOf(proposed, 'SANCTION_DECISION')!;

      const reason = 'Chưa xem xét tình tiết giảm nhẹ: người vi phạm tự nguyện khai báo';
      const back = await c.do(qlttChief, { kind: 'decideSanction', outcome: 'sendBack', reason });
      expect(back.status).toBe('VIOLATION_RECORDED');
      expect(back.decision).toMatchObject({ by: qlttChief.id, outcome: 'sendBack', reason });
      expect(back.fine).toBeNull();
      expect(deadlineOf(back, 'SANCTION_DECISION')).toMatchObject({ startedAt: decisionClock.startedAt, dueAt: decisionClock.dueAt });

      const again = await c.do(qltt, {
        kind: 'proposeSanction',
        offenceCode: 'POST_PROHIBITED_ITEM',
        amountVnd: 12_500_000,
        violator: 'ORGANISATION',
        extraPenalties: ['CONFISCATION'],
        legalArticle: 'Nghị định 15/2020/NĐ-CP, Điều 9 khoản 1 điểm a',
      });
      expect(again).toMatchObject({ status: 'SANCTION_PROPOSED', decision: null });
      expect(again.proposal).toMatchObject({ by: qltt.id, amountVnd: 12_500_000 });

      const decided = await c.do(qlttChief, { kind: 'decideSanction', outcome: 'approve', decisionNumber: DECISION_NUMBER });
      expect(decided.status).toBe('DECIDED');
      expect(decided.fine).toMatchObject({ amountVnd: 12_500_000, outstandingVnd: 12_500_000, dueAt: null });
      expect(decided.deadlines.map((d) => d.clock).sort()).toEqual(['ENFORCEMENT_LIMITATION', 'SERVE_DECISION']);
      expect(await caseRow(db, c.id)).toMatchObject({ status: 'DECIDED', fineVnd: 12_500_000n, paidVnd: 0n });

      const events = await eventsOf(db, c.id);
      expectHistory(events, [
        ...TO_PROPOSAL,
        { type: 'SANCTION_SENT_BACK', actor: qlttChief, status: ['SANCTION_PROPOSED', 'VIOLATION_RECORDED'] },
        { type: 'SANCTION_PROPOSED', actor: qltt, status: ['VIOLATION_RECORDED', 'SANCTION_PROPOSED'] },
        { type: 'SANCTION_DECIDED', actor: qlttChief, status: ['SANCTION_PROPOSED', 'DECIDED'] },
      ]);
      expect(events.find((e) => e.type === 'SANCTION_SENT_BACK')!.reason).toBe(reason);
      const reproposed = events.at(-2)!.payload as { changes: { proposal: { old: { amountVnd: number }; new: { amountVnd: number } } } };
      expect([reproposed.changes.proposal.old.amountVnd, reproposed.changes.proposal.new.amountVnd]).toEqual([19_000_000, 12_500_000]);
    }));

  it('the sanctioning limitation counts from a violation date the officer states (LHAV Art. 6: 2 years while a trade offence may apply)', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('dated'));
      const verifying = await advance(c, 'UNDER_VERIFICATION');
      const detectedAt = Date.parse(verifying.detectedAt);
      expect(deadlineOf(verifying, 'SANCTIONING_LIMITATION')!.dueAt).toBe(iso(yearsAfter(detectedAt, 2)));

      const violationDate = vnDate(detectedAt - 40 * DAY); // the item was posted weeks before it was found
      const confirmed = await c.do(qltt, { kind: 'confirmViolation', against: 'SENDER', summary: 'Gửi hàng giả', violationDate });
      expect(confirmed.violation!.violationDate).toBe(violationDate);
      const startOfViolationDay = Date.parse(`${violationDate}T00:00:00+07:00`);
      expect(deadlineOf(confirmed, 'SANCTIONING_LIMITATION')!.dueAt).toBe(iso(yearsAfter(startOfViolationDay, 2)));
    }));

  // Last in the file: it moves the server two years on.
  it('limitation expiry (LHAV Art. 6, 74): cases left in verification or violation-recorded past 2 years (a trade offence may apply), or in enforcement past 1 year, close as EXPIRED', () =>
    withCaseWorker(env, db, async (s) => {
      const verifying = await s.open(uniqueRef('expire-verify'));
      await advance(verifying, 'UNDER_VERIFICATION');
      const recorded = await s.open(uniqueRef('expire-record'));
      await advance(recorded, 'VIOLATION_RECORDED');
      const unpaid = await s.open(uniqueRef('expire-enforce')); // goes to enforcement after 10 days, never collected
      await advance(unpaid, 'DECISION_SERVED');
      const referred = await s.open(uniqueRef('expire-referred'));
      await advance(referred, 'UNDER_VERIFICATION');
      await referred.do(qltt, { kind: 'refer', reason: 'Dấu hiệu tội phạm' });

      // Sanctioning limitation: 2 years from the violation (here the detection date), to the end of
      // that day, since market management leads and a trade offence may apply. Enforcement
      // limitation: 1 year from the decision.
      const decidedAt = (await eventsOf(db, unpaid.id)).find((e) => e.type === 'SANCTION_DECIDED')!.at.getTime();
      const cases = [
        {
          c: verifying,
          from: 'UNDER_VERIFICATION',
          clock: 'SANCTIONING_LIMITATION',
          at: yearsAfter(Date.parse((await verifying.view()).detectedAt), 2),
        },
        {
          c: recorded,
          from: 'VIOLATION_RECORDED',
          clock: 'SANCTIONING_LIMITATION',
          at: yearsAfter(Date.parse((await recorded.view()).detectedAt), 2),
        },
        { c: unpaid, from: 'ENFORCEMENT', clock: 'ENFORCEMENT_LIMITATION', at: yearsAfter(decidedAt, 1) },
      ] as const;
      for (const { c, clock, at } of cases) expect(deadlineOf(await c.view(), clock)!.dueAt).toBe(iso(at));
      const first = Math.min(...cases.map((x) => x.at));
      const last = Math.max(...cases.map((x) => x.at));

      await skipTo(env, first - 1000);
      for (const { c, from } of cases) {
        expect((await eventsOf(db, c.id)).some((e) => e.type === 'EXPIRED')).toBe(false);
        expect((await c.view()).status).toBe(from);
      }

      await skipTo(env, last + 1000);
      for (const { c, from, clock, at } of cases) {
        const expired = await awaitEvent(db, c.id, 'EXPIRED');
        expect(expired.at.getTime()).toBeGreaterThanOrEqual(at);
        expect(expired.at.getTime()).toBeLessThan(at + 1000);
        expect({ actor: expired.actorId, role: expired.actorRole }).toEqual({ actor: 'system', role: 'system' });
        const payload = expired.payload as { action: unknown; changes: { status: unknown; outcome: unknown } };
        expect(payload.action).toEqual({ kind: 'expire', clock });
        expect(payload.changes.status).toEqual({ old: from, new: 'EXPIRED' });
        expect(payload.changes.outcome).toEqual({ old: null, new: 'EXPIRED' });
        expect(await noticesOf(db, c.id, expired.seq)).toEqual([
          { recipient: 'agency:TH-QLTT', kind: 'EXPIRED' },
          { recipient: 'carrier:VNP', kind: 'EXPIRED' },
        ]);
        expect(await resultOf(env, c)).toBe('EXPIRED');
        const view = await c.view();
        expect(view).toMatchObject({ status: 'EXPIRED', outcome: 'EXPIRED' });
        expect(view.deadlines).toEqual([]);
        const row = await caseRow(db, c.id);
        expect(row).toMatchObject({ status: 'EXPIRED', outcome: 'EXPIRED' });
        expect(row.closedAt).not.toBeNull();
      }

      // A referral nobody brought back lapses with the limitation: the workflow ends as REFERRED.
      expect(await resultOf(env, referred)).toBe('REFERRED');
      expect((await eventsOf(db, referred.id)).map((e) => e.type).at(-1)).toBe('REFERRED');
    }));
});
