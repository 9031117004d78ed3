import type { Prisma } from '../../prisma/generated/client.js';
import { problem } from './problems.js';

/** Where the previous page ended: the sort value of its last row, and its id to break ties. */
export interface Cursor {
  v: string | null;
  id: string;
}

type Field = 'detectedAt' | 'nextDeadlineAt' | 'number';

// The cursor names its sort, so a cursor cannot be replayed against another ordering.
export function encodeCursor(sort: string, value: Date | string | null, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify({ s: sort, v, id })).toString('base64url');
}

export function decodeCursor(raw: string, sort: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    const valid = (v: unknown) => typeof v === 'string' && !v.includes('\u0000');
    const dated = !sort.includes('number'); // detectedAt, nextDeadlineAt: v is an instant
    if (c.s === sort && valid(c.id) && (c.v === null || (valid(c.v) && (!dated || !Number.isNaN(new Date(c.v).getTime())))))
      return { v: c.v, id: c.id };
  } catch {
    /* fall through */
  }
  throw problem(
    400,
    'invalid-cursor',
    'Invalid cursor',
    'The cursor is malformed or belongs to another sort order; start again without it.',
  );
}

/** Rows after the cursor in (field asc|desc nulls last, id asc) order. */
export function keyset(field: Field, desc: boolean, c: Cursor): Prisma.CaseWhereInput {
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

/** The link to the next page: this request's query, with `param` set to where this page ended. */
export function nextPageLink(path: string, query: Record<string, unknown>, param: string, value: string): string {
  const kept = Object.entries(query).filter(([k, v]) => k !== param && typeof v === 'string') as [string, string][];
  return `${path}?${new URLSearchParams({ ...Object.fromEntries(kept), [param]: value })}`;
}
