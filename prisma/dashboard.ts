/** The stored cases the managers' dashboard counts: those the actor may see, detected since `since` or still open. */
import type { Actor } from '../domain/access.js';
import { CLOSED_STATUSES, type CaseStatus } from '../domain/case-states.js';
import type { DashboardCase } from '../domain/dashboard.js';
import type { Db } from './client.js';
import { visibleCasesWhere } from './cases/visibility.js';

export async function dashboardCases(db: Db, actor: Actor, since: Date): Promise<DashboardCase[]> {
  const rows = await db.case.findMany({
    where: {
      AND: [visibleCasesWhere(actor), { OR: [{ detectedAt: { gte: since } }, { status: { notIn: [...CLOSED_STATUSES] } }] }],
    },
    select: {
      status: true,
      leadAgencyId: true,
      overdue: true,
      detectedAt: true,
      fineVnd: true,
      paidVnd: true,
      events: { where: { type: 'DEADLINE_ESCALATED' }, select: { seq: true }, take: 1 },
    },
  });
  return rows.map((r) => ({
    status: r.status as CaseStatus,
    leadAgencyId: r.leadAgencyId,
    overdue: r.overdue,
    detectedAt: r.detectedAt,
    escalated: r.events.length > 0,
    fineVnd: r.fineVnd === null ? null : Number(r.fineVnd),
    paidVnd: Number(r.paidVnd),
  }));
}
