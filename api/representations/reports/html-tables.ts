/**
 * A report table as HTML: one metric reads as three columns (this period, the previous one, the
 * change); several read as one cell each with the comparison beneath, so the page stays A4 wide.
 */
import { catalogue, type Locale } from '../../../domain/messages/index.js';
import { TABLES, type Figure, type ReportTable } from '../../../domain/report-content.js';
import { show, signed } from './format.js';
import { escapeXml as x } from './markup.js';
import type { DisplayRow } from './rows.js';

export function tableHtml(t: ReportTable, rows: DisplayRow[], l: Locale): string {
  const { reportPhrase: p, reportMetric } = catalogue(l);
  const cells = (metric: string, f: Figure | undefined) =>
    `<td class="n">${show(metric, f?.value ?? null, l)}</td><td class="n">${show(metric, f?.previous ?? null, l)}</td><td class="n">${signed(metric, f?.change ?? null, l)}</td>`;
  const compared = (metric: string, f: Figure | undefined) =>
    `<td class="n">${show(metric, f?.value ?? null, l)}<div class="cmp">${x(p.columnPrevious)}: ${show(metric, f?.previous ?? null, l)} (${signed(metric, f?.change ?? null, l)})</div></td>`;
  const metrics = TABLES[t.id].metrics;
  const single = metrics.length === 1;
  const head = single
    ? [p.rowNumber, p.columnRow, p.columnValue, p.columnPrevious, p.columnChange].map((h) => `<th>${x(h)}</th>`).join('')
    : `<th>${x(p.rowNumber)}</th><th>${x(p.columnRow)}</th>${metrics.map((m) => `<th>${x(reportMetric[m])}</th>`).join('')}`;
  const body = rows
    .map((row, i) => {
      const no = `<td class="c">${row.total ? '' : i + 1}</td>`;
      const values = single ? cells(metrics[0]!, row.figures[metrics[0]!]) : metrics.map((m) => compared(m, row.figures[m])).join('');
      return `<tr${row.total ? ' class="total"' : ''}>${no}<td>${x(row.label)}</td>${values}</tr>`;
    })
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
