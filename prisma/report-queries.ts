/**
 * The aggregates of one report period, computed in PostgreSQL from the audit log as the cases
 * stood at the period's end (or now, for a period not over): one statement, one JSON document,
 * no case ever loaded into Node. What each figure means is written beside its CTE; the steps
 * and clocks come from domain/report-steps.ts, the late-interest rule from domain/fines.ts.
 *
 * - The cases of a scope are those whose DETECTED event was written before the end instant:
 *   a case the system learnt of later is not counted, so a report regenerated later agrees.
 * - "Detected in the period" is the cohort whose DETECTED event falls in [start, end); the
 *   breakdowns, holds, outcomes and licence findings are about that cohort.
 * - Flows (referrals, decisions, payments, escalations, steps) count events in [start, end) of
 *   every case of the scope, whenever it was detected.
 * - Stocks (outstanding fines, late interest, pledge coverage) stand at the end instant.
 * - The registry (service points, licences, pledges) is read with its own dates: a service
 *   point or licence counts on the day of detection, pledges and points on the period's last day.
 */
import type { Tx } from './client.js';
import { Prisma } from './generated/client.js';
import { VN_OFFSET_MS } from '../domain/calendar.js';
import { LATE_INTEREST_BPS_PER_DAY } from '../domain/fines.js';
import type { PeriodFigures } from '../domain/report-content.js';
import type { Kt1Mode } from '../domain/report-period.js';
import { REPORT_CLOCKS, REPORT_STEPS, type EventMatch } from '../domain/report-steps.js';

/** What one run of the query covers. */
export interface PeriodQuery {
  startsAt: Date;
  /** The instant the figures stand at: the period's end, or now. */
  asOf: Date;
  provinceCode: string | null;
  kt1: Kt1Mode;
}

const instant = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
/** The Asia/Ho_Chi_Minh date of a UTC timestamp column or expression. */
const vn = (expr: Prisma.Sql) => Prisma.sql`((${expr}) + interval '${Prisma.raw(String(VN_OFFSET_MS / 3_600_000))} hours')::date`;

/**
 * The step table (domain/report-steps.ts) as one JSON parameter, one row per event that starts
 * ('S') or ends ('E') a step: by type, or by a status it enters (then `enters` is the whole set it
 * must come from outside of, `from` the statuses it must come from), so events join it on equality.
 */
interface StepMark {
  clock: string;
  side: 'S' | 'E';
  type: string | null;
  status: string | null;
  enters: readonly string[] | null;
  from: readonly string[] | null;
}
const marksOf = (clock: string, side: StepMark['side'], m: EventMatch): StepMark[] =>
  'type' in m
    ? [{ clock, side, type: m.type, status: null, enters: null, from: null }]
    : m.enters.map((status) => ({ clock, side, type: null, status, enters: m.enters, from: m.from ?? null }));
const STEP_MARKS_JSON = JSON.stringify(REPORT_STEPS.flatMap((s) => [...marksOf(s.clock, 'S', s.starts), ...marksOf(s.clock, 'E', s.ends)]));

const jsonObject = (rows: Prisma.Sql) => Prisma.sql`(SELECT COALESCE(jsonb_object_agg(k, v), '{}'::jsonb) FROM (${rows}) AS x(k, v))`;

/** The aggregates of one period. */
export async function periodFigures(tx: Tx, q: PeriodQuery): Promise<PeriodFigures> {
  const S = instant(q.startsAt);
  const T = instant(q.asOf);
  const lastDay = vn(Prisma.sql`${T} - interval '1 millisecond'`);
  const inScope = (province: Prisma.Sql, kt1: Prisma.Sql) =>
    Prisma.sql`(${q.provinceCode}::text IS NULL OR ${province} = ${q.provinceCode}::text) AND (${q.kt1}::text = 'INCLUDED' OR ${kt1} = (${q.kt1}::text = 'ONLY'))`;

  const rows = await tx.$queryRaw<{ figures: PeriodFigures }[]>`
    WITH
    step_marks AS (
      SELECT * FROM jsonb_to_recordset(${STEP_MARKS_JSON}::jsonb) AS d(clock text, side text, type text, status text, enters text[], "from" text[])
    ),
    -- the cases of the scope the system knew of at the end instant
    scope_cases AS MATERIALIZED (
      SELECT c.id, c."carrierId", c."servicePoint", c."provinceCode", c."categoryCode", c.stage, c."detectedAt", d.at AS opened_at
      FROM "Case" c JOIN "CaseEvent" d ON d."caseId" = c.id AND d.seq = 1 AND d.type = 'DETECTED'
      WHERE d.at < ${T} AND ${inScope(Prisma.sql`c."provinceCode"`, Prisma.sql`c.kt1`)}
    ),
    -- their events known at the end, with what the figures read from each payload taken out once
    ev AS MATERIALIZED (
      SELECT e."caseId", e.seq, e.type, e.at,
             e.payload->>'to' AS to_status, e.payload->>'from' AS from_status,
             e.payload->>'clock' AS clock, (e.payload->>'level')::int AS level,
             e.payload->'changes'->'outcome' IS NOT NULL AS outcome_changed, e.payload->'changes'->'outcome'->>'new' AS outcome,
             e.payload->'changes'->'closedAt' IS NOT NULL AS closed_changed,
             ((e.payload->'changes'->'closedAt'->>'new')::timestamptz AT TIME ZONE 'UTC') AS closed_at,
             CASE WHEN e.type = 'SANCTION_DECIDED' THEN (e.payload->'changes'->'fine'->'new'->>'amountVnd')::bigint END AS fine_imposed,
             CASE WHEN e.type = 'DECISION_SERVED' THEN ((e.payload->'changes'->'fine'->'new'->>'dueAt')::timestamptz AT TIME ZONE 'UTC') END AS fine_due,
             CASE e.type WHEN 'PAYMENT_RECORDED' THEN (e.payload->'action'->>'amountVnd')::bigint
                         WHEN 'ENFORCEMENT_RECORDED' THEN (e.payload->'action'->>'collectedVnd')::bigint END AS paid_amount
      FROM "CaseEvent" e JOIN scope_cases s ON s.id = e."caseId" WHERE e.at < ${T}
    ),
    cohort AS MATERIALIZED (SELECT * FROM scope_cases WHERE opened_at >= ${S}),
    flows AS MATERIALIZED (SELECT * FROM ev WHERE at >= ${S}),
    last_outcome AS (
      SELECT DISTINCT ON ("caseId") "caseId", outcome FROM ev WHERE outcome_changed ORDER BY "caseId", seq DESC
    ),
    last_status AS (
      SELECT DISTINCT ON ("caseId") "caseId", to_status AS status FROM ev WHERE to_status IS NOT NULL ORDER BY "caseId", seq DESC
    ),
    last_closed AS (
      SELECT DISTINCT ON ("caseId") "caseId", closed_at FROM ev WHERE closed_changed ORDER BY "caseId", seq DESC
    ),
    -- the registered point a case names (by code, open on the day of detection), if any
    cohort_points AS (
      SELECT sp.code IS NOT NULL AS registered, COALESCE(sp."communeLevel", false) AS commune_level, COALESCE(sp.remote, false) AS remote
      FROM cohort c LEFT JOIN "ServicePoint" sp ON sp."carrierId" = c."carrierId" AND sp.code = c."servicePoint"
        AND sp."validFrom" <= ${vn(Prisma.sql`c."detectedAt"`)} AND (sp."validTo" IS NULL OR sp."validTo" > ${vn(Prisma.sql`c."detectedAt"`)})
    ),
    -- a hold is on time when it was confirmed before its clock was first missed
    holds AS (
      SELECT min(e.seq) FILTER (WHERE e.type = 'HOLD_CONFIRMED') AS confirmed,
             min(e.seq) FILTER (WHERE e.type = 'DEADLINE_ESCALATED' AND e.clock = 'HOLD_CONFIRMATION') AS missed
      FROM cohort c JOIN ev e ON e."caseId" = c.id GROUP BY c.id
    ),
    -- each step ends with an event and is timed from the latest start of its clock before it;
    -- it was met unless a level-1 escalation of the clock came between them
    marks AS (
      SELECT d.clock, e."caseId", e.seq, e.at, d.side AS kind FROM ev e JOIN step_marks d ON d.type = e.type
      UNION ALL
      SELECT d.clock, e."caseId", e.seq, e.at, d.side FROM ev e JOIN step_marks d ON d.status = e.to_status
      WHERE NOT (e.from_status = ANY (d.enters)) AND (d."from" IS NULL OR e.from_status = ANY (d."from"))
      UNION ALL
      SELECT e.clock, e."caseId", e.seq, e.at, 'X' FROM ev e WHERE e.type = 'DEADLINE_ESCALATED' AND e.level = 1
    ),
    runs AS (
      SELECT clock, kind, at,
             max(seq) FILTER (WHERE kind = 'S') OVER w AS start_seq,
             max(at) FILTER (WHERE kind = 'S') OVER w AS start_at,
             max(seq) FILTER (WHERE kind = 'X') OVER w AS miss_seq
      FROM marks WINDOW w AS (PARTITION BY clock, "caseId" ORDER BY seq ROWS UNBOUNDED PRECEDING)
    ),
    step_done AS (
      SELECT clock, extract(epoch FROM at - start_at)::float8 AS secs, (miss_seq IS NULL OR miss_seq < start_seq) AS met
      FROM runs WHERE kind = 'E' AND start_seq IS NOT NULL AND at >= ${S}
    ),
    done AS (
      SELECT clock, count(*) FILTER (WHERE met) AS met,
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY secs)::numeric)::bigint AS median,
             round(percentile_cont(0.9) WITHIN GROUP (ORDER BY secs)::numeric)::bigint AS p90
      FROM step_done GROUP BY clock
    ),
    esc AS (
      SELECT clock, count(*) AS escalations, count(*) FILTER (WHERE level = 1) AS missed
      FROM flows WHERE type = 'DEADLINE_ESCALATED' GROUP BY 1
    ),
    clock_rows AS (
      SELECT k.clock,
             CASE WHEN EXISTS (SELECT 1 FROM step_marks s WHERE s.clock = k.clock) THEN COALESCE(d.met, 0) END AS met,
             COALESCE(x.missed, 0) AS missed, COALESCE(x.escalations, 0) AS escalations, d.median, d.p90
      FROM jsonb_array_elements_text(${JSON.stringify(REPORT_CLOCKS)}::jsonb) AS k(clock)
      LEFT JOIN done d ON d.clock = k.clock LEFT JOIN esc x ON x.clock = k.clock
    ),
    -- fines as they stood at the end: late interest accrues (domain/fines.ts settlement) until the
    -- end, or until the case closed; outstanding counts the fines still to be collected
    fines AS (
      SELECT "caseId",
             max(fine_imposed) AS fine, max(fine_due) AS due_at
      FROM ev WHERE type IN ('SANCTION_DECIDED', 'DECISION_SERVED') GROUP BY "caseId"
    ),
    fine_cases AS (
      SELECT f."caseId", f.fine, f.due_at, s.status, LEAST(${T}, COALESCE(c.closed_at, ${T})) AS horizon
      FROM fines f JOIN last_status s USING ("caseId") LEFT JOIN last_closed c USING ("caseId")
      WHERE f.fine IS NOT NULL
    ),
    payments AS (
      SELECT "caseId", seq, at, paid_amount AS amount FROM ev WHERE paid_amount IS NOT NULL
    ),
    pay_points AS (
      SELECT f."caseId", f.fine, f.due_at, p.at, p.seq AS ord, p.amount
      FROM fine_cases f JOIN payments p ON p."caseId" = f."caseId" AND p.at <= f.horizon
      UNION ALL
      SELECT "caseId", fine, due_at, horizon, 2147483647, 0 FROM fine_cases
    ),
    paid_before AS (
      SELECT *, COALESCE(sum(amount) OVER (PARTITION BY "caseId" ORDER BY at, ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS paid
      FROM pay_points
    ),
    segments AS (
      SELECT *, lag(at, 1, due_at) OVER (PARTITION BY "caseId" ORDER BY at, ord) AS seg_from
      FROM paid_before WHERE due_at IS NOT NULL AND at > due_at
    ),
    interest AS (
      SELECT "caseId",
             sum(GREATEST(fine - paid, 0) * GREATEST(${vn(Prisma.sql`at`)} - ${vn(Prisma.sql`seg_from`)}, 0) * ${LATE_INTEREST_BPS_PER_DAY}::int / 10000) AS interest
      FROM segments GROUP BY "caseId"
    ),
    fine_state AS (
      SELECT f.status, f.fine, COALESCE(i.interest, 0) AS interest, p.paid
      FROM fine_cases f JOIN paid_before p ON p."caseId" = f."caseId" AND p.ord = 2147483647 LEFT JOIN interest i ON i."caseId" = f."caseId"
    ),
    -- cases whose carrier held no licence or notification valid on the day of detection, as the case recorded it
    licence_findings AS (
      SELECT c."carrierId" AS k, count(*) AS v FROM cohort c
      WHERE EXISTS (SELECT 1 FROM ev e WHERE e."caseId" = c.id AND e.type = 'LICENCE_FINDING')
      GROUP BY 1
    ),
    -- service points open on the last day, and those a pledge signed by then covers
    points AS (
      SELECT sp."carrierId", sp.code, sp."provinceCode" FROM "ServicePoint" sp JOIN "Carrier" ca ON ca.id = sp."carrierId"
      WHERE sp."validFrom" <= ${lastDay} AND (sp."validTo" IS NULL OR sp."validTo" > ${lastDay})
        AND ${inScope(Prisma.sql`sp."provinceCode"`, Prisma.sql`ca.kt1`)}
    ),
    coverage AS (
      SELECT p."provinceCode",
             count(*) AS registered,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM "PledgeCoverage" pc JOIN "Pledge" pl ON pl.id = pc."pledgeId"
               WHERE pc."carrierId" = p."carrierId" AND pc.code = p.code AND pl."signedOn" <= ${lastDay})) AS covered
      FROM points p GROUP BY 1
    ),
    signed AS (
      SELECT sp."provinceCode", count(DISTINCT pl.id) AS signed
      FROM "Pledge" pl JOIN "PledgeCoverage" pc ON pc."pledgeId" = pl.id
      JOIN "ServicePoint" sp ON sp."carrierId" = pc."carrierId" AND sp.code = pc.code JOIN "Carrier" ca ON ca.id = sp."carrierId"
      WHERE pl."signedOn" >= ${vn(S)} AND pl."signedOn" <= ${lastDay} AND ${inScope(Prisma.sql`sp."provinceCode"`, Prisma.sql`ca.kt1`)}
      GROUP BY 1
    )
    SELECT jsonb_build_object(
      'byCategory', ${jsonObject(Prisma.sql`SELECT "categoryCode", count(*) FROM cohort GROUP BY 1`)},
      'byCarrier', ${jsonObject(Prisma.sql`SELECT "carrierId", count(*) FROM cohort GROUP BY 1`)},
      'byStage', ${jsonObject(Prisma.sql`SELECT stage, count(*) FROM cohort GROUP BY 1`)},
      'byProvince', ${jsonObject(Prisma.sql`SELECT "provinceCode", count(*) FROM cohort GROUP BY 1`)},
      'byOutcome', ${jsonObject(Prisma.sql`SELECT COALESCE(o.outcome, 'OPEN'), count(*) FROM cohort c LEFT JOIN last_outcome o ON o."caseId" = c.id GROUP BY 1`)},
      'byServicePoint', (SELECT jsonb_build_object(
        'REGISTERED', count(*) FILTER (WHERE registered),
        'COMMUNE_LEVEL', count(*) FILTER (WHERE commune_level),
        'REMOTE', count(*) FILTER (WHERE remote),
        'UNREGISTERED', count(*) FILTER (WHERE NOT registered)) FROM cohort_points),
      'holds', jsonb_build_object(
        'detected', (SELECT count(*) FROM cohort),
        'holdsConfirmed', (SELECT count(*) FROM holds WHERE confirmed IS NOT NULL),
        'holdsConfirmedOnTime', (SELECT count(*) FROM holds WHERE confirmed IS NOT NULL AND (missed IS NULL OR confirmed < missed))),
      'referrals', (SELECT jsonb_build_object(
        'referred', count(*) FILTER (WHERE type = 'REFERRED'),
        'returnedFromInvestigation', count(*) FILTER (WHERE type = 'RETURNED_FROM_INVESTIGATION')) FROM flows),
      'sanctions', (SELECT jsonb_build_object(
        'decisions', count(*) FILTER (WHERE type = 'SANCTION_DECIDED'),
        'noSanctionDecisions', count(*) FILTER (WHERE type = 'NO_SANCTION_DECIDED'),
        'imposedVnd', COALESCE(sum(fine_imposed), 0),
        'collectedVnd', COALESCE(sum(paid_amount), 0),
        'outstandingVnd', (SELECT COALESCE(sum(GREATEST(fine + interest - paid, 0))
                                  FILTER (WHERE status IN ('DECIDED', 'DECISION_SERVED', 'ENFORCEMENT')), 0) FROM fine_state),
        'lateInterestVnd', (SELECT COALESCE(sum(interest), 0) FROM fine_state)) FROM flows),
      'clocks', (SELECT jsonb_object_agg(clock, jsonb_build_object(
        'met', met, 'missed', missed, 'escalations', escalations, 'medianSeconds', median, 'p90Seconds', p90)) FROM clock_rows),
      'licenceFindings', ${jsonObject(Prisma.sql`SELECT k, v FROM licence_findings`)},
      'pledges', ${jsonObject(Prisma.sql`
        SELECT COALESCE(c."provinceCode", s."provinceCode"), jsonb_build_object(
          'registeredPoints', COALESCE(c.registered, 0), 'coveredPoints', COALESCE(c.covered, 0), 'pledgesSigned', COALESCE(s.signed, 0))
        FROM coverage c FULL JOIN signed s ON s."provinceCode" = c."provinceCode"`)}
    ) AS figures`;
  return rows[0]!.figures;
}

/** The reference-data version: the position of the change log (0 before any change). */
export async function referenceVersion(tx: Tx): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ v: bigint }[]>`SELECT COALESCE(max(id), 0)::bigint AS v FROM "ReferenceChange"`;
  return row!.v;
}
