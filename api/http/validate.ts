import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import { problem } from './problems.js';
import type { ValidationCode } from '../../domain/messages/keys.js';
import { issueCode } from './validation-codes.js';

type Where = 'body' | 'query' | 'path' | 'header';

/** A custom zod issue with this param is about a value that is well-formed but cannot be true: 422, not 400. */
export const IMPLAUSIBLE = { implausible: true } as const;
const isImplausible = (i: z.core.$ZodIssue) =>
  i.code === 'custom' && (i.params as { implausible?: boolean } | undefined)?.implausible === true;

/**
 * Parses input with a zod schema. A malformed input is a 400 problem listing each failing field; a
 * well-formed one that only fails a plausibility rule (a date in the future) is a 422 listing them.
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown, where: Where): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  // an unknown field is named as the field itself, one entry each, like any other failing field
  const errors = r.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ in: where, field: [...i.path, k].join('.'), message: 'unknown field', ...issueCode(i) }))
      : [
          {
            in: where,
            field: i.path.join('.') || '(root)',
            message: i.message,
            ...(isImplausible(i) ? { code: 'implausible' } : issueCode(i)),
          },
        ],
  );
  if (r.error.issues.every(isImplausible))
    throw problem(422, 'implausible-value', 'Implausible value', `${errors.length} field(s) cannot be true in the ${where}.`, { errors });
  throw problem(400, 'validation', 'Invalid request', `${errors.length} field(s) failed validation in the ${where}.`, { errors });
}

/** Deepest nesting a body may have; the deepest body this API accepts has a few levels. */
export const MAX_DEPTH = 32;

// with the u flag a surrogate pair is one code point: only a lone surrogate is in category Cs
const LONE_SURROGATE = /\p{Cs}/u;

/** What is wrong with a field, with its catalogue code (domain/messages). */
interface Wrong {
  message: string;
  code: ValidationCode;
  limit?: number;
}
const ILL_FORMED: Wrong = { message: 'must be well-formed Unicode (no lone surrogates)', code: 'ill_formed_unicode' };

/** Why PostgreSQL could never store a text (NUL in neither text nor jsonb, a lone surrogate not in jsonb); null when it can. */
function unstorable(s: string): Wrong | null {
  if (s.includes('\u0000')) return { message: 'must not contain NUL characters', code: 'nul' };
  if (LONE_SURROGATE.test(s)) return ILL_FORMED;
  return null;
}

const fieldName = (path: readonly string[]) => path.join('.') || '(root)';

/**
 * The first field of a JSON value that cannot be stored, or where it nests deeper than MAX_DEPTH:
 * walked with a stack of its own, so no depth of input can overflow the call stack.
 */
function firstUnstorable(root: unknown): ({ field: string } & Wrong) | null {
  const stack: { key?: string; value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { key, value, path } = stack.pop()!;
    const wrong = (key !== undefined ? unstorable(key) : null) ?? (typeof value === 'string' ? unstorable(value) : null);
    if (wrong) return { field: fieldName(path), ...wrong };
    if (!value || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH)
      return { field: fieldName(path), message: `must not nest deeper than ${MAX_DEPTH} levels`, code: 'too_deep', limit: MAX_DEPTH };
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    // pushed last to first, so the walk reports the first offending field in document order
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i]!;
      stack.push({ key: Array.isArray(value) ? undefined : k, value: v, path: [...path, k] });
    }
  }
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The raw query string's first parameter that is not well-formed percent-encoded UTF-8 (the parser would silently replace it). */
function illFormedQueryParameter(req: Request): string | null {
  const raw = req.originalUrl.split('?')[1]?.split('#')[0] ?? '';
  for (const pair of raw.split('&')) {
    const [name = '', value = ''] = pair.split('=');
    try {
      decodeURIComponent(value.replaceAll('+', ' '));
      decodeURIComponent(name.replaceAll('+', ' '));
    } catch {
      return name;
    }
  }
  return null;
}

/** Header values arrive as Latin-1 text; the API reads them as UTF-8, so their bytes must be that. */
function illFormedHeader(req: Request): ({ field: string } & Wrong) | null {
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      const wrong = unstorable(v);
      if (wrong) return { field: name, ...wrong };
      try {
        utf8.decode(Buffer.from(v, 'latin1'));
      } catch {
        return { field: name, message: 'must be well-formed UTF-8', code: 'ill_formed_unicode' };
      }
    }
  }
  return null;
}

const refused = (where: Where, e: { field: string } & Wrong) =>
  problem(400, 'validation', 'Invalid request', `1 field(s) failed validation in the ${where}.`, { errors: [{ in: where, ...e }] });

/**
 * Text PostgreSQL would never store is refused anywhere in a request: NUL (in neither text nor
 * jsonb) and ill-formed Unicode (a lone surrogate is not valid jsonb). One that reached a case's
 * workflow would fail its audit write. In the path nothing can match (404); in headers, query or
 * body it is a 400 naming the field, as is a body nested deeper than MAX_DEPTH.
 */
export const refuseUnstorable: RequestHandler = (req, _res, next) => {
  if (/%00/i.test(req.path)) throw problem(404, 'not-found', 'Not found', 'No resource has a NUL character in its name.');
  const header = illFormedHeader(req);
  if (header) throw refused('header', header);
  const parameter = illFormedQueryParameter(req);
  if (parameter !== null)
    throw refused('query', {
      field: parameter || '(root)',
      message: 'must be well-formed percent-encoded UTF-8',
      code: 'ill_formed_unicode',
    });
  for (const [where, value] of [
    ['query', req.query],
    ['body', req.body],
  ] as const) {
    const wrong = firstUnstorable(value);
    if (wrong) throw refused(where, wrong);
  }
  next();
};
