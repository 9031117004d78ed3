/**
 * Synthetic cases with their audit log, loaded directly in SQL (generate_series into a temporary
 * table, then one INSERT into "Case" and one into "CaseEvent" per chunk), for the report benchmark:
 * cases detected over 2024 and 2025 in the provinces, categories and carriers of
 * synthetic-cases.ts, each walking one path through the states — cleared, referred (some come
 * back), no sanction, fined and paid on time, paid late with interest, enforced, expired — some
 * stopped halfway (still open), some with missed deadlines (escalations); service points
 * registered per carrier and province (commune-level, remote, one closed mid-2025, some codes
 * unregistered), licences (one carrier's lapsed, one carrier with none: licence findings) and
 * pledges covering part of the points. Values come from hashes of the row number, so every load
 * is the same. The events carry the payload fields the report reads, shaped as the workflow
 * writes them (domain/case-step.ts); their hash chain is not computed.
 */
import type pg from 'pg';
import {
  CARRIERS,
  CATEGORY_WEIGHTS,
  loadSyntheticReference,
  pick,
  PROVINCE_WEIGHTS,
  SYNTHETIC_PROVINCES,
  weight,
  weighted,
} from './synthetic-cases.js';

export const REPORT_PROVINCES = ['HCM', 'HN', 'TH', ...SYNTHETIC_PROVINCES];
/** Service point codes per carrier and province: 0–39 registered, 40–49 named by cases but not registered. */
const POINTS = 40;
const NAMED_POINTS = 50;
/** Carriers SYN1–SYN4 pledged for their points 0–19 of each province. */
const PLEDGED_CARRIERS = CARRIERS.slice(0, 4);
const PLEDGED_POINTS = 20;

/** The log runs until mid-2026: the 2025 cases have moved on since the year's end. */
const DATA_UNTIL = "TIMESTAMP '2026-06-30 17:00:00'";

/** Provinces, agencies and carriers, then the registry: service points, licences, pledges. */
export async function loadReportRegistry(sql: pg.Pool): Promise<void> {
  await loadSyntheticReference(sql);
  await sql.query(
    `INSERT INTO "ServicePoint" ("carrierId", code, name, address, "provinceCode", commune, "communeLevel", remote, "validFrom", "validTo")
     SELECT ca, ca || '-' || p || '-' || n, 'Bưu cục ' || p || ' ' || n, 'Địa chỉ ' || n, p, 'Xã ' || n,
            n % 4 = 0, n % 10 = 3, DATE '2023-01-01', CASE WHEN n = ${POINTS - 1} THEN DATE '2025-07-01' END
       FROM unnest($1::text[]) ca CROSS JOIN unnest($2::text[]) p CROSS JOIN generate_series(0, ${POINTS - 1}) n
     ON CONFLICT DO NOTHING`,
    [CARRIERS, REPORT_PROVINCES],
  );
  // SYN1–SYN6 licensed inter-provincially; SYN7's licence lapsed at the end of 2024; SYN8 never held one
  await sql.query(
    `INSERT INTO "CarrierLicence" (id, "carrierId", kind, number, "issuingAuthority", "issuedOn", "validTo", scope)
     SELECT 'lic-' || ca, ca, 'LICENCE', 'GP-' || ca, 'Bộ Khoa học và Công nghệ', DATE '2020-01-01',
            CASE WHEN ca = 'SYN7' THEN DATE '2024-12-31' END, 'INTER_PROVINCIAL'
       FROM unnest($1::text[]) ca ON CONFLICT DO NOTHING`,
    [CARRIERS.slice(0, 7)],
  );
  // one pledge per pledged carrier and province, half signed in 2024, half in 2025
  await sql.query(
    `INSERT INTO "Pledge" (id, "carrierId", signatory, "signedOn", "documentRef")
     SELECT 'pl-' || ca || '-' || p, ca, 'Giám đốc ' || ca, DATE '2024-03-01' + (abs(hashtext(ca || p)) % 540), 'CK-' || ca || '-' || p
       FROM unnest($1::text[]) ca CROSS JOIN unnest($2::text[]) p ON CONFLICT DO NOTHING`,
    [PLEDGED_CARRIERS, REPORT_PROVINCES],
  );
  await sql.query(
    `INSERT INTO "PledgeCoverage" ("pledgeId", "carrierId", code)
     SELECT 'pl-' || ca || '-' || p, ca, ca || '-' || p || '-' || n
       FROM unnest($1::text[]) ca CROSS JOIN unnest($2::text[]) p CROSS JOIN generate_series(0, ${PLEDGED_POINTS - 1}) n
     ON CONFLICT DO NOTHING`,
    [PLEDGED_CARRIERS, REPORT_PROVINCES],
  );
}

/**
 * The steps of every path, in order: which paths take each one, its event, the statuses it moves
 * between, what else it changes, and the hours since the step before. `k` is the path (0–99), `h`
 * a per-case number (0–999) for the durations, `esc` one for the missed deadlines.
 */
const STEPS = `(VALUES
  (1,  true,                          'DETECTED',            NULL::text,            NULL::text,            NULL::text, 0.0),
  (2,  licence_finding,               'LICENCE_FINDING',     NULL,                  NULL,                  NULL, 0.01),
  (3,  esc < 15,                      'DEADLINE_ESCALATED',  'HOLD_CONFIRMATION',   '1',                   NULL, 24),
  (4,  true,                          'HOLD_CONFIRMED',      'DETECTED',            'HELD',                NULL, 2 + h % 40),
  (5,  true,                          'AGENCIES_NOTIFIED',   'HELD',                'NOTIFIED',            NULL, 1 + h % 5),
  (6,  true,                          'ACKNOWLEDGED',        'NOTIFIED',            'ACKNOWLEDGED',        NULL, 3 + h % 70),
  (7,  k >= 90,                       'EXPIRED',             'ACKNOWLEDGED',        'EXPIRED',             'EXPIRED', 24 * (360 + h % 30)),
  (8,  k < 90,                        'VERIFICATION_STARTED','ACKNOWLEDGED',        'UNDER_VERIFICATION',  NULL, 4 + h % 48),
  (9,  k < 90 AND esc % 10 < 2,       'DEADLINE_ESCALATED',  'VERIFICATION',        '1',                   NULL, 24 * 10),
  (10, k < 90 AND esc % 10 = 0,       'DEADLINE_ESCALATED',  'VERIFICATION',        '2',                   NULL, 24 * 2),
  (11, k < 30,                        'CLEARED',             'UNDER_VERIFICATION',  'CLEARED',             'CLEARED', 24 * (1 + h % 12)),
  (12, k >= 30 AND k < 40,            'REFERRED',            'UNDER_VERIFICATION',  'REFERRED',            'REFERRED', 24 * (2 + h % 20)),
  (13, k >= 30 AND k < 33,            'RETURNED_FROM_INVESTIGATION', 'REFERRED',    'UNDER_VERIFICATION',  'OPEN', 24 * (40 + h % 60)),
  (14, k >= 30 AND k < 33,            'CLEARED',             'UNDER_VERIFICATION',  'CLEARED',             'CLEARED', 24 * (1 + h % 5)),
  (15, k >= 40 AND k < 90,            'VIOLATION_CONFIRMED', 'UNDER_VERIFICATION',  'VIOLATION_CONFIRMED', NULL, 24 * (1 + h % 12)),
  (16, k >= 40 AND k < 90,            'VIOLATION_RECORDED',  'VIOLATION_CONFIRMED', 'VIOLATION_RECORDED',  NULL, 2 + h % 30),
  (17, k >= 40 AND k < 90,            'SANCTION_PROPOSED',   'VIOLATION_RECORDED',  'SANCTION_PROPOSED',   NULL, 24 * (1 + h % 3)),
  (18, k >= 40 AND k < 45,            'NO_SANCTION_DECIDED', 'SANCTION_PROPOSED',   'NO_SANCTION',         'NO_SANCTION', 24 * (1 + h % 6)),
  (19, k >= 45 AND k < 90,            'SANCTION_DECIDED',    'SANCTION_PROPOSED',   'DECIDED',             NULL, 24 * (1 + h % 6)),
  (20, k >= 45 AND k < 90,            'DECISION_SERVED',     'DECIDED',             'DECISION_SERVED',     NULL, 24 * (h % 3) + 5),
  (21, k >= 45 AND k < 75,            'PAYMENT_RECORDED',    'DECISION_SERVED',     'PAID',                'PAID', 24 * (1 + h % 9)),
  (22, k >= 75 AND k < 85,            'PAYMENT_RECORDED',    'DECISION_SERVED',     'DECISION_SERVED',     NULL, 24 * (1 + h % 9)),
  (23, k >= 75 AND k < 90,            'DEADLINE_ESCALATED',  'PAYMENT',             '1',                   NULL, 24 * 10),
  (24, k >= 75 AND k < 85,            'PAYMENT_RECORDED',    'DECISION_SERVED',     'PAID',                'PAID', 24 * (5 + h % 50)),
  (25, k >= 85 AND k < 90,            'ENFORCEMENT_STARTED', 'DECISION_SERVED',     'ENFORCEMENT',         NULL, 24 * (3 + h % 20)),
  (26, k >= 85 AND k < 90,            'ENFORCEMENT_RECORDED','ENFORCEMENT',         'ENFORCEMENT',         'ENFORCED', 24 * (10 + h % 30)),
  (27, k < 33 OR (k >= 40 AND k < 90), 'CLOSED',               NULL,                  'CLOSED',              NULL, 24 * (1 + h % 4))
) AS st(ord, takes, type, a, b, outcome, hours)`;

/**
 * Fills the temporary table "rpt_events" with cases from..to (inclusive) and their events. A
 * stopped case (one in eight) keeps its first `stop` steps only, as does the log at DATA_UNTIL.
 */
const chunkSql = `
  CREATE TEMP TABLE rpt_events ON COMMIT DROP AS
  WITH g AS (
    SELECT i,
           (${weighted(PROVINCE_WEIGHTS)})[1 + ${pick(7919, weight(PROVINCE_WEIGHTS))}] AS province,
           (${weighted(CATEGORY_WEIGHTS)})[1 + ${pick(104729, weight(CATEGORY_WEIGHTS))}] AS category,
           'SYN' || (1 + ${pick(31, CARRIERS.length)}) AS carrier,
           ${pick(1299709, 100)} AS k, ${pick(15485863, 1000)} AS h, ${pick(2750159, 100)} AS esc,
           ${pick(49979687, NAMED_POINTS)} AS point, ${pick(86028121, 8)} = 0 AS stopped, 2 + ${pick(104395301, 12)} AS stop,
           ${pick(32452843, 200)} < 1 AS kt1,
           -- detected over 2024 and 2025 (VN), at any hour
           TIMESTAMP '2023-12-31 17:00:00' + interval '731 days' * (${pick(179424673, 10_000_000)} / 10000000.0) AS detected,
           500000 * (1 + ${pick(373587883, 60)})::bigint AS fine
      FROM generate_series($1::int, $2::int) i
  ), c AS (
    SELECT g.*, g.carrier || '-' || g.province || '-' || g.point AS service_point,
           g.carrier = 'SYN8' OR (g.carrier = 'SYN7' AND g.detected >= TIMESTAMP '2024-12-31 17:00:00') AS licence_finding
      FROM g
  ), steps AS (
    SELECT c.*, st.ord, st.type, st.a, st.b, st.outcome,
           c.detected + interval '1 hour' * (sum(st.hours) OVER (PARTITION BY c.i ORDER BY st.ord))::float8 AS at
      FROM c CROSS JOIN LATERAL ${STEPS} WHERE st.takes
  ), kept AS (
    SELECT steps.*, row_number() OVER (PARTITION BY i ORDER BY ord)::int AS seq,
           lag(b) OVER (PARTITION BY i, (b IS NOT NULL AND type <> 'DEADLINE_ESCALATED') ORDER BY ord) AS prev_status
      FROM steps WHERE at < ${DATA_UNTIL}
  )
  SELECT i, seq, ord, type, at, province, category, carrier, service_point, kt1, detected, fine, k,
         CASE
           WHEN type = 'DETECTED' THEN jsonb_build_object('detection', jsonb_build_object('carrierId', carrier, 'servicePoint', service_point))
           WHEN type = 'LICENCE_FINDING' THEN jsonb_build_object('finding', jsonb_build_object('carrierId', carrier))
           WHEN type = 'DEADLINE_ESCALATED' THEN jsonb_build_object('clock', a, 'level', b::int, 'target', 'LEAD_AGENCY', 'recipients', '[]'::jsonb)
           ELSE jsonb_build_object(
             'action', jsonb_build_object('kind', type) || CASE
               WHEN type = 'PAYMENT_RECORDED' AND b = 'PAID' AND ord = 24 THEN jsonb_build_object('amountVnd', fine - fine / 2)
               WHEN type = 'PAYMENT_RECORDED' AND b = 'PAID' THEN jsonb_build_object('amountVnd', fine)
               WHEN type = 'PAYMENT_RECORDED' THEN jsonb_build_object('amountVnd', fine / 2)
               WHEN type = 'ENFORCEMENT_RECORDED' THEN jsonb_build_object('collectedVnd', fine)
               ELSE '{}'::jsonb END,
             'from', COALESCE(a, prev_status), 'to', b,
             'changes', jsonb_build_object('status', jsonb_build_object('old', COALESCE(a, prev_status), 'new', b))
               || CASE WHEN outcome IS NOT NULL THEN jsonb_build_object('outcome', jsonb_build_object('new', NULLIF(outcome, 'OPEN'))) ELSE '{}'::jsonb END
               || CASE WHEN b IN ('REFERRED', 'EXPIRED', 'CLOSED') OR type = 'RETURNED_FROM_INVESTIGATION'
                       THEN jsonb_build_object('closedAt', jsonb_build_object('new', CASE WHEN b <> 'UNDER_VERIFICATION' THEN to_jsonb(at AT TIME ZONE 'UTC') END))
                       ELSE '{}'::jsonb END
               || CASE type
                    WHEN 'SANCTION_DECIDED' THEN jsonb_build_object('fine', jsonb_build_object('new', jsonb_build_object('amountVnd', fine)))
                    WHEN 'DECISION_SERVED' THEN jsonb_build_object('fine', jsonb_build_object('new', jsonb_build_object(
                      'amountVnd', fine, 'dueAt', to_jsonb((at + interval '10 days') AT TIME ZONE 'UTC'))))
                    ELSE '{}'::jsonb END)
         END AS payload
    FROM kept WHERE NOT stopped OR seq <= stop`;

const insertCasesSql = `
  INSERT INTO "Case" (id, number, "carrierId", "carrierRef", "trackingNumber", "servicePoint", "provinceCode", "categoryCode",
                      stage, status, "leadAgencyId", "agencyIds", kt1, outcome, "detectedAt", "closedAt", "fineVnd", "lastSeq", "updatedAt")
  SELECT 'case-RPT-' || i, province || '-' || extract(year FROM detected)::int || '-R' || lpad(i::text, 7, '0'),
         carrier, 'R' || i, 'RR' || lpad(i::text, 9, '0') || 'VN', service_point, province, category,
         (ARRAY['ACCEPTANCE','SORTING','DELIVERY'])[1 + i % 3],
         COALESCE((array_agg(payload->>'to' ORDER BY seq DESC) FILTER (WHERE payload ? 'to'))[1], 'DETECTED'),
         province || '-DEPT', ARRAY[province || '-DEPT'], kt1,
         (array_agg(payload->'changes'->'outcome'->>'new' ORDER BY seq DESC) FILTER (WHERE payload->'changes' ? 'outcome'))[1],
         detected, max(at) FILTER (WHERE type IN ('CLOSED', 'EXPIRED', 'REFERRED')),
         max(fine) FILTER (WHERE type = 'SANCTION_DECIDED'), max(seq), now()
    FROM rpt_events GROUP BY i, province, category, carrier, service_point, kt1, detected`;

const insertEventsSql = `
  INSERT INTO "CaseEvent" ("caseId", seq, type, "actorId", "actorRole", "actorAgencyId", at, payload, "prevHash", hash)
  SELECT 'case-RPT-' || i, seq, type, CASE WHEN ord IN (1, 4) THEN carrier END,
         CASE WHEN type IN ('LICENCE_FINDING', 'DEADLINE_ESCALATED', 'EXPIRED') THEN 'system' WHEN ord IN (1, 4) THEN 'carrier' ELSE 'officer' END,
         CASE WHEN ord > 4 THEN province || '-DEPT' END, at, payload, md5(i || ':' || (seq - 1)), md5(i || ':' || seq)
    FROM rpt_events`;

/** Cases from..to and their events, in one transaction. */
async function insertChunk(sql: pg.Pool, from: number, to: number): Promise<number> {
  const client = await sql.connect();
  try {
    await client.query('BEGIN');
    await client.query(chunkSql, [from, to]);
    await client.query(insertCasesSql);
    const { rowCount } = await client.query(insertEventsSql);
    await client.query('COMMIT');
    return rowCount ?? 0;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

/** `count` cases with their events in chunks, then ANALYZE; returns the number of events. */
export async function loadReportCases(sql: pg.Pool, count: number, progress: (cases: number, events: number) => void): Promise<number> {
  await loadReportRegistry(sql);
  const chunk = 50_000;
  let events = 0;
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    events += await insertChunk(sql, from, to);
    progress(to, events);
  }
  await sql.query('ANALYZE "Case", "CaseEvent", "ServicePoint", "PledgeCoverage", "Pledge", "CarrierLicence"');
  return events;
}
