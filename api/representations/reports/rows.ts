/**
 * A report table as a person reads it: each row's label (reference data from the report's
 * names, fixed codes from the message catalogue) and, where the rows add up, a total row.
 * Shared by the CSV and HTML renderers so both print the same rows.
 */
import { catalogue, labelOf, type Locale } from '../../../domain/messages/index.js';
import { TABLES, type Figure, type ReportNames, type ReportTable } from '../../../domain/report-content.js';

export interface DisplayRow {
  key: string;
  label: string;
  figures: Record<string, Figure>;
  total: boolean;
}

const sum = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

/** The label of a row's key in `l`. */
export function rowLabel(t: ReportTable, key: string, names: ReportNames, l: Locale): string {
  const kind = TABLES[t.id].rows;
  const named = kind === 'category' || kind === 'carrier' || kind === 'province' ? names[kind][key]?.[l] : undefined;
  return named ?? labelOf(catalogue(l).reportCode, key);
}

/** The rows of a table, labelled in `l`, with a total row for tables whose rows add up. */
export function displayRows(t: ReportTable, names: ReportNames, l: Locale): DisplayRow[] {
  const spec = TABLES[t.id];
  const rows: DisplayRow[] = t.rows.map((r) => ({ key: r.key, label: rowLabel(t, r.key, names, l), figures: r.figures, total: false }));
  if (!spec.totals) return rows;
  const figures = Object.fromEntries(
    spec.metrics.map((m) => {
      const value = t.rows.reduce<number | null>((acc, r) => sum(acc, r.figures[m]!.value), 0);
      const previous = t.rows.reduce<number | null>((acc, r) => sum(acc, r.figures[m]!.previous), 0);
      return [m, { value, previous, change: sum(value, previous === null ? null : -previous) }];
    }),
  );
  return [...rows, { key: '', label: catalogue(l).reportPhrase.total, figures, total: true }];
}
