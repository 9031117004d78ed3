import type { z } from 'zod';
import { problem } from './problems.js';

/** Parses input with a zod schema; a failure is a 400 problem listing each failing field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'path' | 'header'): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const errors = r.error.issues.map((i) => ({
    in: where,
    field: i.path.join('.') || '(root)',
    message: i.message,
  }));
  throw problem(400, 'validation', 'Invalid request', `${errors.length} field(s) failed validation in the ${where}.`, { errors });
}
