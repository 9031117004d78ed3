import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devServerHarness } from '../support/temporal.js';
import { migratedDatabase } from '../support/db.js';
import { caseWorkflowId, type DetectionInput } from '../../workflows/definitions.js';
import type { Db } from '../../prisma/client.js';

// The wiring end to end: Temporal client → dev server → worker → activity → PostgreSQL.
describe('first vertical slice: a detection becomes a numbered case', () => {
  let db: Db;
  let h: Awaited<ReturnType<typeof devServerHarness>>;
  beforeAll(async () => {
    ({ db } = await migratedDatabase());
    await db.province.create({ data: { code: 'TH', name: 'Thanh Hóa' } });
    await db.carrier.create({ data: { id: 'VNP', name: 'Bưu điện Việt Nam' } });
    h = await devServerHarness({ db, now: () => new Date() });
  });
  afterAll(() => h?.close());

  const detection = (ref: string): DetectionInput => ({
    carrierId: 'VNP',
    carrierRef: ref,
    trackingNumber: 'EE123456789VN',
    servicePoint: 'BC Hoằng Hóa',
    provinceCode: 'TH',
    stage: 'ACCEPTANCE',
    categoryCode: 'COUNTERFEIT',
    description: '20 túi xách giả nhãn hiệu',
    crossBorder: false,
    kt1: false,
    signsOfCrime: false,
    evidence: [],
    reportedBy: { id: 'carrier-key', role: 'carrier' },
  });

  it('runs the workflow on a real server and writes the case and its first event', async () => {
    const workflowId = caseWorkflowId('VNP', 'REF-1');
    const view = await h.client.workflow.execute('caseWorkflow', { taskQueue: h.taskQueue, workflowId, args: [detection('REF-1')] });
    expect(view.number).toMatch(/^TH-\d{4}-000001$/);
    const row = await db.case.findUniqueOrThrow({ where: { id: workflowId }, include: { events: true } });
    expect(row.number).toBe(view.number);
    expect(row.events.map((e) => [e.seq, e.type])).toEqual([[1, 'DETECTED']]);
    expect(row.events[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('numbers cases per province and year', async () => {
    const view = await h.client.workflow.execute('caseWorkflow', {
      taskQueue: h.taskQueue,
      workflowId: caseWorkflowId('VNP', 'REF-2'),
      args: [detection('REF-2')],
    });
    expect(view.number).toMatch(/^TH-\d{4}-000002$/);
  });
});
