// Issue 16, assignment: within the lead agency a case is taken ("nhận xử lý") or given to a named
// officer, recorded as an event; the officer given it is told, and the inbox lists "assigned to me".
import { beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, call, detectionBody, act } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
let carrier: string;
const qltt = { an: { id: '', token: '' }, binh: { id: '', token: '' } };
let dept: { id: string; token: string };

async function acknowledgedCase(ref: string) {
  const r = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody(ref), { 'idempotency-key': `assign-${ref}` });
  expect(r.status).toBe(201);
  expect((await act(h, qltt.an.token, r.body.id, 'acknowledgement', {})).status).toBe(200);
  return r.body as { id: string; number: string };
}

beforeAll(async () => {
  h = await apiHarness();
  carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  qltt.an = await h.principal({ name: 'Nguyễn Văn An', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' });
  qltt.binh = await h.principal({ name: 'Trần Thị Bình', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' });
  dept = await h.principal({ name: 'Sở', role: 'officer', agencyId: 'TH-DEPT', provinceCode: 'TH' });
});

describe('assigning a case', () => {
  it('lists the lead agency’s officers, takes the case, then gives it to a colleague who is told', async () => {
    const c = await acknowledgedCase('ASSIGN-1');
    const people = await call(h.base, qltt.an.token, 'GET', `/v1/cases/${c.id}/assignees`);
    expect(people.status).toBe(200);
    expect(people.body.items.map((p: { name: string }) => p.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    // another routed agency sees the case but not whom the lead may give it to
    expect((await call(h.base, dept.token, 'GET', `/v1/cases/${c.id}/assignees`)).body.items).toEqual([]);
    expect((await call(h.base, carrier, 'GET', `/v1/cases/${c.id}/assignees`)).status).toBe(403);

    const taken = await act(h, qltt.an.token, c.id, 'assignment', {});
    expect(taken.status).toBe(200);
    expect(taken.body.assignee).toMatchObject({ id: qltt.an.id, name: 'Nguyễn Văn An', by: qltt.an.id });
    const given = await act(h, qltt.an.token, c.id, 'assignment', { officerId: qltt.binh.id });
    expect(given.status).toBe(200);
    expect(given.body.assignee).toMatchObject({ id: qltt.binh.id, name: 'Trần Thị Bình', by: qltt.an.id });

    const history = await call(h.base, qltt.an.token, 'GET', `/v1/cases/${c.id}/history`);
    expect(history.body.events.filter((e: { type: string }) => e.type === 'ASSIGNED')).toHaveLength(2);
    const notices = await call(h.base, qltt.binh.token, 'GET', '/v1/notifications');
    expect(notices.body.items[0]).toMatchObject({ kind: 'ASSIGNED', caseNumber: c.number, recipient: `principal:${qltt.binh.id}` });
    // a notice to one officer is not the agency's: her colleague does not see it
    const others = await call(h.base, qltt.an.token, 'GET', '/v1/notifications');
    expect(others.body.items.map((n: { kind: string }) => n.kind)).not.toContain('ASSIGNED');
  });

  it('refuses an officer outside the lead agency, an unknown one, and a non-lead agency', async () => {
    const c = await acknowledgedCase('ASSIGN-2');
    const outside = await act(h, qltt.an.token, c.id, 'assignment', { officerId: dept.id });
    expect(outside.status).toBe(409);
    expect(outside.body.code).toBe('ASSIGNEE_NOT_IN_LEAD_AGENCY');
    expect((await act(h, qltt.an.token, c.id, 'assignment', { officerId: 'nobody' })).status).toBe(422);
    const notLead = await act(h, dept.token, c.id, 'assignment', {});
    expect(notLead.status).toBe(403);
    expect((await call(h.base, qltt.an.token, 'GET', `/v1/cases/${c.id}`)).body.assignee ?? null).toBeNull();
  });

  it('lists the cases assigned to me, open ones by the nearest deadline, and by running clock', async () => {
    const mine = await acknowledgedCase('ASSIGN-3');
    const other = await acknowledgedCase('ASSIGN-4');
    expect((await act(h, qltt.binh.token, mine.id, 'assignment', {})).status).toBe(200);
    const list = (q: string) => call(h.base, qltt.binh.token, 'GET', `/v1/cases?sort=nextDeadlineAt&${q}`);
    const numbers = async (q: string) => (await list(q)).body.items.map((c: { number: string }) => c.number);
    await expect.poll(() => numbers('assignedToMe=true&open=true')).toContain(mine.number);
    expect(await numbers('assignedToMe=true')).not.toContain(other.number);
    const row = (await list('assignedToMe=true')).body.items.find((c: { number: string }) => c.number === mine.number);
    expect(row.assignee).toEqual({ id: qltt.binh.id, name: 'Trần Thị Bình' });
    const verifying = (await list('clock=VERIFICATION')).body.items.map((c: { number: string }) => c.number);
    expect(verifying).toContain(mine.number);
    expect((await list('clock=PAYMENT')).body.items).toEqual([]);
    expect((await list('open=false')).body.items).toEqual([]);
  });
});
