/**
 * Incidents (docs/incidents.md): a write PostgreSQL refuses for good fails without
 * retry (activities/data-errors.ts), and so does planning without the reference data it needs.
 * Instead of failing, the case records an incident — what failed, at which step, since when, the
 * error — and holds its steps, answering queries and refusing actions, until an administrator
 * retries the write; the retry runs it again, and the case carries on where it stopped.
 */
import { ActivityFailure, ApplicationFailure, condition, patched, uuid4 } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/index.js';
import { DATA_REJECTED, HELD_BY_INCIDENT, NO_OPEN_INCIDENT, type CaseIncident, type IncidentActivity } from './definitions.js';

// v6: a refused write opens an incident; before, it failed the workflow (or was retried for ever)
const INCIDENTS_PATCH = 'incident-on-refused-write';

/** Activity failures that no retry clears but an administrator can: refused data, missing reference data. */
const HELD_TYPES: ReadonlySet<string> = new Set([DATA_REJECTED, 'RoutingError']);

function heldError(e: unknown): CaseIncident['error'] | null {
  // an activity's failure is wrapped in an ActivityFailure; a local activity's comes as it was thrown
  const failure = e instanceof ActivityFailure ? e.cause : e;
  if (!(failure instanceof ApplicationFailure)) return null;
  const { type, message, details } = failure;
  if (!type || !HELD_TYPES.has(type)) return null;
  const sqlState = (details?.[0] as { sqlState?: string } | undefined)?.sqlState ?? null;
  return { type, sqlState, message };
}

/** What is being written when it fails. */
export interface IncidentSubject {
  activity: IncidentActivity;
  step: CaseIncident['step'];
}

/** The failure an Update answers with while its step is held by an incident. */
export function heldByIncident(incident: CaseIncident): ApplicationFailure {
  return ApplicationFailure.create({
    type: HELD_BY_INCIDENT,
    nonRetryable: true,
    message: `the step is taken but could not be stored (${incident.error.message}); it is stored when an administrator retries incident ${incident.id}`,
    details: [incident],
  });
}

/**
 * The incidents of one case run: `attempt` runs each write, `open` is the incident holding the
 * case (null when none), `requestRetry` is the administrator's retry.
 */
export function incidentDesk(acts: Pick<CaseActivities, 'saveIncident'>, caseId: string, scope: () => CaseIncident['scope']) {
  let open: CaseIncident | null = null;
  let stored = false; // whether `open` is in the incident log as it stands: only then is it announced to callers
  let lastResolved: CaseIncident | null = null;
  let retry: { by: string; at: string } | null = null;

  /** Runs `write`; while PostgreSQL refuses it for good, holds it in an incident until an administrator retries. */
  async function attempt<T>(subject: IncidentSubject, write: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        const result = await write();
        if (open) {
          const resolved: CaseIncident = { ...open, resolvedAt: new Date().toISOString() };
          await acts.saveIncident(resolved);
          lastResolved = resolved;
          open = null;
        }
        return result;
      } catch (e) {
        const error = heldError(e);
        if (!error || !patched(INCIDENTS_PATCH)) throw e;
        const at = new Date().toISOString();
        open = open
          ? { ...open, error, lastFailedAt: at, failures: open.failures + 1 }
          : {
              id: uuid4(),
              caseId,
              ...subject,
              error,
              openedAt: at,
              lastFailedAt: at,
              failures: 1,
              retriedAt: null,
              retriedBy: null,
              resolvedAt: null,
              scope: scope(),
            };
        retry = null;
        stored = false;
        await acts.saveIncident(open);
        stored = true;
        await condition(() => retry !== null);
        open = { ...open, retriedAt: retry!.at, retriedBy: retry!.by };
      }
    }
  }

  /** Throws unless `incidentId` is open and not already being retried (the retry Update's validator). */
  function validateRetry(incidentId: string): void {
    if (!open || open.id !== incidentId || retry !== null)
      throw ApplicationFailure.create({
        type: NO_OPEN_INCIDENT,
        nonRetryable: true,
        message: open?.id === incidentId ? `incident ${incidentId} is being retried` : `incident ${incidentId} is not open on this case`,
      });
  }

  /** The administrator's retry: answers with the incident once the write is stored, or refused again. */
  async function retryWrite(by: string): Promise<CaseIncident> {
    const before = open!;
    retry = { by, at: new Date().toISOString() };
    await condition(() => open === null || (open.failures > before.failures && stored));
    return open ?? lastResolved!;
  }

  /** Waits for `step` to settle; throws `heldByIncident` if an incident holds the case first (the step then goes on once retried). */
  async function settledOrHeld<T>(step: Promise<T>): Promise<T> {
    let settled = false;
    step.then(
      () => (settled = true),
      () => (settled = true),
    );
    await condition(() => settled || (open !== null && stored));
    if (!settled) throw heldByIncident(open!);
    return step;
  }

  return {
    attempt,
    validateRetry,
    retryWrite,
    settledOrHeld,
    get open(): CaseIncident | null {
      return open;
    },
  };
}

export type IncidentDesk = ReturnType<typeof incidentDesk>;
