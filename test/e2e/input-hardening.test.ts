// Regressions from the Schemathesis run (scripts/schemathesis.sh): inputs that used to answer 500
// or, worse, wedge a case's workflow now answer 4xx.
import { connect } from 'node:net';
import { beforeAll, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../api/http/validate.js';
import { apiHarness, call, detectionBody, act } from '../support/api.js';

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
  const nul = await act(h, carrier, id, 'notes', { text: 'a\u0000b' });
  expect(nul.status).toBe(400);
  expect(nul.body.errors).toEqual([{ in: 'body', field: 'text', message: 'must not contain NUL characters', code: 'nul' }]);
  const evidence = await act(h, carrier, id, 'evidence', { evidence: [{ ref: 'x', description: '\u0000' }] });
  expect(evidence.status).toBe(400);
  expect(evidence.body.errors[0].field).toBe('evidence.0.description');
  // the case still takes actions
  expect((await act(h, carrier, id, 'notes', { text: 'still fine' })).status).toBe(200);
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

// ---- issue 19, defect 1: ill-formed Unicode never reaches PostgreSQL ----

it('refuses a lone surrogate in an intake with 400 naming the field, and the carrier can open the case once corrected', async () => {
  const body = detectionBody('HARD-SURROGATE', { description: 'túi xách \ud800 giả' });
  const bad = await call(h.base, carrier, 'POST', '/v1/cases', body, { 'idempotency-key': 'hardening-surrogate-1' });
  expect(bad.status).toBe(400);
  expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(bad.body.errors).toEqual([
    { in: 'body', field: 'description', message: 'must be well-formed Unicode (no lone surrogates)', code: 'ill_formed_unicode' },
  ]);
  // nothing was started: the same reference opens its case with a well-formed description
  const good = await call(
    h.base,
    carrier,
    'POST',
    '/v1/cases',
    { ...body, description: 'túi xách giả' },
    { 'idempotency-key': 'hardening-surrogate-2' },
  );
  expect(good.status).toBe(201);
  expect((await act(h, carrier, good.body.id, 'notes', { text: 'still fine' })).status).toBe(200);
});

it('refuses a lone surrogate in a note (high or low, in a value or a key) with 400, and the case keeps taking actions', async () => {
  for (const text of ['a\ud800b', 'a\udc00', '\udbff']) {
    const r = await act(h, carrier, id, 'notes', { text });
    expect(r.status, JSON.stringify(text)).toBe(400);
    expect(r.body.errors).toEqual([
      { in: 'body', field: 'text', message: 'must be well-formed Unicode (no lone surrogates)', code: 'ill_formed_unicode' },
    ]);
  }
  const key = await act(h, carrier, id, 'evidence', { evidence: [{ ref: 'x', ['d\ud800']: 'y' }] });
  expect(key.status).toBe(400);
  expect(key.body.errors[0].field).toBe('evidence.0.d\ud800');
  // a well-formed pair (an emoji) is text like any other
  const note = await act(h, carrier, id, 'notes', { text: 'ảnh 📦 đã gửi' });
  expect(note.status).toBe(200);
  const history = await call(h.base, carrier, 'GET', `/v1/cases/${id}/history`);
  expect(history.body.events.at(-1).payload.action.text).toBe('ảnh 📦 đã gửi');
});

it('refuses ill-formed percent-encoded UTF-8 in the query with 400 instead of silently replacing it', async () => {
  const r = await call(h.base, carrier, 'GET', '/v1/cases?q=%ED%A0%80');
  expect(r.status).toBe(400);
  expect(r.body.errors).toEqual([
    { in: 'query', field: 'q', message: 'must be well-formed percent-encoded UTF-8', code: 'ill_formed_unicode' },
  ]);
  expect((await call(h.base, carrier, 'GET', `/v1/cases?q=${encodeURIComponent('EE1')}`)).status).toBe(200);
});

it('refuses a header whose bytes are not UTF-8 (an encoded lone surrogate) with 400 naming the header', async () => {
  const { port } = new URL(h.base);
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(
        Buffer.concat([
          Buffer.from(
            `POST /v1/cases/${id}/notes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${carrier}\r\nContent-Type: application/json\r\n`,
          ),
          Buffer.from('Idempotency-Key: note-key-'),
          Buffer.from([0xed, 0xa0, 0x80]),
          Buffer.from('\r\nContent-Length: 13\r\nConnection: close\r\n\r\n{"text":"hi"}'),
        ]),
      );
    });
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
  expect(raw).toMatch(/^HTTP\/1\.1 400/);
  const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
  expect(body.errors).toEqual([
    { in: 'header', field: 'idempotency-key', message: 'must be well-formed UTF-8', code: 'ill_formed_unicode' },
  ]);
});

// ---- issue 19, defect 3: nesting is bounded before the body is walked ----

it('answers JSON nested 7,500 deep with 400 problem+json (it used to overflow the stack: 500)', async () => {
  const deep = '{"text":' + '['.repeat(7_500) + ']'.repeat(7_500) + '}';
  const r = await fetch(`${h.base}/v1/cases/${id}/notes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${carrier}`, 'content-type': 'application/json' },
    body: deep,
  });
  expect(r.status).toBe(400);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = await r.json();
  expect(body.errors[0]).toMatchObject({
    in: 'body',
    message: `must not nest deeper than ${MAX_DEPTH} levels`,
    code: 'too_deep',
    limit: MAX_DEPTH,
  });
  expect(body.errors[0].field.split('.')).toHaveLength(MAX_DEPTH);
  // as deep as the limit is judged by the schema like any other body
  const atLimit = '{"text":' + '['.repeat(MAX_DEPTH - 1) + ']'.repeat(MAX_DEPTH - 1) + '}';
  const schema = await act(h, carrier, id, 'notes', JSON.parse(atLimit));
  expect(schema.status).toBe(400);
  expect(schema.body.errors[0]).toMatchObject({ field: 'text', message: expect.not.stringContaining('nest') });
});

// ---- issue 19, defect 4: dates that cannot be true are 422 ----

it('refuses a detection from the future or from long ago with 422 naming detectedAt, and accepts a little clock skew', async () => {
  const open = (ref: string, detectedAt: string) =>
    call(h.base, carrier, 'POST', '/v1/cases', detectionBody(ref, { detectedAt }), { 'idempotency-key': `hardening-${ref}` });
  for (const [ref, detectedAt, message] of [
    ['DATE-2999', '2999-01-01T00:00:00Z', 'must not be in the future'],
    ['DATE-1900', '1900-01-01T00:00:00Z', 'must be within the last 30 days: a detection is reported promptly (Directive 28)'],
    ['DATE-HOUR', new Date(Date.now() + 3_600_000).toISOString(), 'must not be in the future'],
  ] as const) {
    const r = await open(ref, detectedAt);
    expect(r.status, ref).toBe(422);
    expect(r.body.type).toBe('https://postwatch.dev/problems/implausible-value');
    expect(r.body.errors).toEqual([{ in: 'body', field: 'detectedAt', message, code: 'implausible' }]);
  }
  // a malformed instant is still a 400, not a 422
  expect((await open('DATE-BAD', 'yesterday')).status).toBe(400);
  const skewed = await open('DATE-SKEW', new Date(Date.now() + 60_000).toISOString());
  expect(skewed.status).toBe(201);
  const lastWeek = await open('DATE-WEEK', new Date(Date.now() - 7 * 86_400_000).toISOString());
  expect(lastWeek.status).toBe(201);
});

it('refuses a violation date of 1900, in the future or on no real day with 422 naming violationDate: the case is not expired', async () => {
  const qltt = (await h.principal({ name: 'QLTT', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' })).token;
  const dept = (await h.principal({ name: 'Sở', role: 'officer', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token;
  const open = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody('HARD-VIOLATION'), {
    'idempotency-key': 'hardening-violation',
  });
  const cid = open.body.id as string;
  for (const [token, path, body] of [
    [dept, 'acknowledgement', {}],
    [qltt, 'acknowledgement', {}],
    [qltt, 'verification', { outcome: 'started' }],
  ] as const)
    expect((await act(h, token, cid, path, body)).status).toBe(200);
  for (const [violationDate, message] of [
    ['1900-01-01', /too early: the sanctioning limitation counted from it ended on 1901-01-01/],
    ['2999-01-01', /must not be in the future/],
    ['2026-02-30', /must be a real date/],
  ] as const) {
    const r = await act(h, qltt, cid, 'verification', {
      outcome: 'violation',
      against: 'SENDER',
      summary: 'x',
      violationDate,
    });
    expect(r.status, violationDate).toBe(422);
    expect(r.body.code).toBe('INVALID_DATE');
    expect(r.body.errors).toEqual([{ in: 'body', field: 'violationDate', message: expect.stringMatching(message), code: 'implausible' }]);
  }
  await new Promise((r) => setTimeout(r, 2_000)); // the case the 1900 date used to expire two seconds later
  const still = await call(h.base, qltt, 'GET', `/v1/cases/${cid}`);
  expect(still.body.status).toBe('UNDER_VERIFICATION');
  // a plausible date, weeks before the detection, is taken
  const weeksBefore = new Date(Date.parse(open.body.detectedAt) - 40 * 86_400_000).toISOString().slice(0, 10);
  const ok = await act(h, qltt, cid, 'verification', {
    outcome: 'violation',
    against: 'SENDER',
    summary: 'x',
    violationDate: weeksBefore,
  });
  expect(ok.status).toBe(200);
  expect(ok.body.violation.violationDate).toBe(weeksBefore);
});
