// Regressions from the Schemathesis run (scripts/schemathesis.sh): inputs that used to answer 500
// or, worse, wedge a case's workflow now answer 4xx.
import { beforeAll, expect, it } from 'vitest';
import { apiHarness, call, detectionBody, actionKey } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
let carrier: string;
let id: string;

beforeAll(async () => {
  h = await apiHarness();
  carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  const open = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody('HARD-1'), { 'idempotency-key': 'hardening-case-1' });
  expect(open.status).toBe(201);
  id = open.body.id;
});

it('refuses NUL in a body with 400, so it never reaches the workflow (whose audit write would fail on every retry)', async () => {
  const nul = await call(h.base, carrier, 'POST', `/v1/cases/${id}/notes`, { text: 'a\u0000b' }, actionKey());
  expect(nul.status).toBe(400);
  expect(nul.body.errors).toEqual([{ in: 'body', field: 'text', message: 'must not contain NUL characters', code: 'nul' }]);
  const evidence = await call(
    h.base,
    carrier,
    'POST',
    `/v1/cases/${id}/evidence`,
    { evidence: [{ ref: 'x', description: '\u0000' }] },
    actionKey(),
  );
  expect(evidence.status).toBe(400);
  expect(evidence.body.errors[0].field).toBe('evidence.0.description');
  // the case still takes actions
  expect((await call(h.base, carrier, 'POST', `/v1/cases/${id}/notes`, { text: 'still fine' }, actionKey())).status).toBe(200);
});

it('refuses NUL in the path (404) and in the query (400)', async () => {
  expect((await call(h.base, carrier, 'GET', '/v1/cases/a%00b')).status).toBe(404);
  const q = await call(h.base, carrier, 'GET', '/v1/cases?carrier=a%00');
  expect(q.status).toBe(400);
  expect(q.body.errors[0]).toMatchObject({ in: 'query', field: 'carrier' });
});

it('refuses a history position beyond a PostgreSQL integer with 400', async () => {
  const r = await call(h.base, carrier, 'GET', `/v1/cases/${id}/history?after=9007199254740990`);
  expect(r.status).toBe(400);
  expect(r.body.errors[0]).toMatchObject({ in: 'query', field: 'after' });
});

it('refuses a forged cursor (bad instant, NUL id) with 400', async () => {
  const forge = (c: object) => Buffer.from(JSON.stringify(c)).toString('base64url');
  for (const cursor of [forge({ s: '-detectedAt', v: 'not a date', id: 'x' }), forge({ s: '-detectedAt', v: null, id: '\u0000' })]) {
    const r = await call(h.base, carrier, 'GET', `/v1/cases?cursor=${cursor}`);
    expect(r.status, cursor).toBe(400);
    expect(r.body.type).toBe('https://postwatch.dev/problems/invalid-cursor');
  }
});
