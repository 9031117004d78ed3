/**
 * Incidents: the case writes PostgreSQL refused for good, as their workflows report them
 * (docs/incidents.md). Written idempotently by the workflow's activities; read by the
 * API's incident list and by the metrics.
 */
import { canView, type Actor } from '../domain/access.js';
import type { CaseView } from '../domain/case-view.js';
import type { Db } from './client.js';
import type { Incident } from './generated/client.js';
import type { CaseIncident, IncidentActivity } from '../workflows/definitions.js';

export type IncidentRow = Incident;

// a refused value may hold anything: what is stored of an error is well-formed, NUL-free and short
const storable = (s: string, max = 2000) =>
  s
    .replace(/\p{Cs}/gu, '\uFFFD')
    .replaceAll('\u0000', '')
    .slice(0, max);

function columns(i: CaseIncident) {
  return {
    caseId: i.caseId,
    activity: i.activity,
    stepSeq: i.step?.seq ?? null,
    stepType: i.step?.type ?? null,
    errorType: i.error.type,
    sqlState: i.error.sqlState,
    message: storable(i.error.message),
    openedAt: new Date(i.openedAt),
    lastFailedAt: new Date(i.lastFailedAt),
    failures: i.failures,
    retriedAt: i.retriedAt ? new Date(i.retriedAt) : null,
    retriedBy: i.retriedBy,
    resolvedAt: i.resolvedAt ? new Date(i.resolvedAt) : null,
    carrierId: i.scope.carrierId,
    provinceCode: i.scope.provinceCode,
    agencyIds: i.scope.agencyIds,
    restricted: i.scope.restricted,
  };
}

/** Stores an incident as the workflow now holds it (opened, refused again, or resolved); a retried write changes nothing more. */
export async function saveIncident(db: Db, i: CaseIncident): Promise<void> {
  const data = columns(i);
  // a late retry of an older state never rolls the row back: failures only grow, resolution stays
  await db.$transaction(async (tx) => {
    const row = await tx.incident.findUnique({ where: { id: i.id }, select: { failures: true, resolvedAt: true } });
    if (!row) await tx.incident.create({ data: { id: i.id, ...data } });
    else if (!row.resolvedAt && (data.resolvedAt || data.failures > row.failures)) await tx.incident.update({ where: { id: i.id }, data });
  });
}

/** The incident as the workflow shapes it, from its row. */
export function incidentOf(r: IncidentRow): CaseIncident {
  return {
    id: r.id,
    caseId: r.caseId,
    activity: r.activity as IncidentActivity,
    step: r.stepSeq === null ? null : { seq: r.stepSeq, type: r.stepType ?? '' },
    error: { type: r.errorType, sqlState: r.sqlState, message: r.message },
    openedAt: r.openedAt.toISOString(),
    lastFailedAt: r.lastFailedAt.toISOString(),
    failures: r.failures,
    retriedAt: r.retriedAt?.toISOString() ?? null,
    retriedBy: r.retriedBy,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    scope: { carrierId: r.carrierId, provinceCode: r.provinceCode, agencyIds: r.agencyIds, restricted: r.restricted },
  };
}

/** Whether an actor may see an incident: canView over the case fields it copied. */
export const canSeeIncident = (i: CaseIncident, actor: Actor): boolean =>
  canView({ ...i.scope, leadAgencyId: null, flags: { restricted: i.scope.restricted } } as unknown as CaseView, actor);

/** How many of the newest incidents a list looks through before it filters by visibility. */
const SCANNED = 1000;

/** The incidents an actor may see, newest first: open ones, resolved ones, or all. */
export async function visibleIncidents(db: Db, actor: Actor, state: 'open' | 'resolved' | 'all', limit: number): Promise<CaseIncident[]> {
  const where = state === 'open' ? { resolvedAt: null } : state === 'resolved' ? { resolvedAt: { not: null } } : {};
  const rows = await db.incident.findMany({ where, orderBy: [{ openedAt: 'desc' }, { id: 'asc' }], take: SCANNED });
  return rows
    .map(incidentOf)
    .filter((i) => canSeeIncident(i, actor))
    .slice(0, limit);
}

/** One incident by id if the actor may see it; null otherwise, so a foreign one looks absent. */
export async function visibleIncident(db: Db, actor: Actor, id: string): Promise<CaseIncident | null> {
  const row = await db.incident.findUnique({ where: { id } });
  const incident = row && incidentOf(row);
  return incident && canSeeIncident(incident, actor) ? incident : null;
}

/** Incidents not yet resolved (the metrics gauge). */
export const openIncidentCount = (db: Db): Promise<number> => db.incident.count({ where: { resolvedAt: null } });
