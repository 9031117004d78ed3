/**
 * A correction of the working-day calendar reaching the running cases (issue 17, gap G7;
 * docs/domain-model.md "Clocks"). The API or the CLI saves the change, then starts
 * this run under the change's id; page by page every running case is sent the calendar as it now
 * stands (Update `correctCalendar`, whose id is the change's, so a page retried after a crash moves
 * nothing twice); at the end the change log names the cases moved. However many cases run, the
 * administrator's request answers at once, and a crash anywhere resumes where it stopped.
 */
import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/index.js';
import {
  calendarCorrectionProgress,
  type CalendarCorrectionInput,
  type CalendarCorrectionProgress,
} from './calendar-correction-definitions.js';

// A page sends a few Updates at a time and heartbeats after each: a lost worker is noticed in 30 s.
const acts = proxyActivities<CaseActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

const PAGE_SIZE = 100;

export async function calendarCorrectionWorkflow(input: CalendarCorrectionInput): Promise<CalendarCorrectionProgress> {
  const moved = [...(input.moved ?? [])];
  const progress: CalendarCorrectionProgress = { changeId: input.changeId, seen: input.seen ?? 0, moved: moved.length, done: false };
  setHandler(calendarCorrectionProgress, () => progress);
  let after = input.after ?? null;
  do {
    const page = await acts.correctCalendarPage({
      changeId: input.changeId,
      actor: input.actor,
      after,
      limit: input.pageSize ?? PAGE_SIZE,
    });
    moved.push(...page.moved);
    progress.seen += page.seen;
    progress.moved = moved.length;
    after = page.next;
    if (after && workflowInfo().continueAsNewSuggested)
      return continueAsNew<typeof calendarCorrectionWorkflow>({ ...input, after, seen: progress.seen, moved });
  } while (after);
  await acts.recordCasesMoved({ changeId: input.changeId, moved });
  progress.done = true;
  return progress;
}
