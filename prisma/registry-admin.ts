/**
 * Administrators' changes to the carrier registry (docs/reports.md, issue 15): licences and
 * notifications of postal activity, service points, pledges, and the due dates of reports. Each
 * is checked against domain/registry-rules.ts and written with its ReferenceChange row in one
 * transaction, exactly as reference/change-log.ts does for the reference data; the API and the CLI
 * call these and turn a ReferenceRefusal into 404, 409 or 422.
 */
import type { Db, Tx } from './client.js';
import type {
  CarrierLicence as LicenceRow,
  Pledge as PledgeRow,
  ReportDueDate as DueRow,
  ServicePoint as PointRow,
} from './generated/client.js';
import { changeRow, ReferenceRefusal, requireValid, type ChangeOutcome } from './reference/change-log.js';
import { vnDate, type IsoDate } from '../domain/calendar.js';
import {
  licenceConflicts,
  licenceViolations,
  pledgeViolations,
  servicePointViolations,
  type Licence,
  type Pledge,
  type ServicePoint,
} from '../domain/registry-rules.js';
import { dueRuleViolations, SCHEDULED_PERIOD_KINDS, type ReportDueRule, type ScheduledPeriodKind } from '../domain/report-period.js';
import { REPORT_DUE_DATES } from '../domain/reference/report-due-dates.js';

const iso = (d: Date): IsoDate => d.toISOString().slice(0, 10);
const day = (d: IsoDate): Date => new Date(`${d}T00:00:00.000Z`);
const dayOrNull = (d: IsoDate | null): Date | null => (d ? day(d) : null);

export const licenceJson = (l: LicenceRow): Licence => ({
  id: l.id,
  carrierId: l.carrierId,
  kind: l.kind,
  number: l.number,
  issuingAuthority: l.issuingAuthority,
  issuedOn: iso(l.issuedOn),
  validTo: l.validTo ? iso(l.validTo) : null,
  scope: l.scope,
  provinceCode: l.provinceCode,
});

export const servicePointJson = (p: PointRow): ServicePoint => ({
  carrierId: p.carrierId,
  code: p.code,
  name: p.name,
  address: p.address,
  provinceCode: p.provinceCode,
  commune: p.commune,
  communeLevel: p.communeLevel,
  remote: p.remote,
  validFrom: iso(p.validFrom),
  validTo: p.validTo ? iso(p.validTo) : null,
});

export const pledgeJson = (p: PledgeRow & { points: { code: string }[] }): Pledge => ({
  id: p.id,
  carrierId: p.carrierId,
  signatory: p.signatory,
  signedOn: iso(p.signedOn),
  documentRef: p.documentRef,
  servicePoints: p.points.map((c) => c.code).sort(),
});

export const dueRuleJson = (r: DueRow): ReportDueRule => ({
  periodKind: r.periodKind as ScheduledPeriodKind,
  month: r.month,
  day: r.day,
  yearOffset: r.yearOffset,
  legalBasis: r.legalBasis,
  verify: r.verify,
});

async function requireCarrier(tx: Tx, carrierId: string): Promise<void> {
  if (!(await tx.carrier.findUnique({ where: { id: carrierId }, select: { id: true } })))
    throw new ReferenceRefusal('unknown-reference', `No carrier ${carrierId}.`, [{ field: 'carrierId', message: 'not registered' }]);
}

async function requireProvince(tx: Tx, provinceCode: string): Promise<void> {
  if (!(await tx.province.findUnique({ where: { code: provinceCode }, select: { code: true } })))
    throw new ReferenceRefusal('unknown-reference', `No province ${provinceCode}.`, [
      { field: 'provinceCode', message: 'not in the reference data' },
    ]);
}

// ---- licences and notifications ----

export type LicenceInput = Omit<Licence, 'id'>;

/** Adds or replaces a licence or notification of a carrier; a renewal must not overlap the one it renews. */
export async function putLicence(db: Db, actorId: string, id: string, input: LicenceInput): Promise<ChangeOutcome<Licence>> {
  const after: Licence = { id, ...input };
  requireValid(`licence ${id}`, licenceViolations(after));
  return changeRow(db, actorId, 'CarrierLicence', id, async (tx) => {
    await requireCarrier(tx, after.carrierId);
    if (after.provinceCode) await requireProvince(tx, after.provinceCode);
    const others = (await tx.carrierLicence.findMany({ where: { carrierId: after.carrierId } })).map(licenceJson);
    const before = (await tx.carrierLicence.findUnique({ where: { id } }).then((r) => r && licenceJson(r))) ?? null;
    const conflicts = licenceConflicts(after, others);
    if (conflicts.length)
      throw new ReferenceRefusal(
        'conflict',
        `${after.carrierId} already holds ${conflicts.map((c) => `${c.number} [${c.issuedOn}, ${c.validTo ?? '…'}]`).join(', ')} of this kind and scope on some of these days: correct its validTo first.`,
        [],
        conflicts.map((c) => c.id),
      );
    const twin = await tx.carrierLicence.findFirst({
      where: { issuingAuthority: after.issuingAuthority, number: after.number, NOT: { id } },
    });
    if (twin)
      throw new ReferenceRefusal(
        'conflict',
        `${after.issuingAuthority} number ${after.number} is already recorded as ${twin.id}.`,
        [],
        [twin.id],
      );
    const data = {
      carrierId: after.carrierId,
      kind: after.kind,
      number: after.number,
      issuingAuthority: after.issuingAuthority,
      issuedOn: day(after.issuedOn),
      validTo: dayOrNull(after.validTo),
      scope: after.scope,
      provinceCode: after.provinceCode,
    };
    return { before, after, write: () => tx.carrierLicence.upsert({ where: { id }, create: { id, ...data }, update: data }) };
  });
}

/** Removes a licence recorded by mistake (a licence that ended is corrected with validTo instead). */
export async function deleteLicence(db: Db, actorId: string, id: string): Promise<ChangeOutcome<Licence>> {
  return changeRow(db, actorId, 'CarrierLicence', id, async (tx) => {
    const row = await tx.carrierLicence.findUnique({ where: { id } });
    if (!row) throw new ReferenceRefusal('not-found', `No licence ${id}.`);
    return { before: licenceJson(row), after: null, write: () => tx.carrierLicence.delete({ where: { id } }) };
  });
}

export async function listLicences(db: Db, filter: { carrierId?: string } = {}): Promise<Licence[]> {
  const rows = await db.carrierLicence.findMany({ where: filter, orderBy: [{ carrierId: 'asc' }, { issuedOn: 'asc' }, { id: 'asc' }] });
  return rows.map(licenceJson);
}

// ---- service points ----

export type ServicePointInput = Omit<ServicePoint, 'carrierId' | 'code'>;

/** Adds or corrects a carrier's service point; closing it is setting validTo (cases keep naming its code). */
export async function putServicePoint(
  db: Db,
  actorId: string,
  carrierId: string,
  code: string,
  input: ServicePointInput,
): Promise<ChangeOutcome<ServicePoint>> {
  const after: ServicePoint = { carrierId, code, ...input };
  requireValid(`service point ${carrierId}/${code}`, servicePointViolations(after));
  return changeRow(db, actorId, 'ServicePoint', `${carrierId}/${code}`, async (tx) => {
    await requireCarrier(tx, carrierId);
    await requireProvince(tx, after.provinceCode);
    const key = { carrierId_code: { carrierId, code } };
    const row = await tx.servicePoint.findUnique({ where: key });
    const { name, address, provinceCode, commune, communeLevel, remote } = after;
    const data = {
      name,
      address,
      provinceCode,
      commune,
      communeLevel,
      remote,
      validFrom: day(after.validFrom),
      validTo: dayOrNull(after.validTo),
    };
    return {
      before: row && servicePointJson(row),
      after,
      write: () => tx.servicePoint.upsert({ where: key, create: { carrierId, code, ...data }, update: data }),
    };
  });
}

export async function listServicePoints(db: Db, filter: { carrierId?: string; provinceCode?: string } = {}): Promise<ServicePoint[]> {
  const rows = await db.servicePoint.findMany({ where: filter, orderBy: [{ carrierId: 'asc' }, { code: 'asc' }] });
  return rows.map(servicePointJson);
}

// ---- pledges ----

export type PledgeInput = Omit<Pledge, 'id'>;

/** Records (or corrects) a signed pledge and the service points it covers. */
export async function putPledge(db: Db, actorId: string, id: string, input: PledgeInput, now: Date): Promise<ChangeOutcome<Pledge>> {
  const asked: Pledge = { id, ...input };
  const after: Pledge = { ...asked, servicePoints: [...new Set(input.servicePoints)].sort() };
  return changeRow(db, actorId, 'Pledge', id, async (tx) => {
    await requireCarrier(tx, after.carrierId);
    const points = (await tx.servicePoint.findMany({ where: { carrierId: after.carrierId, code: { in: after.servicePoints } } })).map(
      servicePointJson,
    );
    requireValid(`pledge ${id}`, pledgeViolations(asked, points, vnDate(now))); // fields named as the caller listed them
    const row = await tx.pledge.findUnique({ where: { id }, include: { points: true } });
    const before = row && pledgeJson(row);
    if (before && before.carrierId !== after.carrierId)
      throw new ReferenceRefusal('invariant', `Pledge ${id} was signed for ${before.carrierId}; record another pledge instead.`, [
        { field: 'carrierId', message: 'a pledge stays with the carrier that signed it' },
      ]);
    const data = { carrierId: after.carrierId, signatory: after.signatory, signedOn: day(after.signedOn), documentRef: after.documentRef };
    const coverage = after.servicePoints.map((code) => ({ carrierId: after.carrierId, code }));
    return {
      before,
      after,
      write: async () => {
        await tx.pledge.upsert({ where: { id }, create: { id, ...data }, update: data });
        await tx.pledgeCoverage.deleteMany({ where: { pledgeId: id } });
        await tx.pledgeCoverage.createMany({ data: coverage.map((c) => ({ pledgeId: id, ...c })) });
      },
    };
  });
}

/** Removes a pledge recorded by mistake. */
export async function deletePledge(db: Db, actorId: string, id: string): Promise<ChangeOutcome<Pledge>> {
  return changeRow(db, actorId, 'Pledge', id, async (tx) => {
    const row = await tx.pledge.findUnique({ where: { id }, include: { points: true } });
    if (!row) throw new ReferenceRefusal('not-found', `No pledge ${id}.`);
    return { before: pledgeJson(row), after: null, write: () => tx.pledge.delete({ where: { id } }) };
  });
}

export async function listPledges(db: Db, filter: { carrierId?: string } = {}): Promise<Pledge[]> {
  const rows = await db.pledge.findMany({ where: filter, include: { points: true }, orderBy: [{ signedOn: 'asc' }, { id: 'asc' }] });
  return rows.map(pledgeJson);
}

// ---- due dates of reports ----

/** Inserts the seed due dates where rows are missing (a correction survives restarts). */
export async function seedReportDueDates(db: Db): Promise<void> {
  await db.reportDueDate.createMany({ data: REPORT_DUE_DATES.map((r) => ({ ...r })), skipDuplicates: true });
}

export type ReportDueInput = Omit<ReportDueRule, 'periodKind'>;

/** Corrects when reports of a period kind are due (once the circular in force is verified, say). */
export async function putReportDueDate(
  db: Db,
  actorId: string,
  periodKind: string,
  input: ReportDueInput,
): Promise<ChangeOutcome<ReportDueRule>> {
  if (!(SCHEDULED_PERIOD_KINDS as readonly string[]).includes(periodKind))
    throw new ReferenceRefusal('not-found', `Reports of kind ${periodKind} have no due date (only ${SCHEDULED_PERIOD_KINDS.join(', ')}).`);
  const after: ReportDueRule = { periodKind: periodKind as ScheduledPeriodKind, ...input };
  requireValid(`due date of ${periodKind}`, dueRuleViolations(after));
  return changeRow(db, actorId, 'ReportDueDate', periodKind, async (tx) => {
    const row = await tx.reportDueDate.findUnique({ where: { periodKind } });
    const data = { month: after.month, day: after.day, yearOffset: after.yearOffset, legalBasis: after.legalBasis, verify: after.verify };
    return {
      before: row && dueRuleJson(row),
      after,
      write: () => tx.reportDueDate.upsert({ where: { periodKind }, create: { periodKind, ...data }, update: data }),
    };
  });
}

export async function listReportDueDates(db: Db): Promise<ReportDueRule[]> {
  return (await db.reportDueDate.findMany({ orderBy: { periodKind: 'asc' } })).map(dueRuleJson);
}
