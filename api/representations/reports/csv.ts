/**
 * A report as CSV files, one per table plus one describing the report: UTF-8 with a byte-order
 * mark (Excel then reads Vietnamese correctly), CRLF line ends, Vietnamese headers (English on
 * request) (RFC 4180).
 * A text cell that a spreadsheet would take for a formula (= + - @, tab, carriage return) is
 * prefixed with an apostrophe; numbers are written as numbers.
 */
import { catalogue, type Locale } from '../../../domain/messages/index.js';
import { TABLE_IDS, TABLES, type Figure } from '../../../domain/report-content.js';
import { periodKey } from '../../../domain/report-period.js';
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
function infoFile(r: RenderableReport, l: Locale): string {
  const c = r.content;
  const { reportPhrase: p, periodKind, kt1Mode } = catalogue(l);
  const scope =
    c.request.scope.kind === 'NATIONAL'
      ? p.infoNational
      : (r.names.province[c.request.scope.provinceCode]?.[l] ?? c.request.scope.provinceCode);
  return csv([
    [p.infoHeading, p.infoValue],
    [p.infoId, r.id],
    [p.infoScope, scope],
    [p.infoPeriod, `${periodKind[c.request.period.kind]} ${periodKey(c.request.period)} (${c.current.from} – ${c.current.to})`],
    [p.infoPrevious, `${c.previous.from} – ${c.previous.to}`],
    [p.infoKt1, kt1Mode[c.request.kt1]],
    [p.infoAsOf, c.asOf],
    [p.infoAsOfNow, c.asOfNow ? p.yes : p.no],
    [p.infoDue, c.due ? `${c.due.date}${c.due.verify ? ` (${p.unverified})` : ''}` : null],
    [p.infoReferenceVersion, r.referenceVersion],
    [p.infoChecksum, r.checksum],
  ]);
}

function tableFile(r: RenderableReport, id: (typeof TABLE_IDS)[number], l: Locale): string {
  const t = r.content.tables.find((x) => x.id === id)!;
  const { reportPhrase: p, reportMetric } = catalogue(l);
  const metrics = TABLES[id].metrics;
  const single = metrics.length === 1;
  const header = [
    p.columnKey,
    p.columnRow,
    ...metrics.flatMap((m) => {
      const unit = m.endsWith('Seconds') ? ` (${p.seconds})` : '';
      const name = single ? '' : `${reportMetric[m]}${unit} - `;
      return [p.columnValue, p.columnPrevious, p.columnChange].map((col) => `${name}${col}${single ? unit : ''}`);
    }),
  ];
  const body = displayRows(t, r.names, l).map((row) => [row.key, row.label, ...metrics.flatMap((m) => figureCells(row.figures[m]))]);
  return csv([header, ...body]);
}

/** The info file's name: the first of the export. */
export const INFO_FILE = csvFileName(0, 'thong-tin');

/** Every file of the report's CSV export, by file name (the API serves one, or zips them); headers and labels in `l`. */
export function reportCsvFiles(r: RenderableReport, l: Locale = 'vi'): Map<string, string> {
  const files = new Map<string, string>([[INFO_FILE, infoFile(r, l)]]);
  TABLE_IDS.forEach((id, i) => files.set(csvFileName(i + 1, id), tableFile(r, id, l)));
  return files;
}
