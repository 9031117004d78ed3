// Issue 14, defect 2: an action that was taken is never answered 500, and no retry takes it twice.
// The answer comes from the `act` Update's own result (no follow-up query that could fail after
// the step was recorded); every action needs an Idempotency-Key, which names its Update, so a
// retry after a lost answer finds the same Update. Faults are injected on the API's gRPC
// connection to a real Temporal server (test/support/grpc-faults.ts).
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionKey, apiHarness, call, detectionBody, act } from '../support/api.js';
import { loseAnswers } from '../support/grpc-faults.js';

const PROBLEM = 'https://postwatch.dev/problems/';
const queries = loseAnswers('QueryWorkflow');
const updates = loseAnswers('UpdateWorkflowExecution');
let h: Awaited<ReturnType<typeof apiHarness>>;
let carrier: string;
let dept: string;

beforeAll(async () => {
  h = await apiHarness({ temporalInterceptors: [queries.interceptor, updates.interceptor] });
  carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  dept = (await h.principal({ name: 'Sở', role: 'officer', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token;
});

async function openCase(): Promise<string> {
  const ref = `RETRY-${randomBytes(3).toString('hex')}`;
  const r = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody(ref), { 'idempotency-key': `open-${ref}` });
  expect(r.status, r.text).toBe(201);
  return r.body.id;
}

const eventsOf = (caseId: string, type: string) => h.db.caseEvent.count({ where: { caseId, type } });

describe('an action', () => {
  it('is answered from its Update: the case after it and the caller’s next actions, with no query to fail', async () => {
    const id = await openCase();
    queries.arm(1000); // any query the API made now would fail
    try {
      const r = await act(h, dept, id, 'acknowledgement', {});
      expect(r.status, r.text).toBe(200);
      expect(r.body.acknowledgements.map((a: { agencyId: string }) => a.agencyId)).toEqual(['TH-DEPT']);
      expect(r.body.allowedActions).toContain('addNote');
      expect(r.body.allowedActions).not.toContain('acknowledge'); // already done by this agency
      expect(queries.hits()).toBe(0);
    } finally {
      queries.arm(0);
    }
  });

  it('needs an Idempotency-Key (400), and without one records nothing', async () => {
    const id = await openCase();
    const r = await call(h.base, carrier, 'POST', `/v1/cases/${id}/hold-confirmation`, { holdRecordRef: 'BB-1' });
    expect(r.status).toBe(400);
    expect(r.body.type).toBe(`${PROBLEM}idempotency-key-required`);
    expect(await eventsOf(id, 'HOLD_CONFIRMED')).toBe(0);
  });

  it('whose answer was lost is answered 503 with Retry-After; its retry gets the same case, and the step is recorded once', async () => {
    const id = await openCase();
    const key = actionKey();
    updates.arm(1);
    const lost = await call(h.base, carrier, 'POST', `/v1/cases/${id}/hold-confirmation`, { holdRecordRef: 'BB-LOST' }, key);
    expect(updates.hits()).toBe(1);
    expect(lost.status, lost.text).toBe(503);
    expect(lost.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(Number(lost.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // accepted, so taken, though its answer never came back (recorded a moment later)
    await expect.poll(() => eventsOf(id, 'HOLD_CONFIRMED'), { timeout: 15_000 }).toBe(1);

    const retries = await Promise.all(
      [1, 2, 3].map(() => call(h.base, carrier, 'POST', `/v1/cases/${id}/hold-confirmation`, { holdRecordRef: 'BB-LOST' }, key)),
    );
    const answered = retries.filter((r) => r.status === 200);
    expect(answered.length, retries.map((r) => r.status).join(',')).toBeGreaterThanOrEqual(1);
    for (const r of retries.filter((x) => x.status !== 200)) expect(r.body.type).toBe(`${PROBLEM}request-in-flight`);
    for (const r of answered) expect(r.body).toMatchObject({ id, flags: { holdConfirmed: true } });
    expect(await eventsOf(id, 'HOLD_CONFIRMED')).toBe(1);

    // answered now: a repeat replays the answer, with another body it is refused
    const replay = await call(h.base, carrier, 'POST', `/v1/cases/${id}/hold-confirmation`, { holdRecordRef: 'BB-LOST' }, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const other = await call(h.base, carrier, 'POST', `/v1/cases/${id}/hold-confirmation`, { holdRecordRef: 'BB-OTHER' }, key);
    expect(other.status).toBe(422);
    expect(await eventsOf(id, 'HOLD_CONFIRMED')).toBe(1);
  });

  it('that closed the case and whose answer was lost: its retry still gets the closed case, not 409', async () => {
    const id = await openCase();
    const qltt = (await h.principal({ name: 'QLTT', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH', title: 'TEAM_LEAD' })).token;
    const steps: [string, string, unknown][] = [
      [carrier, 'hold-confirmation', { holdRecordRef: 'BB-CLOSE' }],
      [dept, 'acknowledgement', {}],
      [qltt, 'acknowledgement', {}],
      [qltt, 'verification', { outcome: 'started' }],
      [qltt, 'verification', { outcome: 'cleared', reason: 'Không có vi phạm' }],
    ];
    for (const [token, path, body] of steps) expect((await act(h, token, id, path, body)).status).toBe(200);
    const key = actionKey();
    updates.arm(1);
    expect((await call(h.base, carrier, 'POST', `/v1/cases/${id}/release`, {}, key)).status).toBe(503);
    const retry = await call(h.base, carrier, 'POST', `/v1/cases/${id}/release`, {}, key);
    expect(retry.status, retry.text).toBe(200);
    expect(retry.body).toMatchObject({ id, status: 'CLOSED', outcome: 'CLEARED' });
    expect(await eventsOf(id, 'RELEASED')).toBe(1);
  });

  it('taken twice on purpose takes two keys: two identical notes are two notes', async () => {
    const id = await openCase();
    for (let i = 0; i < 2; i++) expect((await act(h, carrier, id, 'notes', { text: 'Đã liên hệ người gửi' })).status).toBe(200);
    expect(await eventsOf(id, 'NOTE_ADDED')).toBe(2);
  });
});
