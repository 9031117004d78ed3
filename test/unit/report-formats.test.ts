// The CSV and HTML of a report: formula injection defused in text cells and not in numbers, the
// administrative layout of the printed page (emblem line, agency and number, place and date,
// title, sections, inline SVG charts, signature block), Vietnamese by default and English on
// request, and no script.
import { describe, expect, it } from 'vitest';
import { buildReportContent, emptyPeriodFigures, type PeriodFigures } from '../../domain/report-content.js';
import { csvCell, reportCsvFiles } from '../../api/representations/reports/csv.js';
import { dateLine, renderReportHtml, type Letterhead } from '../../api/representations/reports/html.js';
import type { RenderableReport } from '../../api/representations/reports/renderable.js';
import { parseCsv } from '../reports/csv-parse.js';

const figures = (over: Partial<PeriodFigures>): PeriodFigures => ({ ...emptyPeriodFigures(), ...over });

const clock = { met: 2, missed: 1, escalations: 3, medianSeconds: 5400, p90Seconds: 200_000 };
const report = (asOfNow = false): RenderableReport => ({
  id: 'rpt_test',
  checksum: 'ab'.repeat(32),
  referenceVersion: 7,
  generatedAt: '2027-07-01T01:00:00.000Z',
  content: buildReportContent(
    { scope: { kind: 'PROVINCE', provinceCode: 'TH' }, period: { kind: 'H1', year: 2027 }, kt1: 'EXCLUDED' },
    { asOf: new Date('2027-06-30T17:00:00Z'), asOfNow },
    { date: '2027-07-31', verify: true, legalBasis: 'x' },
    figures({
      byCategory: { COUNTERFEIT: 4 },
      byCarrier: { EVIL: 1, VNP: 3 },
      byOutcome: { OPEN: 1, PAID: 3 },
      clocks: { HOLD_CONFIRMATION: clock },
    }),
    figures({ byCategory: { COUNTERFEIT: 6 }, byCarrier: { VNP: 6 }, byOutcome: { PAID: 6 } }),
  ),
  names: {
    category: { COUNTERFEIT: { vi: 'Hàng giả, hàng xâm phạm quyền sở hữu trí tuệ', en: 'Counterfeit' } },
    carrier: { VNP: { vi: 'Tổng công ty Bưu điện Việt Nam', en: 'VNPost' }, EVIL: { vi: '=HYPERLINK("http://x","<b>bấm</b>")', en: '' } },
    province: { TH: { vi: 'Tỉnh Thanh Hóa', en: 'Thanh Hóa' } },
  },
});

const letterhead: Letterhead = {
  parent: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
  issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  abbreviation: 'SKHCN',
  place: 'Thanh Hóa',
  signerTitle: 'GIÁM ĐỐC',
  recipients: ['Ủy ban nhân dân tỉnh (để báo cáo)'],
};

/** Every piece is on the page, in this order. */
function expectInOrder(page: string, order: string[]): void {
  const at = order.map((s) => page.indexOf(s));
  expect(
    at.every((i) => i >= 0),
    order.filter((_, i) => at[i]! < 0).join(' | '),
  ).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

describe('CSV', () => {
  it('defuses text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${lead}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('Hàng giả, hàng nhái')).toBe('"Hàng giả, hàng nhái"');
    expect(csvCell('nói "không"')).toBe('"nói ""không"""');
    const carriers = parseCsv(reportCsvFiles(report()).get('02-casesByCarrier.csv')!.slice(1));
    expect(carriers.find((r) => r[0] === 'EVIL')![1]).toBe('\'=HYPERLINK("http://x","<b>bấm</b>")');
    expect(carriers.find((r) => r[0] === 'VNP')!.slice(2)).toEqual(['3', '6', '-3']);
  });
});

describe('HTML', () => {
  const html = renderReportHtml(report(), letterhead, new Date('2027-07-01T01:00:00Z'));

  it('is laid out as a Vietnamese administrative report', () => {
    const order = [
      'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      '/BC-SKHCN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Thanh Hóa, ngày 01 tháng 7 năm 2027',
      '<h1>BÁO CÁO</h1>',
      'trên địa bàn Tỉnh Thanh Hóa 6 tháng đầu năm 2027',
      'I. Vụ việc phát hiện theo loại vật phẩm, hàng hóa',
      'XII. Ký cam kết',
      'Nơi nhận:',
      'Lưu: VT.',
      'GIÁM ĐỐC',
    ];
    expectInOrder(html, order);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Hạn gửi báo cáo: 31/07/2027 (theo dữ liệu cấu hình, chưa xác minh)');
  });

  it('draws its charts as inline SVG and needs no script or outside resource', () => {
    expect(html.match(/<svg /g)?.length).toBe(3); // categories, outcomes, deadlines
    expect(html).not.toMatch(/<script|src=|href=|@import|url\(/i);
    // the carrier's name is text, never markup
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;&lt;b&gt;bấm&lt;/b&gt;&quot;)');
    expect(html).not.toContain('<b>bấm</b>');
  });

  it('shows figures as Vietnamese reads them: the comparison, signed changes, durations', () => {
    expect(html).toMatch(
      /<td>Hàng giả, hàng xâm phạm quyền sở hữu trí tuệ<\/td><td class="n">4<\/td><td class="n">6<\/td><td class="n">-2<\/td>/,
    );
    expect(html).toContain('1,5 giờ'); // 5 400 s
    expect(html).toContain('2,3 ngày'); // 200 000 s
  });

  it('says so when the period has not ended', () => {
    expect(renderReportHtml(report(true), letterhead, new Date('2027-05-01T01:00:00Z'))).toContain('SỐ LIỆU TẠM TÍNH');
    expect(html).not.toContain('SỐ LIỆU TẠM TÍNH');
  });

  it('reads in English on request, with the same layout and figures, the letterhead as registered', () => {
    const en = renderReportHtml(report(), letterhead, new Date('2027-07-01T01:00:00Z'), 'en');
    const order = [
      'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
      'No. ',
      '/BC-SKHCN',
      'SOCIALIST REPUBLIC OF VIET NAM',
      'Independence - Freedom - Happiness',
      'Thanh Hóa, day 01, month 7, year 2027',
      '<h1>REPORT</h1>',
      'in Thanh Hóa, first half of 2027',
      'I. Cases detected by category',
      'XII. Pledges signed and their coverage',
      'Recipients:',
      'Archived: records office.',
      'GIÁM ĐỐC',
    ];
    expectInOrder(en, order);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Report due: 31/07/2027 (from the configured data, not yet verified).');
    expect(en).toMatch(/<td>Counterfeit<\/td><td class="n">4<\/td><td class="n">6<\/td><td class="n">-2<\/td>/);
    expect(en).toContain('1.5 hours');
    expect(en).toContain('2.3 days');
    expect(en.match(/<svg /g)?.length).toBe(3);
    for (const vi of ['CỘNG HÒA', 'BÁO CÁO', 'Nơi nhận', 'Kỳ báo cáo', 'giờ']) expect(en).not.toContain(vi);
    expect(renderReportHtml(report(true), letterhead, new Date('2027-05-01T01:00:00Z'), 'en')).toContain('PROVISIONAL FIGURES');
  });

  it('dates as Decree 30/2020 writes them: a leading zero for days below 10 and for January and February', () => {
    expect(dateLine('Hà Nội', new Date('2027-01-04T03:00:00Z'))).toBe('Hà Nội, ngày 04 tháng 01 năm 2027');
    expect(dateLine('Hà Nội', new Date('2027-11-20T03:00:00Z'))).toBe('Hà Nội, ngày 20 tháng 11 năm 2027');
    expect(dateLine('Hà Nội', new Date('2027-03-31T18:00:00Z'))).toBe('Hà Nội, ngày 01 tháng 4 năm 2027'); // already 1 April in Hà Nội
  });
});
