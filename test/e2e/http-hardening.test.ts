// Issue 19, defect 8: what answers say about themselves (security headers, no caching of keyed
// answers), 415 for a body that is not JSON, failed authentications throttled per address, prefix
// search that takes `%` and `_` literally, and a history CSV that no spreadsheet runs as formulas.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, call, detectionBody, act } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
const t: Record<string, string> = {};
const FAILURES_PER_MINUTE = 5;

beforeAll(async () => {
  h = await apiHarness({ authFailuresPerMinute: FAILURES_PER_MINUTE });
  t.carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  t.qltt = (await h.principal({ name: 'QLTT', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' })).token;
  t.dept = (await h.principal({ name: 'Sở', role: 'officer', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token;
});

const open = async (ref: string, over: Record<string, unknown> = {}) => {
  const r = await call(h.base, t.carrier!, 'POST', '/v1/cases', detectionBody(ref, over), { 'idempotency-key': `http-${ref}` });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
};

describe('headers', () => {
  it('tells browsers not to sniff, frame or refer, and keyed answers (200 or 401) that no cache may keep them', async () => {
    const id = await open('HDR-1');
    for (const r of [await call(h.base, t.carrier!, 'GET', `/v1/cases/${id}`), await call(h.base, 'pw_unknown_key', 'GET', '/v1/cases')]) {
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    const health = await fetch(`${h.base}/healthz`);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives /docs a policy that runs only its own scripts, and allows its one inline style by hash', async () => {
    for (const path of ['/docs', '/docs/init.js', '/docs/assets/swagger-ui.css']) {
      const csp = (await fetch(h.base + path)).headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe');
    }
  });
});

describe('content type', () => {
  it('answers a body that is not JSON with 415 problem+json, and takes the same body as JSON', async () => {
    const id = await open('CT-1');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const r = await fetch(`${h.base}/v1/cases/${id}/notes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.carrier}`, 'content-type': type },
        body: '{"text":"hello"}',
      });
      expect(r.status, type).toBe(415);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await r.json()).type).toBe('https://postwatch.dev/problems/unsupported-media-type');
    }
    expect((await act(h, t.carrier!, id, 'notes', { text: 'hello' })).status).toBe(200);
  });
});

describe('prefix search', () => {
  it('matches `%` and `_` only as themselves', async () => {
    await open('LIKE-1', { trackingNumber: 'PCT%_001VN' });
    await open('LIKE-2', { trackingNumber: 'EE555000111VN' });
    const q = async (prefix: string) =>
      (await call(h.base, t.carrier!, 'GET', `/v1/cases?q=${encodeURIComponent(prefix)}`)).body.items.map(
        (c: { trackingNumber: string }) => c.trackingNumber,
      );
    expect(await q('%')).toEqual([]);
    expect(await q('_')).toEqual([]);
    expect(await q('E_')).toEqual([]);
    expect(await q('PCT%_')).toEqual(['PCT%_001VN']);
    expect(await q('EE555')).toEqual(['EE555000111VN']);
  });
});

describe('history CSV', () => {
  it('prefixes cells an officer’s text would start with = + - @ with an apostrophe, so a spreadsheet shows them as text', async () => {
    const reasons = ['=HYPERLINK("https://evil.example","bấm")', '@SUM(A1)'];
    for (const [n, reason] of reasons.entries()) {
      const id = await open(`CSV-${n}`);
      for (const [token, path, body] of [
        [t.dept, 'acknowledgement', {}],
        [t.qltt, 'acknowledgement', {}],
        [t.qltt, 'verification', { outcome: 'started' }],
        [t.qltt, 'verification', { outcome: 'cleared', reason }],
      ] as const)
        expect((await act(h, token!, id, path, body)).status).toBe(200);
      const csv = (await call(h.base, t.qltt!, 'GET', `/v1/cases/${id}/history?format=csv`)).text;
      const cleared = csv.split('\r\n').find((l) => l.includes('CLEARED'))!;
      const cell = `'${reason}`;
      expect(cleared.includes(/[",]/.test(cell) ? `,"${cell.replaceAll('"', '""')}",` : `,${cell},`), cleared).toBe(true);
      expect(csv).not.toMatch(/(^|,)"?[=+@-]/m);
    }
  });
});

describe('history CSV, in full', () => {
  it('carries what each event says: the detection, the question, the answer and the notes', async () => {
    const id = await open('CSV-FULL');
    for (const [token, path, body] of [
      [t.qltt, 'acknowledgement', {}],
      [t.qltt, 'information-requests', { question: 'Người gửi là ai?' }],
      [t.carrier, 'information-responses', { answer: 'Cửa hàng X, Hoằng Hóa' }],
      [t.qltt, 'notes', { text: 'Đã liên hệ người gửi' }],
    ] as const)
      expect((await act(h, token!, id, path, body)).status).toBe(200);
    const csv = (await call(h.base, t.qltt!, 'GET', `/v1/cases/${id}/history?format=csv`)).text;
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(header!.split(',').at(-1)).toBe('details');
    const row = (type: string) => rows.find((l) => l.split(',')[2] === type) ?? '';
    expect(row('DETECTED')).toContain('20 túi xách giả nhãn hiệu');
    expect(row('INFORMATION_REQUESTED')).toContain('Người gửi là ai?');
    expect(row('INFORMATION_PROVIDED')).toContain('Cửa hàng X, Hoằng Hóa');
    expect(row('NOTE_ADDED')).toContain('Đã liên hệ người gửi');
  });
});

describe('failed authentications', () => {
  it('throttle an address after a few unknown keys (429 with Retry-After, its valid keys too), and only that address', async () => {
    const from = (address: string, token: string) => call(h.base, token, 'GET', '/v1/cases', undefined, { 'x-forwarded-for': address });
    const guesser = '203.0.113.7';
    for (let i = 0; i < FAILURES_PER_MINUTE; i++) expect((await from(guesser, `pw_guess_${i}`)).status).toBe(401);
    const throttled = await from(guesser, 'pw_guess_next');
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(throttled.body.type).toBe('https://postwatch.dev/problems/authentication-throttled');
    expect((await from(guesser, t.carrier!)).status).toBe(429); // no key is looked up from it for the rest of the minute
    expect((await from('198.51.100.2', t.carrier!)).status).toBe(200);
    // requests without a key cost no lookup and do not count
    for (let i = 0; i < FAILURES_PER_MINUTE + 2; i++)
      expect((await call(h.base, null, 'GET', '/v1/cases', undefined, { 'x-forwarded-for': '198.51.100.3' })).status).toBe(401);
    expect((await from('198.51.100.3', t.carrier!)).status).toBe(200);
  });
});
