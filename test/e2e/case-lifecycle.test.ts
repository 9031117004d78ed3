// Acceptance: over HTTP, a carrier opens a case and officers take it to payment and closure;
// the history shows every step with actor and old → new values.
import { beforeAll, expect, it } from 'vitest';
import { apiHarness, call, detectionBody, act } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
const t: Record<string, string> = {};

beforeAll(async () => {
  h = await apiHarness();
  t.carrier = (await h.principal({ name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' })).token;
  t.qltt = (
    await h.principal({ name: 'Nguyễn Văn A', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH', title: 'TEAM_LEAD' })
  ).token;
  t.qlttChief = (
    await h.principal({ name: 'Trần Thị B', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH', title: 'DEPARTMENT_HEAD' })
  ).token;
  t.dept = (await h.principal({ name: 'Lê Văn C', role: 'officer', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token;
});

it('takes a case from intake to payment and closure, with a full history', async () => {
  const open = await call(h.base, t.carrier!, 'POST', '/v1/cases', detectionBody('E2E-1'), { 'idempotency-key': 'e2e-key-0001' });
  expect(open.status).toBe(201);
  expect(open.body.number).toMatch(/^TH-\d{4}-\d{6}$/);
  expect(open.body.agencyIds).toEqual(['TH-QLTT', 'TH-DEPT']);
  expect(open.body.deadlines.map((d: { clock: string }) => d.clock)).toContain('AGENCY_ACKNOWLEDGEMENT');
  const id = open.body.id as string;
  expect(open.headers.get('location')).toBe(`/v1/cases/${id}`);

  const step = async (token: string, path: string, body: unknown, status = 'any') => {
    const r = await act(h, token, id, path, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    if (status !== 'any') expect(r.body.status).toBe(status);
    return r.body;
  };
  await step(t.carrier!, 'hold-confirmation', { holdRecordRef: 'BB-2026-01' });
  await step(t.dept!, 'acknowledgement', {});
  await step(t.qltt!, 'acknowledgement', {}, 'ACKNOWLEDGED');
  await step(t.qltt!, 'verification', { outcome: 'started' }, 'UNDER_VERIFICATION');
  await step(t.qltt!, 'verification', { outcome: 'violation', against: 'SENDER', summary: 'Hàng giả nhãn hiệu' }, 'VIOLATION_CONFIRMED');
  await step(t.qltt!, 'violation-record', { recordNumber: 'BBVP-01', seized: true }, 'VIOLATION_RECORDED');
  await step(
    t.qltt!,
    'sanction-proposal',
    {
      offenceCode: 'POST_PROHIBITED_ITEM',
      amountVnd: 15_000_000,
      violator: 'ORGANISATION',
      extraPenalties: ['CONFISCATION'],
      legalArticle: 'NĐ 15/2020, Điều 9 khoản 1 điểm a',
    },
    'SANCTION_PROPOSED',
  );
  // the proposer may not decide (four eyes)
  const self = await act(h, t.qltt!, id, 'sanction-decision', { outcome: 'approve', decisionNumber: 'QD-01' });
  expect(self.status).toBe(403);
  expect(self.body.code).toBe('FOUR_EYES');
  await step(t.qlttChief!, 'sanction-decision', { outcome: 'approve', decisionNumber: 'QD-01' }, 'DECIDED');
  await step(t.qltt!, 'decision-service', { method: 'IN_PERSON' }, 'DECISION_SERVED');
  const paid = await step(t.qltt!, 'payments', { amountVnd: 15_000_000, receiptRef: 'KB-778' });
  expect(paid.status).toBe('CLOSED');
  expect(paid.outcome).toBe('PAID');

  const history = await call(h.base, t.carrier!, 'GET', `/v1/cases/${id}/history`);
  expect(history.status).toBe(200);
  const events = history.body.events as {
    type: string;
    actor: { role: string; id: string; agencyId: string | null };
    from: string;
    to: string;
    changes: Record<string, { old: unknown; new: unknown }>;
  }[];
  expect(events.map((e) => e.type)).toEqual([
    'DETECTED',
    'AGENCIES_NOTIFIED',
    'HOLD_CONFIRMED',
    'ACKNOWLEDGED',
    'ACKNOWLEDGED',
    'VERIFICATION_STARTED',
    'VIOLATION_CONFIRMED',
    'VIOLATION_RECORDED',
    'SANCTION_PROPOSED',
    'SANCTION_DECIDED',
    'DECISION_SERVED',
    'PAYMENT_RECORDED',
    'CLOSED',
  ]);
  const decided = events.find((e) => e.type === 'SANCTION_DECIDED')!;
  expect(decided.actor).toMatchObject({ role: 'officer', agencyId: 'TH-QLTT' });
  expect(decided.changes.status).toEqual({ old: 'SANCTION_PROPOSED', new: 'DECIDED' });
  expect(decided.changes.fine!.new).toMatchObject({ amountVnd: 15_000_000 });
  expect(events.find((e) => e.type === 'SANCTION_PROPOSED')!.actor.id).not.toBe(decided.actor.id);
  expect(events.find((e) => e.type === 'PAYMENT_RECORDED')!.changes.status).toEqual({ old: 'DECISION_SERVED', new: 'PAID' });

  const csv = await call(h.base, t.carrier!, 'GET', `/v1/cases/${id}/history?format=csv`);
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  expect(csv.text.startsWith('seq,at,type')).toBe(true);
  const raw = new Uint8Array(
    await (await fetch(`${h.base}/v1/cases/${id}/history?format=csv`, { headers: { authorization: `Bearer ${t.carrier}` } })).arrayBuffer(),
  );
  expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so Excel shows Vietnamese correctly
  expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(14);

  const detail = await call(h.base, t.qltt!, 'GET', `/v1/cases/${id}`);
  expect(detail.body).toMatchObject({ status: 'CLOSED', outcome: 'PAID' });
  const list = await call(h.base, t.carrier!, 'GET', '/v1/cases?status=CLOSED');
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);
  expect(list.body.items.find((c: { id: string }) => c.id === id).servicePoint).toBe('Bưu cục Hoằng Hóa');
});
