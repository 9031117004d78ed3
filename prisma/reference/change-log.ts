/**
 * The change log of the reference data, and the one way a change is made: serialised per table,
 * checked, written with one append-only ReferenceChange row (who, which row, before → after) in
 * the same transaction, so two concurrent changes cannot together break a rule that each alone
 * keeps. Running cases are not touched: they keep the snapshot they opened with
 * (docs/workflow-versioning.md).
 */
import type { Db, Tx } from '../client.js';
import { Prisma } from '../generated/client.js';
import type { RuleViolation } from '../../domain/reference-rules.js';
import { canonicalJson } from '../../platform/canonical-json.js';
import { changeJson, type CaseMovedJson, type ReferenceChangeJson, type ReferenceTable } from './json.js';

export type RefusalReason = 'not-found' | 'conflict' | 'invariant' | 'unknown-reference';

/** A change that was not made, and why; the API turns it into a problem (404, 409 or 422). */
export class ReferenceRefusal extends Error {
  override readonly name = 'ReferenceRefusal';
  constructor(
    readonly reason: RefusalReason,
    message: string,
    /** The rules the change would break, by field (invariant). */
    readonly violations: readonly RuleViolation[] = [],
    /** The keys of the rows it would conflict with (conflict). */
    readonly conflictsWith: readonly string[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ReferenceRefusal('not-found', `No ${what}.`);

export function requireValid(what: string, violations: RuleViolation[]): void {
  if (violations.length)
    throw new ReferenceRefusal(
      'invariant',
      `The ${what} would break ${violations.length} rule(s): ${violations.map((v) => `${v.field} ${v.message}`).join('; ')}.`,
      violations,
    );
}

/** The fields a patch sets (an absent or undefined field keeps the row's value). */
export const definedFields = <P extends object>(patch: P): P =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as P;

/** What a change did: the row before and after (null: absent), and the change log row (null: nothing changed). */
export interface ChangeOutcome<T> {
  before: T | null;
  after: T | null;
  change: ReferenceChangeJson | null;
}

// two rows compare equal whatever order their fields came in
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const jsonOrNull = (v: unknown) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

/** Makes one change: `plan` reads the row (and what it must not conflict with) and says how to write it. */
export async function changeRow<T>(
  db: Db,
  actorId: string,
  table: ReferenceTable,
  key: string,
  plan: (tx: Tx) => Promise<{ before: T | null; after: T | null; write: () => Promise<unknown> }>,
): Promise<ChangeOutcome<T>> {
  return db.$transaction(async (tx) => {
    // one writer per table at a time: the conflict checks below read the other rows
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`postwatch:reference:${table}`}))) AS l`;
    const { before, after, write } = await plan(tx);
    if (same(before, after)) return { before, after, change: null };
    await write();
    const row = await tx.referenceChange.create({ data: { actorId, table, key, before: jsonOrNull(before), after: jsonOrNull(after) } });
    return { before, after, change: changeJson(row) };
  });
}

/** The change log, newest first: `limit` changes older than change `before`. */
export async function listReferenceChanges(
  db: Db,
  q: { table?: ReferenceTable; key?: string; before?: number; limit: number },
): Promise<{ items: ReferenceChangeJson[]; more: boolean }> {
  const rows = await db.referenceChange.findMany({
    where: {
      ...(q.table ? { table: q.table } : {}),
      ...(q.key ? { key: q.key } : {}),
      ...(q.before !== undefined ? { id: { lt: BigInt(q.before) } } : {}),
    },
    orderBy: { id: 'desc' },
    take: q.limit + 1,
    include: { casesMoved: true },
  });
  return { items: rows.slice(0, q.limit).map(changeJson), more: rows.length > q.limit };
}

/** Names on a calendar change the running cases whose clocks it moved, once they have taken it. */
export async function recordCasesMoved(db: Db, changeId: number, casesMoved: CaseMovedJson[]): Promise<void> {
  // append-only: a second write of the same change (a retried activity) is skipped, never updated
  await db.referenceChangeCases.createMany({
    data: [{ changeId: BigInt(changeId), cases: casesMoved as unknown as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
}

/** Calendar changes whose running cases are not named yet: their correction runs, or never started. */
export async function calendarChangesUnsettled(db: Db): Promise<{ id: number; at: string }[]> {
  const rows = await db.referenceChange.findMany({
    where: { table: 'Holiday', casesMoved: { is: null } },
    select: { id: true, at: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => ({ id: Number(r.id), at: r.at.toISOString() }));
}
