import type { z } from 'zod';
import type { Db } from '../../prisma/client.js';
import { listAuthorityCaps, listCategories, listDeadlinePolicies, listFineRules } from '../../prisma/reference/reads.js';
import { AuthorityCapListSchema, CategoryListSchema, DeadlinePolicyListSchema, FineRuleListSchema } from '../schemas/reference.js';

/**
 * A reference table every role reads whole, declared once for the API's GET (./reference.ts)
 * and the CLI's `list-…` (scripts/admin/reference-commands.ts).
 */
export interface ReferenceList<Row> {
  path: string;
  operationId: string;
  summary: string;
  schema: z.ZodType;
  command: string;
  description: string;
  // methods, so that a row of the table may take its own rows (see AnyReferenceList)
  list(db: Db): Promise<Row[]>;
  /** A row as the command prints it. */
  line(row: Row): string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each row is typed where it is declared
export type AnyReferenceList = ReferenceList<any>;
const readList = <Row>(r: ReferenceList<Row>): AnyReferenceList => r;

export const DEADLINE_POLICIES = readList({
  path: '/v1/reference/deadline-policies',
  operationId: 'listDeadlinePolicies',
  summary: 'The deadline table: one row per legal or policy clock',
  schema: DeadlinePolicyListSchema,
  command: 'list-deadline-policies',
  description: 'lists the deadline table, one clock a line',
  list: listDeadlinePolicies,
  line: (p) => `${p.clock.padEnd(24)} ${String(p.limitValue).padStart(4)} ${p.unit.padEnd(14)} → ${p.escalationChain.join(', ')}`,
});

export const FINE_SCHEDULE = readList({
  path: '/v1/reference/fine-schedule',
  operationId: 'listFineSchedule',
  summary: 'The fine schedule: each offence under each decree',
  schema: FineRuleListSchema,
  command: 'list-fine-rules',
  description: 'lists the fine schedule',
  list: listFineRules,
  line: (f) =>
    `${f.id}  ${f.offenceCode}  ${f.minVnd}–${f.maxVnd} VND  from ${f.effectiveFrom}${f.effectiveTo ? ` to ${f.effectiveTo}` : ''}`,
});

export const AUTHORITY_CAPS = readList({
  path: '/v1/reference/authority-caps',
  operationId: 'listAuthorityCaps',
  summary: 'Sanctioning authority caps per agency kind and officer title',
  schema: AuthorityCapListSchema,
  command: 'list-authority-caps',
  description: 'lists the authority caps',
  list: listAuthorityCaps,
  line: (c) => `${c.id}  ${c.agencyKind}  ${c.title}  ${c.capVnd} VND`,
});

export const CATEGORIES = readList({
  path: '/v1/reference/categories',
  operationId: 'listCategories',
  summary: 'Item categories and their routing',
  schema: CategoryListSchema,
  command: 'list-categories',
  description: 'lists the item categories (changed by a release, not here)',
  list: listCategories,
  line: (c) => `${c.code}  ${JSON.stringify(c)}`,
});
