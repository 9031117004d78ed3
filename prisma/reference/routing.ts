/**
 * Where a case goes, from the administered agencies. Intake runs it to refuse a case the data
 * cannot route (a gap or an overlap among agencies, say after a reorganisation) instead of
 * failing the workflow; planCase runs it to open the case. Both run this code.
 */
import type { Db } from '../client.js';
import {
  agencyFor,
  routeCase,
  RoutingError,
  type Agency,
  type AgencyKind,
  type ItemCategory,
  type RoutingInput,
} from '../../domain/routing.js';
import type { DetectionInput } from '../../workflows/definitions.js';
import { agencyJson, routingAgency } from './json.js';

/** The agencies of a case, and the province's department for post (escalations of several clocks go there). */
export interface CaseRoute {
  leadAgencyId: string;
  agencyIds: string[];
  deptAgencyId: string;
  restricted: boolean;
  /** The kinds of the agencies routed: which fields' offences may apply (domain/sanctioning-limitation.ts). */
  agencyKinds: AgencyKind[];
}

/** The reference rows routing reads. */
export interface RoutingReference {
  categories: readonly ItemCategory[];
  agencies: readonly Agency[];
}

/** What routing reads of a detection. */
export const routingInput = (d: Pick<DetectionInput, 'categoryCode' | 'crossBorder' | 'signsOfCrime' | 'kt1' | 'provinceCode'>) => ({
  category: d.categoryCode,
  crossBorder: d.crossBorder,
  signsOfCrime: d.signsOfCrime,
  kt1: d.kt1,
  provinceCode: d.provinceCode,
});

/** Routes a case on `at`; throws RoutingError when the reference data cannot. */
export function routeOver(ref: RoutingReference, input: RoutingInput, at: Date): CaseRoute {
  const route = routeCase(input, ref.categories, ref.agencies, at);
  return {
    leadAgencyId: route.lead,
    agencyIds: route.notify,
    deptAgencyId: agencyFor('DEPT', input.provinceCode, ref.agencies, at).id,
    restricted: route.restricted,
    agencyKinds: [...new Set(route.notify.flatMap((id) => ref.agencies.filter((a) => a.id === id).map((a) => a.kind)))],
  };
}

/** Why a case with this input could not be routed on `at` with the administered data, or null when it can. */
export async function routingRefusal(db: Db, input: RoutingInput, at: Date): Promise<string | null> {
  const [categories, agencies] = await Promise.all([
    db.itemCategory.findMany(),
    // a case is routed to its province's agencies and the national ones
    db.agency.findMany({ where: { OR: [{ provinceCode: input.provinceCode }, { provinceCode: null }] } }),
  ]);
  try {
    routeOver({ categories, agencies: agencies.map((a) => routingAgency(agencyJson(a))) }, input, at);
    return null;
  } catch (e) {
    if (e instanceof RoutingError) return e.message;
    throw e;
  }
}
