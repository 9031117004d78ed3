/**
 * Which agencies a case goes to (docs/domain-model.md, "Routing"). Agencies and categories are reference
 * data with validity dates, passed in; nothing here knows a province or an agency by name.
 */
import { vnDate, type IsoDate } from './calendar.js';

/** Kinds of competent agency; names and jurisdictions are data. */
export const AGENCY_KINDS = ['POLICE', 'QLTT', 'CUSTOMS', 'DEPT', 'INSPECTORATE', 'KT1'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Kinds that act nationally and so have no province. */
export const NATIONAL_AGENCY_KINDS: ReadonlySet<AgencyKind> = new Set<AgencyKind>(['INSPECTORATE', 'KT1']);

/** A province (or centrally-run city) as named during [validFrom, validTo). */
export interface Province {
  code: string;
  name: string;
  nameEn: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/** An agency as named during [validFrom, validTo); reorganisations add rows. */
export interface Agency {
  id: string;
  kind: AgencyKind;
  provinceCode: string | null;
  name: string;
  nameEn: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/** A category of item that may not be sent, and who deals with it. */
export interface ItemCategory {
  code: string;
  labelVi: string;
  labelEn: string;
  primaryAgency: AgencyKind;
  alsoNotify: readonly AgencyKind[];
  /** Offence proposed by default when a violation in this category is sanctioned. */
  offenceCode: string;
}

/** What the carrier reported that routing depends on. */
export interface RoutingInput {
  category: string;
  crossBorder: boolean;
  signsOfCrime: boolean;
  kt1: boolean;
  provinceCode: string;
}

/** The agencies of a case: the lead first in `notify`, no duplicates. */
export interface Route {
  lead: string;
  notify: string[];
  /** KT1 cases are visible only to the routed agencies, department managers and admins. */
  restricted: boolean;
}

/** Why a case cannot be routed. */
export type RoutingErrorCode = 'UNKNOWN_CATEGORY' | 'AGENCY_NOT_FOUND' | 'AGENCY_AMBIGUOUS';

/** Routing failed because the reference data has a gap or a contradiction. */
export class RoutingError extends Error {
  override readonly name = 'RoutingError';
  constructor(
    readonly code: RoutingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const validOn = (a: Agency, date: IsoDate): boolean => a.validFrom <= date && (a.validTo === null || date < a.validTo);

/** The one agency of `kind` serving `provinceCode` (national kinds ignore it) at `at`. */
export function agencyFor(kind: AgencyKind, provinceCode: string, agencies: readonly Agency[], at: Date): Agency {
  const date = vnDate(at);
  const province = NATIONAL_AGENCY_KINDS.has(kind) ? null : provinceCode;
  const found = agencies.filter((a) => a.kind === kind && a.provinceCode === province && validOn(a, date));
  const where = province ? `province ${province}` : 'national level';
  if (found.length === 0) throw new RoutingError('AGENCY_NOT_FOUND', `no ${kind} agency at ${where} on ${date}`);
  if (found.length > 1) throw new RoutingError('AGENCY_AMBIGUOUS', `${found.length} ${kind} agencies at ${where} on ${date}`);
  return found[0]!;
}

function kindsFor(input: RoutingInput, category: ItemCategory): AgencyKind[] {
  // A KT1 incident stays inside the KT1 focal point and the police, whatever the item;
  // an officer who needs anyone else re-routes explicitly, with a reason.
  if (input.kt1) return ['KT1', 'POLICE'];
  const kinds = [category.primaryAgency, ...category.alsoNotify];
  if (input.crossBorder) kinds.push('CUSTOMS');
  if (input.signsOfCrime) kinds.push('POLICE');
  return kinds;
}

/**
 * Routes a new case: the category's primary agency leads; its also-notify agencies, CUSTOMS for
 * cross-border items and POLICE for signs of a crime are notified; a KT1 case goes to the KT1
 * focal point (lead) and POLICE only. Agencies are those of the case's province valid at `at`.
 */
export function routeCase(input: RoutingInput, categories: readonly ItemCategory[], agencies: readonly Agency[], at: Date): Route {
  const category = categories.find((c) => c.code === input.category);
  if (!category) throw new RoutingError('UNKNOWN_CATEGORY', `unknown item category ${input.category}`);
  const ids = kindsFor(input, category).map((kind) => agencyFor(kind, input.provinceCode, agencies, at).id);
  const notify = [...new Set(ids)];
  return { lead: notify[0]!, notify, restricted: input.kt1 };
}
