// The people and systems of the tests, defined once: a COUNTERFEIT case in Thanh Hóa is led by
// TH-QLTT and also routed to TH-DEPT. Ids are those of the seeded agencies and carriers, so the
// same actor serves the pure step, the workflow tests and the replayed scenarios.
import { SYSTEM_ACTOR, type Actor } from '../../domain/access.js';

/** A carrier's system (its API key's principal). */
export const carrierActor = (carrierId = 'VNP'): Actor => ({ id: `key-${carrierId}`, role: 'carrier', carrierId });

/** An officer of a seeded agency (ids like TH-QLTT), with an authority cap when given. */
export const officer = (agencyId: string, id: string, authorityCapVnd?: number): Actor => ({
  id,
  role: 'officer',
  agencyId,
  agencyKind: agencyId.split('-').at(-1) as Actor['agencyKind'],
  provinceCode: agencyId.split('-')[0],
  authorityCapVnd: authorityCapVnd ?? null,
});

export const carrier = carrierActor('VNP');
export const otherCarrier = carrierActor('VTP');
/** Proposes sanctions; has no sanctioning authority of their own. */
export const qlttOfficer = officer('TH-QLTT', 'qltt-officer-0');
/** Proposes and decides: a QLTT team lead, 25 M for an individual, 50 M for an organisation. */
export const qlttTeamLead: Actor = { ...officer('TH-QLTT', 'qltt-officer-1', 25_000_000), title: 'TEAM_LEAD' };
/** Decides on another officer's proposal. */
export const qlttChief = officer('TH-QLTT', 'qltt-chief', 50_000_000);
/** Has sanctioning authority, but only up to 5 M (10 M for an organisation). */
export const qlttJunior = officer('TH-QLTT', 'qltt-junior', 5_000_000);
/** A manager of the lead agency without any sanctioning authority. */
export const qlttManager: Actor = {
  id: 'qltt-manager',
  role: 'manager',
  agencyId: 'TH-QLTT',
  agencyKind: 'QLTT',
  provinceCode: 'TH',
  authorityCapVnd: null,
};
export const deptOfficer = officer('TH-DEPT', 'dept-officer-1');
/** Police are not routed on a COUNTERFEIT case without signs of crime. */
export const policeOfficer = officer('TH-POLICE', 'police-officer-1', 20_000_000);
export const deptManager: Actor = { id: 'dept-manager', role: 'manager', agencyId: 'TH-DEPT', agencyKind: 'DEPT', provinceCode: 'TH' };
export const policeManager: Actor = {
  id: 'police-manager',
  role: 'manager',
  agencyId: 'TH-POLICE',
  agencyKind: 'POLICE',
  provinceCode: 'TH',
};
/** The KT1 focal point (Central Post Office Department) and a manager of another province. */
export const kt1Officer = officer('NATIONAL-KT1', 'kt1-officer');
export const hanoiManager: Actor = { id: 'hanoi-manager', role: 'manager', agencyId: 'HN-DEPT', agencyKind: 'DEPT', provinceCode: 'HN' };
/** The national postal authority's manager: every province. */
export const nationalManager: Actor = { id: 'national-manager', role: 'manager', provinceCode: null };
export const admin: Actor = { id: 'admin', role: 'admin' };
export const system = SYSTEM_ACTOR;
