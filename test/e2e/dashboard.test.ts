// Issue 16, the managers' dashboard: its figures count only the cases the caller may see, and each
// names the filter of GET /v1/cases that lists the cases behind it.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, call, detectionBody } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
let manager: string;
let officer: string;

beforeAll(async () => {
  h = await apiHarness();
  const carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  manager = (await h.principal({ name: 'Lãnh đạo Sở', role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token;
  officer = (await h.principal({ name: 'Cán bộ', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' })).token;
  const open = (ref: string, over: Record<string, unknown> = {}) =>
    call(h.base, carrier, 'POST', '/v1/cases', detectionBody(ref, over), { 'idempotency-key': `dashboard-${ref}` });
  for (const r of await Promise.all([
    open('DASH-1'),
    open('DASH-2'),
    open('DASH-3', { categoryCode: 'NARCOTICS' }),
    open('DASH-4', { provinceCode: 'HN' }),
  ]))
    expect(r.status).toBe(201);
});

describe('GET /v1/dashboard', () => {
  it('counts the manager’s province only, by status, lead agency and month of detection', async () => {
    const r = await call(h.base, manager, 'GET', '/v1/dashboard');
    expect(r.status).toBe(200);
    expect(r.body.openByStatus).toEqual([{ status: 'NOTIFIED', count: 3 }]);
    expect(r.body.openByAgency).toEqual([
      { agencyId: 'TH-QLTT', count: 2 },
      { agencyId: 'TH-POLICE', count: 1 },
    ]);
    expect(r.body.overdueByAgency).toEqual([]);
    expect(r.body.months).toHaveLength(12);
    const month = r.body.months.at(-1);
    expect(month).toMatchObject({ cases: 3, onTime: 3, sanctions: 0, imposedVnd: 0, collectedVnd: 0 });
    // the month's bounds list the same cases
    const listed = await call(h.base, manager, 'GET', `/v1/cases?detectedFrom=${month.from}&detectedTo=${month.to}&limit=200`);
    expect(listed.body.items).toHaveLength(month.cases);
    const qltt = await call(h.base, manager, 'GET', '/v1/cases?leadAgency=TH-QLTT&open=true');
    expect(qltt.body.items).toHaveLength(2);
  });

  it('is for managers and administrators', async () => {
    const r = await call(h.base, officer, 'GET', '/v1/dashboard');
    expect(r.status).toBe(403);
    expect((await call(h.base, null, 'GET', '/v1/dashboard')).status).toBe(401);
  });
});
