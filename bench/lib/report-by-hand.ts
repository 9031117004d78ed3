/**
 * The report benchmark's yardstick: the figures of one period (docs/reports.md), written as one
 * plain SQL statement by hand for the report managers read (KT1 excluded), with every constant
 * inlined — the steps, the clocks, the late-interest rate — and the cohort's figures taken from
 * one GROUP BY per case rather than one CTE per figure. It returns the document
 * prisma/report-queries.ts returns, so the benchmark can check the two agree.
 * Parameters: $1 the period's first instant, $2 the instant it stands at, $3 the province (or null).
 */
import type pg from 'pg';
import type { PeriodFigures } from '../../domain/report-content.js';

const S = `($1::timestamptz AT TIME ZONE 'UTC')`;
const T = `($2::timestamptz AT TIME ZONE 'UTC')`;
const vnDate = (x: string) => `((${x}) + interval '7 hours')::date`;

export const REPORT_BY_HAND_SQL = `
WITH
sc AS MATERIALIZED (
  SELECT c.id, c."carrierId", c."servicePoint", c."provinceCode", c."categoryCode", c.stage, c."detectedAt", d.at >= ${S} AS cohort
    FROM "Case" c JOIN "CaseEvent" d ON d."caseId" = c.id AND d.seq = 1
   WHERE d.type = 'DETECTED' AND d.at < ${T} AND NOT c.kt1 AND ($3::text IS NULL OR c."provinceCode" = $3::text)
),
e AS MATERIALIZED (
  SELECT e."caseId" AS id, e.seq, e.type, e.at, e.at >= ${S} AS in_period,
         e.payload->>'from' AS "from", e.payload->>'to' AS "to", e.payload->'changes' AS ch, e.payload->'action' AS act,
         e.payload->>'clock' AS clock, (e.payload->>'level')::int AS level
    FROM "CaseEvent" e JOIN sc ON sc.id = e."caseId" WHERE e.at < ${T}
),
per_case AS (
  SELECT id,
         min(seq) FILTER (WHERE type = 'HOLD_CONFIRMED') AS hold_seq,
         min(seq) FILTER (WHERE type = 'DEADLINE_ESCALATED' AND clock = 'HOLD_CONFIRMATION') AS hold_missed_seq,
         bool_or(type = 'LICENCE_FINDING') AS finding,
         (array_agg(ch->'outcome'->>'new' ORDER BY seq DESC) FILTER (WHERE ch ? 'outcome'))[1] AS outcome,
         (array_agg("to" ORDER BY seq DESC) FILTER (WHERE "to" IS NOT NULL))[1] AS status,
         (array_agg(ch->'closedAt'->>'new' ORDER BY seq DESC) FILTER (WHERE ch ? 'closedAt'))[1] AS closed_at,
         max((ch->'fine'->'new'->>'amountVnd')::bigint) FILTER (WHERE type = 'SANCTION_DECIDED') AS fine,
         max((ch->'fine'->'new'->>'dueAt')::timestamptz AT TIME ZONE 'UTC') FILTER (WHERE type = 'DECISION_SERVED') AS due_at
    FROM e GROUP BY id
),
cohort AS (
  SELECT sc.*, pc.*, sp.code IS NOT NULL AS registered, COALESCE(sp."communeLevel", false) AS commune_level, COALESCE(sp.remote, false) AS remote
    FROM sc JOIN per_case pc USING (id)
    LEFT JOIN "ServicePoint" sp ON sp."carrierId" = sc."carrierId" AND sp.code = sc."servicePoint"
     AND sp."validFrom" <= ${vnDate('sc."detectedAt"')} AND (sp."validTo" IS NULL OR sp."validTo" > ${vnDate('sc."detectedAt"')})
   WHERE sc.cohort
),
-- each step's end, timed from the latest start of its clock before it; missed if a level-1 escalation came between
marks AS (
  SELECT e.id, e.seq, e.at, m.clock, m.kind
    FROM e JOIN (VALUES ('DETECTED', 'HOLD_CONFIRMATION', 'S'), ('HOLD_CONFIRMED', 'HOLD_CONFIRMATION', 'E'),
                        ('AGENCIES_NOTIFIED', 'AGENCY_ACKNOWLEDGEMENT', 'S')) AS m(type, clock, kind) ON m.type = e.type
  UNION ALL
  SELECT e.id, e.seq, e.at, m.clock, m.kind
    FROM e JOIN (VALUES
      ('ACKNOWLEDGED', 'AGENCY_ACKNOWLEDGEMENT', 'E', ARRAY['ACKNOWLEDGED'], NULL::text[]),
      ('ACKNOWLEDGED', 'VERIFICATION', 'S', ARRAY['ACKNOWLEDGED'], NULL),
      ('CLEARED', 'VERIFICATION', 'E', ARRAY['CLEARED', 'VIOLATION_CONFIRMED', 'REFERRED'], ARRAY['ACKNOWLEDGED', 'UNDER_VERIFICATION']),
      ('VIOLATION_CONFIRMED', 'VERIFICATION', 'E', ARRAY['CLEARED', 'VIOLATION_CONFIRMED', 'REFERRED'], ARRAY['ACKNOWLEDGED', 'UNDER_VERIFICATION']),
      ('REFERRED', 'VERIFICATION', 'E', ARRAY['CLEARED', 'VIOLATION_CONFIRMED', 'REFERRED'], ARRAY['ACKNOWLEDGED', 'UNDER_VERIFICATION']),
      ('VIOLATION_CONFIRMED', 'VIOLATION_RECORD', 'S', ARRAY['VIOLATION_CONFIRMED'], NULL),
      ('VIOLATION_RECORDED', 'VIOLATION_RECORD', 'E', ARRAY['VIOLATION_RECORDED'], NULL),
      ('VIOLATION_RECORDED', 'SANCTION_DECISION', 'S', ARRAY['VIOLATION_RECORDED'], ARRAY['VIOLATION_CONFIRMED']),
      ('DECIDED', 'SANCTION_DECISION', 'E', ARRAY['DECIDED', 'NO_SANCTION'], NULL),
      ('NO_SANCTION', 'SANCTION_DECISION', 'E', ARRAY['DECIDED', 'NO_SANCTION'], NULL),
      ('DECIDED', 'SERVE_DECISION', 'S', ARRAY['DECIDED'], NULL),
      ('DECISION_SERVED', 'SERVE_DECISION', 'E', ARRAY['DECISION_SERVED'], NULL),
      ('DECISION_SERVED', 'PAYMENT', 'S', ARRAY['DECISION_SERVED'], NULL),
      ('PAID', 'PAYMENT', 'E', ARRAY['PAID'], NULL)
    ) AS m("to", clock, kind, enters, "from") ON m."to" = e."to"
   -- a step is entered from outside its statuses (an event leaving the status as it was enters nothing)
   WHERE NOT (e."from" = ANY (m.enters)) AND (m."from" IS NULL OR e."from" = ANY (m."from"))
  UNION ALL
  SELECT id, seq, at, clock, 'X' FROM e WHERE type = 'DEADLINE_ESCALATED' AND level = 1
),
step_ends AS (
  SELECT clock, kind, at,
         max(seq) FILTER (WHERE kind = 'S') OVER w AS start_seq, max(at) FILTER (WHERE kind = 'S') OVER w AS start_at,
         max(seq) FILTER (WHERE kind = 'X') OVER w AS miss_seq
    FROM marks WINDOW w AS (PARTITION BY id, clock ORDER BY seq)
),
steps AS (
  SELECT clock, count(*) FILTER (WHERE miss_seq IS NULL OR miss_seq < start_seq) AS met,
         round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - start_at))::numeric)::bigint AS median,
         round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM at - start_at))::numeric)::bigint AS p90
    FROM step_ends WHERE kind = 'E' AND start_seq IS NOT NULL AND at >= ${S} GROUP BY clock
),
escalations AS (
  SELECT clock, count(*) AS escalations, count(*) FILTER (WHERE level = 1) AS missed
    FROM e WHERE in_period AND type = 'DEADLINE_ESCALATED' GROUP BY clock
),
clocks AS (
  SELECT k.clock, CASE WHEN k.timed THEN COALESCE(s.met, 0) END AS met, COALESCE(x.missed, 0) AS missed,
         COALESCE(x.escalations, 0) AS escalations, s.median, s.p90
    FROM (VALUES ('HOLD_CONFIRMATION', true), ('AGENCY_ACKNOWLEDGEMENT', true), ('VERIFICATION', true), ('VIOLATION_RECORD', true),
                 ('SANCTION_DECISION', true), ('SERVE_DECISION', true), ('PAYMENT', true), ('ENFORCEMENT_LIMITATION', false),
                 ('SANCTIONING_LIMITATION', false), ('TEMPORARY_SEIZURE', false)) AS k(clock, timed)
    LEFT JOIN steps s USING (clock) LEFT JOIN escalations x USING (clock)
),
-- fines at the end: 0.05 % a day of what is unpaid after the due date, until the end or the closing
fined AS (
  SELECT id, fine, due_at, status, LEAST(${T}, COALESCE((closed_at::timestamptz AT TIME ZONE 'UTC'), ${T})) AS horizon
    FROM per_case WHERE fine IS NOT NULL
),
paid_at AS (
  SELECT f.*, e.at, e.seq, COALESCE((e.act->>'amountVnd')::bigint, (e.act->>'collectedVnd')::bigint) AS amount
    FROM fined f JOIN e ON e.id = f.id AND e.type IN ('PAYMENT_RECORDED', 'ENFORCEMENT_RECORDED') AND e.at <= f.horizon
  UNION ALL
  SELECT f.*, f.horizon, 2147483647, 0 FROM fined f
),
fine_points AS (
  SELECT *,
         COALESCE(sum(amount) OVER (PARTITION BY id ORDER BY at, seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS paid_before,
         GREATEST(due_at, lag(at) OVER (PARTITION BY id ORDER BY at, seq)) AS seg_from
    FROM paid_at
),
fine_totals AS (
  SELECT id, status, fine,
         COALESCE(sum(GREATEST(fine - paid_before, 0) * GREATEST(${vnDate('at')} - ${vnDate('seg_from')}, 0) * 5 / 10000)
                  FILTER (WHERE due_at IS NOT NULL AND at > due_at), 0) AS interest,
         sum(amount) AS paid
    FROM fine_points GROUP BY id, status, fine
),
flows AS (
  SELECT count(*) FILTER (WHERE type = 'REFERRED') AS referred,
         count(*) FILTER (WHERE type = 'RETURNED_FROM_INVESTIGATION') AS returned,
         count(*) FILTER (WHERE type = 'SANCTION_DECIDED') AS decisions,
         count(*) FILTER (WHERE type = 'NO_SANCTION_DECIDED') AS no_sanction,
         COALESCE(sum((ch->'fine'->'new'->>'amountVnd')::bigint) FILTER (WHERE type = 'SANCTION_DECIDED'), 0) AS imposed,
         COALESCE(sum((act->>'amountVnd')::bigint) FILTER (WHERE type = 'PAYMENT_RECORDED'), 0)
           + COALESCE(sum((act->>'collectedVnd')::bigint) FILTER (WHERE type = 'ENFORCEMENT_RECORDED'), 0) AS collected
    FROM e WHERE in_period
),
-- pledge coverage on the period's last day; pledges signed within it, per province of the points they cover
days AS (SELECT ${vnDate(`${S}`)} AS first_day, ${vnDate(`${T} - interval '1 millisecond'`)} AS last_day),
covered AS (
  SELECT DISTINCT pc."carrierId", pc.code
    FROM "PledgeCoverage" pc JOIN "Pledge" pl ON pl.id = pc."pledgeId" CROSS JOIN days WHERE pl."signedOn" <= days.last_day
),
coverage AS (
  SELECT sp."provinceCode", count(*) AS registered, count(cv.code) AS covered
    FROM "ServicePoint" sp JOIN "Carrier" ca ON ca.id = sp."carrierId" CROSS JOIN days
    LEFT JOIN covered cv ON cv."carrierId" = sp."carrierId" AND cv.code = sp.code
   WHERE NOT ca.kt1 AND ($3::text IS NULL OR sp."provinceCode" = $3::text)
     AND sp."validFrom" <= days.last_day AND (sp."validTo" IS NULL OR sp."validTo" > days.last_day)
   GROUP BY 1
),
signed AS (
  SELECT sp."provinceCode", count(DISTINCT pl.id) AS signed
    FROM "Pledge" pl JOIN "Carrier" ca ON ca.id = pl."carrierId" AND NOT ca.kt1
    JOIN "PledgeCoverage" pc ON pc."pledgeId" = pl.id JOIN "ServicePoint" sp ON sp."carrierId" = pc."carrierId" AND sp.code = pc.code
    CROSS JOIN days
   WHERE pl."signedOn" BETWEEN days.first_day AND days.last_day AND ($3::text IS NULL OR sp."provinceCode" = $3::text)
   GROUP BY 1
),
counts AS (
  SELECT jsonb_build_object(
    'byCategory', (SELECT COALESCE(jsonb_object_agg(k, n), '{}') FROM (SELECT "categoryCode", count(*) FROM cohort GROUP BY 1) x(k, n)),
    'byCarrier', (SELECT COALESCE(jsonb_object_agg(k, n), '{}') FROM (SELECT "carrierId", count(*) FROM cohort GROUP BY 1) x(k, n)),
    'byStage', (SELECT COALESCE(jsonb_object_agg(k, n), '{}') FROM (SELECT stage, count(*) FROM cohort GROUP BY 1) x(k, n)),
    'byProvince', (SELECT COALESCE(jsonb_object_agg(k, n), '{}') FROM (SELECT "provinceCode", count(*) FROM cohort GROUP BY 1) x(k, n)),
    'byOutcome', (SELECT COALESCE(jsonb_object_agg(k, n), '{}') FROM (SELECT COALESCE(outcome, 'OPEN'), count(*) FROM cohort GROUP BY 1) x(k, n)),
    'licenceFindings', (SELECT COALESCE(jsonb_object_agg(k, n), '{}') FROM (SELECT "carrierId", count(*) FROM cohort WHERE finding GROUP BY 1) x(k, n)),
    'byServicePoint', jsonb_build_object('REGISTERED', count(*) FILTER (WHERE registered), 'COMMUNE_LEVEL', count(*) FILTER (WHERE commune_level),
                                         'REMOTE', count(*) FILTER (WHERE remote), 'UNREGISTERED', count(*) FILTER (WHERE NOT registered)),
    'holds', jsonb_build_object('detected', count(*), 'holdsConfirmed', count(hold_seq),
                                'holdsConfirmedOnTime', count(*) FILTER (WHERE hold_seq < COALESCE(hold_missed_seq, 2147483647))))
    AS doc FROM cohort
)
SELECT counts.doc || jsonb_build_object(
  'referrals', jsonb_build_object('referred', f.referred, 'returnedFromInvestigation', f.returned),
  'sanctions', jsonb_build_object('decisions', f.decisions, 'noSanctionDecisions', f.no_sanction, 'imposedVnd', f.imposed, 'collectedVnd', f.collected,
    'outstandingVnd', (SELECT COALESCE(sum(GREATEST(fine + interest - paid, 0)) FILTER (WHERE status IN ('DECIDED', 'DECISION_SERVED', 'ENFORCEMENT')), 0) FROM fine_totals),
    'lateInterestVnd', (SELECT COALESCE(sum(interest), 0) FROM fine_totals)),
  'clocks', (SELECT jsonb_object_agg(clock, jsonb_build_object('met', met, 'missed', missed, 'escalations', escalations,
                                                               'medianSeconds', median, 'p90Seconds', p90)) FROM clocks),
  'pledges', (SELECT COALESCE(jsonb_object_agg(COALESCE(c."provinceCode", s."provinceCode"), jsonb_build_object(
                'registeredPoints', COALESCE(c.registered, 0), 'coveredPoints', COALESCE(c.covered, 0), 'pledgesSigned', COALESCE(s.signed, 0))), '{}')
              FROM coverage c FULL JOIN signed s USING ("provinceCode"))
) AS figures
FROM counts, flows f`;

/** One period's figures by the hand-written statement. */
export async function reportByHand(
  db: pg.ClientBase,
  q: { startsAt: Date; asOf: Date; provinceCode: string | null },
): Promise<PeriodFigures> {
  const { rows } = await db.query<{ figures: PeriodFigures }>(REPORT_BY_HAND_SQL, [
    q.startsAt.toISOString(),
    q.asOf.toISOString(),
    q.provinceCode,
  ]);
  return rows[0]!.figures;
}
