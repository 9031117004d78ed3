import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../prisma/client.js';
import { notifyReportReady } from '../prisma/report-notices.js';
import { generateReport, ReportRequestError } from '../prisma/reports.js';
import type { GeneratedReport, GenerateReportInput } from '../domain/report-runs.js';
import type { ReportScope } from '../domain/report-period.js';

/** The report workflow's activities: compute and store one report, tell the scope's managers. Both are safe to retry. */
export function createReportActivities(db: Db) {
  return {
    async generateReport(input: GenerateReportInput): Promise<GeneratedReport> {
      try {
        return await generateReport(db, input);
      } catch (e) {
        // a period or province no data can answer will not become answerable by retrying
        if (e instanceof ReportRequestError) throw ApplicationFailure.nonRetryable(e.message, 'ReportRequestError', e.violations);
        throw e;
      }
    },

    async notifyReportReady(n: { scope: ReportScope; reports: GeneratedReport[]; at: string }): Promise<number> {
      return notifyReportReady(db, n);
    },
  };
}
