/**
 * The Case row and the shapes made from it, in one place: the columns that follow the workflow's
 * view, the row a registration creates, the fields the access rules read, and the stored summary.
 */
import type { Case, Prisma } from '../generated/client.js';
import { canView, type Actor } from '../../domain/access.js';
import type { CaseFlags, CaseView } from '../../domain/case-view.js';
import { originKindOf } from '../../domain/case-origins.js';
import type { CaseRegistration } from '../../workflows/definitions.js';

export type CaseRow = Case;

/** The columns of the case row that follow the workflow's view, rewritten at every event. */
export function viewColumns(v: CaseView) {
  const next = v.deadlines.map((d) => d.dueAt).sort()[0];
  return {
    status: v.status,
    leadAgencyId: v.leadAgencyId,
    agencyIds: v.agencyIds,
    assigneeId: v.assignee?.id ?? null,
    assigneeName: v.assignee?.name ?? null,
    overdue: v.flags.overdue,
    nextDeadlineAt: next ? new Date(next) : null,
    deadlines: v.deadlines as unknown as Prisma.InputJsonValue,
    fineVnd: v.fine ? BigInt(v.fine.amountVnd) : null,
    paidVnd: BigInt(v.fine?.paidVnd ?? 0),
    interestVnd: BigInt(v.fine?.interestVnd ?? 0),
    outcome: v.outcome,
    closedAt: v.closedAt ? new Date(v.closedAt) : null,
  };
}

/** The row a case is registered with: what the carrier reported, its number, and the view's columns. */
export function registrationRow(r: CaseRegistration, number: string): Prisma.CaseUncheckedCreateInput {
  const d = r.detection;
  return {
    id: r.view.id,
    number,
    carrierId: d.carrierId,
    carrierRef: d.carrierRef,
    trackingNumber: d.trackingNumber,
    servicePoint: d.servicePoint,
    provinceCode: d.provinceCode,
    categoryCode: d.categoryCode,
    stage: d.stage,
    crossBorder: d.crossBorder,
    kt1: d.kt1,
    signsOfCrime: d.signsOfCrime,
    detectedAt: new Date(r.view.detectedAt),
    origin: originKindOf(r.view),
    ...(d.tipId ? { tipId: d.tipId } : {}),
    lastSeq: r.event.seq,
    ...viewColumns(r.view),
  };
}

/** The part of a case that domain/access.ts canView reads, as the row stores it. */
export type AccessFields = Pick<CaseView, 'carrierId' | 'agencyIds' | 'provinceCode' | 'leadAgencyId'> & {
  flags: Pick<CaseFlags, 'restricted'>;
};

export const accessFields = (row: Case): AccessFields => ({
  carrierId: row.carrierId,
  agencyIds: row.agencyIds,
  provinceCode: row.provinceCode,
  leadAgencyId: row.leadAgencyId,
  flags: { restricted: row.kt1 },
});

/**
 * The row's access fields typed as the view canView takes. canView reads only AccessFields
 * (domain/access.ts); narrowing its parameter there would make this cast unnecessary.
 */
export const accessView = (row: Case): CaseView => accessFields(row) as CaseView;

/** Whether an actor may see a stored case: the rule the workflow's view answers, over the row's columns. */
export const canSeeCase = (row: Case, actor: Actor): boolean => canView(accessView(row), actor);

/** The stored case as JSON (lists, and cases whose workflow history has been archived); the API adds its links. */
export function caseSummary(row: Case) {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    carrierId: row.carrierId,
    carrierRef: row.carrierRef,
    trackingNumber: row.trackingNumber,
    servicePoint: row.servicePoint,
    provinceCode: row.provinceCode,
    categoryCode: row.categoryCode,
    stage: row.stage,
    leadAgencyId: row.leadAgencyId,
    agencyIds: row.agencyIds,
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
    flags: { crossBorder: row.crossBorder, kt1: row.kt1, signsOfCrime: row.signsOfCrime, overdue: row.overdue },
    nextDeadlineAt: row.nextDeadlineAt?.toISOString() ?? null,
    deadlines: row.deadlines,
    fineVnd: row.fineVnd === null ? null : Number(row.fineVnd),
    paidVnd: Number(row.paidVnd),
    interestVnd: Number(row.interestVnd),
    outcome: row.outcome,
    origin: row.origin,
    detectedAt: row.detectedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type CaseSummary = ReturnType<typeof caseSummary>;
