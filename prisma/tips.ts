/**
 * Tips from other bodies (Thanh Hóa directive §5(b), §6): recorded once per Idempotency-Key,
 * read within the caller's scope (domain/access.ts tipScope), with the cases opened from them.
 */
import type { Db } from './client.js';
import type { Prisma } from './generated/client.js';
import type { TipScope } from '../domain/access.js';

export interface NewTip {
  id: string;
  agencyId: string;
  provinceCode: string;
  source: string;
  /** Sealed by the API (api/http/sealed-text.ts). */
  content: Uint8Array;
  recordedBy: string;
}

const withCases = { cases: { select: { id: true, number: true, origin: true }, orderBy: { detectedAt: 'asc' } } } as const;
export type TipRow = Prisma.TipGetPayload<{ include: typeof withCases }>;

/** Records the tip once: a retry with the same id finds the first. */
export async function recordTip(db: Db, t: NewTip): Promise<TipRow> {
  await db.tip.createMany({ data: [{ ...t, content: Buffer.from(t.content) }], skipDuplicates: true });
  return db.tip.findUniqueOrThrow({ where: { id: t.id }, include: withCases });
}

const whereIn = (scope: TipScope): Prisma.TipWhereInput =>
  scope.kind === 'agency' ? { agencyId: scope.agencyId } : scope.kind === 'province' ? { provinceCode: scope.provinceCode } : {};

/** The tips in scope, newest first; `before` is the last id of the previous page. */
export async function tipsIn(db: Db, scope: TipScope, limit: number, before?: { recordedAt: Date; id: string }): Promise<TipRow[]> {
  const after: Prisma.TipWhereInput = before
    ? { OR: [{ recordedAt: { lt: before.recordedAt } }, { recordedAt: before.recordedAt, id: { lt: before.id } }] }
    : {};
  return db.tip.findMany({
    where: { AND: [whereIn(scope), after] },
    orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    include: withCases,
  });
}

/** One tip if it is in scope. */
export function tipInScope(db: Db, scope: TipScope, id: string): Promise<TipRow | null> {
  return db.tip.findFirst({ where: { AND: [whereIn(scope), { id }] }, include: withCases });
}
