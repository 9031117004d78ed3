/**
 * A carrier's own compliance summary (issue 15, "Who reads what"): of the cases it reported in a
 * period, as they stood at its end, how many holds it confirmed and how many on time, and how many
 * were licence findings; beside them its licences valid on the last day. From CaseEvent, in SQL.
 */
import type { Db } from './client.js';
import { Prisma } from './generated/client.js';
import { listLicences } from './registry-admin.js';
import { licenceValidOn, type Licence } from '../domain/registry-rules.js';

export interface ComplianceSummary {
  carrierId: string;
  from: string;
  to: string;
  asOf: string;
  detected: number;
  holdsConfirmed: number;
  holdsConfirmedOnTime: number;
  /** Holds whose confirmation clock was missed (escalated), confirmed later or not at all. */
  holdsMissed: number;
  licenceFindings: number;
  /** Its licences and notifications valid on the period's last day. */
  validLicences: Licence[];
}

const at = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** The summary of `carrierId`'s cases detected in [startsAt, asOf); `to` names the last day for the licences. */
export async function complianceSummary(
  db: Db,
  q: { carrierId: string; from: string; to: string; startsAt: Date; asOf: Date },
): Promise<ComplianceSummary> {
  const [row] = await db.$queryRaw<{ detected: bigint; confirmed: bigint; on_time: bigint; missed: bigint; findings: bigint }[]>`
    WITH cohort AS (
      SELECT c.id FROM "Case" c JOIN "CaseEvent" d ON d."caseId" = c.id AND d.seq = 1 AND d.type = 'DETECTED'
      WHERE c."carrierId" = ${q.carrierId} AND d.at >= ${at(q.startsAt)} AND d.at < ${at(q.asOf)}
    ),
    per_case AS (
      SELECT c.id,
             min(e.seq) FILTER (WHERE e.type = 'HOLD_CONFIRMED') AS confirmed,
             min(e.seq) FILTER (WHERE e.type = 'DEADLINE_ESCALATED' AND e.payload->>'clock' = 'HOLD_CONFIRMATION') AS missed,
             bool_or(e.type = 'LICENCE_FINDING') AS finding
      FROM cohort c LEFT JOIN "CaseEvent" e ON e."caseId" = c.id AND e.at < ${at(q.asOf)}
      GROUP BY c.id
    )
    SELECT count(*) AS detected,
           count(*) FILTER (WHERE confirmed IS NOT NULL) AS confirmed,
           count(*) FILTER (WHERE confirmed IS NOT NULL AND (missed IS NULL OR confirmed < missed)) AS on_time,
           count(*) FILTER (WHERE missed IS NOT NULL) AS missed,
           count(*) FILTER (WHERE finding) AS findings
    FROM per_case`;
  const licences = await listLicences(db, { carrierId: q.carrierId });
  return {
    carrierId: q.carrierId,
    from: q.from,
    to: q.to,
    asOf: q.asOf.toISOString(),
    detected: Number(row!.detected),
    holdsConfirmed: Number(row!.confirmed),
    holdsConfirmedOnTime: Number(row!.on_time),
    holdsMissed: Number(row!.missed),
    licenceFindings: Number(row!.findings),
    validLicences: licences.filter((l) => licenceValidOn(l, q.to)),
  };
}
