/** The charts beside a report's sections: categories and outcomes against the previous period, deadlines met against missed. */
import { catalogue, fill, type Locale } from '../../../domain/messages/index.js';
import type { ReportTable } from '../../../domain/report-content.js';
import { pairedBarChart } from './charts.js';
import { dmy } from './format.js';
import type { RenderableReport } from './renderable.js';
import { rowLabel } from './rows.js';

/** The chart of a section in `l`, or '' for a table drawn as a table only. */
export function chartFor(r: RenderableReport, t: ReportTable, l: Locale): string {
  const { reportPhrase: p, reportMetric, reportTable } = catalogue(l);
  const legend = { a: fill(p.chartPeriod, { from: dmy(r.content.current.from), to: dmy(r.content.current.to) }), b: p.columnPrevious };
  if (t.id === 'casesByCategory' || t.id === 'casesByOutcome') {
    const rows = t.rows
      .filter((row) => row.figures.detected!.value || row.figures.detected!.previous)
      .map((row) => ({
        label: rowLabel(t, row.key, r.names, l),
        a: row.figures.detected!.value ?? 0,
        b: row.figures.detected!.previous ?? 0,
      }));
    return rows.length ? `<figure>${pairedBarChart(reportTable[t.id], rows, legend, { l })}</figure>` : '';
  }
  if (t.id === 'deadlines') {
    const rows = t.rows
      .filter((row) => row.figures.met!.value !== null)
      .map((row) => ({ label: rowLabel(t, row.key, r.names, l), a: row.figures.met!.value ?? 0, b: row.figures.missed!.value ?? 0 }));
    const legendMet = { a: reportMetric.met, b: reportMetric.missed };
    return `<figure>${pairedBarChart(p.chartMetMissed, rows, legendMet, { colours: { a: '#1f3b73', b: '#8b1a1a' }, l })}</figure>`;
  }
  return '';
}
