import type { z } from 'zod';
import type { ValidationCode } from '../../domain/messages/keys.js';

/**
 * What a failing field is told, for a person as well as a program: the catalogue's validation
 * code (domain/messages) and the bound it missed, beside zod's English message.
 */
const BOUND_CODES: Record<'text' | 'list' | 'number', Record<'too_small' | 'too_big', ValidationCode>> = {
  text: { too_small: 'too_short', too_big: 'too_long' },
  list: { too_small: 'too_few', too_big: 'too_many' },
  number: { too_small: 'too_small', too_big: 'too_big' },
};

export function issueCode(i: z.core.$ZodIssue): { code: ValidationCode; limit?: number } {
  // zod reports no input unless asked: a missing value is the type error that received undefined
  const missing = i.code === 'invalid_type' && /received undefined/.test(i.message);
  if (missing || (i.code === 'too_small' && i.origin === 'string' && Number(i.minimum) === 1)) return { code: 'required' };
  if (i.code === 'too_small' || i.code === 'too_big') {
    const limit = Number(i.code === 'too_small' ? i.minimum : i.maximum);
    const named = BOUND_CODES[i.origin === 'string' ? 'text' : i.origin === 'array' || i.origin === 'set' ? 'list' : 'number'];
    return { code: named[i.code], limit };
  }
  if (i.code === 'not_multiple_of') return { code: i.code, limit: Number(i.divisor) };
  return { code: i.code };
}
