import type { Db } from '../prisma/client.js';
import { createCaseRecords } from './case-records.js';

/** Everything activities need from the outside world, injected so tests use real ones. */
export interface ActivityDeps {
  db: Db;
  now: () => Date;
}

/** All activities of the case workflow. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createCaseRecords(deps.db),
  };
}
export type CaseActivities = ReturnType<typeof createActivities>;
