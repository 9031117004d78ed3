/** Finding a stored report the caller may read, and the links every report representation carries. */
import type { Actor } from '../../domain/access.js';
import { canReadReport } from '../../domain/report-access.js';
import type { Db } from '../../prisma/client.js';
import { getReport, type StoredReport } from '../../prisma/reports.js';
import { problem } from '../http/problems.js';

export const reportIdParam = { description: 'Report id (`rpt_` and 24 hex digits)' };

/** The JSON, printable and CSV forms of a report. */
export const reportLinks = (id: string) => ({
  self: `/v1/reports/${id}`,
  html: `/v1/reports/${id}?format=html`,
  csv: `/v1/reports/${id}?format=csv`,
});

/** A report the actor may read; any other (unknown, another scope, a KT1 variant not theirs) is 404, as foreign cases are. */
export async function findReadableReport(db: Db, actor: Actor, id: string): Promise<StoredReport> {
  const report = await getReport(db, id);
  const { scope, kt1 } = report?.content.request ?? { scope: { kind: 'NATIONAL' as const }, kt1: 'EXCLUDED' as const };
  if (!report || !canReadReport(actor, scope, kt1))
    throw problem(404, 'not-found', 'Report not found', `No report ${id} is readable by you.`);
  return report;
}
