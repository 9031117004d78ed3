/**
 * Starting the run that takes a calendar change to the running cases
 * (workflows/calendar-correction.ts), shared by the API and the worker's sweep
 * (worker/calendar-corrections.ts).
 */
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import type { Actor } from '../domain/access.js';
import { calendarCorrectionWorkflowId, type CalendarChange } from '../workflows/calendar-correction-definitions.js';
import type { calendarCorrectionWorkflow } from '../workflows/calendar-correction.js';

/** Starts the run that takes `change` to the running cases; a second start finds the first. */
export async function startCalendarCorrection(
  client: Client,
  taskQueue: string,
  change: CalendarChange,
  actor: Actor,
  pageSize?: number,
): Promise<string> {
  const workflowId = calendarCorrectionWorkflowId(change);
  try {
    await client.workflow.start<typeof calendarCorrectionWorkflow>('calendarCorrectionWorkflow', {
      workflowId,
      taskQueue,
      args: [{ changeId: String(change.id), actor, ...(pageSize ? { pageSize } : {}) }],
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
    });
  } catch (e) {
    if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
  }
  return workflowId;
}
