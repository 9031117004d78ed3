/** Administrators' changes to the fine schedule and to the officers' authority caps. */
import type { Db } from '../client.js';
import { authorityCapConflicts, fineRuleConflicts, fineRuleViolations } from '../../domain/reference-rules.js';
import { changeRow, ReferenceRefusal, requireValid, type ChangeOutcome } from './change-log.js';
import { day, dayOrNull } from './days.js';
import { capJson, fineJson, type AuthorityCapJson, type FineRuleJson } from './json.js';

export type FineRuleInput = Omit<FineRuleJson, 'id'>;

/** Adds or replaces one fine rule; its period must not overlap another rule of the same offence. */
export function putFineRule(db: Db, actorId: string, id: string, input: FineRuleInput): Promise<ChangeOutcome<FineRuleJson>> {
  const after: FineRuleJson = { id, ...input };
  requireValid(`fine rule ${id}`, fineRuleViolations(after));
  return changeRow(db, actorId, 'FineSchedule', id, async (tx) => {
    const all = (await tx.fineSchedule.findMany()).map(fineJson);
    const before = all.find((f) => f.id === id) ?? null;
    // only a change of offence or period can create an overlap (one already there is not this change's)
    const moved =
      !before ||
      before.offenceCode !== after.offenceCode ||
      before.effectiveFrom !== after.effectiveFrom ||
      before.effectiveTo !== after.effectiveTo;
    const conflicts = moved ? fineRuleConflicts(after, all) : [];
    if (conflicts.length)
      throw new ReferenceRefusal(
        'conflict',
        `Fine rule(s) ${conflicts.map((c) => c.id).join(', ')} already fine ${after.offenceCode} on some of these days: close their period first (effectiveTo).`,
        [],
        conflicts.map((c) => c.id),
      );
    const data = {
      offenceCode: after.offenceCode,
      decree: after.decree,
      effectiveFrom: day(after.effectiveFrom),
      effectiveTo: dayOrNull(after.effectiveTo),
      minVnd: BigInt(after.minVnd),
      maxVnd: BigInt(after.maxVnd),
      extraPenalties: after.extraPenalties,
      remedialMeasures: after.remedialMeasures,
      field: after.field,
      sanctioningLimitationYears: after.sanctioningLimitationYears,
      legalBasis: after.legalBasis,
      descriptionVi: after.descriptionVi,
      descriptionEn: after.descriptionEn,
      verify: after.verify,
    };
    return {
      before,
      after,
      write: () => tx.fineSchedule.upsert({ where: { id }, create: { id, ...data }, update: data }),
    };
  });
}

export type AuthorityCapInput = Omit<AuthorityCapJson, 'id'>;

/** Adds or replaces one authority cap; an agency kind and title have one cap at most. */
export function putAuthorityCap(db: Db, actorId: string, id: string, input: AuthorityCapInput): Promise<ChangeOutcome<AuthorityCapJson>> {
  const after: AuthorityCapJson = { id, ...input };
  return changeRow(db, actorId, 'AuthorityCap', id, async (tx) => {
    const all = (await tx.authorityCap.findMany()).map(capJson);
    const before = all.find((c) => c.id === id) ?? null;
    const moved = !before || before.agencyKind !== after.agencyKind || before.title !== after.title;
    const conflicts = moved ? authorityCapConflicts(after, all) : [];
    if (conflicts.length)
      throw new ReferenceRefusal(
        'conflict',
        `Authority cap ${conflicts[0]!.id} already sets the cap of ${after.agencyKind} ${after.title}.`,
        [],
        conflicts.map((c) => c.id),
      );
    const data = {
      agencyKind: after.agencyKind,
      title: after.title,
      titleVi: after.titleVi,
      capVnd: BigInt(after.capVnd),
      legalBasis: after.legalBasis,
      verify: after.verify,
    };
    return {
      before,
      after,
      write: () => tx.authorityCap.upsert({ where: { id }, create: { id, ...data }, update: data }),
    };
  });
}
