import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../prisma/client.js';
import { routeOver, routingInput } from '../prisma/reference/routing.js';
import { loadReference } from '../prisma/reference/snapshot.js';
import { RoutingError } from '../domain/routing.js';
import type { CasePlan, DetectionInput } from '../workflows/definitions.js';

/** Routing and the clock, calendar and fine tables a case opens with, from the administered reference data. */
export function createPlanning(db: Db, now: () => Date, clockScale: number, searchAttributes: boolean) {
  return {
    async planCase(d: DetectionInput): Promise<CasePlan> {
      const ref = await loadReference(db);
      const at = d.detectedAt ? new Date(d.detectedAt) : now();
      try {
        return {
          ...routeOver(ref, routingInput(d), at),
          policies: ref.policies,
          calendar: ref.calendar,
          fineSchedule: ref.fineSchedule,
          clockScale,
          searchAttributes,
        };
      } catch (e) {
        // missing reference data will not fix itself by retrying: an administrator must add it
        if (e instanceof RoutingError) throw ApplicationFailure.nonRetryable(e.message, 'RoutingError');
        throw e;
      }
    },
  };
}
