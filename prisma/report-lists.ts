/** Pages of the stored reports a reader may read, newest first, with keyset cursors (GET /v1/reports). */
import type { Db } from './client.js';
import type { Prisma } from './generated/client.js';
import type { ReportReadership } from '../domain/report-access.js';
import type { Kt1Mode, PeriodKind, ReportPeriod, ReportScope } from '../domain/report-period.js';
import type { ReportTrigger } from '../domain/report-runs.js';

export interface ReportListFilter {
  scope?: 'NATIONAL' | 'PROVINCE';
  provinceCode?: string;
  periodKind?: PeriodKind;
  /** Reports whose period starts in this year. */
  year?: number;
  kt1?: Kt1Mode;
  asOfNow?: boolean;
}

/** Where the previous page ended: its last report's generation instant and id. */
export interface ReportCursor {
  generatedAt: string;
  id: string;
}

/** A stored report without its content: what a list shows. */
export interface ReportSummary {
  id: string;
  key: string;
  scope: ReportScope;
  period: ReportPeriod;
  from: string;
  to: string;
  kt1: Kt1Mode;
  asOf: string;
  asOfNow: boolean;
  checksum: string;
  referenceVersion: number;
  generatedAt: string;
  trigger: ReportTrigger;
}

const modes = (m: readonly Kt1Mode[]) => ({ kt1: { in: [...m] } });

/** Only the reports `r` may read: each scope with the KT1 modes the rules give for it. */
function readableWhere(r: ReportReadership): Prisma.ReportWhereInput {
  const own = r.own?.provinceCode;
  const parts: Prisma.ReportWhereInput[] = [
    ...(r.national.length ? [{ scope: 'NATIONAL', ...modes(r.national) }] : []),
    ...(r.own?.modes.length ? [{ scope: 'PROVINCE', provinceCode: r.own.provinceCode, ...modes(r.own.modes) }] : []),
    ...(r.otherProvinces.length ? [{ scope: 'PROVINCE', ...(own ? { NOT: { provinceCode: own } } : {}), ...modes(r.otherProvinces) }] : []),
  ];
  return parts.length ? { OR: parts } : { id: { in: [] } };
}

function filterWhere(f: ReportListFilter): Prisma.ReportWhereInput[] {
  return [
    ...(f.scope ? [{ scope: f.scope }] : []),
    ...(f.provinceCode ? [{ provinceCode: f.provinceCode }] : []),
    ...(f.periodKind ? [{ periodKind: f.periodKind }] : []),
    ...(f.year ? [{ periodFrom: { gte: new Date(`${f.year}-01-01`), lt: new Date(`${f.year + 1}-01-01`) } }] : []),
    ...(f.kt1 ? [{ kt1: f.kt1 }] : []),
    ...(f.asOfNow !== undefined ? [{ asOfNow: f.asOfNow }] : []),
  ];
}

/** Rows after the cursor in (generatedAt desc, id asc) order. */
const after = (c: ReportCursor): Prisma.ReportWhereInput => {
  const at = new Date(c.generatedAt);
  return { OR: [{ generatedAt: { lt: at } }, { generatedAt: at, id: { gt: c.id } }] };
};

const SUMMARY = {
  id: true,
  key: true,
  scope: true,
  provinceCode: true,
  periodKind: true,
  periodFrom: true,
  periodTo: true,
  kt1: true,
  asOf: true,
  asOfNow: true,
  checksum: true,
  referenceVersion: true,
  generatedAt: true,
  trigger: true,
} as const;

type SummaryRow = Prisma.ReportGetPayload<{ select: typeof SUMMARY }>;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function periodOf(row: SummaryRow): ReportPeriod {
  const from = isoDay(row.periodFrom);
  const to = isoDay(row.periodTo);
  if (row.periodKind === 'RANGE') return { kind: 'RANGE', from, to };
  return { kind: row.periodKind as 'H1' | 'YEAR', year: Number(from.slice(0, 4)) };
}

export const reportSummary = (row: SummaryRow): ReportSummary => ({
  id: row.id,
  key: row.key,
  scope: row.scope === 'NATIONAL' ? { kind: 'NATIONAL' } : { kind: 'PROVINCE', provinceCode: row.provinceCode! },
  period: periodOf(row),
  from: isoDay(row.periodFrom),
  to: isoDay(row.periodTo),
  kt1: row.kt1 as Kt1Mode,
  asOf: row.asOf.toISOString(),
  asOfNow: row.asOfNow,
  checksum: row.checksum,
  referenceVersion: Number(row.referenceVersion),
  generatedAt: row.generatedAt.toISOString(),
  trigger: row.trigger as ReportTrigger,
});

/** One page of the reports `readership` may read; `next` is where the following page starts, if any. */
export async function readableReportPage(
  db: Db,
  readership: ReportReadership,
  filter: ReportListFilter,
  page: { after: ReportCursor | null; limit: number },
): Promise<{ rows: ReportSummary[]; next: ReportCursor | null }> {
  const rows = await db.report.findMany({
    where: { AND: [readableWhere(readership), ...filterWhere(filter), ...(page.after ? [after(page.after)] : [])] },
    orderBy: [{ generatedAt: 'desc' }, { id: 'asc' }],
    take: page.limit + 1,
    select: SUMMARY,
  });
  const items = rows.slice(0, page.limit).map(reportSummary);
  const last = items.at(-1);
  return { rows: items, next: rows.length > page.limit && last ? { generatedAt: last.generatedAt, id: last.id } : null };
}
