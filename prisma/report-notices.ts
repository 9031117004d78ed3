/**
 * "Report ready" notices: one Notification row per manager of the report's scope and per stored
 * variant that manager may read (domain/report-access.ts). Ids are deterministic, so a retried or
 * repeated run notifies nobody twice.
 */
import type { Db } from './client.js';
import type { Prisma } from './generated/client.js';
import type { Actor } from '../domain/access.js';
import type { AgencyKind } from '../domain/routing.js';
import { canReadReport, isManagerOfScope, principalAddress } from '../domain/report-access.js';
import type { ReportScope } from '../domain/report-period.js';
import type { GeneratedReport } from '../domain/report-runs.js';

export const REPORT_READY = 'REPORT_READY';

/** Active managers of a scope, as the access rules see them. */
async function managersOf(db: Db, scope: ReportScope): Promise<Actor[]> {
  const principals = await db.principal.findMany({
    where: { role: 'manager', disabledAt: null, provinceCode: scope.kind === 'PROVINCE' ? scope.provinceCode : null },
    orderBy: { id: 'asc' },
  });
  const agencyIds = [...new Set(principals.map((p) => p.agencyId).filter((id): id is string => !!id))];
  const kinds = new Map((await db.agency.findMany({ where: { id: { in: agencyIds } } })).map((a) => [a.id, a.kind as AgencyKind]));
  return principals
    .map((p) => ({
      id: p.id,
      role: p.role,
      agencyId: p.agencyId,
      agencyKind: p.agencyId ? (kinds.get(p.agencyId) ?? null) : null,
      provinceCode: p.provinceCode,
    }))
    .filter((a) => isManagerOfScope(a, scope));
}

/** Tells the managers of the scope which of the stored reports they may now read; returns the notices written. */
export async function notifyReportReady(db: Db, n: { scope: ReportScope; reports: GeneratedReport[]; at: string }): Promise<number> {
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const manager of await managersOf(db, n.scope))
    for (const r of n.reports.filter((r) => canReadReport(manager, n.scope, r.kt1)))
      rows.push({
        id: `report:${r.id}:${principalAddress(manager.id)}`,
        reportId: r.id,
        recipient: principalAddress(manager.id),
        kind: REPORT_READY,
        payload: { reportId: r.id, key: r.key, kt1: r.kt1, checksum: r.checksum, asOf: r.asOf, asOfNow: r.asOfNow },
        createdAt: new Date(n.at),
      });
  if (rows.length === 0) return 0;
  return (await db.notification.createMany({ data: rows, skipDuplicates: true })).count;
}
