import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devServerHarness } from '../support/temporal.js';
import { migratedDatabase } from '../support/db.js';
import { detection, officer, seedForCases } from '../support/cases.js';
import {
  act,
  CaseCategoryKey,
  CaseLeadAgencyKey,
  CaseNextDeadlineKey,
  CaseOverdueKey,
  CaseProvinceKey,
  CaseStatusKey,
  caseWorkflowId,
  getCase,
  openCase,
} from '../../workflows/definitions.js';
import type { Db } from '../../prisma/client.js';

// The wiring end to end: Temporal client → dev server → worker → activities → PostgreSQL.
describe('a detection becomes a numbered, routed case', () => {
  let db: Db;
  let h: Awaited<ReturnType<typeof devServerHarness>>;
  beforeAll(async () => {
    ({ db } = await migratedDatabase());
    await seedForCases(db);
    h = await devServerHarness({ db, now: () => new Date() });
  });
  afterAll(() => h?.close());

  const open = async (ref: string) => {
    const workflowId = caseWorkflowId('VNP', ref);
    const handle = await h.client.workflow.start('caseWorkflow', {
      taskQueue: h.taskQueue,
      workflowId,
      args: [{ detection: detection(ref) }],
    });
    return { workflowId, view: (await handle.executeUpdate(openCase)).view, handle };
  };

  it('runs the workflow on a real server; its activities write the case, its events and its notices', async () => {
    const { workflowId, view, handle } = await open('REF-1');
    expect(view.number).toMatch(/^TH-\d{4}-000001$/);
    expect(view.status).toBe('NOTIFIED');
    expect(view.agencyIds).toEqual(['TH-QLTT', 'TH-DEPT']);
    const row = await db.case.findUniqueOrThrow({ where: { id: workflowId }, include: { events: { orderBy: { seq: 'asc' } } } });
    expect(row.number).toBe(view.number);
    expect(row.status).toBe('NOTIFIED');
    expect(row.events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'DETECTED'],
      [2, 'AGENCIES_NOTIFIED'],
    ]);
    expect(row.events[1]!.prevHash).toBe(row.events[0]!.hash);
    const notices = await db.notification.findMany({ where: { caseId: workflowId }, orderBy: { recipient: 'asc' } });
    expect(notices.map((n) => n.recipient)).toEqual(['agency:TH-DEPT', 'agency:TH-QLTT']);
    expect((await handle.query(getCase)).number).toBe(view.number);

    // Temporal UI can filter cases: the typed search attributes follow the case
    const attrs = (await handle.describe()).typedSearchAttributes;
    expect(attrs.get(CaseStatusKey)).toBe('NOTIFIED');
    expect(attrs.get(CaseProvinceKey)).toBe('TH');
    expect(attrs.get(CaseCategoryKey)).toBe('COUNTERFEIT');
    expect(attrs.get(CaseLeadAgencyKey)).toBe('TH-QLTT');
    expect(attrs.get(CaseOverdueKey)).toBe(false);
    expect(attrs.get(CaseNextDeadlineKey)?.toISOString()).toBe(view.deadlines.map((d) => d.dueAt).sort()[0]);
    await handle.executeUpdate(act, { args: [{ actor: officer('TH-QLTT', 'qltt-1'), action: { kind: 'acknowledge' } }] });
    await handle.executeUpdate(act, { args: [{ actor: officer('TH-DEPT', 'dept-1'), action: { kind: 'acknowledge' } }] });
    expect((await handle.describe()).typedSearchAttributes.get(CaseStatusKey)).toBe('ACKNOWLEDGED');
    // and visibility finds it by them
    await expect
      .poll(
        async () =>
          (await h.client.workflow.count(`CaseStatus = "ACKNOWLEDGED" AND CaseProvince = "TH" AND WorkflowId = "${workflowId}"`)).count,
        { timeout: 10_000 },
      )
      .toBe(1);
  });

  it('numbers cases per province and year', async () => {
    const { view } = await open('REF-2');
    expect(view.number).toMatch(/^TH-\d{4}-000002$/);
  });
});
