/**
 * Who may see a case and in which capacity an actor may act on it (docs/domain-model.md,
 * "Parties"): the one place for role and tenancy rules. The API builds the Actor from the authenticated principal; the workflow acts
 * as SYSTEM_ACTOR. An API caller must never be given the system role.
 */
import type { CaseView } from './case-view.js';
import { refuse, type Refusal } from './refusals.js';
import type { AgencyKind } from './routing.js';

/** The roles a principal may hold (docs/domain-model.md, "Parties"). */
export const PRINCIPAL_ROLES = ['carrier', 'officer', 'manager', 'admin'] as const;

/** Product roles, plus the workflow itself. */
export const ROLES = [...PRINCIPAL_ROLES, 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Whoever asks, with what the rules need to know about them. */
export interface Actor {
  id: string;
  role: Role;
  /** For carriers: the carrier they act for. */
  carrierId?: string | null;
  /** For officers and managers: their agency, and its kind. */
  agencyId?: string | null;
  agencyKind?: AgencyKind | null;
  /** For managers: their province; null means national scope. */
  provinceCode?: string | null;
  /** Officer title, which selects the authority cap. */
  title?: string | null;
  /** Most this actor may fine one individual (organisations: twice); absent = no authority. */
  authorityCapVnd?: number | null;
}

/** The workflow acting on its own timers. */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };

/** The capacities in which a transition may be taken. */
export const PARTIES = [
  'OWN_CARRIER', // the carrier that reported the case
  'NOTIFIED_AGENCY', // a routed agency that has not yet acknowledged
  'ROUTED_AGENCY', // a routed agency that has acknowledged
  'LEAD_AGENCY', // the lead agency, once it has acknowledged
  'OVERSIGHT', // managers and admins who can see the case
  'SYSTEM', // the workflow
] as const;
export type Party = (typeof PARTIES)[number];

/**
 * Who acts on a case: the one statement of the rule (docs/domain-model.md, "Who may act").
 * - A carrier acts only as the carrier that reported the case.
 * - Officers and managers act for their own agency, on a case routed to it: a manager of the
 *   lead agency leads the case as its officers do (acknowledges, verifies, proposes a sanction).
 * - Deciding a sanction takes an authority title whose cap covers the fine (`AUTHORITY_CAPS`),
 *   whoever holds it, officer or manager, and never the one who proposed it (four eyes).
 * - On a case not routed to its agency, a manager acts only as oversight: it adds notes. So does
 *   an administrator, on any case.
 * Which roles can be which party is this table; what each party may do in each status is
 * TRANSITIONS (domain/case-states.ts).
 */
export const PARTY_ROLES: Record<Party, readonly Role[]> = {
  OWN_CARRIER: ['carrier'],
  NOTIFIED_AGENCY: ['officer', 'manager'],
  ROUTED_AGENCY: ['officer', 'manager'],
  LEAD_AGENCY: ['officer', 'manager'],
  OVERSIGHT: ['manager', 'admin'],
  SYSTEM: ['system'],
};

const routed = (view: CaseView, actor: Actor): boolean => !!actor.agencyId && view.agencyIds.includes(actor.agencyId);
const acknowledged = (view: CaseView, agencyId: string): boolean => view.acknowledgements.some((a) => a.agencyId === agencyId);

/** Whether an actor may see a case at all. */
export function canView(view: CaseView, actor: Actor): boolean {
  switch (actor.role) {
    case 'admin':
    case 'system':
      return true;
    case 'carrier':
      return !!actor.carrierId && actor.carrierId === view.carrierId;
    case 'officer':
      // the ministry inspectorate inspects carriers nationally: it reads every unrestricted case
      return routed(view, actor) || (actor.agencyKind === 'INSPECTORATE' && !view.flags.restricted);
    case 'manager':
      if (routed(view, actor)) return true;
      // Restricted (KT1) cases: only the department's managers of the case's province.
      if (view.flags.restricted) return actor.agencyKind === 'DEPT' && actor.provinceCode === view.provinceCode;
      return actor.provinceCode == null || actor.provinceCode === view.provinceCode;
  }
}

/** Null when the actor can act as `party` on this case, otherwise why not. */
export function partyRefusal(party: Party, view: CaseView, actor: Actor): Refusal | null {
  if (!PARTY_ROLES[party].includes(actor.role)) return refuse('ROLE_NOT_ALLOWED', `a ${actor.role} cannot act here`);
  switch (party) {
    case 'SYSTEM':
      return null;
    case 'OWN_CARRIER':
      return canView(view, actor) ? null : refuse('NOT_OWN_CASE', 'a carrier acts only on its own cases');
    case 'OVERSIGHT':
      return canView(view, actor) ? null : refuse('NOT_IN_SCOPE', 'the case is outside this actor’s scope');
    case 'NOTIFIED_AGENCY':
      if (!routed(view, actor)) return refuse('NOT_ROUTED', 'the actor’s agency is not routed on this case');
      return acknowledged(view, actor.agencyId!) ? refuse('ALREADY_ACKNOWLEDGED', 'the agency has already acknowledged') : null;
    case 'ROUTED_AGENCY':
    case 'LEAD_AGENCY':
      if (!routed(view, actor)) return refuse('NOT_ROUTED', 'the actor’s agency is not routed on this case');
      // who the actor is (403) before what it has yet to do (409): a non-lead is told it is not the lead
      if (party === 'LEAD_AGENCY' && actor.agencyId !== view.leadAgencyId) {
        return refuse('NOT_LEAD_AGENCY', 'only the lead agency may do this');
      }
      if (!acknowledged(view, actor.agencyId!)) return refuse('NOT_ACKNOWLEDGED', 'the agency must acknowledge the case first');
      return null;
  }
}

/** Whether the actor belongs to the case's lead agency. */
export const isLead = (view: CaseView, actor: Actor): boolean => !!actor.agencyId && actor.agencyId === view.leadAgencyId;

// ---- What each role may do through the API (with canView above: the whole policy) ----

/** Which cases an actor may list; the API turns this into a database filter that mirrors canView. */
export type ListScope =
  | { kind: 'all' }
  | { kind: 'carrier'; carrierId: string }
  | { kind: 'agency'; agencyId: string }
  | { kind: 'province'; provinceCode: string; restrictedToo: boolean }
  | { kind: 'national'; agencyId: string | null };

export function listScope(actor: Actor): ListScope | null {
  switch (actor.role) {
    case 'admin':
    case 'system':
      return { kind: 'all' };
    case 'carrier':
      return actor.carrierId ? { kind: 'carrier', carrierId: actor.carrierId } : null;
    case 'officer':
      if (actor.agencyKind === 'INSPECTORATE') return { kind: 'national', agencyId: actor.agencyId ?? null };
      return actor.agencyId ? { kind: 'agency', agencyId: actor.agencyId } : null;
    case 'manager':
      return actor.provinceCode
        ? { kind: 'province', provinceCode: actor.provinceCode, restrictedToo: actor.agencyKind === 'DEPT' }
        : { kind: 'national', agencyId: actor.agencyId ?? null };
  }
}

/**
 * Why a person cannot be bound to an agency in a province; null when they can. Officers and
 * managers take their agency's province: a province given must be the agency's, a national
 * agency's people have none, and a manager of a provincial agency needs it (without a province a
 * manager's scope is national, see canView).
 */
export function agencyProvinceRefusal(
  p: { role: Role; provinceCode?: string | null },
  agency: { id: string; provinceCode: string | null },
): string | null {
  if (p.role !== 'officer' && p.role !== 'manager') return null;
  if (agency.provinceCode === null)
    return p.provinceCode ? `agency ${agency.id} is national: its people have no province (not ${p.provinceCode})` : null;
  if (p.provinceCode && p.provinceCode !== agency.provinceCode)
    return `agency ${agency.id} is in province ${agency.provinceCode}, not ${p.provinceCode}`;
  if (p.role === 'manager' && !p.provinceCode) return `a manager of agency ${agency.id} has its province, ${agency.provinceCode}`;
  return null;
}

/** Only a carrier opens cases, and only for itself. */
export const canOpenCases = (actor: Actor): boolean => actor.role === 'carrier' && !!actor.carrierId;

/** Every human role may send actions; PARTY_ROLES and the state machine decide which (administrators: notes only). */
export const canAct = (actor: Actor): boolean => actor.role !== 'system';

/** The raw Temporal history is for managers (inspection), not for parties to the case. */
export const canReadWorkflowHistory = (actor: Actor): boolean => actor.role === 'manager';

/** Incidents (a case's write refused by the database) are read by oversight: managers in their scope, administrators. */
export const canSeeIncidents = (actor: Actor): boolean => actor.role === 'manager' || actor.role === 'admin';

/** Only an administrator, who can fix what made the database refuse a write, retries it. */
export const canRetryIncidents = (actor: Actor): boolean => actor.role === 'admin';

/** Principals, keys and reference data are the administrator's. */
export const canAdminister = (actor: Actor): boolean => actor.role === 'admin';

/** The reference data (calendar, deadline table, fine schedule, caps, agencies, categories) is read by every role; changes are canAdminister's. */
export const canReadReference = (actor: Actor): boolean => actor.role !== 'system';

/** The log of reference-data changes: administrators, and managers as oversight. */
export const canReadReferenceChanges = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'manager';

/** Who webhook endpoints belong to. */
export const WEBHOOK_OWNER_TYPES = ['carrier', 'agency'] as const;

export interface WebhookOwner {
  type: (typeof WEBHOOK_OWNER_TYPES)[number];
  id: string;
}

/** Who may register webhook endpoints for an owner: the carrier itself, the agency's people, admins. */
export function canManageWebhooksOf(actor: Actor, owner: WebhookOwner): boolean {
  if (actor.role === 'admin') return true;
  if (owner.type === 'carrier') return actor.role === 'carrier' && actor.carrierId === owner.id;
  return (actor.role === 'officer' || actor.role === 'manager') && actor.agencyId === owner.id;
}

/** The owners whose webhooks an actor manages, mirroring canManageWebhooksOf for lists; the first is the default owner. */
export function webhookOwnersOf(actor: Actor): 'all' | WebhookOwner[] {
  if (actor.role === 'admin') return 'all';
  if (actor.role === 'carrier') return actor.carrierId ? [{ type: 'carrier', id: actor.carrierId }] : [];
  if ((actor.role === 'officer' || actor.role === 'manager') && actor.agencyId) return [{ type: 'agency', id: actor.agencyId }];
  return [];
}

/**
 * Whom a webhook owner counts as when deciding which case events it receives (with canView):
 * a carrier sees its own cases; an agency sees the cases routed to it, as its officers do.
 */
export function webhookOwnerActor(owner: WebhookOwner): Actor {
  return owner.type === 'carrier'
    ? { id: `webhook:carrier:${owner.id}`, role: 'carrier', carrierId: owner.id }
    : { id: `webhook:agency:${owner.id}`, role: 'officer', agencyId: owner.id };
}

/** Managers (and administrators) read the dashboard's figures, over the cases they may see. */
export const canReadDashboard = (actor: Actor): boolean => actor.role === 'manager' || actor.role === 'admin';

// ---- Agencies' own ways into the pipeline: emergency stops, inspection findings, tips ----

/** Agencies that may ask a carrier to stop an item, record an inspection's finding or a tip (not the KT1 focal point). */
export const COMPETENT_AGENCY_KINDS: ReadonlySet<AgencyKind> = new Set<AgencyKind>(['POLICE', 'QLTT', 'CUSTOMS', 'DEPT', 'INSPECTORATE']);

/**
 * An officer of a competent agency opens emergency stops (TH §7(b)) and inspection findings (CT 28
 * §3, §5, §8) and records tips (TH §5(b), §6); carriers never open these cases, they only act on them.
 */
export const canOpenAgencyCases = (actor: Actor): boolean =>
  actor.role === 'officer' && !!actor.agencyId && !!actor.agencyKind && COMPETENT_AGENCY_KINDS.has(actor.agencyKind);

/** Why this officer may not open an agency's case in `provinceCode` (a provincial agency acts in its own province); null when it may. */
export function agencyCaseRefusal(actor: Actor, provinceCode: string): string | null {
  if (!canOpenAgencyCases(actor)) return 'only an officer of a competent agency opens a case this way';
  if (actor.provinceCode && actor.provinceCode !== provinceCode)
    return `the officer's agency acts in ${actor.provinceCode}, not ${provinceCode}`;
  return null;
}

/** Which tips an actor reads: its agency's (officers), its province's (managers; national managers all); none for others. */
export type TipScope = { kind: 'agency'; agencyId: string } | { kind: 'province'; provinceCode: string } | { kind: 'all' };

export function tipScope(actor: Actor): TipScope | null {
  if (actor.role === 'officer') return canOpenAgencyCases(actor) ? { kind: 'agency', agencyId: actor.agencyId! } : null;
  if (actor.role === 'manager') return actor.provinceCode ? { kind: 'province', provinceCode: actor.provinceCode } : { kind: 'all' };
  return null;
}

/** Whether the actor reads tips at all (carriers and administrators never: a tip names people who gave information). */
export const canReadTips = (actor: Actor): boolean => tipScope(actor) !== null;

/** Whether a tip is within the actor's scope. */
export function canSeeTip(actor: Actor, tip: { agencyId: string; provinceCode: string }): boolean {
  const scope = tipScope(actor);
  if (!scope) return false;
  if (scope.kind === 'agency') return scope.agencyId === tip.agencyId;
  return scope.kind === 'all' || scope.provinceCode === tip.provinceCode;
}
