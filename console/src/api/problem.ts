/** An RFC 9457 problem from the API, or a network failure, as the console shows it. */
import type { ProblemType, RefusalCode, ValidationCode } from '../../../domain/messages/index.js';

export interface FieldError {
  in: 'body' | 'query' | 'path' | 'header';
  field: string;
  message: string;
  code?: ValidationCode;
  limit?: number;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  code?: RefusalCode | 'CASE_CLOSED';
  allowedActions?: string[];
}

const BASE = 'https://postwatch.dev/problems/';

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: ProblemBody | null,
  ) {
    super(body?.detail ?? body?.title ?? `HTTP ${status}`);
  }

  /** The problem's slug, e.g. `action-refused`; `network` when the server could not be reached. */
  get slug(): ProblemType | 'network' | 'unknown' {
    if (this.status === 0) return 'network';
    return (this.body?.type.startsWith(BASE) ? this.body.type.slice(BASE.length) : 'unknown') as ProblemType;
  }

  /** Field path → its error, for messages beside form fields. */
  fieldErrors(): Record<string, FieldError> {
    return Object.fromEntries((this.body?.errors ?? []).map((e) => [e.field, e]));
  }
}
