import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import type { z } from 'zod';
import type { Config } from '../../platform/config.js';
import { REDACT } from '../../platform/logger.js';
import { createDb, type Db } from '../../prisma/client.js';
import { ReferenceRefusal, type ChangeOutcome } from '../../prisma/reference/change-log.js';
import { runningEmbeddedUrl } from '../lib/embedded-postgres.js';

/** Exit codes of `npm run admin`, distinct per kind of failure (listed in `--help`). */
export const EXIT = { ok: 0, failed: 1, usage: 2, invalid: 3, notFound: 4, refused: 5, noDatabase: 6 } as const;

/** A failure the operator can act on: one line on stderr, its own exit code. */
export class AdminError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string) => new AdminError(EXIT.invalid, message);
export const notFound = (message: string) => new AdminError(EXIT.notFound, message);

/** Parses input with the API's own schema, so the CLI accepts exactly what the API accepts. */
export function parsed<S extends z.ZodType>(schema: S, input: unknown, label: (path: string) => string): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(r.error.issues.map((i) => `${label(i.path.join('.'))}: ${i.message}`).join('; '));
  return r.data;
}

/** A JSON body from --json TEXT or --file PATH. */
export function jsonBody(o: { json?: string; file?: string }): unknown {
  if (!!o.json === !!o.file) throw invalid('give the body as --json TEXT or --file PATH (one of them)');
  try {
    return JSON.parse(o.json ?? readFileSync(o.file!, 'utf8'));
  } catch (e) {
    throw invalid(`${o.json ? '--json' : `--file ${o.file}`}: ${(e as Error).message}`);
  }
}

function operatorName(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return `cli:${process.env.USER ?? 'operator'}`;
  }
}

export interface AdminContext {
  config: Config;
  /** Who changes reference data from here, in the change log. */
  operator: string;
  /** Audit lines (pino JSON on stderr), like the API's. */
  audit: Logger;
  /** Runs `fn` with a database client (DATABASE_URL, else the running `npm start`'s), closed afterwards. */
  withDb<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** A reference-data change, logged like the API's; a refusal becomes its exit code. */
  change<T>(table: string, key: string, run: () => Promise<ChangeOutcome<T>>): Promise<ChangeOutcome<T>>;
}

export function adminContext(config: Config): AdminContext {
  // audit lines go to stderr as pino JSON, like the API's; stdout stays for people
  const audit = pino(
    { name: 'postwatch-admin', level: config.LOG_LEVEL, redact: { paths: REDACT, censor: '[redacted]' } },
    pino.destination({ dest: 2, sync: true }),
  );
  return {
    config,
    operator: operatorName(),
    audit,
    async withDb(fn) {
      const url = config.DATABASE_URL ?? runningEmbeddedUrl(resolve(config.DATA_DIR));
      if (!url) throw new AdminError(EXIT.noDatabase, 'no database: start Postwatch (npm start) or set DATABASE_URL');
      const db = createDb(url, { max: 2 });
      try {
        return await fn(db);
      } finally {
        await db.$disconnect();
      }
    },
    async change(table, key, run) {
      try {
        const outcome = await run();
        if (outcome.change) {
          const { id, actorId } = outcome.change;
          const referenceChange = { id, actorId, table, key, before: outcome.before, after: outcome.after };
          audit.info({ referenceChange }, `reference data changed: ${table} ${key}`);
        }
        return outcome;
      } catch (e) {
        if (!(e instanceof ReferenceRefusal)) throw e;
        throw new AdminError(e.reason === 'not-found' ? EXIT.notFound : EXIT.refused, e.message);
      }
    },
  };
}

/** What a calendar change reaches: the worker sends it to the running cases (worker/calendar-corrections.ts). */
export const REACHES_RUNNING_CASES = 'running cases take it within a minute, through the worker';

/** The line a change prints: what it did, and to which cases it applies. */
export function changeLine<T>(
  what: string,
  o: ChangeOutcome<T>,
  shown: (row: T | null) => string,
  applies = 'applies to cases opened from now on',
): string {
  return o.change
    ? `${what}: ${shown(o.before)} → ${shown(o.after)} (change ${o.change.id}; ${applies})`
    : `${what}: unchanged, ${shown(o.after)}`;
}
