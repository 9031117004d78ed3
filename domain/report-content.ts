/**
 * The content of a report (schema `postwatch.report/1`): its parameters, the two periods, and
 * tables whose every figure stands beside the previous period's with the change. Built here from
 * the aggregates PostgreSQL computes for each period (prisma/report-queries.ts); codes only, no
 * labels, so the checksum certifies figures and nothing a translation could change.
 */
import type { IsoDate } from './calendar.js';
import type { IsoInstant } from './case-view.js';
import { periodBounds, periodDates, previousPeriod, reportKey, type ReportPeriod, type ReportRequest } from './report-period.js';
import { REPORT_CLOCKS, REPORT_OUTCOMES, REPORT_STAGES, SERVICE_POINT_CLASSES } from './report-steps.js';

export const REPORT_SCHEMA = 'postwatch.report/1';

/** One figure: this period's value, the previous period's, and the change (null: not applicable). */
export interface Figure {
  value: number | null;
  previous: number | null;
  change: number | null;
}

/** A row: a code (a category, a clock, an indicator…) and its figures by metric. */
export interface ReportRow {
  key: string;
  figures: Record<string, Figure>;
}

/** The tables of a report, in the order they are printed. */
export const TABLE_IDS = [
  'casesByCategory',
  'casesByCarrier',
  'casesByServicePoint',
  'casesByStage',
  'casesByProvince',
  'casesByOutcome',
  'holds',
  'referrals',
  'sanctions',
  'deadlines',
  'licenceFindings',
  'pledgeCoverage',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** What the rows of a table are: codes of reference data (labelled from `names`) or fixed codes. */
export type RowKind = 'category' | 'carrier' | 'province' | 'servicePointClass' | 'stage' | 'outcome' | 'indicator' | 'clock';

/** The metrics (columns) of the tables. */
export type ReportMetric =
  | 'detected'
  | 'value'
  | 'cases'
  | 'met'
  | 'missed'
  | 'escalations'
  | 'medianSeconds'
  | 'p90Seconds'
  | 'registeredPoints'
  | 'coveredPoints'
  | 'coveragePercent'
  | 'pledgesSigned';

/** How a table reads: its rows, its metrics (columns), and whether its rows add up to a total. */
export interface TableSpec {
  id: TableId;
  rows: RowKind;
  metrics: readonly ReportMetric[];
  totals: boolean;
}

export const TABLES: Readonly<Record<TableId, TableSpec>> = {
  casesByCategory: { id: 'casesByCategory', rows: 'category', metrics: ['detected'], totals: true },
  casesByCarrier: { id: 'casesByCarrier', rows: 'carrier', metrics: ['detected'], totals: true },
  casesByServicePoint: { id: 'casesByServicePoint', rows: 'servicePointClass', metrics: ['detected'], totals: false }, // classes overlap
  casesByStage: { id: 'casesByStage', rows: 'stage', metrics: ['detected'], totals: true },
  casesByProvince: { id: 'casesByProvince', rows: 'province', metrics: ['detected'], totals: true },
  casesByOutcome: { id: 'casesByOutcome', rows: 'outcome', metrics: ['detected'], totals: true },
  holds: { id: 'holds', rows: 'indicator', metrics: ['value'], totals: false },
  referrals: { id: 'referrals', rows: 'indicator', metrics: ['value'], totals: false },
  sanctions: { id: 'sanctions', rows: 'indicator', metrics: ['value'], totals: false },
  deadlines: { id: 'deadlines', rows: 'clock', metrics: ['met', 'missed', 'escalations', 'medianSeconds', 'p90Seconds'], totals: false },
  licenceFindings: { id: 'licenceFindings', rows: 'carrier', metrics: ['cases'], totals: true },
  pledgeCoverage: {
    id: 'pledgeCoverage',
    rows: 'province',
    metrics: ['registeredPoints', 'coveredPoints', 'coveragePercent', 'pledgesSigned'],
    totals: false,
  },
};

export interface ReportTable {
  id: TableId;
  rows: ReportRow[];
}

/** One period as dates (both included) and instants ([startsAt, endsAt)). */
export interface PeriodSpan {
  period: ReportPeriod;
  from: IsoDate;
  to: IsoDate;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
}

/** Everything the checksum covers. */
export interface ReportContent {
  schema: typeof REPORT_SCHEMA;
  key: string;
  request: ReportRequest;
  current: PeriodSpan;
  previous: PeriodSpan;
  /** The instant the figures stand at: the period's end, or the generation instant when `asOfNow`. */
  asOf: IsoInstant;
  /** The period had not ended: the report shows the cases as they stand now, and will change. */
  asOfNow: boolean;
  /** When the report is due (data; `verify`: the date is not yet checked against the circular in force). */
  due: { date: IsoDate; verify: boolean; legalBasis: string } | null;
  tables: ReportTable[];
}

/** Labels of the codes a report's rows use, from the reference data at generation (outside the checksum). */
export interface ReportNames {
  category: Record<string, { vi: string; en: string }>;
  carrier: Record<string, { vi: string; en: string }>;
  province: Record<string, { vi: string; en: string }>;
}

// ---- the aggregates of one period, as PostgreSQL returns them ----

export interface ClockFigures {
  /** Steps of the clock taken in the period before it was missed (null: a clock that waits for no step). */
  met: number | null;
  /** Level-1 escalations in the period: the deadline passed. */
  missed: number;
  /** Escalations of every level in the period. */
  escalations: number;
  /** Median and 90th percentile of the time the step took, whole seconds (null: no step in the period). */
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface PledgeFigures {
  registeredPoints: number;
  coveredPoints: number;
  pledgesSigned: number;
}

/** One period's aggregates: counts by code (absent codes are zero). */
export interface PeriodFigures {
  byCategory: Record<string, number>;
  byCarrier: Record<string, number>;
  byServicePoint: Record<string, number>;
  byStage: Record<string, number>;
  byProvince: Record<string, number>;
  byOutcome: Record<string, number>;
  holds: { detected: number; holdsConfirmed: number; holdsConfirmedOnTime: number };
  referrals: { referred: number; returnedFromInvestigation: number };
  sanctions: {
    decisions: number;
    noSanctionDecisions: number;
    imposedVnd: number;
    collectedVnd: number;
    outstandingVnd: number;
    lateInterestVnd: number;
  };
  clocks: Record<string, ClockFigures>;
  licenceFindings: Record<string, number>;
  pledges: Record<string, PledgeFigures>;
}

/** A period with nothing in it. */
export const emptyPeriodFigures = (): PeriodFigures => ({
  byCategory: {},
  byCarrier: {},
  byServicePoint: {},
  byStage: {},
  byProvince: {},
  byOutcome: {},
  holds: { detected: 0, holdsConfirmed: 0, holdsConfirmedOnTime: 0 },
  referrals: { referred: 0, returnedFromInvestigation: 0 },
  sanctions: { decisions: 0, noSanctionDecisions: 0, imposedVnd: 0, collectedVnd: 0, outstandingVnd: 0, lateInterestVnd: 0 },
  clocks: {},
  licenceFindings: {},
  pledges: {},
});

// ---- assembly ----

const round1 = (n: number) => Math.round(n * 10) / 10;

function figure(value: number | null, previous: number | null): Figure {
  return { value, previous, change: value === null || previous === null ? null : round1(value - previous) };
}

/** Keys of either period, or a fixed list (then every key is a row, zeros included). */
function keysOf(fixed: readonly string[] | null, ...maps: Record<string, unknown>[]): string[] {
  if (fixed) return [...fixed];
  return [...new Set(maps.flatMap((m) => Object.keys(m)))].sort();
}

function countTable(
  id: TableId,
  metric: string,
  fixed: readonly string[] | null,
  cur: Record<string, number>,
  prev: Record<string, number>,
) {
  return {
    id,
    rows: keysOf(fixed, cur, prev).map((key) => ({ key, figures: { [metric]: figure(cur[key] ?? 0, prev[key] ?? 0) } })),
  };
}

function indicatorTable<T extends Record<string, number>>(id: TableId, cur: T, prev: T): ReportTable {
  return { id, rows: Object.keys(cur).map((key) => ({ key, figures: { value: figure(cur[key]!, prev[key]!) } })) };
}

const coverage = (p: PledgeFigures | undefined): number | null =>
  p && p.registeredPoints > 0 ? round1((100 * p.coveredPoints) / p.registeredPoints) : null;

function pledgeTable(cur: PeriodFigures['pledges'], prev: PeriodFigures['pledges']): ReportTable {
  const zero: PledgeFigures = { registeredPoints: 0, coveredPoints: 0, pledgesSigned: 0 };
  return {
    id: 'pledgeCoverage',
    rows: keysOf(null, cur, prev).map((key) => {
      const c = cur[key] ?? zero;
      const p = prev[key] ?? zero;
      return {
        key,
        figures: {
          registeredPoints: figure(c.registeredPoints, p.registeredPoints),
          coveredPoints: figure(c.coveredPoints, p.coveredPoints),
          coveragePercent: figure(coverage(cur[key]), coverage(prev[key])),
          pledgesSigned: figure(c.pledgesSigned, p.pledgesSigned),
        },
      };
    }),
  };
}

function deadlineTable(cur: PeriodFigures['clocks'], prev: PeriodFigures['clocks']): ReportTable {
  const none: ClockFigures = { met: null, missed: 0, escalations: 0, medianSeconds: null, p90Seconds: null };
  return {
    id: 'deadlines',
    rows: REPORT_CLOCKS.map((key) => {
      const c = cur[key] ?? none;
      const p = prev[key] ?? none;
      return {
        key,
        figures: Object.fromEntries(
          TABLES.deadlines.metrics.map((m) => [m, figure(c[m as keyof ClockFigures], p[m as keyof ClockFigures])]),
        ),
      };
    }),
  };
}

function span(period: ReportPeriod): PeriodSpan {
  const { from, to } = periodDates(period);
  const { startsAt, endsAt } = periodBounds(period);
  return { period, from, to, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
}

/** The report's content from each period's aggregates. */
export function buildReportContent(
  request: ReportRequest,
  at: { asOf: Date; asOfNow: boolean },
  due: ReportContent['due'],
  cur: PeriodFigures,
  prev: PeriodFigures,
): ReportContent {
  return {
    schema: REPORT_SCHEMA,
    key: reportKey(request),
    request,
    current: span(request.period),
    previous: span(previousPeriod(request.period)),
    asOf: at.asOf.toISOString(),
    asOfNow: at.asOfNow,
    due,
    tables: [
      countTable('casesByCategory', 'detected', null, cur.byCategory, prev.byCategory),
      countTable('casesByCarrier', 'detected', null, cur.byCarrier, prev.byCarrier),
      countTable('casesByServicePoint', 'detected', SERVICE_POINT_CLASSES, cur.byServicePoint, prev.byServicePoint),
      countTable('casesByStage', 'detected', REPORT_STAGES, cur.byStage, prev.byStage),
      countTable('casesByProvince', 'detected', null, cur.byProvince, prev.byProvince),
      countTable('casesByOutcome', 'detected', REPORT_OUTCOMES, cur.byOutcome, prev.byOutcome),
      indicatorTable('holds', cur.holds, prev.holds),
      indicatorTable('referrals', cur.referrals, prev.referrals),
      indicatorTable('sanctions', cur.sanctions, prev.sanctions),
      deadlineTable(cur.clocks, prev.clocks),
      countTable('licenceFindings', 'cases', null, cur.licenceFindings, prev.licenceFindings),
      pledgeTable(cur.pledges, prev.pledges),
    ],
  };
}

/** A table of a report by id. */
export const tableOf = (c: ReportContent, id: TableId): ReportTable => c.tables.find((t) => t.id === id)!;
