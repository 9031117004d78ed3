import type { Db } from '../../prisma/client.js';
import type { Actor } from '../../domain/access.js';
import type { CaseRow } from '../../prisma/cases/rows.js';
import { visibleCase } from '../../prisma/cases/visibility.js';
import { problem } from '../http/problems.js';

/** The path parameter that names a case. */
export const caseIdParam = {
  description:
    'Case id as returned at intake (`case:<carrierId>:<carrierRef>`, e.g. `case:VNP:VN-2026-000123`; ' +
    'cases opened before December 2026 keep `case-<carrierId>-<carrierRef>`) or case number (`TH-2026-000001`)',
};

/** A case the actor may see, by id or number; anything else is 404, so foreign cases stay invisible. */
export async function findVisibleCase(db: Db, actor: Actor, idOrNumber: string): Promise<CaseRow> {
  const row = await visibleCase(db, actor, idOrNumber);
  if (!row) throw problem(404, 'case-not-found', 'Case not found', `No case ${idOrNumber} is visible to you.`);
  return row;
}
