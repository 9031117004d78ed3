import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../prisma/client.js';
import { routeOver, routingInput } from '../prisma/reference/routing.js';
import { loadReference } from '../prisma/reference/snapshot.js';
import { registryStanding } from '../prisma/registry-standing.js';
import { vnDate } from '../domain/calendar.js';
import { RoutingError } from '../domain/routing.js';
import { routedByOrigin } from '../domain/case-origins.js';
import type { CasePlan, DetectionInput } from '../workflows/definitions.js';

/** Routing and the clock, calendar and fine tables a case opens with, from the administered reference data. */
export function createPlanning(db: Db, now: () => Date, clockScale: number, searchAttributes: boolean) {
  return {
    /** `openedAt`: the workflow's instant of opening, the case's detection time when the carrier gave none. */
    async planCase(d: DetectionInput, openedAt?: string): Promise<CasePlan> {
      const at = d.detectedAt ? new Date(d.detectedAt) : now();
      const detected = new Date(d.detectedAt ?? openedAt ?? at);
      const [ref, registry] = await Promise.all([loadReference(db), registryStanding(db, d.carrierId, d.servicePoint, vnDate(detected))]);
      try {
        return {
          // an agency's case: that agency leads (domain/case-origins.ts)
          ...routedByOrigin(routeOver(ref, routingInput(d), at), d.origin, (id) => ref.agencies.find((a) => a.id === id)?.kind),
          policies: ref.policies,
          calendar: ref.calendar,
          fineSchedule: ref.fineSchedule,
          clockScale,
          searchAttributes,
          registry,
        };
      } catch (e) {
        // missing reference data will not fix itself by retrying: an administrator must add it
        if (e instanceof RoutingError) throw ApplicationFailure.nonRetryable(e.message, 'RoutingError');
        throw e;
      }
    },
  };
}
