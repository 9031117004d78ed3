/**
 * A report as a printable HTML page, laid out as a Vietnamese administrative report (the format
 * of Decree 30/2020/NĐ-CP): issuing agency and number on the left, the national emblem line on
 * the right, place and date, the title, numbered sections with their tables and inline SVG
 * charts, recipients and the signature block. No script, no external resource: it prints as is.
 */
import { vnDate } from '../domain/calendar.js';
import { TABLES, type Figure, type ReportTable } from '../domain/report-content.js';
import { pairedBarChart } from './charts.js';
import { escapeXml as x } from './escape.js';
import { COLUMNS, KT1_LABELS, METRICS, TABLE_TITLES } from './labels.js';
import type { Letterhead } from '../domain/report-letterhead.js';
import type { RenderableReport } from './renderable.js';
import { displayRows, rowLabel, type DisplayRow } from './rows.js';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV'];

/** Days below 10 and the months January and February take a leading zero (Decree 30/2020, Annex I). */
export function dateLine(place: string, date: Date): string {
  const [y, m, d] = vnDate(date).split('-').map(Number) as [number, number, number];
  return `${place}, ngày ${String(d).padStart(2, '0')} tháng ${m < 3 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

function periodPhrase(r: RenderableReport): string {
  const p = r.content.request.period;
  if (p.kind === 'H1') return `6 tháng đầu năm ${p.year}`;
  if (p.kind === 'YEAR') return `năm ${p.year}`;
  return `từ ngày ${dmy(p.from)} đến ngày ${dmy(p.to)}`;
}

const number = (n: number) => n.toLocaleString('vi-VN');

function duration(seconds: number): string {
  const hours = seconds / 3600;
  if (hours < 48) return `${hours.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giờ`;
  return `${(hours / 24).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} ngày`;
}

const show = (metric: string, v: number | null): string =>
  v === null ? '–' : metric.endsWith('Seconds') ? duration(v) : metric === 'coveragePercent' ? `${number(v)}%` : number(v);

const signed = (metric: string, v: number | null): string =>
  v === null ? '–' : v > 0 ? `+${show(metric, v)}` : v < 0 ? `-${show(metric, -v)}` : '0';

const cells = (metric: string, f: Figure | undefined) =>
  `<td class="n">${show(metric, f?.value ?? null)}</td><td class="n">${show(metric, f?.previous ?? null)}</td><td class="n">${signed(metric, f?.change ?? null)}</td>`;

/** One metric: columns this period, previous, change. Several: one cell each, the comparison beneath. */
function tableHtml(t: ReportTable, rows: DisplayRow[]): string {
  const metrics = TABLES[t.id].metrics;
  const single = metrics.length === 1;
  const head = single
    ? `<th>STT</th><th>${COLUMNS.row.vi}</th><th>${COLUMNS.value.vi}</th><th>${COLUMNS.previous.vi}</th><th>${COLUMNS.change.vi}</th>`
    : `<th>STT</th><th>${COLUMNS.row.vi}</th>${metrics.map((m) => `<th>${x(METRICS[m]!.vi)}</th>`).join('')}`;
  const body = rows
    .map((row, i) => {
      const label = `<td>${x(row.label.vi)}</td>`;
      const no = `<td class="c">${row.total ? '' : i + 1}</td>`;
      const values = single
        ? cells(metrics[0]!, row.figures[metrics[0]!])
        : metrics
            .map((m) => {
              const f = row.figures[m];
              return `<td class="n">${show(m, f?.value ?? null)}<div class="cmp">${COLUMNS.previous.vi}: ${show(m, f?.previous ?? null)} (${signed(m, f?.change ?? null)})</div></td>`;
            })
            .join('');
      return `<tr${row.total ? ' class="total"' : ''}>${no}${label}${values}</tr>`;
    })
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function chartFor(r: RenderableReport, t: ReportTable): string {
  const legend = { a: `Kỳ báo cáo (${dmy(r.content.current.from)} – ${dmy(r.content.current.to)})`, b: COLUMNS.previous.vi };
  if (t.id === 'casesByCategory' || t.id === 'casesByOutcome') {
    const rows = t.rows
      .filter((row) => row.figures.detected!.value || row.figures.detected!.previous)
      .map((row) => ({
        label: rowLabel(t, row.key, r.names).vi,
        a: row.figures.detected!.value ?? 0,
        b: row.figures.detected!.previous ?? 0,
      }));
    return rows.length ? `<figure>${pairedBarChart(TABLE_TITLES[t.id].vi, rows, legend)}</figure>` : '';
  }
  if (t.id === 'deadlines') {
    const rows = t.rows
      .filter((row) => row.figures.met!.value !== null)
      .map((row) => ({ label: rowLabel(t, row.key, r.names).vi, a: row.figures.met!.value ?? 0, b: row.figures.missed!.value ?? 0 }));
    return `<figure>${pairedBarChart('Đúng hạn và quá hạn trong kỳ', rows, { a: METRICS.met!.vi, b: METRICS.missed!.vi }, { a: '#1f3b73', b: '#8b1a1a' })}</figure>`;
  }
  return '';
}

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.35; color: #000; max-width: 170mm; margin: 0 auto; }
.head { display: flex; justify-content: space-between; text-align: center; font-size: 12.5pt; }
.head > div:first-child { width: 42%; } .head > div:last-child { width: 58%; white-space: nowrap; }
.upper { text-transform: uppercase; }
.b { font-weight: bold; }
.rule { display: inline-block; border-top: 1px solid #000; width: 40%; margin-top: 2px; }
.date { text-align: right; font-style: italic; margin: 10px 0 18px; }
h1 { text-align: center; font-size: 14pt; margin: 0; }
.subtitle { text-align: center; font-weight: bold; margin: 4px 0 18px; }
.asofnow { border: 1.5px solid #000; padding: 6px 10px; margin: 10px 0; font-weight: bold; }
h2 { font-size: 13pt; margin: 18px 0 6px; }
table { border-collapse: collapse; width: 100%; font-size: 11.5pt; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; }
th { font-weight: bold; text-align: center; }
td.n { text-align: right; white-space: nowrap; } td.c { text-align: center; }
tr.total td { font-weight: bold; }
.cmp { font-size: 9pt; font-style: italic; white-space: nowrap; }
figure { margin: 8px 0; page-break-inside: avoid; }
.end { display: flex; justify-content: space-between; margin-top: 28px; page-break-inside: avoid; }
.recipients { font-size: 11pt; width: 48%; } .recipients p { margin: 0; }
.sign { width: 48%; text-align: center; } .sign .space { height: 70px; }
.meta { margin-top: 24px; font-size: 9pt; color: #333; word-break: break-all; }
`;

export type { Letterhead };

/** The printable page of a report issued under `lh` on `date`. */
export function renderReportHtml(r: RenderableReport, lh: Letterhead, date: Date): string {
  const c = r.content;
  const scopeName =
    c.request.scope.kind === 'NATIONAL'
      ? 'toàn quốc'
      : `trên địa bàn ${r.names.province[c.request.scope.provinceCode]?.vi ?? c.request.scope.provinceCode}`;
  const asOfNow = c.asOfNow
    ? `<p class="asofnow">SỐ LIỆU TẠM TÍNH: kỳ báo cáo chưa kết thúc; số liệu tính đến ${x(new Date(c.asOf).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }))} và sẽ còn thay đổi.</p>`
    : '';
  const sections = c.tables
    .map(
      (t, i) =>
        `<section><h2>${ROMAN[i]}. ${x(TABLE_TITLES[t.id].vi)}</h2>${tableHtml(t, displayRows(t, r.names))}${chartFor(r, t)}</section>`,
    )
    .join('');
  const due = c.due ? `Hạn gửi báo cáo: ${dmy(c.due.date)}${c.due.verify ? ' (theo dữ liệu cấu hình, chưa xác minh)' : ''}.` : '';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo ${x(periodPhrase(r))}</title><style>${STYLE}</style></head>
<body>
<div class="head">
  <div><div class="upper">${x(lh.parent)}</div><div class="upper b">${x(lh.issuer)}</div><span class="rule"></span>
    <div>Số: ${x(lh.number ?? '\u00a0'.repeat(8))}/BC-${x(lh.abbreviation)}</div></div>
  <div><div class="b">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="b">Độc lập - Tự do - Hạnh phúc</div><span class="rule"></span></div>
</div>
<p class="date">${x(dateLine(lh.place, date))}</p>
<h1>BÁO CÁO</h1>
<p class="subtitle">Kết quả phòng, chống việc chấp nhận, vận chuyển và phát hàng lậu, hàng cấm qua đường bưu chính ${x(scopeName)} ${x(periodPhrase(r))}</p>
<p>Số liệu tổng hợp từ nhật ký vụ việc của hệ thống, tính đến ${c.asOfNow ? 'thời điểm lập báo cáo' : `hết ngày ${dmy(c.current.to)}`} (so với cùng kỳ từ ${dmy(c.previous.from)} đến ${dmy(c.previous.to)}). ${x(KT1_LABELS[c.request.kt1].vi)}. ${x(due)}</p>
${asOfNow}
${sections}
<div class="end">
  <div class="recipients"><p class="b"><i>Nơi nhận:</i></p>${[...lh.recipients, 'Lưu: VT.'].map((n) => `<p>- ${x(n)};</p>`).join('')}</div>
  <div class="sign"><div class="b upper">${x(lh.signerTitle)}</div><div class="space"></div><div class="b">${x(lh.signerName ?? '')}</div></div>
</div>
<p class="meta">Mã báo cáo ${x(r.id)} · mã kiểm tra SHA-256 ${x(r.checksum)} · phiên bản dữ liệu danh mục ${r.referenceVersion} · lập lúc ${x(r.generatedAt)}</p>
</body></html>
`;
}
