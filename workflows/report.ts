/**
 * Periodic reports (docs/reports.md): a run computes and stores each KT1 variant of one
 * scope's period, then tells the scope's managers. A schedule starts `scheduledReportWorkflow`,
 * which starts the run under an id derived from scope and period: a second firing, a catch-up
 * after downtime or a manual trigger finds that run (done or running) and starts nothing.
 */
import { ParentClosePolicy, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import type { CaseActivities } from '../activities/index.js';
import { scheduledKt1Modes } from '../domain/report-access.js';
import { latestEndedPeriod } from '../domain/report-period.js';
import {
  reportProgress,
  reportWorkflowId,
  type ReportProgress,
  type ReportRunResult,
  type ReportWorkflowInput,
  type ScheduledReportInput,
  type ScheduledReportResult,
} from './report-definitions.js';

// A report on a large year takes a while; a failure retries with growing pauses until it works,
// each attempt's error visible on the run in the Temporal UI.
const acts = proxyActivities<CaseActivities>({
  startToCloseTimeout: '15 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function reportWorkflow(input: ReportWorkflowInput): Promise<ReportRunResult> {
  const progress: ReportProgress = { scope: input.scope, period: input.period, variants: input.variants, reports: [], notified: false };
  setHandler(reportProgress, () => progress);
  const at = new Date().toISOString(); // one instant for every variant and every retry: the same figures
  const { scope, period, trigger, requestedBy } = input;
  for (const kt1 of input.variants)
    progress.reports.push(await acts.generateReport({ request: { scope, period, kt1 }, at, trigger, requestedBy }));
  const notices = await acts.notifyReportReady({ scope, reports: progress.reports, at });
  progress.notified = true;
  return { reports: progress.reports, notices };
}

export async function scheduledReportWorkflow(input: ScheduledReportInput): Promise<ScheduledReportResult> {
  const period = latestEndedPeriod(input.periodKind, new Date());
  const workflowId = reportWorkflowId(input.scope, period);
  try {
    const run = await startChild(reportWorkflow, {
      workflowId,
      args: [{ scope: input.scope, period, variants: scheduledKt1Modes(input.scope), trigger: 'SCHEDULE', requestedBy: 'schedule' }],
      // a failed run may be run again; a completed one never
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    await run.result();
    return { workflowId, period, started: true };
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, period, started: false };
    throw e;
  }
}
