// Issue 19, acceptance 2: a KT1 case's description is not in its Temporal history in clear; a
// manager reads it through the API's codec endpoint (what the Temporal UI calls), an officer and
// a carrier cannot.
import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { apiHarness, call, detectionBody } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
const t: Record<string, string> = {};
const DESCRIPTION = `Tài liệu mật ${randomBytes(4).toString('hex')}`;
let payloads: { metadata: Record<string, string>; data: string }[] = [];

beforeAll(async () => {
  h = await apiHarness();
  t.carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  t.kt1 = (await h.principal({ name: 'Đầu mối KT1', role: 'officer', agencyId: 'NATIONAL-KT1' })).token;
  t.manager = (await h.principal({ name: 'Sở KH&CN Thanh Hóa', role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token;
  const opened = await call(h.base, t.carrier, 'POST', '/v1/cases', detectionBody('CODEC-1', { kt1: true, description: DESCRIPTION }), {
    'idempotency-key': 'codec-0001',
  });
  expect(opened.status, opened.text).toBe(201);
  // the history as Temporal stores it: payloads as the codec left them
  const history = await h.temporal.client.workflow.getHandle(opened.body.id).fetchHistory();
  const b64 = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('base64');
  const found = (value: unknown): unknown[] =>
    value && typeof value === 'object'
      ? 'payloads' in value && Array.isArray(value.payloads)
        ? value.payloads
        : Object.values(value).flatMap(found)
      : [];
  payloads = (history.events ?? []).flatMap(found).map((p) => {
    const { metadata, data } = p as { metadata?: Record<string, Uint8Array>; data?: Uint8Array };
    return { metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, b64(v)])), data: b64(data) };
  });
});

const clear = (ps: { data: string }[]) => ps.map((p) => Buffer.from(p.data, 'base64').toString('utf8')).join('\n');

it('keeps the KT1 case’s description out of its Temporal history in clear', () => {
  expect(payloads.length).toBeGreaterThan(3);
  expect(clear(payloads)).not.toContain(DESCRIPTION);
});

it('decodes it for a manager through the codec endpoint', async () => {
  const r = await call(h.base, t.manager!, 'POST', '/v1/codec/decode', { payloads });
  expect(r.status, r.text.slice(0, 300)).toBe(200);
  expect(r.body.payloads).toHaveLength(payloads.length);
  expect(clear(r.body.payloads)).toContain(DESCRIPTION);
});

it('refuses an officer, even the KT1 focal point, and a carrier: 403, nothing decoded', async () => {
  for (const who of ['kt1', 'carrier']) {
    const r = await call(h.base, t[who]!, 'POST', '/v1/codec/decode', { payloads });
    expect(r.status, who).toBe(403);
    expect(r.text).not.toContain(Buffer.from(DESCRIPTION).toString('base64'));
  }
});

it('answers a payload it cannot open with 422', async () => {
  const forged = { metadata: { encoding: Buffer.from('binary/encrypted').toString('base64') }, data: 'AAAA' };
  const r = await call(h.base, t.manager!, 'POST', '/v1/codec/decode', { payloads: [forged] });
  expect(r.status, r.text).toBe(422);
});
