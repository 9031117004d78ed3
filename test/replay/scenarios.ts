// Complete cases whose histories are recorded as replay fixtures (scripts/record-histories.ts).
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { carrierActor, detection, officer } from '../support/cases.js';
import { CaseDriver } from '../support/case-driver.js';
import type { caseWorkflow } from '../../workflows/case.js';
import { correctCalendar, getIncident, retryIncident } from '../../workflows/definitions.js';
import { vnDate } from '../../domain/calendar.js';
import { HOLIDAYS, MAKE_UP_WORKDAYS } from '../../domain/reference/holidays.js';
import type { Db } from '../../prisma/client.js';

type Scenario = (env: TestWorkflowEnvironment, taskQueue: string, db: Db) => Promise<WorkflowHandle<typeof caseWorkflow>>;
const DAY = 86_400_000;
const carrier = carrierActor();
const dept = officer('TH-DEPT', 'dept-officer');
const qltt = officer('TH-QLTT', 'qltt-officer', 25_000_000);
const qlttChief = officer('TH-QLTT', 'qltt-chief', 50_000_000);

async function verifying(env: TestWorkflowEnvironment, taskQueue: string, ref: string): Promise<CaseDriver> {
  const c = await CaseDriver.open(env, taskQueue, detection(ref));
  await c.do(carrier, { kind: 'confirmHold', holdRecordRef: `BB-${ref}` });
  await c.do(dept, { kind: 'acknowledge' });
  await c.do(qltt, { kind: 'acknowledge' });
  await c.do(qltt, { kind: 'startVerification' });
  // v5: the officer handling it is named within the lead agency
  await c.do(qltt, { kind: 'assign', assignee: { id: qltt.id, name: 'Cán bộ QLTT', role: 'officer', agencyId: 'TH-QLTT' } });
  return c;
}

async function decided(env: TestWorkflowEnvironment, taskQueue: string, ref: string): Promise<CaseDriver> {
  const c = await verifying(env, taskQueue, ref);
  await c.do(qltt, { kind: 'confirmViolation', against: 'SENDER', summary: 'Gửi hàng giả nhãn hiệu' });
  await c.do(qltt, { kind: 'recordViolation', recordNumber: `BBVP-${ref}`, seized: true });
  await c.do(qltt, {
    kind: 'proposeSanction',
    offenceCode: 'POST_PROHIBITED_ITEM',
    amountVnd: 15_000_000,
    violator: 'ORGANISATION',
    extraPenalties: ['CONFISCATION'],
    legalArticle: 'Nghị định 15/2020/NĐ-CP, Điều 9 khoản 1 điểm a',
  });
  await c.do(qlttChief, { kind: 'decideSanction', outcome: 'approve', decisionNumber: `QD-${ref}` });
  await c.do(qltt, { kind: 'serveDecision', method: 'IN_PERSON' });
  return c;
}

export const SCENARIOS: Record<string, Scenario> = {
  'cleared-released': async (env, q) => {
    const c = await verifying(env, q, 'replay-cleared');
    await c.do(qltt, { kind: 'clear', reason: 'Hàng chính hãng' });
    await c.do(carrier, { kind: 'release' });
    await c.handle.result();
    return c.handle;
  },
  'paid-late': async (env, q) => {
    const c = await decided(env, q, 'replay-paid');
    await env.sleep(12 * DAY);
    const { fine } = await c.view(await env.currentTimeMs());
    await c.do(qltt, { kind: 'recordPayment', amountVnd: fine!.outstandingVnd, receiptRef: 'KB-1' });
    await c.handle.result();
    return c.handle;
  },
  enforced: async (env, q) => {
    const c = await decided(env, q, 'replay-enforced');
    await env.sleep(15 * DAY);
    await c.do(qltt, { kind: 'recordEnforcement', measure: 'Khấu trừ tài khoản', collectedVnd: 15_000_000 });
    await c.handle.result();
    return c.handle;
  },
  'escalated-referred': async (env, q) => {
    // from v7 a carrier without a licence (VTP, test/support/cases.ts): the case opens with a licence finding
    const vtp = carrierActor('VTP');
    const c = await CaseDriver.open(env, q, detection('replay-referred', { signsOfCrime: true, carrierId: 'VTP', reportedBy: vtp }));
    await env.sleep(3 * DAY); // hold and acknowledgement clocks escalate
    await c.do(vtp, { kind: 'confirmHold', holdRecordRef: 'BB-late' });
    await c.do(officer('TH-QLTT', 'qltt-officer'), { kind: 'acknowledge' });
    await c.do(qltt, { kind: 'startVerification' });
    // v5: an administrator adds a holiday on the next working day; the verification clock moves
    const nextDay = vnDate(new Date((await env.currentTimeMs()) + DAY));
    const calendar = { holidays: [...HOLIDAYS.map((h) => h.date), nextDay].sort(), makeUpWorkdays: MAKE_UP_WORKDAYS.map((h) => h.date) };
    await c.handle.executeUpdate(correctCalendar, { args: [{ calendar, actor: { id: 'admin-replay', role: 'admin' }, changeId: '1' }] });
    await c.do(qltt, { kind: 'refer', reason: 'Có dấu hiệu tội phạm buôn bán hàng giả' });
    await c.handle.result(); // waits out the referral window (time skips)
    return c.handle;
  },
  // v4 on: a note PostgreSQL refuses opens an incident; refused once more, then stored after the fix
  'incident-retried': async (env, q, db) => {
    const c = await verifying(env, q, 'replay-incident');
    await db.$executeRawUnsafe(`ALTER TABLE "CaseEvent" ADD CONSTRAINT replay_no_notes CHECK (type <> 'NOTE_ADDED') NOT VALID`);
    await c.refused(carrier, { kind: 'addNote', text: 'Ghi chú bị từ chối' });
    const incident = (await c.handle.query(getIncident))!;
    await c.handle.executeUpdate(retryIncident, { args: [{ incidentId: incident.id, by: 'admin-1' }] });
    await db.$executeRawUnsafe(`ALTER TABLE "CaseEvent" DROP CONSTRAINT replay_no_notes`);
    await c.handle.executeUpdate(retryIncident, { args: [{ incidentId: incident.id, by: 'admin-1' }] });
    await c.do(qltt, { kind: 'clear', reason: 'Hàng chính hãng' });
    await c.do(carrier, { kind: 'release' });
    await c.handle.result();
    return c.handle;
  },
  // v8 on: an agency's emergency stop (TH §7(b)): held by the carrier, then notified, cleared
  'emergency-stop': async (env, q) => {
    const police = officer('TH-POLICE', 'police-officer');
    const origin = {
      kind: 'EMERGENCY_STOP',
      agencyId: 'TH-POLICE',
      reason: 'Nghi pháo nổ',
      legalBasis: 'Chỉ thị UBND tỉnh Thanh Hóa, mục 7 điểm b',
    } as const;
    const c = await CaseDriver.open(env, q, detection('stop~replay', { categoryCode: 'BANNED_TRADE', reportedBy: police, origin }));
    await c.do(carrier, { kind: 'confirmHold', holdRecordRef: 'BB-stop' });
    await c.do(police, { kind: 'acknowledge' });
    await c.do(police, { kind: 'startVerification' });
    await c.do(police, { kind: 'clear', reason: 'Không có pháo' });
    await c.do(carrier, { kind: 'release' });
    await c.handle.result();
    return c.handle;
  },
  // v8 on: an inspection's finding (CT 28 §8) opens at VIOLATION_CONFIRMED against the carrier, paid
  'inspection-paid': async (env, q) => {
    const inspector = officer('TH-DEPT', 'dept-inspector');
    const director = officer('TH-DEPT', 'dept-director', 50_000_000);
    const origin = { kind: 'INSPECTION', agencyId: 'TH-DEPT', finding: 'NOT_INSPECTED', legalBasis: 'Chỉ thị 28/CT-BTTTT mục 8' } as const;
    const c = await CaseDriver.open(
      env,
      q,
      detection('inspection~replay', { trackingNumber: '', categoryCode: 'OTHER', reportedBy: inspector, origin }),
    );
    await c.do(inspector, { kind: 'recordViolation', recordNumber: 'BBVP-TT', seized: false });
    await c.do(inspector, {
      kind: 'proposeSanction',
      offenceCode: 'POST_FAILED_TO_SUSPEND_NOTIFY',
      amountVnd: 15_000_000,
      violator: 'ORGANISATION',
      extraPenalties: [],
      legalArticle: 'Luật Bưu chính Điều 14',
    });
    await c.do(director, { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QD-TT' });
    await c.do(inspector, { kind: 'serveDecision', method: 'IN_PERSON' });
    await c.do(inspector, { kind: 'recordPayment', amountVnd: 15_000_000, receiptRef: 'KB-TT' });
    await c.handle.result();
    return c.handle;
  },
  expired: async (env, q) => {
    const c = await verifying(env, q, 'replay-expired');
    await c.handle.result(); // nobody acts: the sanctioning limitation passes
    return c.handle;
  },
};
