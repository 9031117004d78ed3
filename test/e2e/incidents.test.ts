// Issue 19, acceptance 3 (defect 1, "no data error may retry for ever"): a write PostgreSQL refuses
// for good stops retrying; the case shows an incident that managers read and administrators retry;
// the retry after the fix completes the step, and the case carries on. The refusals are real
// constraints added to the test's own database, dropped as an administrator's fix would be.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, call, detectionBody, act } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
const t: Record<string, string> = {};
let adminId: string;

beforeAll(async () => {
  h = await apiHarness();
  t.carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  t.qltt = (await h.principal({ name: 'QLTT', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' })).token;
  t.dept = (await h.principal({ name: 'Sở', role: 'officer', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token;
  t.manager = (await h.principal({ name: 'Quản lý Sở', role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token;
  t.otherManager = (await h.principal({ name: 'Quản lý Hà Nội', role: 'manager', provinceCode: 'HN' })).token;
  const admin = await h.principal({ name: 'Quản trị', role: 'admin' });
  t.admin = admin.token;
  adminId = admin.id;
});

const openIncidents = async () => Number(/^postwatch_incidents_open (\d+)$/m.exec((await call(h.base, null, 'GET', '/metrics')).text)![1]);

describe('a step whose write PostgreSQL refuses', () => {
  let id: string;
  let incident: string;

  it('stops retrying: the action is answered at once with the incident, nothing is retried in the background', async () => {
    const open = await call(h.base, t.carrier!, 'POST', '/v1/cases', detectionBody('INC-1'), { 'idempotency-key': 'incident-case-1' });
    expect(open.status).toBe(201);
    id = open.body.id;
    await h.db.$executeRawUnsafe(`ALTER TABLE "CaseEvent" ADD CONSTRAINT drill_no_notes CHECK (type <> 'NOTE_ADDED') NOT VALID`);
    const started = Date.now();
    const note = await act(h, t.carrier!, id, 'notes', { text: 'ghi chú bị từ chối' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(note.status).toBe(409);
    expect(note.body).toMatchObject({ type: 'https://postwatch.dev/problems/case-incident', code: 'INCIDENT_OPEN', allowedActions: [] });
    incident = note.body.incident.split('/').at(-1);

    const handle = h.temporal.client.workflow.getHandle(id);
    expect((await handle.describe()).raw.pendingActivities ?? []).toEqual([]);
    const failed = (await handle.fetchHistory()).events!.filter((e) => e.activityTaskFailedEventAttributes);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.activityTaskFailedEventAttributes!.failure!.applicationFailureInfo).toMatchObject({
      type: 'DataRejected',
      nonRetryable: true,
    });
  });

  it('shows the incident on the case and in the list to managers in scope — what failed, which step, since when, the error', async () => {
    const seen = await call(h.base, t.manager!, 'GET', `/v1/cases/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.incident).toMatchObject({
      id: incident,
      caseId: id,
      state: 'open',
      activity: 'recordEvent',
      step: { type: 'NOTE_ADDED' },
      error: { type: 'DataRejected', sqlState: '23514', message: expect.stringContaining('drill_no_notes') },
      failures: 1,
      resolvedAt: null,
    });
    expect(Date.parse(seen.body.incident.openedAt)).toBeGreaterThan(Date.now() - 60_000);
    const list = await call(h.base, t.manager!, 'GET', '/v1/incidents');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([incident]);
    expect((await call(h.base, t.manager!, 'GET', `/v1/incidents/${incident}`)).body.step.seq).toBe(seen.body.incident.step.seq);
    expect(await openIncidents()).toBe(1);
    // outside the manager's scope, and to the parties, it is not there
    expect((await call(h.base, t.otherManager!, 'GET', '/v1/incidents')).body.items).toEqual([]);
    expect((await call(h.base, t.otherManager!, 'GET', `/v1/incidents/${incident}`)).status).toBe(404);
    expect((await call(h.base, t.carrier!, 'GET', '/v1/incidents')).status).toBe(403);
    const carrierView = await call(h.base, t.carrier!, 'GET', `/v1/cases/${id}`);
    expect(carrierView.body.incident).toBeUndefined();
    expect(carrierView.body.allowedActions).toEqual([]);
  });

  it('holds every other step meanwhile, while the case keeps answering', async () => {
    const ack = await act(h, t.dept!, id, 'acknowledgement', {});
    expect(ack.status).toBe(409);
    expect(ack.body.code).toBe('INCIDENT_OPEN');
    expect((await call(h.base, t.dept!, 'GET', `/v1/cases/${id}/history`)).status).toBe(200);
  });

  it('is retried by administrators only; a retry before the fix is refused again and counted', async () => {
    expect((await call(h.base, t.manager!, 'POST', `/v1/incidents/${incident}/retry`)).status).toBe(403);
    const again = await call(h.base, t.admin!, 'POST', `/v1/incidents/${incident}/retry`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ state: 'open', failures: 2, retriedBy: adminId });
    expect(await openIncidents()).toBe(1);
  });

  it('completes the step once the cause is fixed and the administrator retries: the note is stored and the case carries on', async () => {
    await h.db.$executeRawUnsafe(`ALTER TABLE "CaseEvent" DROP CONSTRAINT drill_no_notes`);
    const retried = await call(h.base, t.admin!, 'POST', `/v1/incidents/${incident}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: 'resolved', failures: 2, retriedBy: adminId });
    const history = await call(h.base, t.dept!, 'GET', `/v1/cases/${id}/history`);
    expect(history.body.events.map((e: { type: string }) => e.type)).toContain('NOTE_ADDED');
    expect((await act(h, t.dept!, id, 'acknowledgement', {})).status).toBe(200);
    expect((await call(h.base, t.manager!, 'GET', `/v1/cases/${id}`)).body.incident).toBeUndefined();
    expect(await openIncidents()).toBe(0);
    const resolved = await call(h.base, t.manager!, 'GET', '/v1/incidents?state=resolved');
    expect(resolved.body.items).toMatchObject([{ id: incident, state: 'resolved' }]);
    expect((await call(h.base, t.admin!, 'POST', `/v1/incidents/${incident}/retry`)).status).toBe(409);
  });
});

describe('an intake whose registration PostgreSQL refuses', () => {
  it('answers 503 with the incident; once fixed and retried, the same Idempotency-Key opens the case', async () => {
    await h.db.$executeRawUnsafe(`ALTER TABLE "Case" ADD CONSTRAINT drill_no_case CHECK ("trackingNumber" <> 'REFUSED000VN') NOT VALID`);
    const body = detectionBody('INC-INTAKE', { trackingNumber: 'REFUSED000VN' });
    const intake = () => call(h.base, t.carrier!, 'POST', '/v1/cases', body, { 'idempotency-key': 'incident-intake-1' });
    const held = await intake();
    expect(held.status, held.text).toBe(503);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(held.body.type).toBe('https://postwatch.dev/problems/case-incident');
    const incident = held.body.incident as string;
    expect((await call(h.base, t.manager!, 'GET', incident)).body).toMatchObject({
      activity: 'registerCase',
      step: { seq: 1, type: 'DETECTED' },
    });
    expect((await intake()).status).toBe(503); // still held: the retry of the intake does not start another case

    await h.db.$executeRawUnsafe(`ALTER TABLE "Case" DROP CONSTRAINT drill_no_case`);
    expect((await call(h.base, t.admin!, 'POST', `${incident}/retry`)).body.state).toBe('resolved');
    const opened = await intake();
    expect(opened.status).toBe(201);
    expect(opened.body.number).toMatch(/^TH-\d{4}-\d{6}$/);
    expect(opened.body.status).toBe('NOTIFIED');
  });
});
