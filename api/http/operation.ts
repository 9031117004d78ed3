import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Actor } from '../../domain/access.js';
import type { Services } from '../deps.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Json = Record<string, unknown>;
/** A zod schema (converted for the document), or a JSON Schema as it is. */
export type Schema = z.ZodType | Json;

/** One documented answer of an operation. */
export interface Reply {
  description: string;
  /** Absent: no body. */
  schema?: Schema;
  /** Defaults to application/json; `content` lists several. */
  contentType?: string;
  content?: Record<string, Schema>;
  headers?: Record<string, Json>;
}

/** A rule of domain/access.ts and what it permits, for the 403 when the caller fails it. */
export interface Permission {
  rule: (actor: Actor) => boolean;
  what: string;
}

/**
 * Who may call an operation: `public` needs no key, `key` any valid key (the handler shows each
 * caller only what is theirs), a Permission those keys whose actor passes its rule.
 */
export type Access = 'public' | 'key' | Permission;

/** Only actors that pass `rule` (from domain/access.ts); `what` ends the 403's "A carrier may not …". */
export const allow = (rule: (actor: Actor) => boolean, what: string): Permission => ({ rule, what });

interface ParamSpec {
  description: string;
  /** What the handler accepts; absent: any string. */
  schema?: z.ZodType;
}
interface HeaderSpec {
  description: string;
  schema: z.ZodType;
  required: boolean;
}
interface BodySpec {
  schema: z.ZodType;
  required: boolean;
  example?: unknown;
}
type ParamSpecs = Record<string, ParamSpec>;
type HeaderSpecs = Record<string, HeaderSpec>;
type MaybeQuery = z.ZodObject | undefined;
type MaybeBody = BodySpec | undefined;

type ParamsOf<P extends ParamSpecs> = { [K in keyof P]: P[K] extends { schema: infer S extends z.ZodType } ? z.output<S> : string };
type HeadersOf<H extends HeaderSpecs> = {
  [K in keyof H]: H[K] extends { required: true } ? z.output<H[K]['schema']> : z.output<H[K]['schema']> | undefined;
};

/** What a handler is given: the validated input, the request and response, and the services. */
export interface Call<P extends ParamSpecs, Q extends MaybeQuery, H extends HeaderSpecs, B extends MaybeBody> {
  params: ParamsOf<P>;
  query: Q extends z.ZodObject ? z.output<Q> : undefined;
  headers: HeadersOf<H>;
  body: B extends BodySpec ? z.output<B['schema']> : undefined;
  req: Request;
  res: Response;
  deps: Services;
}

/**
 * One operation of the API, declared once: Express registers it (api/http/mount.ts), its input is
 * validated with its schemas, the OpenAPI document describes it (api/http/openapi.ts) and the
 * metrics label its requests with its path.
 */
export interface OperationSpec<
  P extends ParamSpecs = ParamSpecs,
  Q extends MaybeQuery = MaybeQuery,
  H extends HeaderSpecs = HeaderSpecs,
  B extends MaybeBody = MaybeBody,
> {
  method: Method;
  /** OpenAPI form: `/v1/cases/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  /** Path parameters, in the order the document lists them. */
  params?: P;
  query?: Q;
  headers?: H;
  body?: B;
  /** The answers other than problems, by status. */
  responses: Record<number, Reply>;
  /** The problem statuses it can answer with (401, 429 and 500 are added for those that take a key). */
  problems: number[];
  handler: (call: Call<P, Q, H, B>) => Promise<void> | void;
}

/** An operation in the table, whatever its input types. */
export interface Operation extends Omit<OperationSpec, 'handler'> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mount() calls each handler with the input its schemas produced
  handler: (call: Call<any, any, any, any>) => Promise<void> | void;
}

/** Declares an operation; the handler's input is typed from its schemas. */
export const operation = <
  P extends ParamSpecs = Record<never, ParamSpec>,
  Q extends MaybeQuery = undefined,
  H extends HeaderSpecs = Record<never, HeaderSpec>,
  B extends MaybeBody = undefined,
>(
  spec: OperationSpec<P, Q, H, B>,
): Operation => spec;

/** The Express route of an operation's path: `/v1/cases/{id}` → `/v1/cases/:id`. */
export const expressPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/** The `Location` header of an answer that points at `what`. */
export const location = (what: string): Record<string, Json> => ({ Location: { description: what, schema: { type: 'string' } } });
