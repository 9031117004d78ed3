/**
 * Synthetic cases loaded directly in SQL (generate_series, not through workflows), for the
 * benchmarks that need a national year's worth of rows: 34 provinces (the 3 seeded ones and
 * 31 synthetic ones with their four agencies each), eight carriers, categories weighted
 * towards counterfeit and smuggled goods, three quarters of the cases closed, the open ones
 * recent, some overdue. Values come from hashes of the row number, so every load is the same.
 */
import type pg from 'pg';

export const SYNTHETIC_PROVINCES = Array.from(
  { length: 31 },
  (_, i) => `${String.fromCharCode(81 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`,
);
export const PROVINCE_WEIGHTS: [string, number][] = [
  ['HCM', 8],
  ['HN', 6],
  ['TH', 3],
  ...SYNTHETIC_PROVINCES.map((p) => [p, 1] as [string, number]),
];
export const CATEGORY_WEIGHTS: [string, number][] = [
  ['COUNTERFEIT', 6],
  ['SMUGGLED', 4],
  ['BANNED_TRADE', 2],
  ['DANGEROUS_GOODS', 2],
  ['OTHER', 2],
  ['NARCOTICS', 1],
  ['IMMORAL_CULTURE', 1],
  ['CURRENCY', 1],
  ['IMPORT_EXPORT_BANNED', 1],
  ['WEAPONS', 1],
  ['LIVE_ORGANISMS', 1],
];
// open statuses are a quarter of the rows; REFERRED, CLOSED, EXPIRED the rest
const STATUS_WEIGHTS: [string, number][] = [
  ['NOTIFIED', 6],
  ['ACKNOWLEDGED', 4],
  ['UNDER_VERIFICATION', 5],
  ['VIOLATION_CONFIRMED', 2],
  ['VIOLATION_RECORDED', 2],
  ['SANCTION_PROPOSED', 2],
  ['DECIDED', 1],
  ['DECISION_SERVED', 2],
  ['ENFORCEMENT', 1],
  ['REFERRED', 3],
  ['EXPIRED', 2],
  ['CLOSED', 70],
];
export const CARRIERS = Array.from({ length: 8 }, (_, i) => `SYN${i + 1}`);

/** SQL: an array holding each value as many times as its weight, to index with `pick`. */
export const weighted = (w: [string, number][]) => `ARRAY[${w.flatMap(([v, n]) => Array<string>(n).fill(`'${v}'`)).join(',')}]`;
export const weight = (w: [string, number][]) => w.reduce((s, [, n]) => s + n, 0);
/** A pseudo-random integer in [0, n) from the row number and a salt. */
export const pick = (salt: number, n: number) => `(abs(hashint8(i::bigint * ${salt} + ${salt})) % ${n})::int`;

/** Provinces, their agencies and the carriers the synthetic cases refer to. */
export async function loadSyntheticReference(sql: pg.Pool): Promise<void> {
  await sql.query(
    `INSERT INTO "Province" (code, name, "nameEn") SELECT c, 'Tỉnh thử tải ' || c, 'Synthetic province ' || c FROM unnest($1::text[]) c ON CONFLICT DO NOTHING`,
    [SYNTHETIC_PROVINCES],
  );
  await sql.query(
    `INSERT INTO "Agency" (id, kind, "provinceCode", name, "nameEn", "validFrom")
     SELECT c || '-' || k, k::"AgencyKind", c, k || ' ' || c, k || ' ' || c, DATE '2025-07-01'
       FROM unnest($1::text[]) c CROSS JOIN unnest(ARRAY['POLICE','QLTT','CUSTOMS','DEPT']) k ON CONFLICT DO NOTHING`,
    [SYNTHETIC_PROVINCES],
  );
  await sql.query(
    `INSERT INTO "Carrier" (id, name) SELECT c, 'Doanh nghiệp thử tải ' || c FROM unnest($1::text[]) c ON CONFLICT DO NOTHING`,
    [CARRIERS],
  );
}

/** Inserts cases numbered from..to (inclusive) in one statement. */
export async function insertSyntheticCases(sql: pg.Pool, from: number, to: number): Promise<void> {
  await sql.query(
    `WITH g AS (
       SELECT i,
              (${weighted(PROVINCE_WEIGHTS)})[1 + ${pick(7919, weight(PROVINCE_WEIGHTS))}] AS province,
              (${weighted(CATEGORY_WEIGHTS)})[1 + ${pick(104729, weight(CATEGORY_WEIGHTS))}] AS category,
              (${weighted(STATUS_WEIGHTS)})[1 + ${pick(1299709, weight(STATUS_WEIGHTS))}] AS status,
              ${pick(15485863, 1000)} AS r
         FROM generate_series($1::int, $2::int) i
     ), c AS (
       SELECT g.*, g.province || '-' || ic."primaryAgency" AS lead,
              g.status NOT IN ('REFERRED', 'CLOSED', 'EXPIRED') AS open,
              -- open cases are recent (90 days); closed ones spread over three years
              now() - (CASE WHEN g.status NOT IN ('REFERRED', 'CLOSED', 'EXPIRED') THEN interval '90 days' ELSE interval '1095 days' END)
                      * (${pick(32452843, 100000)} / 100000.0) AS detected
         FROM g JOIN "ItemCategory" ic ON ic.code = g.category
     )
     INSERT INTO "Case" (id, number, "carrierId", "carrierRef", "trackingNumber", "servicePoint", "provinceCode", "categoryCode",
                         stage, status, "leadAgencyId", "agencyIds", "crossBorder", kt1, "signsOfCrime", overdue, "nextDeadlineAt",
                         outcome, "detectedAt", "closedAt", "lastSeq", "updatedAt")
     SELECT 'case-SYN-' || i,
            province || '-' || extract(year FROM detected)::int || '-S' || lpad(i::text, 7, '0'),
            'SYN' || (1 + i % 8), 'R' || i, 'EE' || lpad(i::text, 9, '0') || 'VN', 'Bưu cục ' || province || '-' || (i % 40),
            province, category, (ARRAY['ACCEPTANCE','SORTING','DELIVERY'])[1 + i % 3], status, lead,
            CASE WHEN lead = province || '-DEPT' THEN ARRAY[lead]
                 WHEN r < 50 AND lead <> province || '-POLICE' THEN ARRAY[lead, province || '-DEPT', province || '-POLICE']
                 ELSE ARRAY[lead, province || '-DEPT'] END,
            r % 7 = 0, r < 5, r < 50,
            open AND r % 100 < 15,
            CASE WHEN open THEN now() + (r % 61 - 30) * interval '1 day' END,
            CASE status WHEN 'CLOSED' THEN 'PAID' WHEN 'EXPIRED' THEN 'EXPIRED' WHEN 'REFERRED' THEN 'REFERRED' END,
            detected, CASE WHEN NOT open THEN detected + interval '30 days' END, 3, now()
       FROM c`,
    [from, to],
  );
}

/** `count` cases in chunks, then ANALYZE; calls `progress` after each chunk. */
export async function loadSyntheticCases(sql: pg.Pool, count: number, progress: (done: number) => void): Promise<void> {
  await loadSyntheticReference(sql);
  const chunk = 100_000;
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    await insertSyntheticCases(sql, from, to);
    progress(to);
  }
  await sql.query('ANALYZE "Case"');
}
