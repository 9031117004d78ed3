/**
 * A correction of the working-day calendar reaches the running cases (issue 17, gap G7): each case
 * whose workflow still runs is sent the corrected calendar (Update `correctCalendar`) and
 * recomputes its running clocks; the change log row then names the cases whose clocks moved.
 * The Update id is the change's, so a retried send is taken once.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Actor } from '../../domain/access.js';
import { runningCases } from '../../prisma/cases/visibility.js';
import { recordCasesMoved, type ChangeOutcome } from '../../prisma/reference/change-log.js';
import type { CaseMovedJson } from '../../prisma/reference/json.js';
import { loadReference } from '../../prisma/reference/snapshot.js';
import { correctCalendar } from '../../workflows/definitions.js';
import type { ApiDeps } from '../deps.js';

// A case that closed since it was listed (or, just opening, has no state yet) has no clock to move.
const closedMeanwhile = (e: unknown): boolean =>
  e instanceof WorkflowNotFoundError ||
  (e instanceof WorkflowUpdateFailedError &&
    e.cause instanceof ApplicationFailure &&
    ['AcceptedUpdateCompletedWorkflow', 'NotReady'].includes(e.cause.type ?? ''));

// a few cases at a time: each Update waits for its case's event to be stored
const AT_ONCE = 4;

/** Sends the calendar as it now stands to every running case; returns (and logs on the change) those it moved. */
export async function correctRunningCases(
  deps: Pick<ApiDeps, 'db' | 'temporal'>,
  changeId: number,
  actor: Actor,
): Promise<CaseMovedJson[]> {
  const { calendar } = await loadReference(deps.db);
  const request = { calendar, actor, changeId: String(changeId) };
  const cases = await runningCases(deps.db);
  const moved: CaseMovedJson[] = [];
  for (let i = 0; i < cases.length; i += AT_ONCE) {
    await Promise.all(
      cases.slice(i, i + AT_ONCE).map(async (c) => {
        try {
          const handle = deps.temporal.client.workflow.getHandle(c.id);
          const moves = await handle.executeUpdate(correctCalendar, { args: [request], updateId: `calendar-correction-${changeId}` });
          if (moves.length) moved.push({ caseId: c.id, number: c.number, moves });
        } catch (e) {
          if (!closedMeanwhile(e)) throw e;
        }
      }),
    );
  }
  moved.sort((a, b) => a.number.localeCompare(b.number));
  await recordCasesMoved(deps.db, changeId, moved);
  return moved;
}

/** A calendar change's outcome, with the running cases it moved once they have taken it. */
export async function reachingRunningCases<T>(
  deps: Pick<ApiDeps, 'db' | 'temporal'>,
  actor: Actor,
  outcome: ChangeOutcome<T>,
): Promise<ChangeOutcome<T>> {
  if (!outcome.change) return outcome;
  const casesMoved = await correctRunningCases(deps, outcome.change.id, actor);
  return { ...outcome, change: { ...outcome.change, casesMoved } };
}
