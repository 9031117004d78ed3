/** Pages of the cases an actor may see, filtered and sorted, with keyset cursors. */
import type { Db } from '../client.js';
import type { Prisma } from '../generated/client.js';
import type { Actor } from '../../domain/access.js';
import { CLOSED_STATUSES, type CaseStatus } from '../../domain/case-states.js';
import type { ClockId } from '../../domain/clocks.js';
import type { CaseRow } from './rows.js';
import { visibleCasesWhere } from './visibility.js';

export interface CaseListFilter {
  status?: CaseStatus;
  province?: string;
  category?: string;
  leadAgency?: string;
  carrier?: string;
  overdue?: boolean;
  /** true: only cases not yet closed. */
  open?: boolean;
  /** Only cases where this clock is running. */
  clock?: ClockId;
  /** Only cases assigned to this principal. */
  assigneeId?: string;
  /** ISO instants: detected at or after `detectedFrom`, before `detectedTo`. */
  detectedFrom?: string;
  detectedTo?: string;
  /** Prefix of the tracking number or the case number. */
  q?: string;
}

export type CaseSortField = 'detectedAt' | 'nextDeadlineAt' | 'number';

/** Where the previous page ended: the sort value of its last row (ISO instant or case number), and its id to break ties. */
export interface CaseCursor {
  v: string | null;
  id: string;
}

export interface CasePageRequest {
  field: CaseSortField;
  desc: boolean;
  after: CaseCursor | null;
  limit: number;
}

/** Rows after the cursor in (field asc|desc nulls last, id asc) order. */
function after(field: CaseSortField, desc: boolean, c: CaseCursor): Prisma.CaseWhereInput {
  if (c.v === null) return { [field]: null, id: { gt: c.id } };
  const v = field === 'number' ? c.v : new Date(c.v);
  return {
    OR: [
      { [field]: desc ? { lt: v } : { gt: v } },
      { [field]: v, id: { gt: c.id } },
      ...(field === 'nextDeadlineAt' ? [{ nextDeadlineAt: null }] : []),
    ],
  };
}

/** A text as a literal for Prisma's startsWith, which passes it to LIKE: `%`, `_` and the backslash match only themselves. */
export const literalPrefix = (s: string): string => s.replace(/[\\%_]/g, '\\$&');

function filterWhere(f: CaseListFilter): Prisma.CaseWhereInput[] {
  return [
    ...(f.status ? [{ status: f.status }] : []),
    ...(f.province ? [{ provinceCode: f.province }] : []),
    ...(f.category ? [{ categoryCode: f.category }] : []),
    ...(f.leadAgency ? [{ leadAgencyId: f.leadAgency }] : []),
    ...(f.carrier ? [{ carrierId: f.carrier }] : []),
    ...(f.overdue !== undefined ? [{ overdue: f.overdue }] : []),
    ...(f.open === true ? [{ status: { notIn: [...CLOSED_STATUSES] } }] : []),
    ...(f.open === false ? [{ status: { in: [...CLOSED_STATUSES] } }] : []),
    ...(f.clock ? [{ deadlines: { array_contains: [{ clock: f.clock }] } }] : []),
    ...(f.assigneeId ? [{ assigneeId: f.assigneeId }] : []),
    ...(f.detectedFrom ? [{ detectedAt: { gte: new Date(f.detectedFrom) } }] : []),
    ...(f.detectedTo ? [{ detectedAt: { lt: new Date(f.detectedTo) } }] : []),
    ...(f.q ? [{ OR: [{ trackingNumber: { startsWith: literalPrefix(f.q) } }, { number: { startsWith: literalPrefix(f.q) } }] }] : []),
  ];
}

/** One page of the cases the actor may see; `next` is the cursor of the page after it, null on the last. */
export async function visibleCasePage(
  db: Db,
  actor: Actor,
  filter: CaseListFilter,
  page: CasePageRequest,
): Promise<{ rows: CaseRow[]; next: CaseCursor | null }> {
  const { field, desc, limit } = page;
  const rows = await db.case.findMany({
    where: { AND: [visibleCasesWhere(actor), ...filterWhere(filter), ...(page.after ? [after(field, desc, page.after)] : [])] },
    // only nextDeadlineAt is nullable; Prisma accepts `nulls` on nullable columns alone
    orderBy: [
      { [field]: field === 'nextDeadlineAt' ? { sort: desc ? 'desc' : 'asc', nulls: 'last' } : desc ? 'desc' : 'asc' },
      { id: 'asc' },
    ],
    take: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  if (rows.length <= limit || !last) return { rows: items, next: null };
  const v = last[field];
  return { rows: items, next: { v: v instanceof Date ? v.toISOString() : v, id: last.id } };
}
