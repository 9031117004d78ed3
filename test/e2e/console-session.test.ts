// Acceptance (issue 16): people sign in with a password to a server-side session behind an
// HttpOnly, SameSite=Strict cookie; every state-changing request needs the session's CSRF token;
// sessions end on sign-out, when idle and at their absolute limit; failures are limited per
// account and per address; every sign-in, failure and sign-out is logged; and a request without
// a valid session or CSRF token changes nothing.
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionKey, apiHarness, call, detectionBody } from '../support/api.js';
import { asSession, cookieOf, PASSWORD, person, signIn } from '../support/console.js';

const lines: Record<string, unknown>[] = [];
const log = pino(
  { level: 'info' },
  new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  }),
);
const IDLE_MS = 60_000;
const logged = (event: string) => lines.filter((l) => l.event === event);

let h: Awaited<ReturnType<typeof apiHarness>>;
let admin: string;
let carrier: string;
let officer: Awaited<ReturnType<typeof person>>;
let caseId: string;

beforeAll(async () => {
  h = await apiHarness({ log, console: { idleMs: IDLE_MS, absoluteMs: 60 * 60_000, maxFailuresPerAccount: 3, maxFailuresPerAddress: 8 } });
  admin = (await h.principal({ name: 'Quản trị', role: 'admin' })).token;
  carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  officer = await person(h, admin, {
    name: 'Cán bộ QLTT',
    role: 'officer',
    agencyId: 'TH-QLTT',
    provinceCode: 'TH',
    username: 'Can.Bo.QLTT',
  });
  const opened = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody('CONSOLE-SESSION-1'), {
    'idempotency-key': 'console-session-0001',
  });
  expect(opened.status).toBe(201);
  caseId = opened.body.id;
});

const caseEvents = () => h.db.caseEvent.count({ where: { caseId } });

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie (Secure over https) and logs the sign-in', async () => {
    const { res, csrf } = await signIn(h.base, 'can.bo.qltt'); // usernames are compared without case
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^pw_session=[\w-]{40,};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    expect(res.body).toMatchObject({ principal: { id: officer.id, role: 'officer', agencyId: 'TH-QLTT' }, idleTimeoutSeconds: 60 });
    expect(csrf).toMatch(/^[\w-]{40,}$/);
    // behind a TLS-terminating proxy on loopback (trust proxy), the cookie is Secure
    const https = await call(
      h.base,
      null,
      'POST',
      '/v1/session',
      { username: officer.username, password: PASSWORD },
      { 'x-forwarded-proto': 'https' },
    );
    expect(https.headers.get('set-cookie')).toMatch(/; Secure/i);
    expect(logged('sign-in').some((l) => l.principal === officer.id)).toBe(true);
    // only the token's hash is stored
    const token = cookieOf(res).split('=')[1]!;
    expect(await h.db.consoleSession.count({ where: { id: token } })).toBe(0);
  });

  it('gives the session the same Actor and rules as an API key', async () => {
    const s = await signIn(h.base, officer.username);
    const me = await asSession(h.base, s, 'GET', '/v1/session');
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(s.csrf);
    const bySession = await asSession(h.base, s, 'GET', `/v1/cases/${caseId}`);
    const byKey = await call(h.base, officer.token, 'GET', `/v1/cases/${caseId}`);
    expect(bySession.status).toBe(200);
    expect(bySession.body.allowedActions).toEqual(byKey.body.allowedActions);
    // what the officer may not do with a key, it may not do with a session either
    expect((await asSession(h.base, s, 'GET', '/v1/principals')).status).toBe(403);
    // a key has no console session
    expect((await call(h.base, officer.token, 'GET', '/v1/session')).status).toBe(404);
  });

  it('refuses a wrong password, an unknown user and a carrier alike, and logs each failure', async () => {
    const before = logged('sign-in-failed').length;
    const wrong = await call(h.base, null, 'POST', '/v1/session', { username: officer.username, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.type).toMatch(/sign-in-failed$/);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const unknown = await call(h.base, null, 'POST', '/v1/session', { username: 'nobody.here', password: 'whatever it may be' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).toBe(wrong.body.detail); // nothing tells which usernames exist
    expect(logged('sign-in-failed').length).toBe(before + 2);
    expect(JSON.stringify(lines)).not.toContain('not the password at all');
    const carrierPrincipal = await h.principal({ name: 'VTP system', role: 'carrier', carrierId: 'VTP' });
    const refused = await call(h.base, admin, 'PUT', `/v1/principals/${carrierPrincipal.id}/password`, {
      username: 'vtp.system',
      password: PASSWORD,
    });
    expect(refused.status).toBe(409);
  });
});

describe('a request without a valid session or CSRF token changes nothing', () => {
  it('refuses an action without the CSRF token, with a wrong one, or without a session', async () => {
    const s = await signIn(h.base, officer.username);
    const events = await caseEvents();
    const noToken = await asSession(h.base, { cookie: s.cookie }, 'POST', `/v1/cases/${caseId}/acknowledgement`, {});
    expect(noToken.status).toBe(403);
    expect(noToken.body.type).toMatch(/csrf-token-invalid$/);
    const wrongToken = await asSession(
      h.base,
      { cookie: s.cookie, csrf: 'x'.repeat(43) },
      'POST',
      `/v1/cases/${caseId}/acknowledgement`,
      {},
    );
    expect(wrongToken.status).toBe(403);
    const otherSession = await signIn(h.base, officer.username);
    const crossed = await asSession(
      h.base,
      { cookie: s.cookie, csrf: otherSession.csrf },
      'POST',
      `/v1/cases/${caseId}/acknowledgement`,
      {},
    );
    expect(crossed.status).toBe(403);
    const noSession = await call(h.base, null, 'POST', `/v1/cases/${caseId}/acknowledgement`, {}, { 'x-csrf-token': s.csrf });
    expect(noSession.status).toBe(401);
    const forged = await call(
      h.base,
      null,
      'POST',
      `/v1/cases/${caseId}/acknowledgement`,
      {},
      { cookie: 'pw_session=forged', 'x-csrf-token': s.csrf },
    );
    expect(forged.status).toBe(401);
    expect(await caseEvents()).toBe(events);
    const c = await call(h.base, officer.token, 'GET', `/v1/cases/${caseId}`);
    expect(c.body.acknowledgements).toEqual([]);
    // reading needs no token; the same request with it goes through
    expect((await asSession(h.base, { cookie: s.cookie }, 'GET', `/v1/cases/${caseId}`)).status).toBe(200);
    const done = await asSession(h.base, s, 'POST', `/v1/cases/${caseId}/acknowledgement`, {}, actionKey());
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('ACKNOWLEDGED');
  });

  it('marks no notice read without the token, and no password set', async () => {
    const s = await signIn(h.base, officer.username);
    const before = await asSession(h.base, s, 'GET', '/v1/notifications');
    expect(before.body.unreadCount).toBeGreaterThan(0);
    expect((await asSession(h.base, { cookie: s.cookie }, 'POST', '/v1/notifications/read-all')).status).toBe(403);
    expect((await asSession(h.base, { cookie: s.cookie }, 'POST', `/v1/notifications/${before.body.items[0].id}/read`)).status).toBe(403);
    expect((await asSession(h.base, s, 'GET', '/v1/notifications')).body.unreadCount).toBe(before.body.unreadCount);
    expect(await h.db.notificationRead.count()).toBe(0);
  });
});

describe('sessions end', () => {
  it('on sign-out, at once and for good; logged', async () => {
    const s = await signIn(h.base, officer.username);
    expect((await asSession(h.base, { cookie: s.cookie }, 'DELETE', '/v1/session')).status).toBe(403); // sign-out needs the token too
    const out = await asSession(h.base, s, 'DELETE', '/v1/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^pw_session=;/);
    expect((await asSession(h.base, s, 'GET', '/v1/session')).status).toBe(401);
    expect((await asSession(h.base, s, 'GET', '/v1/cases')).status).toBe(401);
    expect(logged('sign-out').some((l) => l.principal === officer.id)).toBe(true);
  });

  it('after the idle timeout, while activity keeps a session alive', async () => {
    // the clock is the database's lastSeenAt: moved back rather than waited out, so a slow machine cannot fail this
    const idle = await signIn(h.base, officer.username);
    const busy = await signIn(h.base, officer.username);
    const lastSeen = (csrf: string, msAgo: number) =>
      h.db.consoleSession.updateMany({ where: { csrfToken: csrf }, data: { lastSeenAt: new Date(Date.now() - msAgo) } });
    await lastSeen(idle.csrf, IDLE_MS + 1000);
    await lastSeen(busy.csrf, IDLE_MS - 10_000);
    expect((await asSession(h.base, busy, 'GET', '/v1/session')).status).toBe(200);
    // that request was activity: the idle timeout starts again from it
    const touched = await h.db.consoleSession.findFirstOrThrow({ where: { csrfToken: busy.csrf } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(IDLE_MS / 2);
    const ended = await asSession(h.base, idle, 'GET', '/v1/session');
    expect(ended.status).toBe(401);
    const row = await h.db.consoleSession.findFirst({ where: { csrfToken: idle.csrf } });
    expect(row?.endReason).toBe('IDLE');
    expect(logged('session-ended').some((l) => l.reason === 'IDLE')).toBe(true);
    // ended for good: activity does not bring it back
    await lastSeen(idle.csrf, 0);
    expect((await asSession(h.base, idle, 'GET', '/v1/session')).status).toBe(401);
  });

  it('at the absolute limit, however active', async () => {
    const s = await signIn(h.base, officer.username);
    await h.db.consoleSession.updateMany({ where: { csrfToken: s.csrf }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await asSession(h.base, s, 'GET', '/v1/session')).status).toBe(401);
    expect((await h.db.consoleSession.findFirst({ where: { csrfToken: s.csrf } }))?.endReason).toBe('EXPIRED');
  });

  it('when an administrator resets the password', async () => {
    const s = await signIn(h.base, officer.username);
    const reset = await call(h.base, admin, 'PUT', `/v1/principals/${officer.id}/password`, {
      username: officer.username,
      password: PASSWORD,
    });
    expect(reset.body.endedSessions).toBeGreaterThanOrEqual(1);
    expect((await asSession(h.base, s, 'GET', '/v1/session')).status).toBe(401);
  });
});

describe('failed sign-ins are limited', () => {
  it('per account: past the limit even the right password waits, with Retry-After', async () => {
    const victim = await person(h, admin, {
      name: 'Lãnh đạo',
      role: 'manager',
      agencyId: 'TH-QLTT',
      provinceCode: 'TH',
      username: 'lanh.dao',
    });
    for (let i = 0; i < 3; i++)
      expect((await call(h.base, null, 'POST', '/v1/session', { username: victim.username, password: `wrong ${i} password` })).status).toBe(
        401,
      );
    const locked = await call(h.base, null, 'POST', '/v1/session', { username: victim.username, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.type).toMatch(/sign-in-locked$/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(logged('sign-in-locked').length).toBeGreaterThan(0);
  });

  it('per address: many usernames from one address are stopped too', async () => {
    const from = { 'x-forwarded-for': '203.0.113.9' }; // trust proxy: loopback forwards the client's address
    for (let i = 0; i < 8; i++)
      await call(h.base, null, 'POST', '/v1/session', { username: `guess${i}`, password: 'a wrong password' }, from);
    const locked = await call(h.base, null, 'POST', '/v1/session', { username: officer.username, password: PASSWORD }, from);
    expect(locked.status).toBe(429);
    // another address is not held up by it
    expect((await call(h.base, null, 'POST', '/v1/session', { username: officer.username, password: PASSWORD })).status).toBe(201);
  });
});

describe('npm run admin -- set-password', () => {
  /** The operator CLI against this file's database, the password on standard input. */
  const cli = (args: string[], stdin: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const p = spawn('node_modules/.bin/tsx', ['scripts/admin.ts', ...args], { env: { ...process.env, DATABASE_URL: h.url } });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (d) => (stdout += d));
      p.stderr.on('data', (d) => (stderr += d));
      p.on('close', (code) => resolve({ code, stdout, stderr }));
      p.stdin.end(stdin);
    });

  it('sets a password an officer then signs in with, ending the sessions it had; logged without the password', async () => {
    const s = await signIn(h.base, officer.username);
    const r = await cli(['set-password', '--principal', officer.id, '--username', 'an.officer'], 'another long pass phrase\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('signs in as an.officer');
    expect(r.stderr).toContain('"event":"password-set"');
    expect(r.stderr).not.toContain('another long pass phrase');
    expect((await asSession(h.base, s, 'GET', '/v1/session')).status).toBe(401);
    expect((await call(h.base, null, 'POST', '/v1/session', { username: 'an.officer', password: 'another long pass phrase' })).status).toBe(
      201,
    );
  });

  it('refuses a short password (exit 3, invalid value) and a carrier (exit 5, refused)', async () => {
    const short = await cli(['set-password', '--principal', officer.id, '--username', 'an.officer'], 'short\n');
    expect(short.code).toBe(3);
    expect(short.stderr).toMatch(/the password/);
    const carrierId = (await h.db.principal.findFirstOrThrow({ where: { role: 'carrier' } })).id;
    const refused = await cli(['set-password', '--principal', carrierId, '--username', 'vnp.system'], `${PASSWORD}\n`);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(/API keys/);
  });
});
