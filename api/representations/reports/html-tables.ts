/**
 * A report table as HTML: one metric reads as three columns (this period, the previous one, the
 * change); several read as one cell each with the comparison beneath, so the page stays A4 wide.
 */
import { TABLES, type Figure, type ReportTable } from '../../../domain/report-content.js';
import { show, signed } from './format.js';
import { COLUMNS, METRICS } from './labels.js';
import { escapeXml as x } from './markup.js';
import type { DisplayRow } from './rows.js';

const cells = (metric: string, f: Figure | undefined) =>
  `<td class="n">${show(metric, f?.value ?? null)}</td><td class="n">${show(metric, f?.previous ?? null)}</td><td class="n">${signed(metric, f?.change ?? null)}</td>`;

const compared = (metric: string, f: Figure | undefined) =>
  `<td class="n">${show(metric, f?.value ?? null)}<div class="cmp">${COLUMNS.previous.vi}: ${show(metric, f?.previous ?? null)} (${signed(metric, f?.change ?? null)})</div></td>`;

export function tableHtml(t: ReportTable, rows: DisplayRow[]): string {
  const metrics = TABLES[t.id].metrics;
  const single = metrics.length === 1;
  const head = single
    ? `<th>STT</th><th>${COLUMNS.row.vi}</th><th>${COLUMNS.value.vi}</th><th>${COLUMNS.previous.vi}</th><th>${COLUMNS.change.vi}</th>`
    : `<th>STT</th><th>${COLUMNS.row.vi}</th>${metrics.map((m) => `<th>${x(METRICS[m]!.vi)}</th>`).join('')}`;
  const body = rows
    .map((row, i) => {
      const no = `<td class="c">${row.total ? '' : i + 1}</td>`;
      const values = single ? cells(metrics[0]!, row.figures[metrics[0]!]) : metrics.map((m) => compared(m, row.figures[m])).join('');
      return `<tr${row.total ? ' class="total"' : ''}>${no}<td>${x(row.label.vi)}</td>${values}</tr>`;
    })
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
