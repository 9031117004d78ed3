/**
 * The managers' dashboard as figures (issue 16): open cases by status and by lead agency, overdue
 * by lead agency, deadline compliance and sanctions by month of detection. Pure: the stored cases
 * come in, the counts go out, each with what the console needs to list the cases behind it.
 */
import { vnDate } from './calendar.js';
import { isClosed, type CaseStatus } from './case-states.js';

/** The part of a stored case the dashboard counts. */
export interface DashboardCase {
  status: CaseStatus;
  leadAgencyId: string | null;
  overdue: boolean;
  detectedAt: Date;
  /** Some deadline of the case was ever missed (a DEADLINE_ESCALATED event). */
  escalated: boolean;
  fineVnd: number | null;
  paidVnd: number;
}

export interface MonthFigures {
  /** yyyy-MM in Asia/Ho_Chi_Minh. */
  month: string;
  cases: number;
  /** Cases that missed no deadline so far. */
  onTime: number;
  sanctions: number;
  imposedVnd: number;
  collectedVnd: number;
}

export interface DashboardFigures {
  openByStatus: { status: CaseStatus; count: number }[];
  openByAgency: { agencyId: string | null; count: number }[];
  overdueByAgency: { agencyId: string | null; count: number }[];
  months: MonthFigures[];
}

const monthOf = (d: Date) => vnDate(d).slice(0, 7);

/** The `n` months up to the one `now` is in, oldest first. */
export function lastMonths(now: Date, n: number): string[] {
  const [y, m] = monthOf(now).split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

function countBy<K>(items: DashboardCase[], key: (c: DashboardCase) => K): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const c of items) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  return [...counts]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
}

/** The figures of the cases given, with months counted back from `now`. */
export function dashboardFigures(cases: DashboardCase[], now: Date, monthCount = 12): DashboardFigures {
  const open = cases.filter((c) => !isClosed(c.status));
  const months = lastMonths(now, monthCount).map((month) => {
    const of = cases.filter((c) => monthOf(c.detectedAt) === month);
    const sanctioned = of.filter((c) => c.fineVnd !== null);
    return {
      month,
      cases: of.length,
      onTime: of.filter((c) => !c.escalated).length,
      sanctions: sanctioned.length,
      imposedVnd: sanctioned.reduce((s, c) => s + c.fineVnd!, 0),
      collectedVnd: of.reduce((s, c) => s + c.paidVnd, 0),
    };
  });
  return {
    openByStatus: countBy(open, (c) => c.status).map(({ key, count }) => ({ status: key, count })),
    openByAgency: countBy(open, (c) => c.leadAgencyId).map(({ key, count }) => ({ agencyId: key, count })),
    overdueByAgency: countBy(
      open.filter((c) => c.overdue),
      (c) => c.leadAgencyId,
    ).map(({ key, count }) => ({ agencyId: key, count })),
    months,
  };
}

/** The instants a month of Asia/Ho_Chi_Minh starts and ends at (for listing its cases). */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = (yy: number, mm: number) => new Date(Date.UTC(yy, mm - 1, 1) - 7 * 3_600_000).toISOString();
  return { from: start(y, m), to: m === 12 ? start(y + 1, 1) : start(y, m + 1) };
}
