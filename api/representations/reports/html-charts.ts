/** The charts beside a report's sections: categories and outcomes against the previous period, deadlines met against missed. */
import type { ReportTable } from '../../../domain/report-content.js';
import { pairedBarChart } from './charts.js';
import { dmy } from './format.js';
import { COLUMNS, METRICS, TABLE_TITLES } from './labels.js';
import type { RenderableReport } from './renderable.js';
import { rowLabel } from './rows.js';

/** The chart of a section, or '' for a table drawn as a table only. */
export function chartFor(r: RenderableReport, t: ReportTable): string {
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
    const legendMet = { a: METRICS.met!.vi, b: METRICS.missed!.vi };
    return `<figure>${pairedBarChart('Đúng hạn và quá hạn trong kỳ', rows, legendMet, { a: '#1f3b73', b: '#8b1a1a' })}</figure>`;
  }
  return '';
}
