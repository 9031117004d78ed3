import type { Db } from './client.js';

/** Counts behind the metrics gauges, read at each scrape so they are right whichever process did the work. */
export interface PipelineCounts {
  casesByStatus: { status: string; n: number }[];
  overdueOpenCases: number;
  deliveriesByStatus: { status: string; n: number }[];
  /** Attempts that got no 2xx answer (or none at all). */
  failedAttempts: number;
}

export async function pipelineCounts(db: Db): Promise<PipelineCounts> {
  const [casesByStatus, [late], deliveriesByStatus, [failed]] = await Promise.all([
    db.$queryRaw<{ status: string; n: number }[]>`SELECT status, count(*)::int AS n FROM "Case" GROUP BY status`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Case" WHERE overdue AND "closedAt" IS NULL`,
    db.$queryRaw<{ status: string; n: number }[]>`SELECT status, count(*)::int AS n FROM "WebhookDelivery" GROUP BY status`,
    db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "WebhookAttempt" WHERE "statusCode" IS NULL OR "statusCode" NOT BETWEEN 200 AND 299`,
  ]);
  return { casesByStatus, overdueOpenCases: late?.n ?? 0, deliveriesByStatus, failedAttempts: failed?.n ?? 0 };
}
