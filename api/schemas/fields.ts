/** The field types the request and response schemas share. */
import { z } from 'zod';
import { detectionInstantProblem } from '../../domain/plausible-dates.js';
import { IMPLAUSIBLE } from '../http/validate.js';

export const text = (max: number) => z.string().trim().min(1).max(max);
/** An upper-case code; `like` is the example the error message names. */
export const upperCode = (like: string) => z.string().regex(/^[A-Z0-9_]{1,64}$/, `an upper-case code like ${like}`);
export const vnd = z.number().int().min(0).max(9_000_000_000_000);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
export const instant = z.iso.datetime();
export const provinceCode = z.string().regex(/^[A-Z]{2,3}$/, '2-3 upper-case letters, e.g. TH');
export const evidence = z.object({ ref: text(500), description: text(1000) }).strict();
/** When a carrier found an item: an instant (else 400) that can be true now (else 422: domain/plausible-dates.ts). */
export const detectionInstant = z.iso.datetime({ offset: true }).superRefine((v, ctx) => {
  const problem = detectionInstantProblem(new Date(v), new Date());
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: IMPLAUSIBLE });
});
