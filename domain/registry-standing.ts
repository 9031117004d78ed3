/**
 * What the carrier registry said of a case when it opened (issue 15, "Licence check at
 * detection"): the carrier's licences or notifications valid on the day of detection, and the
 * registered service point the carrier's report names by code. planCase reads it once and the
 * case keeps it, so a later correction of the registry never rewrites what a case recorded.
 */
import type { IsoDate } from './calendar.js';
import type { IsoInstant } from './case-view.js';
import type { LicenceKind } from './registry-rules.js';

/** A registered service point as a case names it. */
export interface RegisteredPoint {
  code: string;
  name: string;
  provinceCode: string;
  communeLevel: boolean;
  remote: boolean;
}

/** The registry on the day of detection (Asia/Ho_Chi_Minh), as far as one case needs it. */
export interface RegistryStanding {
  on: IsoDate;
  /** The carrier's licences and notifications valid that day; none is a finding. */
  licences: { id: string; kind: LicenceKind; number: string }[];
  /** The carrier's point registered under the code the report gives, open that day; null: free text, not registered. */
  servicePoint: RegisteredPoint | null;
}

/** Where the item was stopped, as the case shows it: what the carrier wrote, and the registered point it names, if any. */
export interface ServicePointView {
  given: string;
  registered: RegisteredPoint | null;
}

/**
 * A case against a carrier holding no licence or notification of postal activity valid on the
 * day of detection (Law on Post 2010 Art. 21, 25; Decree 47/2011/NĐ-CP): itself a finding, seen
 * by the agencies on the case and counted in the reports.
 */
export interface LicenceFinding {
  kind: 'NO_VALID_LICENCE';
  carrierId: string;
  on: IsoDate;
  recordedAt: IsoInstant;
}

export const servicePointView = (given: string, s: RegistryStanding): ServicePointView => ({ given, registered: s.servicePoint });

/** The finding the standing makes, recorded at `now`; null when the carrier was licensed that day. */
export const licenceFindingOf = (carrierId: string, s: RegistryStanding, now: Date): LicenceFinding | null =>
  s.licences.length > 0 ? null : { kind: 'NO_VALID_LICENCE', carrierId, on: s.on, recordedAt: now.toISOString() };
