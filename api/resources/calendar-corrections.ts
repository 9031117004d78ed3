/**
 * A correction of the working-day calendar reaches the running cases (issue 17, gap G7): once the
 * change is saved, a run of `calendarCorrectionWorkflow` (one per change) sends it to every running
 * case, and the change log names the cases moved when all have taken it (`casesMoved`, null until
 * then). The request answers as soon as the run is started, however many cases run.
 */
import type { Client } from '@temporalio/client';
import type { Actor } from '../../domain/access.js';
import type { Db } from '../../prisma/client.js';
import { listReferenceChanges, type ChangeOutcome } from '../../prisma/reference/change-log.js';
import { startCalendarCorrection } from '../../platform/calendar-corrections.js';

/**
 * Runs a change of the calendar day `date`, then makes sure the day's last change is on its way to
 * the running cases. The check runs even when the change is refused or changes nothing: a repeat of
 * a request that saved its change but could not start the run (Temporal down) starts it then.
 */
export async function reachingRunningCases<T>(
  deps: { db: Db; temporal: { client: Client }; taskQueue: string },
  actor: Actor,
  date: string,
  change: () => Promise<ChangeOutcome<T>>,
): Promise<ChangeOutcome<T>> {
  try {
    return await change();
  } finally {
    const [last] = (await listReferenceChanges(deps.db, { table: 'Holiday', key: date, limit: 1 })).items;
    if (last && last.casesMoved === null) await startCalendarCorrection(deps.temporal.client, deps.taskQueue, last, actor);
  }
}
