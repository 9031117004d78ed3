/**
 * The OpenAPI 3.1 document, derived from the operation table (api/operations.ts): each
 * operation's schemas, answers and problems, converted by zod 4's own `z.toJSONSchema` (JSON
 * Schema 2020-12 = OpenAPI 3.1's dialect). Generic: nothing here names a route.
 */
import { z } from 'zod';
import type { Json, Operation, Schema } from './operation.js';
import { ProblemSchema } from './problems.js';

/** What the document says about the API as a whole. */
export interface ApiAbout {
  title: string;
  version: string;
  description: string;
  tags: { name: string; description: string }[];
}

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid request: the `errors` member lists each failing field (`in`, `field`, `message`).',
  401: 'No API key, or an unknown, revoked or disabled one.',
  403: 'The caller may not do this; refused actions carry `code` and `allowedActions`.',
  404: 'No such resource visible to the caller.',
  409: 'Conflicts with the current state: a refused action (`code`, `allowedActions`), a closed case, a step held by an open incident (`incident`), a used carrierRef (`case` links the existing case), the same Idempotency-Key still in flight (`request-in-flight`, with `Retry-After`; a request whose process died is taken over 30 s after it began), or reference data that would overlap other rows (`conflictsWith`).',
  413: 'The request body is larger than 256 kB.',
  415: 'The body is not JSON (`Content-Type: application/json`), or its charset or content encoding is not supported.',
  422: 'Well-formed but unusable: a value that cannot be true, such as a date in the future (`errors`), unknown reference data, a case the reference data cannot route, an Idempotency-Key reused with another body, or a reference-data change that breaks one of its rules (`errors`).',
  429: 'Rate limit of this API key exhausted, too many failed authentications from this address, or too many actions on one case at once (`case-busy`): retry after `Retry-After` seconds.',
  500: 'Internal error; it has been logged with the request id (X-Request-Id).',
  503: 'A dependency is unavailable: PostgreSQL or Temporal did not answer, or no worker took the case’s step, within the API’s deadlines (about 5 s; an accepted step’s result is awaited 15 s more), or an intake is held by an incident (`incident`). Nothing is answered 500 for it. Retry after `Retry-After` seconds with the same Idempotency-Key: it finds the same case or step, never a second one.',
};

// every answer of an operation that takes a key carries these (api/http/rate-limit.ts)
const rateLimitHeaders: Record<string, Json> = {
  'RateLimit-Policy': {
    description: 'The quota of this API key (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";q=600;w=60`',
    schema: { type: 'string' },
  },
  RateLimit: {
    description: 'What is left of it: `r` requests, back to full in `t` seconds, e.g. `"default";r=599;t=1`',
    schema: { type: 'string' },
  },
};
// every answer carries this (api/http/request-context.ts)
const requestIdHeader: Record<string, Json> = {
  'X-Request-Id': {
    description: 'The request id (the caller’s X-Request-Id when sane); every log line of the request carries it',
    schema: { type: 'string' },
  },
};

const takesKey = (op: Operation) => op.access !== 'public';
// every operation may meet an outage (api/http/unavailable.ts): 503 is listed on all of them; a body
// that is not JSON is refused before it is read (api/http/content-type.ts)
const problemsOf = (op: Operation) => new Set([...op.problems, ...(takesKey(op) ? [401, 429] : []), ...(op.body ? [415] : []), 500, 503]);

const retryAfter = (required: boolean, description: string): Record<string, Json> => ({
  'Retry-After': { description, required, schema: { type: 'integer', minimum: 1 } },
});

/** zod → JSON Schema 2020-12, named schemas (`.meta({ id })`) hoisted into components.schemas. */
class SchemaConverter {
  readonly components: Record<string, Json> = {};

  convert(schema: Schema, io: 'input' | 'output'): Json {
    if (!(schema instanceof z.ZodType)) return this.walk(schema) as Json;
    const js = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
    const { $schema: _, $defs, ...root } = js;
    for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) {
      const rewritten = this.walk(def) as Json;
      const known = this.components[name];
      if (known && JSON.stringify(known) !== JSON.stringify(rewritten))
        throw new Error(`openapi: schema ${name} differs between its uses (input vs output?): give one of them another id`);
      this.components[name] = rewritten;
    }
    return this.walk(root) as Json;
  }

  /** Rewrites `#/$defs/X` refs; converts nested zod schemas (anyOf of zod schemas). */
  private walk(v: unknown): unknown {
    if (v instanceof z.ZodType) return this.convert(v, 'output');
    if (Array.isArray(v)) return v.map((x) => this.walk(x));
    if (v && typeof v === 'object') {
      const out: Json = {};
      for (const [k, x] of Object.entries(v))
        out[k] = k === '$ref' && typeof x === 'string' ? x.replace('#/$defs/', '#/components/schemas/') : this.walk(x);
      return out;
    }
    return v;
  }
}

function problemResponse(status: number): Json {
  return {
    description: PROBLEM_TEXT[status] ?? 'Problem',
    headers: {
      ...(status === 429 ? { ...retryAfter(true, 'Seconds until a request will be accepted again'), ...rateLimitHeaders } : {}),
      ...(status === 503 ? retryAfter(true, 'Seconds to wait before repeating the request') : {}),
      ...(status === 409 ? retryAfter(false, 'On `request-in-flight`: seconds to wait before repeating the request') : {}),
      ...(status === 401 ? { 'WWW-Authenticate': { description: 'Bearer challenge', schema: { type: 'string' } } } : {}),
      ...requestIdHeader,
    },
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

function parametersOf(op: Operation, conv: SchemaConverter): Json[] {
  const parameters: Json[] = [];
  for (const [name, p] of Object.entries(op.params ?? {}))
    parameters.push({
      name,
      in: 'path',
      required: true,
      description: p.description,
      schema: p.schema ? conv.convert(p.schema, 'input') : { type: 'string' },
    });
  if (op.query) {
    const q = conv.convert(op.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, s] of Object.entries(q.properties ?? {})) {
      const { description, ...schema } = s;
      parameters.push({ name, in: 'query', required: (q.required ?? []).includes(name), ...(description ? { description } : {}), schema });
    }
  }
  for (const [name, h] of Object.entries(op.headers ?? {}))
    parameters.push({ name, in: 'header', required: h.required, description: h.description, schema: conv.convert(h.schema, 'input') });
  return parameters;
}

function responsesOf(op: Operation, conv: SchemaConverter): Record<string, Json> {
  const responses: Record<string, Json> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    const content = r.content
      ? Object.fromEntries(Object.entries(r.content).map(([type, s]) => [type, { schema: conv.convert(s, 'output') }]))
      : r.schema
        ? { [r.contentType ?? 'application/json']: { schema: conv.convert(r.schema, 'output') } }
        : undefined;
    const headers = { ...(takesKey(op) ? rateLimitHeaders : {}), ...(r.headers ?? {}), ...requestIdHeader };
    responses[status] = { description: r.description, headers, ...(content ? { content } : {}) };
  }
  for (const s of [...problemsOf(op)].sort()) responses[String(s)] = { $ref: `#/components/responses/Problem${s}` };
  return responses;
}

function operationOf(op: Operation, conv: SchemaConverter): Json {
  const parameters = parametersOf(op, conv);
  const responses = responsesOf(op, conv); // before the body: components keep the order they always had
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: op.tags,
    ...(takesKey(op) ? {} : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: op.body.required,
            content: {
              'application/json': {
                schema: conv.convert(op.body.schema, 'input'),
                ...(op.body.example ? { example: op.body.example } : {}),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

/** The whole document of `operations`. */
export function openApiDocument(operations: readonly Operation[], about: ApiAbout): Json {
  const conv = new SchemaConverter();
  conv.convert(ProblemSchema, 'output');
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationOf(op, conv);
  const statuses = [...new Set(operations.flatMap((op) => [...problemsOf(op)]))].sort();
  return {
    openapi: '3.1.1',
    info: { title: about.title, version: about.version, description: about.description },
    tags: about.tags,
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key `pw_<prefix>_<secret>`; administrators issue them' },
      },
      schemas: conv.components,
      responses: Object.fromEntries(statuses.map((s) => [`Problem${s}`, problemResponse(s)])),
    },
  };
}
