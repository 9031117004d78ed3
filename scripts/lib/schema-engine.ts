// Prisma's schema engine as WebAssembly, for development-time diffs only.
// `prisma migrate dev` downloads a native engine and fails offline; the wasm
// engine ships inside the `prisma` package, its JS glue in
// @prisma/schema-engine-wasm (pinned: its import table matches this wasm).
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaContainer, SchemaEngine } from '@prisma/schema-engine-wasm';

export type { SchemaEngine };

const require = createRequire(import.meta.url);
export const wasmPath = join(dirname(require.resolve('prisma/package.json')), 'build', 'schema_engine_bg.wasm');

let loaded: Promise<typeof glue> | undefined;

// The engine reports a Rust panic's message through this global before it
// traps (as Prisma's CLI sets it up); without it the panic hook itself throws
// and the real message is lost.
type PanicRegistry = { message: string; set_message(m: string): void };
const registryHolder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
registryHolder.PRISMA_WASM_PANIC_REGISTRY ??= {
  message: '',
  set_message(m) {
    this.message = `RuntimeError: ${m}`;
  },
};

/** A panic surfaces as an uncaught `RuntimeError: unreachable`; this is what it was about. */
export function lastEnginePanic(): string {
  return registryHolder.PRISMA_WASM_PANIC_REGISTRY?.message ?? '';
}

/** Instantiates the engine once per process (the glue holds module-level state). */
export function loadSchemaEngineWasm(): Promise<typeof glue> {
  loaded ??= (async () => {
    const module = await WebAssembly.compile(readFileSync(wasmPath));
    // wasm-bindgen import names carry a hash of their signature: a missing
    // one means the glue and the wasm come from different engine builds.
    const missing = WebAssembly.Module.imports(module).filter((i) => !(i.name in glue));
    if (missing.length > 0) {
      throw new Error(
        `@prisma/schema-engine-wasm glue does not match ${wasmPath} (missing ${missing[0]!.name}); ` +
          'pin the glue version whose schema_engine_bg.js exports every import of that wasm',
      );
    }
    const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return glue;
  })();
  return loaded;
}

// adapter-pg 7.10.1 rejects PostgreSQL's internal `"char"` type (OID 18),
// which the engine reads from pg_catalog (e.g. pg_constraint.contype) and
// expects typed as Character, not Text: with Text it panics. So the pg layer
// reports OID 18 as text, to get past the adapter, and remembers those
// columns by the rows array, which the adapter passes through as is; the
// adapter layer then marks them Character.
const CHAR_OID = 18;
const TEXT_OID = 25;
const charColumns = new WeakMap<unknown[], number[]>();

function hideChar<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as (pg.QueryResult | undefined)[]) {
    const idx = (r?.fields ?? []).flatMap((f, i) => (f.dataTypeID === CHAR_OID ? [i] : []));
    if (!r || idx.length === 0) continue;
    for (const i of idx) r.fields[i]!.dataTypeID = TEXT_OID;
    charColumns.set(r.rows, idx);
  }
  return result;
}

function restoreChar(rs: SqlResultSet): SqlResultSet {
  for (const i of charColumns.get(rs.rows) ?? []) rs.columnTypes[i] = ColumnTypeEnum.Character;
  return rs;
}

function charAware(tx: Transaction): Transaction {
  const queryRaw = tx.queryRaw.bind(tx);
  tx.queryRaw = async (q) => restoreChar(await queryRaw(q));
  return tx;
}

class CharAsTextClient extends pg.Client {
  // pg-pool uses the callback form, the adapter's transactions the promise form
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === 'function') args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : hideChar(res));
    const ret = (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    return ret instanceof Promise ? ret.then(hideChar) : ret;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * The engine-facing adapter: "char" columns typed Character (above), and
 * scripts run as one simple query, since adapter-pg 7.10.1 splits them on
 * every `;` (breaking function bodies and atomicity). An empty args list
 * keeps pg on the simple protocol, which accepts several statements.
 */
function wholeScript(inner: SqlDriverAdapter, afterDispose?: () => Promise<void>): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: async (q) => restoreChar(await inner.queryRaw(q)),
    executeRaw: (q) => inner.executeRaw(q),
    startTransaction: async (level) => charAware(await inner.startTransaction(level)),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    executeScript: async (script) => {
      await inner.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    dispose: async () => {
      try {
        await inner.dispose();
      } finally {
        await afterDispose?.();
      }
    },
  };
}

/**
 * A PrismaPg factory fit for the schema engine. Its shadow database is a
 * fresh, uniquely named database on the same server, created and dropped
 * here: adapter-pg's own connectToShadowDb reuses the connection string,
 * whose database wins over the override, so it would run on `url` itself.
 * `close()` disposes what the engine left open (it never disposes its main
 * connection, which would keep the process alive).
 */
export function migrationAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory & { close(): Promise<void> } {
  const main = new PrismaPg({ connectionString: url, Client: CharAsTextClient });
  const open = new Set<SqlDriverAdapter>();
  const track = (inner: SqlDriverAdapter, afterDispose?: () => Promise<void>) => {
    const a = wholeScript(inner, async () => {
      open.delete(a);
      await afterDispose?.();
    });
    open.add(a);
    return a;
  };
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => track(await main.connect()),
    connectToShadowDb: async () => {
      const name = `prisma_shadow_${randomBytes(8).toString('hex')}`;
      await adminQuery(url, `CREATE DATABASE "${name}"`);
      const drop = () => adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      try {
        const inner = await new PrismaPg({ connectionString: withDatabase(url, name), Client: CharAsTextClient }).connect();
        const shadow = track(inner, drop);
        // guard: migration SQL must never reach the main database
        const r = await inner.queryRaw({ sql: 'SELECT current_database()', args: [], argTypes: [] });
        if (r.rows[0]?.[0] !== name) {
          await shadow.dispose();
          throw new Error(`shadow connection landed in "${String(r.rows[0]?.[0])}", not "${name}"`);
        }
        return shadow;
      } catch (e) {
        await drop().catch(() => {});
        throw e;
      }
    },
    async close() {
      for (const a of [...open]) await a.dispose();
    },
  };
}

export const LOCKFILE = 'migration_lock.toml';
/** Byte for byte what `prisma migrate dev` writes. */
export const LOCKFILE_CONTENT =
  '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n';

/**
 * The migrations directory in the shape the engine takes (as Prisma's CLI
 * reads it). A missing lockfile counts as postgresql: the engine needs a
 * provider even for the very first migration.
 */
export function readMigrationsList(dir: string): MigrationList {
  const baseDir = resolve(dir);
  const lockPath = join(baseDir, LOCKFILE);
  const dirs = existsSync(baseDir) ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : LOCKFILE_CONTENT },
    shadowDbInitScript: '',
    migrationDirectories: dirs
      .map((d) => d.name)
      .sort()
      .map((name) => {
        const file = join(baseDir, name, 'migration.sql');
        return {
          path: name,
          migrationFile: {
            path: 'migration.sql',
            content: existsSync(file)
              ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
              : { tag: 'error' as const, value: `${file} does not exist` },
          },
        };
      }),
  };
}

export interface EngineHandle {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/** Opens an engine whose main connection is `url`; shadow databases go next to it. */
export async function openSchemaEngine(url: string, log: (msg: string) => void = () => {}): Promise<EngineHandle> {
  const { SchemaEngine } = await loadSchemaEngineWasm();
  const factory = migrationAdapterFactory(url);
  const engine = await SchemaEngine.new({ datamodels: undefined }, log, bindMigrationAwareSqlAdapterFactory(factory));
  return {
    engine,
    async close() {
      engine.free();
      await factory.close();
    },
  };
}

/**
 * SQL that takes a database built from `migrationsDir` to `schemaFiles`,
 * replaying the migrations in a throwaway shadow database next to `url`.
 * `sql` is null when they are in sync.
 */
export async function diffMigrationsToSchema(opts: {
  url: string;
  migrationsDir: string;
  schemaFiles: SchemaContainer[];
}): Promise<{ sql: string | null }> {
  const { engine, close } = await openSchemaEngine(opts.url);
  try {
    const r = await engine.diff({
      from: { tag: 'migrations', ...readMigrationsList(opts.migrationsDir) },
      to: { tag: 'schemaDatamodel', files: opts.schemaFiles },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return { sql: r.exitCode === 2 ? (r.stdout ?? '') : null };
  } finally {
    await close();
  }
}
