// Acceptance (issue 15, 3): on the dev server, the schedules of a scope exist once however often
// start-up creates them, fire after the period closes in Hà Nội time, and a triggered schedule
// stores the period's reports and tells the scope's managers; triggering it again starts no
// second run and stores no second report.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@temporalio/client';
import type { Db } from '../../prisma/client.js';
import { migratedDatabase } from '../support/db.js';
import { seedForCases } from '../support/cases.js';
import { devServerHarness } from '../support/temporal.js';
import { seedReportDueDates } from '../../prisma/registry-admin.js';
import { ensureReportSchedules, reportScheduleOptions } from '../../worker/report-schedules.js';
import {
  reportScheduleId,
  reportWorkflowId,
  type ReportRunResult,
  type ScheduledReportResult,
} from '../../workflows/report-definitions.js';
import { latestEndedPeriod, type ReportScope } from '../../domain/report-period.js';
import { principalAddress } from '../../domain/report-access.js';
import { caseDataConverter } from '../../platform/payload-keys.js';
import { parseCodecKeys } from '../../platform/payload-codec.js';
import { testKey } from '../support/payload-codec.js';

let db: Db;
let h: Awaited<ReturnType<typeof devServerHarness>>;
let client: Client;
// a province of this file's own: workflow and schedule ids are per scope, and the dev server is shared
const P = `Q${randomBytes(3).toString('hex').toUpperCase()}`;
const scope: ReportScope = { kind: 'PROVINCE', provinceCode: P };
const managers = { dept: '', market: '', elsewhere: '' };

beforeAll(async () => {
  ({ db } = await migratedDatabase());
  await seedForCases(db);
  await seedReportDueDates(db);
  await db.province.create({ data: { code: P, name: `Tỉnh Thử nghiệm ${P}`, validFrom: new Date('2020-01-01') } });
  await db.agency.createMany({
    data: [
      {
        id: `${P}-DEPT`,
        kind: 'DEPT',
        provinceCode: P,
        name: `Sở Khoa học và Công nghệ tỉnh Thử nghiệm ${P}`,
        validFrom: new Date('2020-01-01'),
      },
      { id: `${P}-QLTT`, kind: 'QLTT', provinceCode: P, name: `Chi cục Quản lý thị trường ${P}`, validFrom: new Date('2020-01-01') },
    ],
  });
  const manager = async (name: string, agencyId: string, provinceCode: string) =>
    (await db.principal.create({ data: { name, role: 'manager', agencyId, provinceCode } })).id;
  managers.dept = await manager('Giám đốc Sở', `${P}-DEPT`, P);
  managers.market = await manager('Chi cục trưởng QLTT', `${P}-QLTT`, P);
  managers.elsewhere = await manager('Sở KH&CN Thanh Hóa', 'TH-DEPT', 'TH');
  h = await devServerHarness({ db, now: () => new Date() });
  client = h.client;
}, 120_000);
afterAll(async () => {
  for (const kind of ['H1', 'YEAR'] as const)
    await client?.schedule
      .getHandle(reportScheduleId(scope, kind))
      .delete()
      .catch(() => {});
  await h?.close();
});

/** The schedule's firings so far, each the id of the workflow it started. */
async function firings(kind: 'H1' | 'YEAR'): Promise<string[]> {
  // each id ends with the firing time, so their order is the firings' order
  return (await client.schedule.getHandle(reportScheduleId(scope, kind)).describe()).info.recentActions
    .map((a) => a.action.workflow.workflowId)
    .sort();
}

describe('report schedules', () => {
  it('exist once per scope and period kind, however often start-up creates them', async () => {
    const first = await ensureReportSchedules(client, { taskQueue: h.taskQueue, scopes: [scope] });
    const second = await ensureReportSchedules(client, { taskQueue: h.taskQueue, scopes: [scope] });
    expect(first).toEqual([reportScheduleId(scope, 'H1'), reportScheduleId(scope, 'YEAR')]);
    expect(second).toEqual(first);
    const ours: string[] = [];
    for await (const s of client.schedule.list()) if (s.scheduleId.includes(`-${P}-`)) ours.push(s.scheduleId);
    expect(ours.sort()).toEqual([...first].sort());
  });

  it('are rebuilt when sealed under a key this worker does not hold (rotated out, or another deployment’s)', async () => {
    const stranger = new Client({
      connection: h.connection,
      namespace: 'default',
      dataConverter: caseDataConverter(parseCodecKeys(testKey('other-1'))),
    });
    const strangeScope: ReportScope = { kind: 'PROVINCE', provinceCode: `${P}X` };
    const id = reportScheduleId(strangeScope, 'H1');
    await ensureReportSchedules(stranger, { taskQueue: 'elsewhere', scopes: [strangeScope] });
    try {
      await expect(client.schedule.getHandle(id).describe()).rejects.toThrow(/does not hold/);
      expect(await ensureReportSchedules(client, { taskQueue: h.taskQueue, scopes: [strangeScope] })).toContain(id);
      const rebuilt = await client.schedule.getHandle(id).describe();
      expect(rebuilt.action).toMatchObject({ taskQueue: h.taskQueue, args: [{ scope: strangeScope, periodKind: 'H1' }] });
    } finally {
      for (const kind of ['H1', 'YEAR'] as const)
        await client.schedule
          .getHandle(reportScheduleId(strangeScope, kind))
          .delete()
          .catch(() => {});
    }
  });

  it('fire at 01:00 in Hà Nội on the day after the period closes, well before the report is due', async () => {
    const h1 = await client.schedule.getHandle(reportScheduleId(scope, 'H1')).describe();
    const year = await client.schedule.getHandle(reportScheduleId(scope, 'YEAR')).describe();
    expect(h1.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    const now = new Date();
    // 1 July and 1 January, 01:00 at UTC+7, are 30 June and 31 December at 18:00 UTC
    const nextH1 = h1.info.nextActionTimes[0]!;
    expect(nextH1.toISOString()).toBe(`${now.getUTCFullYear() + (now.getUTCMonth() >= 6 ? 1 : 0)}-06-30T18:00:00.000Z`);
    expect(year.info.nextActionTimes[0]!.toISOString()).toBe(`${now.getUTCFullYear()}-12-31T18:00:00.000Z`);
    expect(h1.policies.catchupWindow).toBe(30 * 86_400_000);
    expect(reportScheduleOptions(scope, 'H1', h.taskQueue).action).toMatchObject({
      workflowType: 'scheduledReportWorkflow',
      taskQueue: h.taskQueue,
    });
  });

  it('triggered, stores the period’s reports and tells the scope’s managers; triggered again, stores nothing more', async () => {
    const handle = client.schedule.getHandle(reportScheduleId(scope, 'H1'));
    const period = latestEndedPeriod('H1', new Date());
    const runId = reportWorkflowId(scope, period);

    await handle.trigger();
    await expect.poll(() => firings('H1'), { timeout: 20_000 }).toHaveLength(1);
    const [firstFiring] = await firings('H1');
    const fired = await client.workflow.getHandle(firstFiring!).result();
    expect(fired as ScheduledReportResult).toEqual({ workflowId: runId, period, started: true });
    const run = (await client.workflow.getHandle(runId).result()) as ReportRunResult;
    expect(run.reports.map((r) => [r.kt1, r.created, r.asOfNow])).toEqual([
      ['EXCLUDED', true, false],
      ['INCLUDED', true, false],
    ]);

    const stored = await db.report.findMany({ where: { provinceCode: P }, orderBy: { kt1: 'asc' } });
    expect(stored.map((r) => [r.key, r.trigger, r.asOf.toISOString()])).toEqual([
      [`${P}:${period.year}-H1:EXCLUDED`, 'SCHEDULE', `${period.year}-06-30T17:00:00.000Z`],
      [`${P}:${period.year}-H1:INCLUDED`, 'SCHEDULE', `${period.year}-06-30T17:00:00.000Z`],
    ]);
    // the department's manager reads both variants; market management's the one without KT1; Thanh Hóa's none
    const notices = await db.notification.findMany({ where: { reportId: { in: stored.map((r) => r.id) } }, orderBy: { id: 'asc' } });
    const byRecipient = (id: string) =>
      notices.filter((n) => n.recipient === principalAddress(id)).map((n) => (n.payload as { kt1: string }).kt1);
    expect(byRecipient(managers.dept).sort()).toEqual(['EXCLUDED', 'INCLUDED']);
    expect(byRecipient(managers.market)).toEqual(['EXCLUDED']);
    expect(byRecipient(managers.elsewhere)).toEqual([]);
    expect(notices.every((n) => n.kind === 'REPORT_READY' && n.caseId === null)).toBe(true);
    expect(run.notices).toBe(3);

    // a second trigger (an operator's, or a catch-up) finds the period's run done; the server names a
    // firing by its second, so one in the same second as the first would be the same workflow
    await new Promise((r) => setTimeout(r, 1_000));
    await handle.trigger();
    await expect.poll(() => firings('H1'), { timeout: 20_000 }).toHaveLength(2);
    const second = (await firings('H1'))[1]!;
    expect(second).not.toBe(firstFiring);
    expect(await client.workflow.getHandle(second).result()).toEqual({ workflowId: runId, period, started: false });
    expect(await db.report.count({ where: { provinceCode: P } })).toBe(2);
    expect(await db.notification.count({ where: { reportId: { in: stored.map((r) => r.id) } } })).toBe(3);
  });

  it('a run started again by hand stores no second report and tells nobody twice', async () => {
    const period = latestEndedPeriod('H1', new Date());
    const again = await client.workflow.execute('reportWorkflow', {
      taskQueue: h.taskQueue,
      workflowId: `${reportWorkflowId(scope, period)}-by-hand`,
      args: [{ scope, period, variants: ['EXCLUDED'], trigger: 'API', requestedBy: 'operator' }],
    });
    expect((again as ReportRunResult).reports.map((r) => r.created)).toEqual([false]);
    expect((again as ReportRunResult).notices).toBe(0);
    expect(await db.report.count({ where: { provinceCode: P } })).toBe(2);
  });
});
