/**
 * The three forms of a stored report: JSON, the printable HTML page, CSV (one table, or a zip of
 * them all), chosen by `format` or the Accept header; the page and the CSV in Vietnamese unless
 * `lang` or Accept-Language asks for English.
 */
import type { Request, Response } from 'express';
import { TABLE_IDS } from '../../domain/report-content.js';
import type { Locale } from '../../domain/messages/index.js';
import type { Db } from '../../prisma/client.js';
import { letterheadFor } from '../../prisma/report-letterhead.js';
import type { StoredReport } from '../../prisma/reports.js';
import { csvFileName, INFO_FILE, reportCsvFiles } from '../representations/reports/csv.js';
import { renderReportHtml } from '../representations/reports/html.js';
import { zipOf } from '../representations/reports/zip.js';
import { problem } from '../http/problems.js';
import { reportLinks } from './report-lookup.js';

export type ReportFormat = 'json' | 'csv' | 'html';

/** `format` when given, else what the Accept header prefers; JSON for anything else. */
export function formatOf(req: Request, format: ReportFormat | undefined): ReportFormat {
  if (format) return format;
  const best = req.accepts(['application/json', 'text/html', 'text/csv']);
  return best === 'text/html' ? 'html' : best === 'text/csv' ? 'csv' : 'json';
}

export const localeOf = (req: Request, lang: Locale | undefined): Locale => lang ?? ((req.acceptsLanguages('vi', 'en') || 'vi') as Locale);

/** The file of one table (`info`: the description), by the id the query names. */
function tableFile(table: string): string {
  if (table === 'info') return INFO_FILE;
  const i = TABLE_IDS.indexOf(table as (typeof TABLE_IDS)[number]);
  if (i < 0)
    throw problem(400, 'validation', 'Invalid request', '1 field(s) failed validation in the query.', {
      errors: [{ in: 'query', field: 'table', message: `one of info, ${TABLE_IDS.join(', ')}`, code: 'invalid_value' }],
    });
  return csvFileName(i + 1, table);
}

export async function sendReport(
  db: Db,
  res: Response,
  report: StoredReport,
  o: { format: ReportFormat; locale: Locale; table?: string },
): Promise<void> {
  res.vary('Accept').vary('Accept-Language');
  if (o.format === 'json') {
    res.json({ ...report, links: reportLinks(report.id) });
    return;
  }
  if (o.format === 'html') {
    const at = new Date(report.generatedAt);
    res.type('text/html; charset=utf-8').send(renderReportHtml(report, await letterheadFor(db, report.content, at), at, o.locale));
    return;
  }
  const files = reportCsvFiles(report, o.locale);
  if (o.table) {
    const name = tableFile(o.table);
    res.type('text/csv; charset=utf-8').attachment(`${report.id}-${name}`).send(files.get(name));
    return;
  }
  res.type('application/zip').attachment(`${report.id}-csv.zip`).send(zipOf(files));
}
