import type { z } from 'zod';
import type { Db } from '../../prisma/client.js';
import type { ChangeOutcome } from '../../prisma/reference/change-log.js';

/** One part of a row's key: a path parameter of the API and an option of the CLI. */
export interface KeyPart {
  /** The parameter's description in the document. */
  description: string;
  /** The CLI option that gives it: `--carrier <id>`. */
  option: string;
  /** Its line in the command's --help. */
  help: string;
}

/** A CLI option that narrows a list to rows whose `field` is its value. */
export interface ListFilter {
  option: string;
  help: string;
  field: string;
}

/** What the API says of one kind of change to the collection. */
export interface Change {
  summary: string;
  /** After the common note on administrators and the change log. */
  note?: string;
}

/**
 * A collection administrators keep, declared once: its schemas, its key, how prisma/ reads and
 * changes it, its words, and its table in the change log. The API's list, put and delete
 * operations (./administered-operations.ts) and the CLI's commands
 * (scripts/admin/collection-commands.ts) are made from it.
 */
export interface AdministeredCollection<K extends string, Body extends z.ZodType, Row> {
  /** The row in prose, singular and plural: `service point`; paths, ids and commands follow from them. */
  noun: string;
  plural: string;
  /** Its table in the change log (ReferenceChange.table). */
  table: string;
  /** The key's parts, in path order; the change log's key is their values joined by `/`. */
  key: Record<K, KeyPart>;
  row: z.ZodType;
  rows: z.ZodType;
  body: Body;
  /** The list's query; each of `filters` sets one of its fields. */
  query: z.ZodObject;
  filters: ListFilter[];
  api: {
    list: Change & { answer: string };
    put: Change & { example: unknown };
    delete?: Change;
  };
  cli: {
    list: string;
    put: string;
    delete?: string;
    /** A row as `list-…` prints it. */
    line: (row: Row) => string;
  };
  // methods, so that a row of the table may take its own key and body (see AnyCollection)
  list(db: Db, filter: Record<string, unknown>): Promise<Row[]>;
  put(db: Db, actorId: string, key: Record<K, string>, body: z.output<Body>): Promise<ChangeOutcome<Row>>;
  remove?(db: Db, actorId: string, key: Record<K, string>): Promise<ChangeOutcome<Row>>;
}

/** A row of a table of collections, whatever its key, body and row (its operations and commands parse them with its own schemas). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the routes and commands give each row what its own schemas produced
export type AnyCollection = AdministeredCollection<string, any, any>;

/** Declares a collection; its methods are typed from its schemas. */
export const collection = <K extends string, Body extends z.ZodType, Row>(c: AdministeredCollection<K, Body, Row>): AnyCollection => c;

const words = (s: string) => s.split(/[\s-]+/);
/** `service point` → `service-point`, for paths and commands. */
export const kebab = (s: string) => words(s).join('-');
/** `service point` → `ServicePoint`, for operation ids. */
export const pascal = (s: string) =>
  words(s)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/** The change log's key of a row (`VTP/TH-SS-01`), from its key's parts in order. */
export const keyOf = (c: AnyCollection, key: Record<string, string>) =>
  Object.keys(c.key)
    .map((k) => key[k])
    .join('/');
