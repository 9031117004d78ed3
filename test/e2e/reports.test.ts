// Issue 15 over HTTP: a report generated on demand (202, a run to follow, idempotent), listed with
// keyset pages and filters, read as JSON, printable HTML, CSV (one table, or a zip of all) in
// Vietnamese or English; bad input is a problem and starts nothing; readers see only their scope.
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../reports/csv-parse.js';
import { apiHarness, call, detectionBody } from '../support/api.js';
import { completedRun, generatedReport } from '../support/report-runs.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
const t: Record<string, string> = {};
const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10); // Hà Nội's date
const year = Number(today.slice(0, 4));
let seq = 0;
const key = () => `e2e-report-${process.pid}-${++seq}`;

const post = (token: string, body: unknown, idempotencyKey = key()) =>
  call(h.base, token, 'POST', '/v1/reports', body, { 'idempotency-key': idempotencyKey });

const completed = (token: string, location: string) => completedRun(h.base, token, location);
const generated = (token: string, body: unknown) => generatedReport(h.base, token, body, key());

/** A CSV answer's rows, after checking it starts with the UTF-8 byte-order mark (which fetch's text() would drop). */
async function csvRows(token: string, path: string, headers: Record<string, string> = {}): Promise<string[][]> {
  const res = await fetch(h.base + path, { headers: { authorization: `Bearer ${token}`, ...headers } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString('utf8'));
}

/** The entries of a zip archive: name → text (a reader of its own, independent of the writer). */
function unzip(buf: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  for (let at = 0; buf.readUInt32LE(at) === 0x04034b50;) {
    const [method, packed, nameLength, extraLength] = [
      buf.readUInt16LE(at + 8),
      buf.readUInt32LE(at + 18),
      buf.readUInt16LE(at + 26),
      buf.readUInt16LE(at + 28),
    ];
    const name = buf.toString('utf8', at + 30, at + 30 + nameLength);
    const data = buf.subarray(at + 30 + nameLength + extraLength, at + 30 + nameLength + extraLength + packed);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 30 + nameLength + extraLength + packed;
  }
  return files;
}

beforeAll(async () => {
  h = await apiHarness();
  const make = async (name: string, p: Parameters<typeof h.principal>[0]) => {
    t[name] = (await h.principal(p)).token;
  };
  await Promise.all([
    make('vnp', { name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' }),
    make('vtp', { name: 'Viettel Post integration', role: 'carrier', carrierId: 'VTP' }),
    make('thQltt', { name: 'QLTT Thanh Hóa', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH', title: 'TEAM_LEAD' }),
    make('thDept', { name: 'Sở KH&CN Thanh Hóa', role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'TH' }),
    make('hnDept', { name: 'Sở KH&CN Hà Nội', role: 'manager', agencyId: 'HN-DEPT', provinceCode: 'HN' }),
    make('national', { name: 'Bộ KH&CN', role: 'manager' }),
  ]);
  // two cases in Thanh Hóa today: one from a licensed carrier, one from VTP, which holds no licence
  for (const [carrier, ref] of [
    ['vnp', 'RPT-VNP-1'],
    ['vtp', 'RPT-VTP-1'],
  ] as const) {
    const r = await call(h.base, t[carrier]!, 'POST', '/v1/cases', detectionBody(ref), { 'idempotency-key': key() });
    expect(r.status, r.text).toBe(201);
  }
});

describe('POST /v1/reports', () => {
  it('starts a run (202, Location), whose report counts today’s cases as of now, with the licence finding', async () => {
    const body = { scope: { kind: 'PROVINCE', provinceCode: 'TH' }, period: { kind: 'RANGE', from: `${year}-01-01`, to: `${year}-12-31` } };
    const r = await post(t.thDept!, body, 'e2e-report-as-of-now');
    expect(r.status, r.text).toBe(202);
    expect(r.headers.get('location')).toBe(r.body.links.self);
    expect(r.body).toMatchObject({ scope: body.scope, period: body.period, variants: ['INCLUDED'] }); // the fullest the manager may read
    const run = await completed(t.thDept!, r.body.links.self);
    expect(run.notified).toBe(true);
    expect(run.reports[0]).toMatchObject({ kt1: 'INCLUDED', asOfNow: true, created: true });
    const report = await call(h.base, t.thDept!, 'GET', run.reports[0].links.self);
    expect(report.status).toBe(200);
    expect(report.body.content).toMatchObject({ schema: 'postwatch.report/1', asOfNow: true, request: { ...body, kt1: 'INCLUDED' } });
    const table = (id: string) => report.body.content.tables.find((x: { id: string }) => x.id === id);
    const figure = (id: string, row: string) => table(id).rows.find((x: { key: string }) => x.key === row)?.figures;
    expect(figure('casesByCarrier', 'VNP').detected.value).toBe(1);
    expect(figure('casesByCarrier', 'VTP').detected.value).toBe(1);
    expect(figure('licenceFindings', 'VTP').cases.value).toBe(1);
    expect(figure('licenceFindings', 'VNP')).toBeUndefined();
    expect(report.body.names.carrier.VTP.vi).toBeTruthy();

    // the same key again is the same run; the managers were told once
    const again = await post(t.thDept!, body, 'e2e-report-as-of-now');
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(r.body.id);
    expect(await h.db.notification.count({ where: { reportId: run.reports[0].id } })).toBeGreaterThan(0);
  });

  it('finds the same run and the same report for an ended period, whatever the key', async () => {
    const body = { scope: { kind: 'PROVINCE', provinceCode: 'TH' }, period: { kind: 'YEAR', year: year - 1 }, kt1: 'EXCLUDED' };
    const first = await post(t.thQltt!, body);
    const second = await post(t.thDept!, body);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.body.id).toBe(first.body.id);
    const run = await completed(t.thDept!, second.headers.get('location')!);
    expect(run.reports).toHaveLength(1);
    expect(run.reports[0]).toMatchObject({ kt1: 'EXCLUDED', asOfNow: false });
    expect(await h.db.report.count({ where: { key: `TH:${year - 1}:EXCLUDED` } })).toBe(1);
  });

  it('refuses bad input with a problem and starts nothing', async () => {
    const before = await h.db.report.count();
    const cases = [
      [
        { scope: { kind: 'PROVINCE', provinceCode: 'TH' }, period: { kind: 'RANGE', from: '2026-05-01', to: '2026-04-01' } },
        400,
        'period.to',
      ],
      [
        { scope: { kind: 'PROVINCE', provinceCode: 'TH' }, period: { kind: 'RANGE', from: '2026-02-30', to: '2026-04-01' } },
        400,
        'period.from',
      ],
      [{ scope: { kind: 'PROVINCE', provinceCode: 'TH' }, period: { kind: 'YEAR', year: 1999 } }, 400, 'period.year'],
      [{ scope: { kind: 'PROVINCE' }, period: { kind: 'YEAR', year } }, 400, 'scope.provinceCode'],
      [{ scope: { kind: 'NATIONAL' }, period: { kind: 'YEAR', year }, extra: 1 }, 400, 'extra'],
    ] as const;
    for (const [body, status, field] of cases) {
      const r = await post(t.national!, body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const unknown = await post(t.national!, { scope: { kind: 'PROVINCE', provinceCode: 'ZZ' }, period: { kind: 'YEAR', year } });
    expect(unknown.status).toBe(422);
    const noKey = await call(h.base, t.national!, 'POST', '/v1/reports', { scope: { kind: 'NATIONAL' }, period: { kind: 'YEAR', year } });
    expect(noKey.status).toBe(400);
    expect(await h.db.report.count()).toBe(before);
  });

  it('gives each reader only what the access rules allow', async () => {
    const th = { kind: 'PROVINCE', provinceCode: 'TH' };
    const period = { kind: 'YEAR', year: year - 2 };
    expect((await post(t.vnp!, { scope: th, period })).status).toBe(403); // a carrier reads its compliance summary only
    expect((await post(t.hnDept!, { scope: th, period })).status).toBe(403); // another province
    expect((await post(t.thQltt!, { scope: th, period, kt1: 'INCLUDED' })).status).toBe(403); // KT1: the department's managers
    expect((await post(t.national!, { scope: { kind: 'NATIONAL' }, period, kt1: 'ONLY' })).status).toBe(403); // the KT1 focal point's
    const national = await post(t.national!, { scope: { kind: 'NATIONAL' }, period });
    expect(national.body.variants).toEqual(['EXCLUDED']);
    const run = await completed(t.national!, national.body.links.self);
    // the run and its report are invisible to a province's reader
    expect((await call(h.base, t.hnDept!, 'GET', national.body.links.self)).status).toBe(404);
    expect((await call(h.base, t.hnDept!, 'GET', run.reports[0].links.self)).status).toBe(404);
    expect((await call(h.base, t.vnp!, 'GET', run.reports[0].links.self)).status).toBe(403);
    expect((await call(h.base, t.national!, 'GET', '/v1/reports/runs/report-api-nowhere')).status).toBe(404);
  });
});

describe('GET /v1/reports', () => {
  it('pages through the reports the caller may read, newest first, with filters', async () => {
    for (const y of [year - 5, year - 4, year - 3])
      await generated(t.thDept!, { scope: { kind: 'PROVINCE', provinceCode: 'TH' }, period: { kind: 'H1', year: y } });
    const seen: string[] = [];
    let next: string | null = '/v1/reports?periodKind=H1&limit=2';
    while (next) {
      const page: Awaited<ReturnType<typeof call>> = await call(h.base, t.thDept!, 'GET', next);
      expect(page.status, page.text).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((r: { id: string; period: { kind: string } }) => (expect(r.period.kind).toBe('H1'), r.id)));
      next = page.body.next;
    }
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    const all = await call(h.base, t.thDept!, 'GET', '/v1/reports?periodKind=H1&limit=200');
    expect(all.body.items.map((r: { id: string }) => r.id)).toEqual(seen); // generatedAt desc, id: the pages are the list
    const byYear = await call(h.base, t.thDept!, 'GET', `/v1/reports?year=${year - 4}&kt1=INCLUDED`);
    expect(byYear.body.items.map((r: { period: unknown }) => r.period)).toEqual([{ kind: 'H1', year: year - 4 }]);
    // Hà Nội's manager reads none of Thanh Hóa's; the national manager reads them without KT1
    expect((await call(h.base, t.hnDept!, 'GET', '/v1/reports?scope=PROVINCE')).body.items).toEqual([]);
    const national = await call(h.base, t.national!, 'GET', '/v1/reports?limit=200');
    expect(national.body.items.length).toBeGreaterThan(0);
    for (const r of national.body.items) expect(r.kt1).toBe('EXCLUDED');
    expect((await call(h.base, t.vnp!, 'GET', '/v1/reports')).status).toBe(403);
    expect((await call(h.base, t.thDept!, 'GET', '/v1/reports?cursor=not-a-cursor')).status).toBe(400);
    expect((await call(h.base, t.thDept!, 'GET', '/v1/reports?kt1=SOME')).status).toBe(400);
  });
});

describe('GET /v1/reports/{id}', () => {
  let id: string;
  beforeAll(async () => {
    id = await generated(t.thDept!, {
      scope: { kind: 'PROVINCE', provinceCode: 'TH' },
      period: { kind: 'RANGE', from: `${year}-01-01`, to: today },
    });
  });

  it('serves one table as CSV with Vietnamese headers, English on request', async () => {
    const rows = await csvRows(t.thDept!, `/v1/reports/${id}?format=csv&table=casesByCarrier`);
    expect(rows[0]).toEqual(['Mã', 'Nội dung', 'Kỳ báo cáo', 'Cùng kỳ', 'Tăng (+), giảm (-)']);
    expect(rows.find((r) => r[0] === 'VTP')?.[2]).toBe('1');
    for (const ask of [`/v1/reports/${id}?format=csv&table=casesByCarrier&lang=en`, `/v1/reports/${id}?table=casesByCarrier`]) {
      const en = await csvRows(t.thDept!, ask, { accept: 'text/csv', 'accept-language': 'en-GB,en;q=0.9' });
      expect(en[0]).toEqual(['Code', 'Item', 'This period', 'Previous period', 'Change']);
    }
    expect(await csvRows(t.thDept!, `/v1/reports/${id}?format=csv&table=info`)).toContainEqual(['Mã báo cáo', id]);
    expect((await call(h.base, t.thDept!, 'GET', `/v1/reports/${id}?format=csv&table=nothing`)).status).toBe(400);
  });

  it('serves every table as a zip of CSV files', async () => {
    const res = await fetch(`${h.base}/v1/reports/${id}?format=csv`, { headers: { authorization: `Bearer ${t.thDept}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzip(Buffer.from(await res.arrayBuffer()));
    expect([...files.keys()][0]).toBe('00-thong-tin.csv');
    expect(files.size).toBeGreaterThan(10);
    expect(parseCsv(files.get('01-casesByCategory.csv')!.slice(1))[0]![0]).toBe('Mã');
  });

  it('serves the printable page, by format or by Accept, in Vietnamese unless English is asked for', async () => {
    const pages = [
      [`/v1/reports/${id}?format=html`, {}, 'vi'],
      [`/v1/reports/${id}`, { accept: 'text/html' }, 'vi'],
      [`/v1/reports/${id}?format=html`, { 'accept-language': 'fr, vi;q=0.5, en;q=0.4' }, 'vi'],
      [`/v1/reports/${id}?format=html&lang=en`, {}, 'en'],
      [`/v1/reports/${id}`, { accept: 'text/html', 'accept-language': 'en-GB,en;q=0.9' }, 'en'],
      [`/v1/reports/${id}?format=html&lang=vi`, { 'accept-language': 'en' }, 'vi'],
    ] as const;
    const words = {
      vi: ['<html lang="vi">', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '<h1>BÁO CÁO</h1>', 'SỐ LIỆU TẠM TÍNH', 'Vụ việc phát hiện theo loại'],
      en: ['<html lang="en">', 'SOCIALIST REPUBLIC OF VIET NAM', '<h1>REPORT</h1>', 'PROVISIONAL FIGURES', 'Cases detected by category'],
    };
    for (const [path, headers, lang] of pages) {
      const r = await call(h.base, t.thDept!, 'GET', path, undefined, headers);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      expect(r.headers.get('vary')).toMatch(/Accept-Language/i);
      for (const w of words[lang]) expect(r.text, `${path} ${JSON.stringify(headers)}`).toContain(w);
      for (const w of words[lang === 'vi' ? 'en' : 'vi']) expect(r.text).not.toContain(w);
      expect(r.text).not.toMatch(/<script/i);
    }
  });

  it('answers JSON by default, and 400/404 for a bad or unknown id', async () => {
    const r = await call(h.base, t.thDept!, 'GET', `/v1/reports/${id}`);
    expect(r.body).toMatchObject({ id, links: { self: `/v1/reports/${id}` } });
    expect((await call(h.base, t.thDept!, 'GET', '/v1/reports/not-an-id')).status).toBe(400);
    expect((await call(h.base, t.thDept!, 'GET', `/v1/reports/rpt_${'0'.repeat(24)}`)).status).toBe(404);
  });
});
