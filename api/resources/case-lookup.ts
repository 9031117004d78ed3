import type { Case } from '../../prisma/generated/client.js';
import type { Db } from '../../prisma/client.js';
import { canView, type Actor } from '../../domain/access.js';
import { accessView } from '../../prisma/cases/rows.js';
import { problem } from '../http/problems.js';

const CASE_NUMBER = /^[A-Z]{2,3}-\d{4}-\d{6}$/;

/** The path parameter that names a case. */
export const caseIdParam = { description: 'Case id (`<carrier>:<carrierRef>`) or case number (`TH-2026-000001`)' };

/** A case the actor may see, by id or number; anything else is 404, so foreign cases stay invisible. */
export async function findVisibleCase(db: Db, actor: Actor, idOrNumber: string): Promise<Case> {
  const row = CASE_NUMBER.test(idOrNumber)
    ? await db.case.findUnique({ where: { number: idOrNumber } })
    : await db.case.findUnique({ where: { id: idOrNumber } });
  if (!row || !canView(accessView(row), actor))
    throw problem(404, 'case-not-found', 'Case not found', `No case ${idOrNumber} is visible to you.`);
  return row;
}
