/**
 * The activities of a calendar correction (workflows/calendar-correction.ts): send a page of
 * running cases the calendar as it now stands, then name the cases moved on the change log.
 */
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Actor } from '../domain/access.js';
import type { Db } from '../prisma/client.js';
import { runningCasesAfter } from '../prisma/cases/visibility.js';
import { recordCasesMoved } from '../prisma/reference/change-log.js';
import { loadReference } from '../prisma/reference/snapshot.js';
import type { CaseMoved, CorrectionPage } from '../workflows/calendar-correction-definitions.js';
import { correctCalendar } from '../workflows/definitions.js';

// A case that closed since it was listed (or, just opening, has no state yet) has no clock to move.
const closedMeanwhile = (e: unknown): boolean =>
  e instanceof WorkflowNotFoundError ||
  (e instanceof WorkflowUpdateFailedError &&
    e.cause instanceof ApplicationFailure &&
    ['AcceptedUpdateCompletedWorkflow', 'NotReady'].includes(e.cause.type ?? ''));

// a few cases at a time: each Update waits for its case's event to be stored
const AT_ONCE = 4;

export function createCalendarCorrections(db: Db) {
  return {
    async correctCalendarPage(p: { changeId: string; actor: Actor; after: string | null; limit: number }): Promise<CorrectionPage> {
      const { calendar } = await loadReference(db);
      const request = { calendar, actor: p.actor, changeId: p.changeId };
      const cases = await runningCasesAfter(db, p.after, p.limit);
      const { client } = Context.current(); // the worker's, with its payload codec
      const moved: CaseMoved[] = [];
      for (let i = 0; i < cases.length; i += AT_ONCE) {
        await Promise.all(
          cases.slice(i, i + AT_ONCE).map(async (c) => {
            try {
              const handle = client.workflow.getHandle(c.id);
              const moves = await handle.executeUpdate(correctCalendar, { args: [request], updateId: `calendar-correction-${p.changeId}` });
              if (moves.length) moved.push({ caseId: c.id, number: c.number, moves });
            } catch (e) {
              if (!closedMeanwhile(e)) throw e;
            }
          }),
        );
        Context.current().heartbeat(i);
      }
      return { seen: cases.length, moved, next: cases.length === p.limit ? cases.at(-1)!.id : null };
    },

    /** Names the cases moved on the change log, in case-number order; a repeat after a lost answer writes nothing. */
    recordCasesMoved: ({ changeId, moved }: { changeId: string; moved: CaseMoved[] }): Promise<void> =>
      recordCasesMoved(
        db,
        Number(changeId),
        [...moved].sort((a, b) => a.number.localeCompare(b.number)),
      ),
  };
}
