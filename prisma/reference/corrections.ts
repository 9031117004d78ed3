/**
 * Applies the seed corrections of domain/reference/corrections.ts to a database seeded before
 * them, once. A field is replaced only while it still holds the old seed's value, so whatever an
 * administrator changed stays; a row is removed only while it is exactly the old seed's row. Each
 * row changed is written through the same checks as an administrator's change and logged in the
 * reference change log with the correction as its actor (`correction:<id>`), which is also what
 * makes the correction run once per row: a row the log shows corrected is not looked at again.
 */
import type { Db, Tx } from '../client.js';
import { canonicalJson } from '../../platform/canonical-json.js';
import {
  REFERENCE_CORRECTIONS,
  type CorrectedTable,
  type ReferenceCorrection,
  type RowCorrection,
} from '../../domain/reference/corrections.js';
import { patchAgency, type AgencyPatch } from './agencies.js';
import { changeRow, ReferenceRefusal } from './change-log.js';
import { patchDeadlinePolicy, type DeadlinePolicyPatch } from './deadline-policies.js';
import { putAuthorityCap, putFineRule, type AuthorityCapInput, type FineRuleInput } from './fines.js';
import { agencyJson, capJson, categoryJson, fineJson, policyJson } from './json.js';

type Row = Record<string, unknown>;

/** A row a correction changed. */
export interface CorrectedRow {
  correction: string;
  table: CorrectedTable;
  key: string;
  fields: string[];
}

/** A row a correction left as it was, and why (an administrator changed it, or the change would break a rule). */
export interface KeptRow extends CorrectedRow {
  reason: string;
}

export interface CorrectionReport {
  applied: CorrectedRow[];
  kept: KeptRow[];
}

interface TableAccess {
  read(db: Db, key: string): Promise<Row | null>;
  /** The rows of these keys that exist, by key (one query: a start that finds nothing to correct stays quick). */
  readAll(db: Db, keys: string[]): Promise<Map<string, Row>>;
  /** Writes the corrected fields (through the administrators' path, with its checks and log row). */
  update(db: Db, actorId: string, key: string, next: Row, fields: string[]): Promise<unknown>;
  /** Removes the row if it is still `expected`; otherwise refuses. */
  remove?(db: Db, actorId: string, key: string, expected: Row): Promise<unknown>;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const pick = (row: Row, fields: string[]) => Object.fromEntries(fields.map((f) => [f, row[f]]));
const without = ({ id: _, ...rest }: Row) => rest;
const byKey = <T extends object>(rows: T[], key: keyof T): Map<string, Row> => new Map(rows.map((r) => [String(r[key]), { ...r } as Row]));
const changedElsewhere = () =>
  new ReferenceRefusal('conflict', 'The row is no longer the one the seed wrote: an administrator changed it.');

const TABLES: Record<CorrectedTable, TableAccess> = {
  FineSchedule: {
    read: async (db, id) => {
      const r = await db.fineSchedule.findUnique({ where: { id } });
      return r && { ...fineJson(r) };
    },
    readAll: async (db, ids) => byKey((await db.fineSchedule.findMany({ where: { id: { in: ids } } })).map(fineJson), 'id'),
    update: (db, actorId, id, next) => putFineRule(db, actorId, id, without(next) as unknown as FineRuleInput),
    remove: (db, actorId, id, expected) =>
      changeRow(db, actorId, 'FineSchedule', id, async (tx: Tx) => {
        const row = await tx.fineSchedule.findUnique({ where: { id } });
        if (!row || !same(fineJson(row), expected)) throw changedElsewhere();
        return { before: fineJson(row), after: null, write: () => tx.fineSchedule.delete({ where: { id } }) };
      }),
  },
  AuthorityCap: {
    read: async (db, id) => {
      const r = await db.authorityCap.findUnique({ where: { id } });
      return r && { ...capJson(r) };
    },
    readAll: async (db, ids) => byKey((await db.authorityCap.findMany({ where: { id: { in: ids } } })).map(capJson), 'id'),
    update: (db, actorId, id, next) => putAuthorityCap(db, actorId, id, without(next) as unknown as AuthorityCapInput),
  },
  Agency: {
    read: async (db, id) => {
      const r = await db.agency.findUnique({ where: { id } });
      return r && { ...agencyJson(r) };
    },
    readAll: async (db, ids) => byKey((await db.agency.findMany({ where: { id: { in: ids } } })).map(agencyJson), 'id'),
    update: (db, actorId, id, next, fields) => patchAgency(db, actorId, id, pick(next, fields) as AgencyPatch),
  },
  DeadlinePolicy: {
    read: async (db, clock) => {
      const r = await db.deadlinePolicy.findUnique({ where: { clock } });
      return r && { ...policyJson(r) };
    },
    readAll: async (db, clocks) => byKey((await db.deadlinePolicy.findMany({ where: { clock: { in: clocks } } })).map(policyJson), 'clock'),
    update: (db, actorId, clock, next, fields) => patchDeadlinePolicy(db, actorId, clock, pick(next, fields) as DeadlinePolicyPatch),
  },
  // categories are not administered over the API: only corrections change them
  ItemCategory: {
    read: async (db, code) => {
      const r = await db.itemCategory.findUnique({ where: { code } });
      return r && { ...categoryJson(r) };
    },
    readAll: async (db, codes) => byKey((await db.itemCategory.findMany({ where: { code: { in: codes } } })).map(categoryJson), 'code'),
    update: (db, actorId, code, next) =>
      changeRow(db, actorId, 'ItemCategory', code, async (tx: Tx) => {
        const row = await tx.itemCategory.findUnique({ where: { code } });
        if (!row) throw changedElsewhere();
        return {
          before: categoryJson(row),
          after: next,
          write: () => tx.itemCategory.update({ where: { code }, data: { offenceCode: String(next.offenceCode) } }),
        };
      }),
  },
};

/** What one row correction does now: nothing, a change, or a refusal to change what someone else changed. */
async function correctRow(db: Db, c: ReferenceCorrection, r: RowCorrection, report: CorrectionReport): Promise<void> {
  const table = TABLES[r.table];
  const actorId = `correction:${c.id}`;
  const row = await table.read(db, r.key);
  if (!row) return; // never seeded here: the seed inserts the corrected row, or an administrator removed it
  const at = { correction: c.id, table: r.table, key: r.key };
  try {
    if (r.remove) {
      if (!same(row, r.remove)) throw changedElsewhere();
      await table.remove!(db, actorId, r.key, r.remove);
      report.applied.push({ ...at, fields: [] });
      return;
    }
    const next: Row = { ...row };
    const changed: string[] = [];
    const administered: string[] = [];
    for (const [field, { from, to }] of Object.entries(r.set ?? {})) {
      if (same(row[field], to)) continue;
      if (same(row[field], from)) {
        next[field] = to;
        changed.push(field);
      } else administered.push(field);
    }
    if (changed.length) {
      await table.update(db, actorId, r.key, next, changed);
      report.applied.push({ ...at, fields: changed });
    }
    if (administered.length) report.kept.push({ ...at, fields: administered, reason: 'an administrator changed these fields: kept' });
  } catch (e) {
    if (!(e instanceof ReferenceRefusal)) throw e;
    report.kept.push({ ...at, fields: Object.keys(r.set ?? r.remove ?? {}), reason: e.message });
  }
}

/** Whether a row, as it stands, still differs from what the correction makes of it (a fresh or corrected database: no). */
const differs = (r: RowCorrection, row: Row | undefined): boolean =>
  !!row && (r.remove !== undefined || Object.entries(r.set ?? {}).some(([field, { to }]) => !same(row[field], to)));

/** Applies every correction not applied yet, row by row, in order. */
export async function applyReferenceCorrections(
  db: Db,
  corrections: readonly ReferenceCorrection[] = REFERENCE_CORRECTIONS,
): Promise<CorrectionReport> {
  const report: CorrectionReport = { applied: [], kept: [] };
  const rows = corrections.flatMap((c) => c.rows);
  const tables = [...new Set(rows.map((r) => r.table))];
  const current = new Map(
    await Promise.all(
      tables.map(
        async (t) =>
          [
            t,
            await TABLES[t].readAll(
              db,
              rows.filter((r) => r.table === t).map((r) => r.key),
            ),
          ] as const,
      ),
    ),
  );
  const logged = await db.referenceChange.findMany({
    where: { actorId: { in: corrections.map((c) => `correction:${c.id}`) } },
    select: { actorId: true, table: true, key: true },
  });
  const done = new Set(logged.map((l) => `${l.actorId}\u0000${l.table}\u0000${l.key}`));
  for (const c of corrections)
    for (const r of c.rows)
      if (!done.has(`correction:${c.id}\u0000${r.table}\u0000${r.key}`) && differs(r, current.get(r.table)?.get(r.key)))
        await correctRow(db, c, r, report);
  return report;
}
