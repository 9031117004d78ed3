import type { Db } from '../prisma/client.js';
import { createCalendarCorrections } from './calendar-corrections.js';
import { createCaseRecords } from './case-records.js';
import { refusingRejectedData } from './data-errors.js';
import { createIncidentRecords } from './incidents.js';
import { createPlanning } from './plan.js';
import { createReportActivities } from './reports.js';

/** Everything activities need from the outside world, injected so tests pass real ones. */
export interface ActivityDeps {
  db: Db;
  /** Reports' own client, whose statements may take minutes on a large year (prisma/reports.ts createReportDb); else `db`. */
  reportDb?: Db;
  /** The wall clock (tests pin it); workflow steps carry their own workflow time. */
  now: () => Date;
  /** Demo clock: every legal limit runs this many times faster (CLOCK_SCALE); 1 in production. */
  clockScale?: number;
  /** False where the namespace cannot hold the case search attributes (the time-skipping test server). */
  searchAttributes?: boolean;
}

/**
 * All activities of the case workflow. Those that read or write a case fail without retry when
 * PostgreSQL refuses their data for good, so the case opens an incident; the incident log itself
 * is retried until stored (what it stores is made storable first).
 */
export function createActivities(deps: ActivityDeps) {
  const { planCase } = createPlanning(deps.db, deps.now, deps.clockScale ?? 1, deps.searchAttributes ?? true);
  const { registerCase, recordEvent } = createCaseRecords(deps.db);
  return {
    planCase: refusingRejectedData(planCase),
    registerCase: refusingRejectedData(registerCase),
    recordEvent: refusingRejectedData(recordEvent),
    ...createIncidentRecords(deps.db),
    ...createReportActivities(deps.reportDb ?? deps.db),
    ...createCalendarCorrections(deps.db),
  };
}
export type CaseActivities = ReturnType<typeof createActivities>;
