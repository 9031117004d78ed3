// Acceptance: 20 concurrent POST /v1/cases with the same key create exactly one case and one
// workflow; 20 with different keys and one carrierRef too, with one 201 (issue 14, defect 1); a
// retry after a crash between the workflow start and the response returns the same case; a key
// still in flight is answered 409 with Retry-After (issue 14, defect 4).
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { caseWorkflowId } from '../../workflows/definitions.js';
import { apiHarness, call, detectionBody } from '../support/api.js';

type Harness = Awaited<ReturnType<typeof apiHarness>>;

const run = randomBytes(3).toString('hex'); // workflow ids are global to the run's Temporal server
const ref = (name: string) => `IDEM-${name}-${run}`;
const key = (name: string) => `idem-${name}-${run}`;
const PROBLEM = 'https://postwatch.dev/problems/';

const open = (h: Harness, token: string, carrierRef: string, idempotencyKey: string | null, over: Record<string, unknown> = {}) =>
  call(
    h.base,
    token,
    'POST',
    '/v1/cases',
    detectionBody(carrierRef, over),
    idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey },
  );

/**
 * The executions Temporal has for a workflow id. Visibility is eventually consistent, so this
 * lists until the answer is non-empty and has not changed for a second.
 */
async function executions(h: Harness, workflowId: string): Promise<string[]> {
  const end = Date.now() + 15_000;
  let last = '';
  let stableSince = 0;
  for (;;) {
    const runs: string[] = [];
    for await (const w of h.temporal.client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) runs.push(w.runId);
    const now = JSON.stringify(runs.sort());
    if (runs.length > 0 && now === last) {
      if (Date.now() - stableSince >= 1_000) return runs;
    } else {
      last = now;
      stableSince = Date.now();
    }
    if (Date.now() > end) throw new Error(`visibility for ${workflowId} did not settle: ${now}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One case row, one DETECTED event, one workflow execution (the running one) for this reference. */
async function expectExactlyOneCase(h: Harness, carrierRef: string, caseId: string) {
  const workflowId = caseWorkflowId('VNP', carrierRef);
  expect(caseId).toBe(workflowId);
  expect(await h.db.case.count({ where: { carrierId: 'VNP', carrierRef } })).toBe(1);
  expect(await h.db.caseEvent.count({ where: { caseId, type: 'DETECTED' } })).toBe(1);
  const runs = await executions(h, workflowId);
  expect(runs).toHaveLength(1);
  const d = await h.temporal.client.workflow.getHandle(workflowId).describe();
  expect(runs).toEqual([d.runId]);
  expect(d.status.name).toBe('RUNNING');
}

describe('one Idempotency-Key, many requests', () => {
  let h: Harness;
  let carrier: string;
  beforeAll(async () => {
    h = await apiHarness();
    carrier = (await h.principal({ name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' })).token;
  });

  let first: { status: number; body: any };

  it('20 concurrent requests create exactly one case and one workflow', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => open(h, carrier, ref('burst'), key('burst'))));
    const statuses = results.map((r) => r.status);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join(','),
    ).toBe(true);
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.type).toBe(`${PROBLEM}request-in-flight`);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(r.headers.get('retry-after'))).toBeLessThanOrEqual(5);
    }
    first = created[0]!;
    for (const r of created) expect(r.body).toEqual(first.body);
    expect(first.body.number).toMatch(/^TH-\d{4}-\d{6}$/);
    await expectExactlyOneCase(h, ref('burst'), first.body.id);
    // one number was taken, not twenty
    expect(await h.db.case.count()).toBe(1);
  });

  it('a retry once the first has finished replays the same response', async () => {
    const again = await open(h, carrier, ref('burst'), key('burst'));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(`/v1/cases/${first.body.id}`);
    expect(again.body).toEqual(first.body);
    await expectExactlyOneCase(h, ref('burst'), first.body.id);
  });

  it('refuses the same key with a different body (422)', async () => {
    const r = await open(h, carrier, ref('burst'), key('burst'), { description: 'một mô tả khác' });
    expect(r.status).toBe(422);
    expect(r.body.type).toBe(`${PROBLEM}idempotency-key-reused`);
  });

  it('requires the header (400)', async () => {
    const r = await open(h, carrier, ref('no-key'), null);
    expect(r.status).toBe(400);
    expect(r.body.type).toBe(`${PROBLEM}idempotency-key-required`);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it.each([
    ['too short', 'short'],
    ['with spaces', 'has spaces in it'],
    ['too long', 'k'.repeat(129)],
  ])('refuses a malformed key, %s (400)', async (_, bad) => {
    const r = await open(h, carrier, ref('bad-key'), bad);
    expect(r.status).toBe(400);
    expect(r.body.type).toBe(`${PROBLEM}validation`);
    expect(r.body.errors[0]).toMatchObject({ in: 'header' });
  });

  it('refuses the same carrierRef under a new key (409 duplicate-carrier-reference)', async () => {
    const r = await open(h, carrier, ref('burst'), key('burst-2'));
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ type: `${PROBLEM}duplicate-carrier-reference`, case: `/v1/cases/${first.body.id}` });
    // and the refusal is itself the stored answer for that key
    const again = await open(h, carrier, ref('burst'), key('burst-2'));
    expect(again.status).toBe(409);
    expect(again.body.type).toBe(`${PROBLEM}duplicate-carrier-reference`);
  });

  it('scopes keys to the principal: another VNP key with the same Idempotency-Key does not replay', async () => {
    const other = (await h.principal({ name: 'VNPost second system', role: 'carrier', carrierId: 'VNP' })).token;
    const r = await open(h, other, ref('burst'), key('burst'));
    expect(r.status).toBe(409);
    expect(r.body.type).toBe(`${PROBLEM}duplicate-carrier-reference`);
    expect(r.headers.get('idempotent-replayed')).toBeNull();
    expect(await h.db.case.count()).toBe(1);
  });
});

describe('one carrierRef, many keys', () => {
  let h: Harness;
  let carrier: string;
  beforeAll(async () => {
    h = await apiHarness();
    carrier = (await h.principal({ name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' })).token;
  });

  it('20 concurrent intakes of one carrierRef under different keys: one case, one 201, nineteen 409 linking it', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => open(h, carrier, ref('same-ref'), key(`same-ref-${i}`))));
    const statuses = results.map((r) => r.status);
    expect(
      statuses.filter((s) => s === 201),
      statuses.join(','),
    ).toHaveLength(1);
    expect(
      statuses.filter((s) => s === 409),
      statuses.join(','),
    ).toHaveLength(19);
    const created = results.find((r) => r.status === 201)!;
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.body).toMatchObject({ type: `${PROBLEM}duplicate-carrier-reference`, case: `/v1/cases/${created.body.id}` });
    }
    await expectExactlyOneCase(h, ref('same-ref'), created.body.id);
    // each key keeps its answer: the opener's replays its 201, every other its 409
    const again = await Promise.all(results.map((_, i) => open(h, carrier, ref('same-ref'), key(`same-ref-${i}`))));
    expect(again.map((r) => r.status)).toEqual(statuses);
    expect(again.find((r) => r.status === 201)!.body).toEqual(created.body);
  });
});

describe('a crash between the workflow start and the response', () => {
  const STALE_MS = 300;
  let h: Harness;
  let carrier: string;
  let armed = false;
  const crash = () => {
    if (!armed) return;
    armed = false; // once: the retry finds a healthy process
    throw new Error('simulated crash after the workflow started');
  };

  beforeAll(async () => {
    h = await apiHarness({ idempotencyStaleMs: STALE_MS, faults: { afterCaseStarted: () => crash() } });
    carrier = (await h.principal({ name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' })).token;
  });

  it('the process survives the failure (the key is released): the retry returns the same case', async () => {
    armed = true;
    const failed = await open(h, carrier, ref('error'), key('error'));
    expect(failed.status).toBe(500);
    expect(failed.body.type).toBe(`${PROBLEM}internal`);
    expect(armed).toBe(false);
    // the workflow did start and register the case; the answer never reached the client
    const row = await h.db.case.findUniqueOrThrow({ where: { id: caseWorkflowId('VNP', ref('error')) } });

    const retry = await open(h, carrier, ref('error'), key('error'));
    expect(retry.status, retry.text).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.body).toMatchObject({ id: row.id, number: row.number });
    await expectExactlyOneCase(h, ref('error'), row.id);

    const replay = await open(h, carrier, ref('error'), key('error'));
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(retry.body);
  });

  it('the process dies (the key stays in flight): a retry waits out staleMs, then returns the same case', async () => {
    armed = true;
    // a process that dies never runs its error handling: whatever it would write to release the
    // key (delete it, or mark it stale) never happens, and the key stays in flight
    const noop = (() => Promise.resolve({ count: 0 })) as never;
    const cleanups = [
      vi.spyOn(h.db.idempotencyRecord, 'deleteMany').mockImplementation(noop),
      vi.spyOn(h.db.idempotencyRecord, 'updateMany').mockImplementation(noop),
    ];
    const died = await open(h, carrier, ref('died'), key('died')).finally(() => cleanups.forEach((c) => c.mockRestore()));
    expect(died.status).toBe(500); // what the client sees of a dead process (a reset, a gateway error…)
    const row = await h.db.case.findUniqueOrThrow({ where: { id: caseWorkflowId('VNP', ref('died')) } });
    const record = await h.db.idempotencyRecord.findFirstOrThrow({ where: { key: key('died') } });
    expect(record.state).toBe('IN_FLIGHT');

    // as if the process died just now (opening a case can take longer than this file's staleMs):
    // while the key is fresh, a retry is told the request is still in flight
    const diedAt = new Date();
    await h.db.idempotencyRecord.update({
      where: { principalId_key: { principalId: record.principalId, key: record.key } },
      data: { updatedAt: diedAt },
    });
    const early = await open(h, carrier, ref('died'), key('died'));
    expect(early.status).toBe(409);
    expect(early.body.type).toBe(`${PROBLEM}request-in-flight`);
    // when to come back: within the window a dead request's key is taken over, and no later than 5 s
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(early.headers.get('retry-after'))).toBeLessThanOrEqual(Math.min(5, Math.ceil(STALE_MS / 1000)));
    expect(early.body.detail).toMatch(/taken over/);

    // once stale, a retry takes the key over and finishes the same case
    await new Promise((r) => setTimeout(r, Math.max(0, diedAt.getTime() + STALE_MS + 50 - Date.now())));
    const late = await Promise.all([open(h, carrier, ref('died'), key('died')), open(h, carrier, ref('died'), key('died'))]);
    const won = late.filter((r) => r.status === 201);
    expect(late.map((r) => r.status).sort()).toEqual(won.length === 2 ? [201, 201] : [201, 409]); // at most one takes over
    expect(won[0]!.body).toMatchObject({ id: row.id, number: row.number });
    await expectExactlyOneCase(h, ref('died'), row.id);
    expect((await h.db.idempotencyRecord.findFirstOrThrow({ where: { key: key('died') } })).state).toBe('DONE');

    const replay = await open(h, carrier, ref('died'), key('died'));
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(won[0]!.body);
    expect(await h.db.case.count()).toBe(2);
  });
});
