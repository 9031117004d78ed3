import type { CaseCursor } from '../../prisma/cases/lists.js';
import { problem } from './problems.js';

// The cursor names its sort, so a cursor cannot be replayed against another ordering.
export function encodeCursor(sort: string, { v, id }: CaseCursor): string {
  return Buffer.from(JSON.stringify({ s: sort, v, id })).toString('base64url');
}

export function decodeCursor(raw: string, sort: string): CaseCursor {
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

/** The link to the next page: this request's query, with `param` set to where this page ended. */
export function nextPageLink(path: string, query: Record<string, unknown>, param: string, value: string): string {
  const kept = Object.entries(query).filter(([k, v]) => k !== param && typeof v === 'string') as [string, string][];
  return `${path}?${new URLSearchParams({ ...Object.fromEntries(kept), [param]: value })}`;
}
