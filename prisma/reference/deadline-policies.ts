/** Administrators' corrections to the deadline table. */
import type { Db } from '../client.js';
import type { Prisma } from '../generated/client.js';
import { deadlinePolicyViolations } from '../../domain/reference-rules.js';
import { changeRow, definedFields, notFound, requireValid, type ChangeOutcome } from './change-log.js';
import { policyJson, type DeadlinePolicyJson } from './json.js';

/** The fields of a deadline-table row an administrator may correct (what starts a clock is the workflow's). */
export type DeadlinePolicyPatch = Partial<
  Pick<DeadlinePolicyJson, 'limitValue' | 'unit' | 'legalBasis' | 'escalationChain' | 'extensions' | 'verify'>
>;

/** Corrects one clock of the deadline table; a case already running keeps the table it opened with. */
export function patchDeadlinePolicy(
  db: Db,
  actorId: string,
  clock: string,
  patch: DeadlinePolicyPatch,
): Promise<ChangeOutcome<DeadlinePolicyJson>> {
  return changeRow(db, actorId, 'DeadlinePolicy', clock, async (tx) => {
    const row = await tx.deadlinePolicy.findUnique({ where: { clock } });
    if (!row) throw notFound(`clock ${clock} in the deadline table`);
    const before = policyJson(row);
    const after: DeadlinePolicyJson = { ...before, ...definedFields(patch) };
    requireValid(`deadline policy ${clock}`, deadlinePolicyViolations(after));
    return {
      before,
      after,
      write: () =>
        tx.deadlinePolicy.update({
          where: { clock },
          data: {
            limitValue: after.limitValue,
            unit: after.unit,
            legalBasis: after.legalBasis,
            escalationChain: after.escalationChain,
            extensions: after.extensions as unknown as Prisma.InputJsonValue,
            verify: after.verify,
          },
        }),
    };
  });
}
