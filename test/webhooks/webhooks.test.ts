// Acceptance: a webhook receiver gets every event of a case once or more, verifies each signature,
// and the delivery log shows the retries after the receiver fails on purpose. Everything is real:
// PostgreSQL, the Temporal dev server and worker, the API on port 0, receivers on 127.0.0.1.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { createLogger } from '../../platform/logger.js';
import { createDb, type Db } from '../../prisma/client.js';
import { startWebhookDispatcher, type WebhookDispatcher } from '../../webhooks/dispatcher.js';
import { sign } from '../../webhooks/signing.js';
import { call, detectionBody, principalToken, act } from '../support/api.js';
import { seedForCases } from '../support/cases.js';
import { migratedDatabase } from '../support/db.js';
import { devServerHarness } from '../support/temporal.js';

// ---------- a receiver's own verification, written from the Standard Webhooks spec (not our signer) ----------

type Verdict = { ok: true } | { ok: false; reason: string };

function verifyStandardWebhook(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  nowSec = Date.now() / 1000,
): Verdict {
  const id = headers['webhook-id'];
  const ts = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !ts || !signatures) return { ok: false, reason: 'missing headers' };
  if (!/^\d+$/.test(ts) || Math.abs(nowSec - Number(ts)) > 300) return { ok: false, reason: 'timestamp outside tolerance' };
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest();
  for (const part of signatures.split(' ')) {
    const [version, value] = part.split(',');
    if (version !== 'v1' || !value) continue;
    const got = Buffer.from(value, 'base64');
    if (got.length === expected.length && timingSafeEqual(got, expected)) return { ok: true };
  }
  return { ok: false, reason: 'no matching signature' };
}

// ---------- receivers: one HTTP server, one path per endpoint ----------

interface Received {
  path: string;
  id: string;
  headers: Record<string, string | undefined>;
  body: string;
  message: any;
  verdict: Verdict;
  status: number;
}

const received: Received[] = [];
const secrets = new Map<string, string>(); // path → secret the registration returned
const attemptsById = new Map<string, number>();
/** How each receiver answers the nth request carrying one webhook-id. */
const behaviour: Record<string, (nth: number) => number> = {
  '/vnp': (nth) => (nth <= 2 ? 500 : 204), // fails the first two attempts of every delivery, on purpose
  '/vtp': () => 200,
  '/qltt': () => 200,
  '/dept': () => 200,
  '/down': () => 503,
};

const flat = (h: IncomingHttpHeaders) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));

const receiver: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = flat(req.headers);
    const id = headers['webhook-id'] ?? '';
    const path = req.url ?? '';
    const secret = secrets.get(path);
    const verdict: Verdict = secret ? verifyStandardWebhook(secret, headers, body) : { ok: false, reason: 'unknown path' };
    const nth = (attemptsById.get(`${path} ${id}`) ?? 0) + 1;
    attemptsById.set(`${path} ${id}`, nth);
    const status = !verdict.ok ? 401 : (behaviour[path]?.(nth) ?? 404);
    received.push({ path, id, headers, body, message: JSON.parse(body), verdict, status });
    res.writeHead(status).end();
  });
});

// ---------- the system under test ----------

let db: Db;
let dbUrl: string;
let base: string;
let hook: string;
let dispatcher: WebhookDispatcher;
const t: Record<string, string> = {};
const endpoints: Record<string, string> = {}; // path → endpoint id
let vnpCase: { id: string; number: string };
let vtpCase: { id: string; number: string };

const BACKOFF = { baseMs: 100, factor: 2, maxMs: 1000 };
const MAX_ATTEMPTS = 4;

beforeAll(async () => {
  const m = await migratedDatabase();
  db = m.db;
  dbUrl = m.url;
  await seedForCases(db);
  const temporal = await devServerHarness({ db, now: () => new Date() });
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  // the routes read an optional `webhooks` dependency that lets http://127.0.0.1 receivers in
  const deps = {
    db,
    temporal: { connection: temporal.connection, client: temporal.client },
    taskQueue: temporal.taskQueue,
    log,
    webhooks: { allowInsecureLocalhost: true },
  };
  const api: Server = await new Promise((r) => {
    const s = createApp(deps).listen(0, '127.0.0.1', () => r(s));
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(api.address() as { port: number }).port}`;
  hook = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
  // the dispatcher has a pool of its own, as it does in a worker process
  const dispatcherDb = createDb(m.url, { max: 5 });
  dispatcher = startWebhookDispatcher({
    db: dispatcherDb,
    log,
    pollMs: 50,
    backoff: BACKOFF,
    maxAttempts: MAX_ATTEMPTS,
    timeoutMs: 5000,
    allowInsecureLocalhost: true,
  });
  afterAll(async () => {
    await dispatcher.stop();
    await dispatcherDb.$disconnect();
    await new Promise((r) => api.close(r));
    await new Promise((r) => receiver.close(r));
    await temporal.close();
  });

  t.vnp = (await principalToken(db, { name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' })).token;
  t.vtp = (await principalToken(db, { name: 'Viettel Post integration', role: 'carrier', carrierId: 'VTP' })).token;
  t.qltt = (
    await principalToken(db, { name: 'Nguyễn Văn A', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH', title: 'TEAM_LEAD' })
  ).token;
  t.dept = (await principalToken(db, { name: 'Lê Văn C', role: 'officer', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token;
  t.admin = (await principalToken(db, { name: 'Admin', role: 'admin' })).token;
});

async function register(token: string, path: string, extra: Record<string, unknown> = {}) {
  const r = await call(base, token, 'POST', '/v1/webhook-endpoints', { url: hook + path, ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  secrets.set(path, r.body.secret);
  endpoints[path] = r.body.id;
  return r.body;
}

const deliveries = async (token: string, query: Record<string, string>) => {
  const r = await call(base, token, 'GET', `/v1/webhook-deliveries?${new URLSearchParams(query)}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items as any[];
};

const at = (path: string, caseId?: string) => received.filter((x) => x.path === path && (!caseId || x.message.data.caseId === caseId));

async function openCase(token: string, ref: string, key: string) {
  const r = await call(base, token, 'POST', '/v1/cases', detectionBody(ref), { 'idempotency-key': key });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { id: r.body.id as string, number: r.body.number as string };
}

async function step(token: string, caseId: string, path: string, body: unknown) {
  const r = await act({ base }, token, caseId, path, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

describe('signatures', () => {
  it('reproduce the Standard Webhooks published test vector', () => {
    expect(sign('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('are checked by the receiver: a tampered body, a wrong secret or a stale timestamp fail', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"type":"case.detected"}';
    const now = Math.floor(Date.now() / 1000);
    const headers = { 'webhook-id': 'd-1', 'webhook-timestamp': String(now), 'webhook-signature': sign(secret, 'd-1', now, body) };
    expect(verifyStandardWebhook(secret, headers, body)).toEqual({ ok: true });
    expect(verifyStandardWebhook(secret, headers, body.replace('detected', 'cleared'))).toMatchObject({ ok: false });
    expect(verifyStandardWebhook('whsec_' + Buffer.alloc(32, 7).toString('base64'), headers, body)).toMatchObject({ ok: false });
    expect(verifyStandardWebhook(secret, { ...headers, 'webhook-id': 'd-2' }, body)).toMatchObject({ ok: false });
    const old = now - 3600;
    expect(
      verifyStandardWebhook(
        secret,
        { ...headers, 'webhook-timestamp': String(old), 'webhook-signature': sign(secret, 'd-1', old, body) },
        body,
      ),
    ).toEqual({
      ok: false,
      reason: 'timestamp outside tolerance',
    });
  });
});

describe('webhooks over HTTP', () => {
  it('registers endpoints per carrier and agency, shows the secret once, and checks URLs and owners', async () => {
    const vnp = await register(t.vnp!, '/vnp');
    expect(vnp).toMatchObject({ owner: { type: 'carrier', id: 'VNP' }, url: `${hook}/vnp`, eventTypes: [], disabledAt: null });
    expect(vnp.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect((await register(t.vtp!, '/vtp')).owner).toEqual({ type: 'carrier', id: 'VTP' });
    expect((await register(t.qltt!, '/qltt')).owner).toEqual({ type: 'agency', id: 'TH-QLTT' });
    expect((await register(t.dept!, '/dept', { eventTypes: ['ACKNOWLEDGED'] })).eventTypes).toEqual(['ACKNOWLEDGED']);
    expect((await register(t.admin!, '/down', { owner: { type: 'carrier', id: 'VNP' } })).owner).toEqual({ type: 'carrier', id: 'VNP' });

    const mine = await call(base, t.vnp!, 'GET', '/v1/webhook-endpoints');
    expect(mine.body.items.map((e: { id: string }) => e.id).sort()).toEqual([endpoints['/vnp'], endpoints['/down']].sort());
    expect(mine.text).not.toContain('whsec_');
    expect((await call(base, t.admin!, 'GET', '/v1/webhook-endpoints')).body.items).toHaveLength(5);
    expect((await call(base, t.vtp!, 'GET', `/v1/webhook-endpoints/${endpoints['/vnp']}`)).status).toBe(404);

    const refused = async (token: string, body: unknown, status: number, field?: string) => {
      const r = await call(base, token, 'POST', '/v1/webhook-endpoints', body);
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      if (field) expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await refused(t.vnp!, { url: 'http://receiver.example.com/hook' }, 400, 'url');
    await refused(t.vnp!, { url: 'https://10.1.2.3/hook' }, 400, 'url');
    await refused(t.vnp!, { url: 'https://169.254.169.254/latest/meta-data' }, 400, 'url');
    await refused(t.vnp!, { url: 'not a url' }, 400, 'url');
    await refused(t.vnp!, { url: 'https://receiver.example.com/hook', eventTypes: ['detected'] }, 400, 'eventTypes.0');
    await refused(t.vnp!, { url: 'https://receiver.example.com/hook', extra: true }, 400);
    await refused(t.vnp!, { url: 'https://receiver.example.com/hook', owner: { type: 'carrier', id: 'VTP' } }, 403);
    await refused(t.qltt!, { url: 'https://receiver.example.com/hook', owner: { type: 'agency', id: 'TH-POLICE' } }, 403);
    await refused(t.admin!, { url: 'https://receiver.example.com/hook' }, 400, 'owner');
    await refused(t.admin!, { url: 'https://receiver.example.com/hook', owner: { type: 'carrier', id: 'NOPE' } }, 422);
  });

  it('delivers every event of the case to its carrier, signed, retrying after the receiver fails on purpose', async () => {
    vnpCase = await openCase(t.vnp!, 'WH-1', 'webhook-key-0001');
    await step(t.vnp!, vnpCase.id, 'hold-confirmation', { holdRecordRef: 'BB-2026-01' });
    await step(t.dept!, vnpCase.id, 'acknowledgement', {});
    await step(t.qltt!, vnpCase.id, 'acknowledgement', {});
    await step(t.qltt!, vnpCase.id, 'verification', { outcome: 'started' });
    await step(t.qltt!, vnpCase.id, 'information-requests', { question: 'Hóa đơn nhập hàng?' });
    const history = (await call(base, t.vnp!, 'GET', `/v1/cases/${vnpCase.id}/history`)).body.events as { seq: number; type: string }[];
    expect(history.map((e) => e.type)).toEqual([
      'DETECTED',
      'AGENCIES_NOTIFIED',
      'HOLD_CONFIRMED',
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
      'VERIFICATION_STARTED',
      'INFORMATION_REQUESTED',
    ]);

    // every event reaches the receiver with a 2xx answer at least once
    const deliveredSeqs = () =>
      [
        ...new Set(
          at('/vnp', vnpCase.id)
            .filter((x) => x.status < 300)
            .map((x) => x.message.data.seq as number),
        ),
      ].sort((a, b) => a - b);
    await expect.poll(deliveredSeqs, { timeout: 30_000, interval: 100 }).toEqual(history.map((e) => e.seq));
    const got = at('/vnp', vnpCase.id);
    expect(
      got.every((x) => x.verdict.ok),
      JSON.stringify(got.filter((x) => !x.verdict.ok).map((x) => x.verdict)),
    ).toBe(true);
    for (const e of history) {
      const tries = got.filter((x) => x.message.data.seq === e.seq);
      expect(tries.map((x) => x.status)).toEqual([500, 500, 204]);
      expect(new Set(tries.map((x) => x.id)).size).toBe(1); // the same webhook-id on every retry
      expect(tries[2]!.message).toMatchObject({
        type: `case.${e.type.toLowerCase()}`,
        data: { caseId: vnpCase.id, caseNumber: vnpCase.number, seq: e.seq, eventType: e.type },
      });
    }
    // the notification log addressed to the carrier rides along
    const asked = got.find((x) => x.message.data.eventType === 'INFORMATION_REQUESTED')!;
    expect(asked.message.data.notices).toEqual([
      { kind: 'INFORMATION_REQUESTED', payload: { number: vnpCase.number, status: 'UNDER_VERIFICATION' } },
    ]);
    expect(asked.message.data.actor).toMatchObject({ role: 'officer', agencyId: 'TH-QLTT' });

    // the delivery log: two failed attempts, then the success, per event
    await expect
      .poll(async () => (await deliveries(t.vnp!, { endpointId: endpoints['/vnp']!, caseId: vnpCase.id })).map((d) => d.status), {
        timeout: 10_000,
        interval: 100,
      })
      .toEqual(history.map(() => 'DELIVERED'));
    const log = await deliveries(t.vnp!, { endpointId: endpoints['/vnp']!, caseId: vnpCase.id });
    expect(log.map((d) => d.seq)).toEqual(history.map((e) => e.seq).reverse()); // newest first
    for (const d of log) {
      expect(d).toMatchObject({ status: 'DELIVERED', attemptCount: 3, nextAttemptAt: null, eventType: history[d.seq - 1]!.type });
      expect(d.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 204]);
      expect(d.attempts.every((a: { error: string | null; durationMs: number }) => a.error === null && a.durationMs >= 0)).toBe(true);
      expect(got.some((x) => x.id === d.id)).toBe(true); // the delivery id is the webhook-id
    }
  });

  it('delivers to the agencies the case is routed to, honours event-type filters, and nothing crosses carriers', async () => {
    vtpCase = await openCase(t.vtp!, 'WH-VTP-1', 'webhook-key-0002');
    const types = (path: string, caseId: string) =>
      [
        ...new Set(
          at(path, caseId)
            .filter((x) => x.status < 300)
            .map((x) => `${x.message.data.seq}:${x.message.data.eventType}`),
        ),
      ].sort();
    // the QLTT officer's agency endpoint gets the whole VNP case; TH-DEPT only what it filtered for
    await expect
      .poll(() => types('/qltt', vnpCase.id), { timeout: 20_000, interval: 100 })
      .toEqual([
        '1:DETECTED',
        '2:AGENCIES_NOTIFIED',
        '3:HOLD_CONFIRMED',
        '4:ACKNOWLEDGED',
        '5:ACKNOWLEDGED',
        '6:VERIFICATION_STARTED',
        '7:INFORMATION_REQUESTED',
      ]);
    await expect.poll(() => types('/dept', vnpCase.id), { timeout: 20_000, interval: 100 }).toEqual(['4:ACKNOWLEDGED', '5:ACKNOWLEDGED']);
    // VTP receives its own case (the same routing sends it to the QLTT agency too); VTP holds no licence
    // in the test seed, so its case carries the finding before the agencies are told
    const vtpEvents = ['1:DETECTED', '2:LICENCE_FINDING', '3:AGENCIES_NOTIFIED'];
    await expect.poll(() => types('/vtp', vtpCase.id), { timeout: 20_000, interval: 100 }).toEqual(vtpEvents);
    await expect.poll(() => types('/qltt', vtpCase.id), { timeout: 20_000, interval: 100 }).toEqual(vtpEvents);
    expect(at('/qltt').every((x) => x.verdict.ok) && at('/dept').every((x) => x.verdict.ok) && at('/vtp').every((x) => x.verdict.ok)).toBe(
      true,
    );
    const notified = at('/qltt', vnpCase.id).find((x) => x.message.data.eventType === 'AGENCIES_NOTIFIED')!;
    expect(notified.message.data.notices.map((n: { kind: string }) => n.kind)).toEqual(['AGENCIES_NOTIFIED']);
    // ... but nothing of VNP's case, and VNP nothing of VTP's
    await dispatcher.tick();
    expect(at('/vtp', vnpCase.id)).toEqual([]);
    expect(at('/vnp', vtpCase.id)).toEqual([]);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoints['/vtp'], caseId: vnpCase.id } })).toBe(0);

    // another owner's endpoint and deliveries are invisible
    const vnpDelivery = (await deliveries(t.vnp!, { endpointId: endpoints['/vnp']!, limit: '1' }))[0]!;
    expect((await call(base, t.vtp!, 'GET', `/v1/webhook-deliveries?endpointId=${endpoints['/vnp']}`)).status).toBe(404);
    expect((await call(base, t.vtp!, 'GET', `/v1/webhook-deliveries/${vnpDelivery.id}`)).status).toBe(404);
    expect((await call(base, t.vtp!, 'POST', `/v1/webhook-deliveries/${vnpDelivery.id}/replay`)).status).toBe(404);
    expect((await call(base, t.qltt!, 'DELETE', `/v1/webhook-endpoints/${endpoints['/vnp']}`)).status).toBe(404);
    expect((await deliveries(t.vtp!, { caseId: vnpCase.id })).length).toBe(0);
    expect((await deliveries(t.admin!, { caseId: vnpCase.id })).length).toBeGreaterThan(0);
  });

  it('replays a delivery on request: the receiver gets it again with the same webhook-id', async () => {
    const [first] = await deliveries(t.vnp!, { endpointId: endpoints['/vnp']!, caseId: vnpCase.id, limit: '1' });
    const before = at('/vnp').filter((x) => x.id === first.id).length;
    const r = await call(base, t.vnp!, 'POST', `/v1/webhook-deliveries/${first.id}/replay`);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body).toMatchObject({ id: first.id, status: 'PENDING', attemptCount: 0 });
    await expect
      .poll(() => at('/vnp').filter((x) => x.id === first.id && x.status < 300).length, { timeout: 10_000, interval: 50 })
      .toBe(2);
    const again = at('/vnp')
      .filter((x) => x.id === first.id)
      .slice(before);
    expect(again.map((x) => x.status)).toEqual([204]);
    expect(again[0]!.verdict.ok).toBe(true);
    expect(again[0]!.message.data).toMatchObject({ caseId: vnpCase.id, seq: first.seq });
    await expect
      .poll(async () => (await call(base, t.vnp!, 'GET', `/v1/webhook-deliveries/${first.id}`)).body, { timeout: 10_000, interval: 50 })
      .toMatchObject({ status: 'DELIVERED', attemptCount: 1 });
    const d = (await call(base, t.vnp!, 'GET', `/v1/webhook-deliveries/${first.id}`)).body;
    expect(d.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 204, 204]);
  });

  it('gives up after the configured attempts with growing delays, and lists the log page by page', async () => {
    const failed = async () => deliveries(t.vnp!, { endpointId: endpoints['/down']!, caseId: vnpCase.id, status: 'FAILED' });
    await expect.poll(async () => (await failed()).length, { timeout: 30_000, interval: 100 }).toBe(7);
    for (const d of await failed()) {
      expect(d.attemptCount).toBe(MAX_ATTEMPTS);
      expect(d.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([503, 503, 503, 503]);
      const starts = d.attempts.map((a: { at: string }) => Date.parse(a.at));
      // attempt n+1 waits at least 80 % of baseMs · factor^(n-1) after attempt n ended
      starts
        .slice(1)
        .forEach((s: number, i: number) => expect(s - starts[i]).toBeGreaterThanOrEqual(0.8 * BACKOFF.baseMs * BACKOFF.factor ** i - 2));
    }
    expect(at('/down').every((x) => x.verdict.ok)).toBe(true);

    // keyset pages over the VNP endpoints' deliveries, newest first, no repeats
    const seen: string[] = [];
    let next: string | null = `/v1/webhook-deliveries?caseId=${vnpCase.id}&limit=3`;
    while (next) {
      const page: { status: number; body: { items: { id: string }[]; next: string | null } } = await call(base, t.vnp!, 'GET', next);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i) => i.id));
      next = page.body.next;
    }
    expect(seen).toHaveLength(14); // 7 events × (/vnp, /down)
    expect(new Set(seen).size).toBe(14);
    expect((await call(base, t.vnp!, 'GET', '/v1/webhook-deliveries?cursor=garbage')).status).toBe(400);
    expect((await call(base, t.vnp!, 'GET', '/v1/webhook-deliveries?status=LOST')).status).toBe(400);
  });

  it('disabling an endpoint stops its deliveries; a replay to it is refused', async () => {
    expect((await call(base, t.admin!, 'DELETE', `/v1/webhook-endpoints/${endpoints['/down']}`)).status).toBe(204);
    const ep = (await call(base, t.vnp!, 'GET', `/v1/webhook-endpoints/${endpoints['/down']}`)).body;
    expect(ep.disabledAt).not.toBeNull();
    const [d] = await deliveries(t.vnp!, { endpointId: endpoints['/down']!, limit: '1' });
    expect((await call(base, t.vnp!, 'POST', `/v1/webhook-deliveries/${d.id}/replay`)).status).toBe(409);
    await step(t.vnp!, vnpCase.id, 'notes', { text: 'Đã niêm phong kiện hàng' });
    await expect
      .poll(() => at('/vnp', vnpCase.id).some((x) => x.message.data.eventType === 'NOTE_ADDED' && x.status < 300), {
        timeout: 20_000,
        interval: 100,
      })
      .toBe(true);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoints['/down'], eventType: 'NOTE_ADDED' } })).toBe(0);
  });

  it('does not skip an event whose transaction commits after a later one (sequence gaps)', async () => {
    // Two writers draw CaseEvent ids 1 and 2 (relative); 2 commits first. The fan-out must wait for 1
    // rather than move its cursor past it. A rolled-back id is a gap that is skipped, once final.
    await dispatcher.tick();
    const slow = new pg.Client({ connectionString: dbUrl });
    const fast = new pg.Client({ connectionString: dbUrl });
    await slow.connect();
    await fast.connect();
    const insert = (c: pg.Client, seq: number) =>
      c.query(
        `INSERT INTO "CaseEvent" ("caseId", seq, type, "actorId", "actorRole", at, payload, "prevHash", hash)
         VALUES ($1, $2, 'NOTE_ADDED', 'test', 'carrier', now(), '{}', 'x', 'x') RETURNING id`,
        [vtpCase.id, seq],
      );
    try {
      await slow.query('BEGIN');
      await insert(slow, 901); // not yet committed
      await fast.query('BEGIN');
      await insert(fast, 902);
      await fast.query('ROLLBACK'); // a permanent gap
      await insert(fast, 903); // committed
      // the fan-out sees the gap and waits for the open writer on its SHARE lock
      await expect
        .poll(
          async () =>
            (
              await fast.query(
                `SELECT count(*)::int AS n FROM pg_locks WHERE relation = '"CaseEvent"'::regclass AND mode = 'ShareLock' AND NOT granted`,
              )
            ).rows[0].n,
          { timeout: 10_000, interval: 20 },
        )
        .toBeGreaterThan(0);
      expect(await db.webhookDelivery.count({ where: { caseId: vtpCase.id, eventType: 'NOTE_ADDED' } })).toBe(0);
      await slow.query('COMMIT');
      const seqs = () =>
        [
          ...new Set(
            at('/vtp', vtpCase.id)
              .filter((x) => x.status < 300)
              .map((x) => x.message.data.seq),
          ),
        ].sort();
      await expect.poll(seqs, { timeout: 10_000, interval: 50 }).toEqual([1, 2, 3, 901, 903]); // 2: VTP's licence finding
    } finally {
      await slow.end();
      await fast.end();
    }
  });
});
