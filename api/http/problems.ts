import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { VALIDATION_CODES } from '../../domain/messages/keys.js';

/** Stable problem types (RFC 9457); the `type` URI never changes once published. */
export const PROBLEM_BASE = 'https://postwatch.dev/problems/';

export interface Problem {
  type: string; // short slug, expanded to PROBLEM_BASE + slug
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

/** An error that maps to a problem response; thrown anywhere in a handler. */
export class HttpProblem extends Error {
  /** Response headers that go with it (Retry-After). */
  headers: Record<string, string> = {};

  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  withHeaders(headers: Record<string, string>): this {
    Object.assign(this.headers, headers);
    return this;
  }
}

/** RFC 9457 problem details, with this API's extensions: the Problem schema of the OpenAPI document. */
export const ProblemSchema = z
  .looseObject({
    type: z.url().meta({ description: 'Stable URI naming the problem type' }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional().meta({ description: 'The request target that failed' }),
    errors: z
      .array(
        z.object({
          in: z.enum(['body', 'query', 'path', 'header']),
          field: z.string(),
          message: z.string(),
          code: z.enum(VALIDATION_CODES).optional().meta({ description: 'What failed, for the message catalogue (domain/messages)' }),
          limit: z.number().optional().meta({ description: 'The bound the value missed (too_small, too_long, …)' }),
        }),
      )
      .optional()
      .meta({ description: 'Validation problems: one entry per failing field' }),
    code: z.string().optional().meta({ description: 'Refused actions: the machine-readable reason, e.g. FOUR_EYES' }),
    allowedActions: z.array(z.string()).optional().meta({ description: 'Refused actions: what the caller may do to the case now' }),
    incident: z.string().optional().meta({ description: 'A step held by an incident: the incident, e.g. /v1/incidents/{id}' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const problem = (status: number, type: string, title: string, detail?: string, ext: Record<string, unknown> = {}) =>
  new HttpProblem({ status, type, title, detail, ...ext });

export function sendProblem(res: Response, p: Problem): void {
  const instance = res.req?.originalUrl;
  res
    .status(p.status)
    .type('application/problem+json')
    .json({ ...p, type: PROBLEM_BASE + p.type, ...(instance ? { instance } : {}) });
}

export const notFound: RequestHandler = (req, res) =>
  sendProblem(res, { status: 404, type: 'not-found', title: 'Not found', detail: `No route for ${req.method} ${req.path}` });

/** Last middleware: known problems as they are, body-parser errors as 400/413, anything else as an opaque 500. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof HttpProblem) {
    res.set(err.headers);
    return sendProblem(res, err.problem);
  }
  const status = typeof err?.status === 'number' ? err.status : 500;
  if (err?.type === 'entity.too.large')
    return sendProblem(res, { status: 413, type: 'payload-too-large', title: 'Request body too large', detail: err.message });
  if (err?.type === 'entity.parse.failed')
    return sendProblem(res, { status: 400, type: 'malformed-json', title: 'Malformed JSON body', detail: err.message });
  if (status >= 400 && status < 500)
    return sendProblem(res, { status, type: 'bad-request', title: 'Bad request', detail: String(err?.message ?? '') });
  req.log?.error({ err }, 'unhandled error');
  sendProblem(res, { status: 500, type: 'internal', title: 'Internal error', detail: 'The request failed; it has been logged.' });
};
