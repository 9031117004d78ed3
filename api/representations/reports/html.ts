/**
 * A report as a printable HTML page, laid out as a Vietnamese administrative report (the format
 * of Decree 30/2020/NĐ-CP): issuing agency and number on the left, the national emblem line on
 * the right, place and date, the title, numbered sections with their tables and inline SVG
 * charts, recipients and the signature block. No script, no external resource: it prints as is.
 */
import { vnDate } from '../../../domain/calendar.js';
import type { Letterhead } from '../../../domain/report-letterhead.js';
import { dmy } from './format.js';
import { chartFor } from './html-charts.js';
import { STYLE } from './html-style.js';
import { tableHtml } from './html-tables.js';
import { KT1_LABELS, TABLE_TITLES } from './labels.js';
import { escapeXml as x } from './markup.js';
import type { RenderableReport } from './renderable.js';
import { displayRows } from './rows.js';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV'];

/** Days below 10 and the months January and February take a leading zero (Decree 30/2020, Annex I). */
export function dateLine(place: string, date: Date): string {
  const [y, m, d] = vnDate(date).split('-').map(Number) as [number, number, number];
  return `${place}, ngày ${String(d).padStart(2, '0')} tháng ${m < 3 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

function periodPhrase(r: RenderableReport): string {
  const p = r.content.request.period;
  if (p.kind === 'H1') return `6 tháng đầu năm ${p.year}`;
  if (p.kind === 'YEAR') return `năm ${p.year}`;
  return `từ ngày ${dmy(p.from)} đến ngày ${dmy(p.to)}`;
}

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
