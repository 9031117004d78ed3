/** Which stored cases an actor may see: one case by id or number, and the filter lists use. */
import type { Db } from '../client.js';
import type { Prisma } from '../generated/client.js';
import { listScope, type Actor } from '../../domain/access.js';
import { FINAL_STATUSES } from '../../domain/case-states.js';
import { canSeeCase, type CaseRow } from './rows.js';

/** A case number such as TH-2026-000123 (anything else is taken for a case id). */
export const CASE_NUMBER = /^[A-Z]{2,3}-\d{4}-\d{6}$/;

/** The case with this id or number if the actor may see it; null otherwise, so a foreign case looks absent. */
export async function visibleCase(db: Db, actor: Actor, idOrNumber: string): Promise<CaseRow | null> {
  const row = CASE_NUMBER.test(idOrNumber)
    ? await db.case.findUnique({ where: { number: idOrNumber } })
    : await db.case.findUnique({ where: { id: idOrNumber } });
  return row && canSeeCase(row, actor) ? row : null;
}

/** The id of the case a carrier opened under its reference, whoever may see it; null when there is none. */
export async function caseIdOfCarrierRef(db: Db, carrierId: string, carrierRef: string): Promise<string | null> {
  const row = await db.case.findUnique({ where: { carrierId_carrierRef: { carrierId, carrierRef } }, select: { id: true } });
  return row?.id ?? null;
}

/** Running cases (not closed for good) after `after` in id order: the ones a calendar correction must reach. */
export function runningCasesAfter(db: Db, after: string | null, limit: number): Promise<{ id: string; number: string }[]> {
  return db.case.findMany({
    where: { status: { notIn: [...FINAL_STATUSES] }, ...(after ? { id: { gt: after } } : {}) },
    select: { id: true, number: true },
    orderBy: { id: 'asc' },
    take: limit,
  });
}

/** The database filter that shows an actor exactly the cases canView lets it see. */
export function visibleCasesWhere(actor: Actor): Prisma.CaseWhereInput {
  const scope = listScope(actor);
  if (!scope) return { id: { in: [] } };
  switch (scope.kind) {
    case 'all':
      return {};
    case 'carrier':
      return { carrierId: scope.carrierId };
    case 'agency':
      return { agencyIds: { has: scope.agencyId } };
    case 'province':
      return {
        OR: [
          ...(actor.agencyId ? [{ agencyIds: { has: actor.agencyId } }] : []),
          { provinceCode: scope.provinceCode, ...(scope.restrictedToo ? {} : { kt1: false }) },
        ],
      };
    case 'national':
      return { OR: [...(scope.agencyId ? [{ agencyIds: { has: scope.agencyId } }] : []), { kt1: false }] };
  }
}
