/**
 * Generating and storing reports (issue 15). A report is computed in one read-only, repeatable-
 * read transaction (both periods and the reference-data version see the same data), checked by
 * the SHA-256 of its canonical content, and stored once per parameters and checksum: the same
 * request on the same data finds the report already there. The API, the CLI and the report
 * workflow's activities all come through here.
 */
import { createHash } from 'node:crypto';
import { createDb, type Db, type Tx } from './client.js';
import type { Report as ReportRow } from './generated/client.js';
import { Prisma } from './generated/client.js';
import { periodFigures, referenceVersion } from './report-queries.js';
import { dueRuleJson } from './registry-admin.js';
import { canonicalJson } from '../platform/canonical-json.js';
import type { RuleViolation } from '../domain/reference-rules.js';
import {
  buildReportContent,
  TABLES,
  type PeriodFigures,
  type ReportContent,
  type ReportNames,
  type RowKind,
} from '../domain/report-content.js';
import type { GeneratedReport, GenerateReportInput, ReportTrigger } from '../domain/report-runs.js';
import {
  dueDateOf,
  periodBounds,
  periodDates,
  periodViolations,
  previousPeriod,
  reportAsOf,
  reportKey,
  type Kt1Mode,
  type ReportDueRule,
  type ReportRequest,
  type ReportScope,
} from '../domain/report-period.js';

export type { GeneratedReport, GenerateReportInput, ReportTrigger };

/** A stored report, as the API returns it. */
export interface StoredReport {
  id: string;
  key: string;
  checksum: string;
  referenceVersion: number;
  generatedAt: string;
  trigger: ReportTrigger;
  requestedBy: string;
  content: ReportContent;
  names: ReportNames;
}

/** A request no data can answer: the API makes it a 422 (or 404 for an unknown province). */
export class ReportRequestError extends Error {
  override readonly name = 'ReportRequestError';
  constructor(
    message: string,
    readonly violations: readonly RuleViolation[],
  ) {
    super(message);
  }
}

/** A report's statements may take minutes on a large year (docs/benchmarks.md, reports): the transaction's time, not a request's. */
export const REPORT_TIMEOUT_MS = 10 * 60_000;

/** The database client report generation runs on: few connections, statements bounded by REPORT_TIMEOUT_MS. */
export const createReportDb = (databaseUrl: string): Db => createDb(databaseUrl, { max: 2, statementMs: REPORT_TIMEOUT_MS });

/** SHA-256 of the content's canonical JSON (keys sorted at every level). */
export const reportChecksum = (content: ReportContent): string => createHash('sha256').update(canonicalJson(content)).digest('hex');

/** Deterministic: the same parameters and checksum are the same report. */
const reportId = (key: string, checksum: string) => `rpt_${createHash('sha256').update(`${key}\n${checksum}`).digest('hex').slice(0, 24)}`;

const day = (d: string) => new Date(`${d}T00:00:00.000Z`);

async function requireAnswerable(db: Db, r: ReportRequest): Promise<void> {
  const violations = periodViolations(r.period);
  if (violations.length)
    throw new ReportRequestError(
      `The period cannot be reported: ${violations.map((v) => `${v.field} ${v.message}`).join('; ')}.`,
      violations,
    );
  if (r.scope.kind === 'PROVINCE' && !(await db.province.findUnique({ where: { code: r.scope.provinceCode }, select: { code: true } })))
    throw new ReportRequestError(`No province ${r.scope.provinceCode}.`, [
      { field: 'scope.provinceCode', message: 'not in the reference data' },
    ]);
}

const keysOf = (content: ReportContent, kind: RowKind): string[] => [
  ...new Set(content.tables.filter((t) => TABLES[t.id].rows === kind).flatMap((t) => t.rows.map((r) => r.key))),
];

async function namesOf(tx: Tx, content: ReportContent): Promise<ReportNames> {
  const [categories, carriers, provinces] = await Promise.all([
    tx.itemCategory.findMany({ where: { code: { in: keysOf(content, 'category') } } }),
    tx.carrier.findMany({ where: { id: { in: keysOf(content, 'carrier') } } }),
    tx.province.findMany({ where: { code: { in: keysOf(content, 'province') } } }),
  ]);
  return {
    category: Object.fromEntries(categories.map((c) => [c.code, { vi: c.labelVi, en: c.labelEn }])),
    carrier: Object.fromEntries(carriers.map((c) => [c.id, { vi: c.name, en: c.name }])),
    province: Object.fromEntries(provinces.map((p) => [p.code, { vi: p.name, en: p.nameEn || p.name }])),
  };
}

/** When the reports of each period kind are due (the reporting regime's dates, held as data). */
export const reportDueRules = async (db: Db | Tx): Promise<ReportDueRule[]> => (await db.reportDueDate.findMany()).map(dueRuleJson);

/** The aggregates of a request's period, standing at `asOf`, and of the period it compares with, at that one's end. */
async function periodsOf(tx: Tx, request: ReportRequest, asOf: Date): Promise<[PeriodFigures, PeriodFigures]> {
  const provinceCode = request.scope.kind === 'PROVINCE' ? request.scope.provinceCode : null;
  const previous = periodBounds(previousPeriod(request.period));
  const cur = await periodFigures(tx, { startsAt: periodBounds(request.period).startsAt, asOf, provinceCode, kt1: request.kt1 });
  const prev = await periodFigures(tx, { startsAt: previous.startsAt, asOf: previous.endsAt, provinceCode, kt1: request.kt1 });
  return [cur, prev];
}

/** The same two periods' aggregates in a transaction of their own, as generateReport reads them (to check a stored report). */
export const reportFigures = (db: Db, request: ReportRequest, asOf: Date): Promise<[PeriodFigures, PeriodFigures]> =>
  db.$transaction((tx) => periodsOf(tx, request, asOf), { isolationLevel: 'RepeatableRead', maxWait: 10_000, timeout: REPORT_TIMEOUT_MS });

/** Computes a report in PostgreSQL and stores it unless the same report is already stored. */
export async function generateReport(db: Db, input: GenerateReportInput): Promise<GeneratedReport> {
  const { request } = input;
  await requireAnswerable(db, request);
  const at = reportAsOf(request.period, new Date(input.at));
  const provinceCode = request.scope.kind === 'PROVINCE' ? request.scope.provinceCode : null;
  const computed = await db.$transaction(
    async (tx) => {
      const version = await referenceVersion(tx);
      const [cur, prev] = await periodsOf(tx, request, at.asOf);
      const due = dueDateOf(request.period, await reportDueRules(tx));
      const content = buildReportContent(request, at, due, cur, prev);
      return { version, content, names: await namesOf(tx, content) };
    },
    { isolationLevel: 'RepeatableRead', maxWait: 10_000, timeout: REPORT_TIMEOUT_MS },
  );
  const key = reportKey(request);
  const checksum = reportChecksum(computed.content);
  const id = reportId(key, checksum);
  const { from, to } = periodDates(request.period);
  const { count } = await db.report.createMany({
    data: [
      {
        id,
        key,
        scope: request.scope.kind,
        provinceCode,
        periodKind: request.period.kind,
        periodFrom: day(from),
        periodTo: day(to),
        kt1: request.kt1,
        asOf: at.asOf,
        asOfNow: at.asOfNow,
        referenceVersion: computed.version,
        checksum,
        content: computed.content as unknown as Prisma.InputJsonValue,
        names: computed.names as unknown as Prisma.InputJsonValue,
        trigger: input.trigger,
        requestedBy: input.requestedBy,
      },
    ],
    skipDuplicates: true,
  });
  return { id, key, kt1: request.kt1, checksum, asOf: at.asOf.toISOString(), asOfNow: at.asOfNow, created: count === 1 };
}

export const storedReport = (r: ReportRow): StoredReport => ({
  id: r.id,
  key: r.key,
  checksum: r.checksum,
  referenceVersion: Number(r.referenceVersion),
  generatedAt: r.generatedAt.toISOString(),
  trigger: r.trigger as ReportTrigger,
  requestedBy: r.requestedBy,
  content: r.content as unknown as ReportContent,
  names: r.names as unknown as ReportNames,
});

export async function getReport(db: Db, id: string): Promise<StoredReport | null> {
  const row = await db.report.findUnique({ where: { id } });
  return row && storedReport(row);
}

/** Stored reports, newest first; the API narrows `provinceCodes` and `kt1` to what its caller may read. */
export async function listReports(
  db: Db,
  q: { key?: string; national?: boolean; provinceCodes?: string[]; kt1?: Kt1Mode[]; periodKind?: string; limit: number },
): Promise<StoredReport[]> {
  const rows = await db.report.findMany({
    where: {
      ...(q.key ? { key: q.key } : {}),
      ...(q.national !== undefined ? { scope: q.national ? 'NATIONAL' : 'PROVINCE' } : {}),
      ...(q.provinceCodes ? { provinceCode: { in: q.provinceCodes } } : {}),
      ...(q.kt1 ? { kt1: { in: q.kt1 } } : {}),
      ...(q.periodKind ? { periodKind: q.periodKind } : {}),
    },
    orderBy: [{ generatedAt: 'desc' }, { id: 'asc' }],
    take: q.limit,
  });
  return rows.map(storedReport);
}

/** The scopes reported on schedule: national, and every province valid on `now`. */
export async function reportScopes(db: Db, now = new Date()): Promise<ReportScope[]> {
  const provinces = await db.province.findMany({
    where: { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
    orderBy: { code: 'asc' },
  });
  return [{ kind: 'NATIONAL' }, ...provinces.map((p) => ({ kind: 'PROVINCE' as const, provinceCode: p.code }))];
}
