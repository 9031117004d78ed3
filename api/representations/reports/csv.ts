/**
 * A report as CSV files, one per table plus one describing the report: UTF-8 with a byte-order
 * mark (Excel then reads Vietnamese correctly), CRLF line ends, Vietnamese headers (RFC 4180).
 * A text cell that a spreadsheet would take for a formula (= + - @, tab, carriage return) is
 * prefixed with an apostrophe; numbers are written as numbers.
 */
import { TABLE_IDS, TABLES, type Figure } from '../../../domain/report-content.js';
import { periodKey } from '../../../domain/report-period.js';
import { COLUMNS, KT1_LABELS, METRICS, PERIOD_KIND_LABELS } from './labels.js';
import { displayRows } from './rows.js';
import type { RenderableReport } from './renderable.js';

const BOM = '\uFEFF';

/** A cell as RFC 4180 writes it, escaped against formula injection when it is text. */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csv = (rows: (string | number | boolean | null)[][]): string => BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

const figureCells = (f: Figure | undefined) => [f?.value ?? null, f?.previous ?? null, f?.change ?? null];

/** File name of a table: its place in the report and its id, ASCII only. */
export const csvFileName = (index: number, id: string) => `${String(index).padStart(2, '0')}-${id}.csv`;

/** The report's description: scope, period, as-of instant, checksum. */
function infoFile(r: RenderableReport): string {
  const c = r.content;
  const scope =
    c.request.scope.kind === 'NATIONAL'
      ? 'Toàn quốc'
      : (r.names.province[c.request.scope.provinceCode]?.vi ?? c.request.scope.provinceCode);
  return csv([
    ['Thông tin', 'Giá trị'],
    ['Mã báo cáo', r.id],
    ['Phạm vi', scope],
    ['Kỳ báo cáo', `${PERIOD_KIND_LABELS[c.request.period.kind].vi} ${periodKey(c.request.period)} (${c.current.from} – ${c.current.to})`],
    ['Cùng kỳ so sánh', `${c.previous.from} – ${c.previous.to}`],
    ['Vụ việc KT1', KT1_LABELS[c.request.kt1].vi],
    ['Số liệu tính đến', c.asOf],
    ['Số liệu tạm tính (kỳ chưa kết thúc)', c.asOfNow ? 'Có' : 'Không'],
    ['Hạn nộp báo cáo', c.due ? `${c.due.date}${c.due.verify ? ' (chưa xác minh)' : ''}` : null],
    ['Phiên bản dữ liệu danh mục', r.referenceVersion],
    ['Mã kiểm tra SHA-256', r.checksum],
  ]);
}

function tableFile(r: RenderableReport, id: (typeof TABLE_IDS)[number]): string {
  const t = r.content.tables.find((x) => x.id === id)!;
  const metrics = TABLES[id].metrics;
  const single = metrics.length === 1;
  const header = [
    COLUMNS.key.vi,
    COLUMNS.row.vi,
    ...metrics.flatMap((m) => {
      const unit = m.endsWith('Seconds') ? ' (giây)' : '';
      const name = single ? '' : `${METRICS[m]!.vi}${unit} - `;
      return [COLUMNS.value, COLUMNS.previous, COLUMNS.change].map((col) => `${name}${col.vi}${single ? unit : ''}`);
    }),
  ];
  const body = displayRows(t, r.names).map((row) => [row.key, row.label.vi, ...metrics.flatMap((m) => figureCells(row.figures[m]))]);
  return csv([header, ...body]);
}

/** Every file of the report's CSV export, by file name (the API serves one, or zips them). */
export function reportCsvFiles(r: RenderableReport): Map<string, string> {
  const files = new Map<string, string>([[csvFileName(0, 'thong-tin'), infoFile(r)]]);
  TABLE_IDS.forEach((id, i) => files.set(csvFileName(i + 1, id), tableFile(r, id)));
  return files;
}
