import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { problem } from './problems.js';
import { issueCode } from './validation-codes.js';

/** Parses input with a zod schema; a failure is a 400 problem listing each failing field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'path' | 'header'): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  // an unknown field is named as the field itself, one entry each, like any other failing field
  const errors = r.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ in: where, field: [...i.path, k].join('.'), message: 'unknown field', ...issueCode(i) }))
      : [{ in: where, field: i.path.join('.') || '(root)', message: i.message, ...issueCode(i) }],
  );
  throw problem(400, 'validation', 'Invalid request', `${errors.length} field(s) failed validation in the ${where}.`, { errors });
}

const NUL = '\u0000';

/** Where in a JSON value a string holds NUL, as a field path; null when none does. */
function nulAt(v: unknown, path: string[] = []): string | null {
  if (typeof v === 'string') return v.includes(NUL) ? path.join('.') || '(root)' : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const at = nulAt(v[i], [...path, String(i)]);
      if (at !== null) return at;
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const at = k.includes(NUL) ? [...path, k].join('.') : nulAt(x, [...path, k]);
      if (at !== null) return at;
    }
  }
  return null;
}

/**
 * NUL characters are refused anywhere in a request: PostgreSQL stores them in neither text nor
 * jsonb, so one that reached a case's workflow would fail its audit write on every retry. In the
 * path nothing can match (404); in the query or body it is a 400 naming the field.
 */
export const refuseNul: RequestHandler = (req, _res, next) => {
  if (/%00/i.test(req.path)) throw problem(404, 'not-found', 'Not found', 'No resource has a NUL character in its name.');
  for (const [where, value] of [
    ['query', req.query],
    ['body', req.body],
  ] as const) {
    const field = nulAt(value);
    if (field !== null)
      throw problem(400, 'validation', 'Invalid request', `1 field(s) failed validation in the ${where}.`, {
        errors: [{ in: where, field, message: 'must not contain NUL characters', code: 'nul' }],
      });
  }
  next();
};
