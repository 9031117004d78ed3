import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../prisma/client.js';
import { loadReference } from '../prisma/reference.js';
import { agencyFor, routeCase, RoutingError } from '../domain/routing.js';
import type { CasePlan, DetectionInput } from '../workflows/definitions.js';

/** Routing and the clock, calendar and fine tables a case opens with, from the administered reference data. */
export function createPlanning(db: Db, now: () => Date, clockScale: number, searchAttributes: boolean) {
  return {
    async planCase(d: DetectionInput): Promise<CasePlan> {
      const ref = await loadReference(db);
      const at = d.detectedAt ? new Date(d.detectedAt) : now();
      try {
        const route = routeCase(
          { category: d.categoryCode, crossBorder: d.crossBorder, signsOfCrime: d.signsOfCrime, kt1: d.kt1, provinceCode: d.provinceCode },
          ref.categories,
          ref.agencies,
          at,
        );
        return {
          leadAgencyId: route.lead,
          agencyIds: route.notify,
          deptAgencyId: agencyFor('DEPT', d.provinceCode, ref.agencies, at).id,
          restricted: route.restricted,
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
