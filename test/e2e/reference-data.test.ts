// Acceptance (gap G9): administrators correct the reference data over the API without a release.
// A corrected holiday changes the deadlines of cases opened after it, while a running case keeps
// the calendar it opened with; other roles read but cannot write; input is checked field by
// field and against the rules of the data; every change is logged, old → new, in the
// append-only ReferenceChange table and at info in the log.
import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import { promisify } from 'node:util';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { addWorkingDays, vnDate, type WorkCalendar } from '../../domain/calendar.js';
import { REDACT } from '../../platform/logger.js';
import { seedReferenceData } from '../../prisma/reference/seed.js';
import { apiHarness, call, detectionBody } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
let base: string;
const logLines: Record<string, any>[] = [];
const tokens = { admin: '', carrier: '', officer: '', manager: '' };
let adminId = '';
let seq = 0;

type Role = keyof typeof tokens;
const as = (role: Role, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  call(base, tokens[role], method, path, body, headers);
const problemType = (slug: string) => `https://postwatch.dev/problems/${slug}`;

beforeAll(async () => {
  h = await apiHarness();
  // the same app over the same database and worker, with a log this file can read
  const log = pino(
    { level: 'info', redact: { paths: REDACT, censor: '[redacted]' } },
    { write: (line: string) => void logLines.push(JSON.parse(line)) },
  );
  const app = createApp({
    db: h.db,
    temporal: { connection: h.temporal.connection, client: h.temporal.client },
    taskQueue: h.temporal.taskQueue,
    log,
  });
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  afterAll(() => new Promise((r) => server.close(r)));
  const admin = await h.principal({ name: 'Administrator', role: 'admin' });
  adminId = admin.id;
  tokens.admin = admin.token;
  tokens.carrier = (await h.principal({ name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' })).token;
  tokens.officer = (
    await h.principal({ name: 'QLTT Thanh Hóa', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH', title: 'TEAM_LEAD' })
  ).token;
  tokens.manager = (await h.principal({ name: 'Sở KH&CN Thanh Hóa', role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token;
});

/** Opens a case as carrier VNP; answers with the case. */
async function openCase(over: Record<string, unknown> = {}) {
  const ref = `REF-${process.pid}-${++seq}`;
  const r = await as('carrier', 'POST', '/v1/cases', detectionBody(ref, over), { 'idempotency-key': `reference-${ref}` });
  return r;
}

const ackClock = (c: { deadlines: { clock: string; startedAt: string; dueAt: string }[] }) => {
  const d = c.deadlines.find((x) => x.clock === 'AGENCY_ACKNOWLEDGEMENT');
  expect(d, 'AGENCY_ACKNOWLEDGEMENT runs once the agencies are notified').toBeDefined();
  return { startedAt: new Date(d!.startedAt), dueAt: new Date(d!.dueAt) };
};

/** The working-day calendar as the API lists it now. */
async function calendarNow(): Promise<WorkCalendar> {
  const r = await as('officer', 'GET', '/v1/reference/holidays');
  expect(r.status).toBe(200);
  const days = r.body.items as { date: string; kind: string }[];
  return {
    holidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date),
    makeUpWorkdays: days.filter((d) => d.kind === 'MAKE_UP_WORKDAY').map((d) => d.date),
  };
}

async function changesOf(table: string, key: string) {
  const r = await as('admin', 'GET', `/v1/reference/changes?table=${table}&key=${encodeURIComponent(key)}`);
  expect(r.status, r.text).toBe(200);
  return r.body.items as {
    id: number;
    at: string;
    actorId: string;
    table: string;
    key: string;
    before: any;
    after: any;
    casesMoved: unknown;
  }[];
}

describe('a holiday an administrator adds', () => {
  let day = ''; // the next working day: when a case opened now must be acknowledged
  let first: { id: string; startedAt: Date; dueAt: Date };

  it('moves the acknowledgement deadline of a case opened after it and of the running case, which the change log names', async () => {
    const before = await openCase();
    expect(before.status, before.text).toBe(201);
    first = { id: before.body.id, ...ackClock(before.body) };
    // 1 working day from notification: the end of the next working day, with the calendar as it is
    expect(first.dueAt.toISOString()).toBe(addWorkingDays(first.startedAt, 1, await calendarNow()).toISOString());
    day = vnDate(first.dueAt);

    const put = await as('admin', 'PUT', `/v1/reference/holidays/${day}`, { name: 'Ngày nghỉ đột xuất (kiểm thử)' });
    expect([200, 201], put.text).toContain(put.status); // 200 when the day was a make-up Saturday
    expect(put.body).toEqual({ date: day, year: Number(day.slice(0, 4)), name: 'Ngày nghỉ đột xuất (kiểm thử)', kind: 'HOLIDAY' });
    const listed = await as('carrier', 'GET', `/v1/reference/holidays?year=${day.slice(0, 4)}`);
    expect(listed.body.items).toContainEqual(put.body);

    const after = await openCase();
    expect(after.status, after.text).toBe(201);
    const second = ackClock(after.body);
    const withHoliday = await calendarNow();
    expect(second.dueAt.toISOString()).toBe(addWorkingDays(second.startedAt, 1, withHoliday).toISOString());
    expect(vnDate(second.dueAt)).not.toBe(day);
    if (vnDate(second.startedAt) === vnDate(first.startedAt)) expect(second.dueAt.getTime()).toBeGreaterThan(first.dueAt.getTime());

    // the case already running takes the corrected calendar (issue 17, gap G7) in a run of its own,
    // which names it on the change log once every running case has taken it
    await expect.poll(async () => (await changesOf('Holiday', day))[0]!.casesMoved, { timeout: 150_000, interval: 500 }).not.toBeNull();
    const running = await as('admin', 'GET', `/v1/cases/${first.id}`);
    const moved = addWorkingDays(first.startedAt, 1, withHoliday).toISOString();
    expect(ackClock(running.body).dueAt.toISOString()).toBe(moved);
    const [logged] = await changesOf('Holiday', day);
    expect(logged!.casesMoved).toContainEqual({
      caseId: first.id,
      number: running.body.number,
      moves: [{ clock: 'AGENCY_ACKNOWLEDGEMENT', oldDueAt: first.dueAt.toISOString(), newDueAt: moved }],
    });
  }, 180_000);

  it('is undone by deleting it: a case opened next counts that day again', async () => {
    const del = await as('admin', 'DELETE', `/v1/reference/holidays/${day}`);
    expect(del.status, del.text).toBe(204);
    expect((await as('admin', 'DELETE', `/v1/reference/holidays/${day}`)).status).toBe(404);
    const again = await openCase();
    expect(again.status, again.text).toBe(201);
    const clock = ackClock(again.body);
    expect(clock.dueAt.toISOString()).toBe(addWorkingDays(clock.startedAt, 1, await calendarNow()).toISOString());
    if (vnDate(clock.startedAt) === vnDate(first.startedAt)) expect(clock.dueAt.toISOString()).toBe(first.dueAt.toISOString());
  });

  it('is logged old → new by whom, in the append-only change table and at info in the log', async () => {
    const changes = await changesOf('Holiday', day);
    expect(changes).toHaveLength(2); // newest first: the deletion, then the addition
    const [deleted, added] = changes;
    expect(deleted).toMatchObject({
      actorId: adminId,
      table: 'Holiday',
      key: day,
      before: { date: day, name: 'Ngày nghỉ đột xuất (kiểm thử)', kind: 'HOLIDAY' },
      after: null,
    });
    expect(added).toMatchObject({ actorId: adminId, after: { date: day, name: 'Ngày nghỉ đột xuất (kiểm thử)', kind: 'HOLIDAY' } });
    expect(added!.id).toBeLessThan(deleted!.id);

    const line = logLines.find((l) => l.referenceChange?.id === added!.id);
    expect(line).toMatchObject({
      level: 30,
      principal: adminId,
      role: 'admin',
      referenceChange: { actorId: adminId, table: 'Holiday', key: day, after: added!.after },
    });
    expect(line!.msg).toMatch(/reference data changed/);
    const all = JSON.stringify(logLines);
    for (const t of Object.values(tokens)) expect(all).not.toContain(t.slice('pw_00000000_'.length)); // never a key's secret

    const client = new pg.Client({ connectionString: h.url });
    await client.connect();
    try {
      await expect(client.query(`UPDATE "ReferenceChange" SET "actorId" = 'someone else'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM "ReferenceChange"`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });

  it('records a rename as old → new, and nothing for a PUT that changes nothing', async () => {
    const date = '2027-02-03';
    const first = await as('admin', 'PUT', `/v1/reference/holidays/${date}`, { name: 'Tết (dự kiến)' });
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('location')).toBe(`/v1/reference/holidays/${date}`);
    const renamed = await as('admin', 'PUT', `/v1/reference/holidays/${date}`, {
      name: 'Tết Nguyên đán Đinh Mùi (27 tháng Chạp)',
      kind: 'HOLIDAY',
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect((await as('admin', 'PUT', `/v1/reference/holidays/${date}`, { name: 'Tết Nguyên đán Đinh Mùi (27 tháng Chạp)' })).status).toBe(
      200,
    );
    const changes = await changesOf('Holiday', date);
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({ before: { name: 'Tết (dự kiến)' }, after: { name: 'Tết Nguyên đán Đinh Mùi (27 tháng Chạp)' } });
    expect(changes[1]).toMatchObject({ before: null, after: { name: 'Tết (dự kiến)' } });
  });

  it('stays removed across restarts: the seed does not bring a deleted day back', async () => {
    const seeded = '2027-09-03'; // Quốc khánh (ngày liền kề) (verify)
    expect((await as('admin', 'DELETE', `/v1/reference/holidays/${seeded}`)).status).toBe(204);
    await seedReferenceData(h.db); // what every start does
    const listed = await as('admin', 'GET', '/v1/reference/holidays?year=2027');
    expect(listed.body.items.map((d: { date: string }) => d.date)).not.toContain(seeded);
    expect(listed.body.items.map((d: { date: string }) => d.date)).toContain('2027-09-02');
  });

  it('refuses a make-up working day on a weekday (422), and takes one on a Saturday', async () => {
    const weekday = await as('admin', 'PUT', '/v1/reference/holidays/2027-02-03', { name: 'Làm bù', kind: 'MAKE_UP_WORKDAY' });
    expect(weekday.status, weekday.text).toBe(422);
    expect(weekday.body).toMatchObject({ type: problemType('reference-invariant'), errors: [{ in: 'body', field: 'kind' }] });
    const saturday = await as('admin', 'PUT', '/v1/reference/holidays/2027-02-20', {
      name: 'Làm bù cho thứ Tư 03/02/2027',
      kind: 'MAKE_UP_WORKDAY',
    });
    expect(saturday.status, saturday.text).toBe(201);
  });
});

describe('the deadline table, fine schedule and authority caps', () => {
  it('takes a correction of a clock and logs it', async () => {
    const r = await as('admin', 'PATCH', '/v1/reference/deadline-policies/VERIFICATION', {
      legalBasis: 'Policy (Sở KH&CN, 2027)',
      verify: true,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      clock: 'VERIFICATION',
      limitValue: 5,
      unit: 'WORKING_DAYS',
      legalBasis: 'Policy (Sở KH&CN, 2027)',
      verify: true,
    });
    const listed = await as('carrier', 'GET', '/v1/reference/deadline-policies');
    expect(listed.body.items.find((p: { clock: string }) => p.clock === 'VERIFICATION')).toEqual(r.body);
    const [change] = await changesOf('DeadlinePolicy', 'VERIFICATION');
    expect(change).toMatchObject({
      before: { legalBasis: 'Policy', verify: false },
      after: { legalBasis: 'Policy (Sở KH&CN, 2027)', verify: true },
    });
  });

  it('refuses clocks that would break the rules of the table (422)', async () => {
    const shorter = await as('admin', 'PATCH', '/v1/reference/deadline-policies/VERIFICATION', {
      extensions: [{ code: 'WITH_REASON', limitValue: 3, unit: 'WORKING_DAYS', basis: 'Policy' }],
    });
    expect(shorter.status, shorter.text).toBe(422);
    expect(shorter.body.errors).toContainEqual(expect.objectContaining({ field: 'extensions.0' }));
    const silent = await as('admin', 'PATCH', '/v1/reference/deadline-policies/PAYMENT', { escalationChain: ['DEPT'] });
    expect(silent.status, silent.text).toBe(422);
    expect(silent.body.errors).toContainEqual(expect.objectContaining({ field: 'escalationChain' }));
    const step = await as('admin', 'PATCH', '/v1/reference/deadline-policies/AGENCY_ACKNOWLEDGEMENT', {
      escalationChain: ['DEPT_MANAGER', 'CLOSE_EXPIRED'],
    });
    expect(step.status, step.text).toBe(422);
    const tooLong = await as('admin', 'PATCH', '/v1/reference/deadline-policies/PAYMENT', { limitValue: 50, unit: 'YEARS' });
    expect(tooLong.status, tooLong.text).toBe(422);
    expect((await as('admin', 'PATCH', '/v1/reference/deadline-policies/NO_SUCH_CLOCK', { verify: true })).status).toBe(404);
    expect((await changesOf('DeadlinePolicy', 'PAYMENT')).length).toBe(0);
  });

  it('refuses a fine rule whose minimum exceeds its maximum (422) and leaves the schedule as it was', async () => {
    const listed = await as('manager', 'GET', '/v1/reference/fine-schedule');
    const rule = listed.body.items.find((f: { id: string }) => f.id === 'D15-2020:POST_PROHIBITED_ITEM');
    const { id: _, ...body } = rule;
    const r = await as('admin', 'PUT', `/v1/reference/fine-schedule/${rule.id}`, { ...body, minVnd: 30_000_000, maxVnd: 20_000_000 });
    expect(r.status, r.text).toBe(422);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(r.body).toMatchObject({ type: problemType('reference-invariant'), status: 422, errors: [{ in: 'body', field: 'minVnd' }] });
    expect((await as('manager', 'GET', '/v1/reference/fine-schedule')).body.items).toContainEqual(rule);
    expect(await changesOf('FineSchedule', rule.id)).toEqual([]);

    const corrected = await as('admin', 'PUT', `/v1/reference/fine-schedule/${rule.id}`, { ...body, maxVnd: 25_000_000 });
    expect(corrected.status, corrected.text).toBe(200);
    const [change] = await changesOf('FineSchedule', rule.id);
    expect(change).toMatchObject({ before: { maxVnd: 20_000_000 }, after: { maxVnd: 25_000_000 } });

    const reversed = await as('admin', 'PUT', '/v1/reference/fine-schedule/D200-2030:X', {
      ...body,
      effectiveFrom: '2030-01-01',
      effectiveTo: '2029-01-01',
    });
    expect(reversed.status).toBe(422);
    expect(reversed.body.errors).toContainEqual(expect.objectContaining({ field: 'effectiveTo' }));
    // a second rule for the same offence on the same days would make the schedule ambiguous
    const overlapping = await as('admin', 'PUT', '/v1/reference/fine-schedule/D200-2030:POST_PROHIBITED_ITEM', {
      ...body,
      effectiveFrom: '2030-01-01',
    });
    expect(overlapping.status, overlapping.text).toBe(409);
    expect(overlapping.body).toMatchObject({ type: problemType('reference-conflict'), conflictsWith: [rule.id] });
  });

  it('corrects an authority cap and refuses a second cap for the same title (409)', async () => {
    const caps = (await as('officer', 'GET', '/v1/reference/authority-caps')).body.items;
    const cap = caps.find((c: { id: string }) => c.id === 'QLTT:TEAM_LEAD');
    const { id: _, ...body } = cap;
    const r = await as('admin', 'PUT', '/v1/reference/authority-caps/QLTT:TEAM_LEAD', { ...body, capVnd: 30_000_000, verify: false });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ capVnd: 30_000_000, verify: false });
    const twin = await as('admin', 'PUT', '/v1/reference/authority-caps/QLTT:TEAM_LEAD_2', body);
    expect(twin.status, twin.text).toBe(409);
  });
});

describe('agencies', () => {
  it('are reorganised by closing a row and adding its successor, with validity dates', async () => {
    const successor = {
      id: 'TH-QLTT-2030',
      kind: 'QLTT',
      provinceCode: 'TH',
      name: 'Chi cục Quản lý thị trường tỉnh Thanh Hóa (mới)',
      validFrom: '2030-01-01',
    };
    const early = await as('admin', 'POST', '/v1/reference/agencies', successor);
    expect(early.status, early.text).toBe(409); // TH-QLTT still serves from 2025 on, open-ended
    expect(early.body.conflictsWith).toEqual(['TH-QLTT']);
    const backwards = await as('admin', 'PATCH', '/v1/reference/agencies/TH-QLTT', { validTo: '2025-01-01' });
    expect(backwards.status, backwards.text).toBe(422); // before its validFrom (2025-07-01)
    expect(backwards.body.errors).toContainEqual(expect.objectContaining({ field: 'validTo' }));
    const closed = await as('admin', 'PATCH', '/v1/reference/agencies/TH-QLTT', { validTo: '2030-01-01' });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ id: 'TH-QLTT', validFrom: '2025-07-01', validTo: '2030-01-01' });
    const added = await as('admin', 'POST', '/v1/reference/agencies', successor);
    expect(added.status, added.text).toBe(201);
    expect(added.body).toEqual({ ...successor, nameEn: null, validTo: null });
    expect(added.headers.get('location')).toBe('/v1/reference/agencies/TH-QLTT-2030');

    const both = await as('carrier', 'GET', '/v1/reference/agencies?province=TH&kind=QLTT');
    expect(both.body.items.map((a: { id: string }) => a.id)).toEqual(['TH-QLTT', 'TH-QLTT-2030']);
    const later = await as('carrier', 'GET', '/v1/reference/agencies?province=TH&kind=QLTT&validOn=2030-06-01');
    expect(later.body.items.map((a: { id: string }) => a.id)).toEqual(['TH-QLTT-2030']);
    // a case detected today still goes to the agency valid today
    const today = await openCase();
    expect(today.status, today.text).toBe(201);
    expect(today.body.leadAgencyId).toBe('TH-QLTT');
    expect((await changesOf('Agency', 'TH-QLTT'))[0]).toMatchObject({ before: { validTo: null }, after: { validTo: '2030-01-01' } });
    expect((await changesOf('Agency', 'TH-QLTT-2030'))[0]).toMatchObject({ before: null, after: { id: 'TH-QLTT-2030' } });
  });

  it('refuses an agency that breaks the rules (422) and an unknown one (404)', async () => {
    const reversed = await as('admin', 'POST', '/v1/reference/agencies', {
      id: 'HN-QLTT-X',
      kind: 'QLTT',
      provinceCode: 'HN',
      name: 'X',
      validFrom: '2031-01-01',
      validTo: '2030-01-01',
    });
    expect(reversed.status, reversed.text).toBe(422);
    expect(reversed.body.errors).toContainEqual(expect.objectContaining({ field: 'validTo' }));
    const nationalWithProvince = await as('admin', 'POST', '/v1/reference/agencies', {
      id: 'TH-KT1',
      kind: 'KT1',
      provinceCode: 'TH',
      name: 'X',
      validFrom: '2031-01-01',
    });
    expect(nationalWithProvince.status).toBe(422);
    const noProvince = await as('admin', 'POST', '/v1/reference/agencies', {
      id: 'ZZ-QLTT',
      kind: 'QLTT',
      provinceCode: 'ZZ',
      name: 'X',
      validFrom: '1990-01-01',
      validTo: '1991-01-01',
    });
    expect(noProvince.status).toBe(422);
    expect(noProvince.body.type).toBe(problemType('unknown-reference'));
    expect((await as('admin', 'PATCH', '/v1/reference/agencies/NO-SUCH-AGENCY', { name: 'X' })).status).toBe(404);
  });

  it('a gap left by closing an agency refuses intake with 422 instead of failing the case', async () => {
    const yesterday = vnDate(new Date(Date.now() - 86_400_000));
    expect((await as('admin', 'PATCH', '/v1/reference/agencies/TH-CUSTOMS', { validTo: yesterday })).status).toBe(200);
    const refused = await openCase({ crossBorder: true });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.type).toBe(problemType('unroutable'));
    expect((await as('admin', 'PATCH', '/v1/reference/agencies/TH-CUSTOMS', { validTo: null })).status).toBe(200);
    const routed = await openCase({ crossBorder: true });
    expect(routed.status, routed.text).toBe(201);
    expect(routed.body.agencyIds).toContain('TH-CUSTOMS');
  });

  it('lists the categories', async () => {
    const r = await as('carrier', 'GET', '/v1/reference/categories');
    expect(r.status).toBe(200);
    expect(r.body.items).toContainEqual(
      expect.objectContaining({ code: 'COUNTERFEIT', primaryAgency: 'QLTT', alsoNotify: ['DEPT'], offenceCode: 'POST_PROHIBITED_ITEM' }),
    );
  });
});

describe('who may do what', () => {
  const READS = ['holidays', 'holidays?year=2027', 'deadline-policies', 'fine-schedule', 'authority-caps', 'agencies', 'categories'];
  const WRITES: [string, string, unknown][] = [
    ['PUT', '/v1/reference/holidays/2027-03-01', { name: 'X' }],
    ['DELETE', '/v1/reference/holidays/2027-02-20', undefined],
    ['PATCH', '/v1/reference/deadline-policies/VERIFICATION', { limitValue: 1 }],
    ['PUT', '/v1/reference/fine-schedule/X', { offenceCode: 'X' }],
    ['PUT', '/v1/reference/authority-caps/X', { title: 'X' }],
    ['POST', '/v1/reference/agencies', { id: 'X' }],
    ['PATCH', '/v1/reference/agencies/TH-QLTT', { name: 'X' }],
  ];

  it.each(['carrier', 'officer', 'manager'] as const)('a %s reads every list (200) and changes nothing (403)', async (role) => {
    for (const path of READS) expect((await as(role, 'GET', `/v1/reference/${path}`)).status, path).toBe(200);
    for (const [method, path, body] of WRITES) {
      const r = await as(role, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.type).toBe(problemType('forbidden'));
    }
    expect((await as(role, 'GET', '/v1/reference/changes')).status).toBe(role === 'manager' ? 200 : 403);
  });

  it('leaves the data as it was after the refused writes', async () => {
    expect((await as('admin', 'GET', '/v1/reference/holidays?year=2027')).body.items.map((d: { date: string }) => d.date)).toContain(
      '2027-02-20',
    );
    expect((await changesOf('Holiday', '2027-03-01')).length).toBe(0);
  });
});

describe('invalid input', () => {
  it('is a 400 naming each failing field, unknown fields too', async () => {
    const unknown = await as('admin', 'PUT', '/v1/reference/holidays/2027-03-01', { name: 'X', extra: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      type: problemType('validation'),
      errors: [{ in: 'body', field: 'extra', message: 'unknown field' }],
    });
    const path = await as('admin', 'PUT', '/v1/reference/holidays/2027-02-30', { name: 'X' });
    expect(path.status).toBe(400);
    expect(path.body.errors).toEqual([expect.objectContaining({ in: 'path', field: '(root)' })]);
    const policy = await as('admin', 'PATCH', '/v1/reference/deadline-policies/VERIFICATION', {
      unit: 'WEEKS',
      escalationChain: ['NOBODY'],
      limitValue: 0,
    });
    expect(policy.status).toBe(400);
    expect(policy.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['escalationChain.0', 'limitValue', 'unit']);
    const ext = await as('admin', 'PATCH', '/v1/reference/deadline-policies/VERIFICATION', {
      extensions: [{ code: 'x', limitValue: 2, unit: 'DAYS', basis: '' }],
    });
    expect(ext.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'extensions.0.basis',
      'extensions.0.code',
      'extensions.0.unit',
    ]);
    const nothing = await as('admin', 'PATCH', '/v1/reference/agencies/TH-QLTT', {});
    expect(nothing.status).toBe(400);
    const fine = await as('admin', 'PUT', '/v1/reference/fine-schedule/X', { offenceCode: 'x', minVnd: -1, maxVnd: 1.5 });
    expect(fine.status).toBe(400);
    expect(fine.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['offenceCode', 'minVnd', 'maxVnd', 'decree', 'effectiveFrom', 'verify']),
    );
    const query = await as('admin', 'GET', '/v1/reference/changes?table=Case');
    expect(query.status).toBe(400);
    expect(query.body.errors).toEqual([expect.objectContaining({ in: 'query', field: 'table' })]);
  });
});

describe('the change log', () => {
  it('pages newest first for admins and managers', async () => {
    const all = await as('manager', 'GET', '/v1/reference/changes?limit=200');
    expect(all.status).toBe(200);
    const ids = all.body.items.map((c: { id: number }) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const first = await as('admin', 'GET', '/v1/reference/changes?limit=2');
    expect(first.body.items.map((c: { id: number }) => c.id)).toEqual(ids.slice(0, 2));
    const second = await as('admin', 'GET', first.body.next);
    expect(second.body.items[0].id).toBe(ids[2]);
    const rows = await h.db.referenceChange.count();
    expect(rows).toBe(ids.length);
  });
});

// The operator CLI (scripts/admin.ts), against this file's database.
describe('npm run admin -- set-holiday', () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run('npm', ['run', '--silent', 'admin', '--', ...args], {
      env: { ...process.env, DATABASE_URL: h.url, npm_config_loglevel: 'error' },
      timeout: 60_000,
    });

  it('corrects a day of the calendar, logged as the operator’s change', async () => {
    const { stdout, stderr } = await cli('set-holiday', '--date', '2027-02-05', '--name', 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)');
    expect(stdout).toMatch(
      /2027-02-05: HOLIDAY "Tết Nguyên đán Đinh Mùi \(29 tháng Chạp\) \(verify\)" → HOLIDAY "Tết Nguyên đán Đinh Mùi \(29 tháng Chạp\)"/,
    );
    const line = JSON.parse(stderr.trim().split('\n').at(-1)!);
    expect(line).toMatchObject({
      level: 30,
      referenceChange: { table: 'Holiday', key: '2027-02-05', after: { name: 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)' } },
    });
    const listed = await as('officer', 'GET', '/v1/reference/holidays?year=2027');
    expect(listed.body.items).toContainEqual({
      date: '2027-02-05',
      year: 2027,
      name: 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)',
      kind: 'HOLIDAY',
    });
    const [change] = await changesOf('Holiday', '2027-02-05');
    expect(change!.actorId).toMatch(/^cli:/);
    expect(change!.before).toMatchObject({ name: 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp) (verify)' });
  });

  it('refuses a day that breaks a rule, with a message and exit code 5 (refused)', async () => {
    const e = (await cli('set-holiday', '--date', '2027-02-03', '--name', 'Làm bù', '--kind', 'MAKE_UP_WORKDAY').catch((x) => x)) as {
      code: number;
      stderr: string;
    };
    expect(e.code).toBe(5);
    expect(e.stderr).toMatch(/Saturday or Sunday/);
  });
});
