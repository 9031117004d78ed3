/** Administrators' changes to the agencies: successors after a reorganisation, renames, closed periods. */
import type { Db, Tx } from '../client.js';
import { agencyConflicts, agencyViolations } from '../../domain/reference-rules.js';
import { changeRow, definedFields, notFound, ReferenceRefusal, requireValid, type ChangeOutcome } from './change-log.js';
import { day, dayOrNull } from './days.js';
import { agencyJson, routingAgency, type AgencyJson } from './json.js';

async function requireNoAgencyConflict(tx: Tx, after: AgencyJson): Promise<void> {
  const peers = await tx.agency.findMany({ where: { kind: after.kind, provinceCode: after.provinceCode } });
  const conflicts = agencyConflicts(
    routingAgency(after),
    peers.map((a) => routingAgency(agencyJson(a))),
  );
  if (conflicts.length)
    throw new ReferenceRefusal(
      'conflict',
      `Agency ${conflicts.map((c) => `${c.id} [${c.validFrom}, ${c.validTo ?? '…'})`).join(', ')} already serves as ${after.kind} ${after.provinceCode ? `in ${after.provinceCode}` : 'nationally'} on some of these days: close it first (validTo).`,
      [],
      conflicts.map((c) => c.id),
    );
}

/** Adds an agency, e.g. the successor of one a reorganisation closed. */
export function createAgency(db: Db, actorId: string, after: AgencyJson): Promise<ChangeOutcome<AgencyJson>> {
  requireValid(`agency ${after.id}`, agencyViolations(routingAgency(after)));
  return changeRow(db, actorId, 'Agency', after.id, async (tx) => {
    if (await tx.agency.findUnique({ where: { id: after.id } }))
      throw new ReferenceRefusal('conflict', `Agency ${after.id} exists; change it with PATCH.`, [], [after.id]);
    if (after.provinceCode && !(await tx.province.findUnique({ where: { code: after.provinceCode } })))
      throw new ReferenceRefusal('unknown-reference', `No province ${after.provinceCode}.`, [
        { field: 'provinceCode', message: 'not in the reference data' },
      ]);
    await requireNoAgencyConflict(tx, after);
    const { id, kind, provinceCode, name, nameEn } = after;
    return {
      before: null,
      after,
      write: () =>
        tx.agency.create({
          data: { id, kind, provinceCode, name, nameEn, validFrom: day(after.validFrom), validTo: dayOrNull(after.validTo) },
        }),
    };
  });
}

export type AgencyPatch = Partial<Pick<AgencyJson, 'validTo' | 'name' | 'nameEn'>>;

/** Renames an agency or closes (or re-opens) its period of validity. */
export function patchAgency(db: Db, actorId: string, id: string, patch: AgencyPatch): Promise<ChangeOutcome<AgencyJson>> {
  return changeRow(db, actorId, 'Agency', id, async (tx) => {
    const row = await tx.agency.findUnique({ where: { id } });
    if (!row) throw notFound(`agency ${id}`);
    const before = agencyJson(row);
    const after: AgencyJson = { ...before, ...definedFields(patch) };
    requireValid(`agency ${id}`, agencyViolations(routingAgency(after)));
    if (after.validTo !== before.validTo) await requireNoAgencyConflict(tx, after); // a rename overlaps nothing new
    return {
      before,
      after,
      write: () => tx.agency.update({ where: { id }, data: { name: after.name, nameEn: after.nameEn, validTo: dayOrNull(after.validTo) } }),
    };
  });
}
