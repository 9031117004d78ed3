/**
 * Postwatch and the bare baseline deployed side by side on one stack: a migrated, seeded
 * database, the API, a case worker and the baseline's worker, each a process, and the clients
 * the load generator uses (HTTP for Postwatch, the Temporal client for the baseline).
 */
import { mkdirSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { Pool } from 'undici';
import { newCodecKeyEntry, parseCodecKeys } from '../../platform/payload-codec.js';
import { caseDataConverter } from '../../platform/payload-keys.js';
import { createCarrier } from '../../prisma/carriers.js';
import { createPrincipal } from '../../prisma/principals.js';
import { freePort } from '../../scripts/lib/ports.js';
import { TASK_QUEUE } from '../../workflows/definitions.js';
import { CREATE_BARE_TABLE } from '../bare/activities.js';
import type { ApiSettings } from '../roles/api.js';
import type { BareWorkerSettings } from '../roles/bare-worker.js';
import type { CaseWorkerSettings } from '../roles/case-worker.js';
import type { Watched } from './proc.js';
import { setUpDatabase } from './database.js';
import { startRole, type Role } from './roles.js';
import type { Stack, TemporalServer } from './stack.js';

/** The carrier the benchmark reports as, and the provinces its cases rotate through (all seeded, each with its agencies). */
export const BENCH_CARRIER = 'BENCH';
export const PROVINCES = ['TH', 'HN', 'HCM'] as const;

export interface Deployment {
  databaseUrl: string;
  sql: pg.Pool;
  /** `client` is the baseline's (no codec), `cases` Postwatch's (payloads sealed, as the API and worker do). */
  temporal: { connection: Connection; client: Client; cases: Client; server: TemporalServer };
  http: Pool;
  api: Role<{ base: string }>;
  caseWorker: Role<{ metricsUrl: string }>;
  bareWorker: Role<{ metricsUrl: string }>;
  /** PAYLOAD_CODEC_KEYS of the run, for further case workers. */
  codecKeys: string;
  carrierToken: string;
  /** The lead agency's officer (`<province>-QLTT`) of each province: acknowledges that province's cases. */
  officerTokens: Record<string, string>;
  /** The processes whose CPU time the benchmarks report. */
  processes(): Record<string, Watched>;
  stop(): Promise<void>;
}

export async function deploy(
  stack: Stack,
  temporalServer: TemporalServer,
  opts: { database: string; cpuProfDir?: string; captureQueries?: boolean; log: (m: string) => void },
): Promise<Deployment> {
  const undo: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const u of undo.reverse()) await u().catch((e: Error) => opts.log(`stop: ${e.message}`));
    undo.length = 0;
  };
  try {
    const databaseUrl = await stack.createDatabase(opts.database);
    const { carrierToken, officerTokens } = await setUpDatabase(databaseUrl, {}, async (db) => {
      await createCarrier(db, { id: BENCH_CARRIER, name: 'Bưu chính thử tải (benchmark carrier)', kt1: false });
      const carrier = await createPrincipal(db, { name: 'Benchmark carrier', role: 'carrier', carrierId: BENCH_CARRIER }, 'bench');
      const officers: Record<string, string> = {};
      for (const p of PROVINCES) {
        const o = await createPrincipal(db, { name: `Cán bộ ${p}-QLTT`, role: 'officer', agencyId: `${p}-QLTT`, provinceCode: p }, 'bench');
        officers[p] = o.token;
      }
      return { carrierToken: carrier.token, officerTokens: officers };
    });
    const sql = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    undo.push(() => sql.end());
    await sql.query(CREATE_BARE_TABLE);

    if (opts.cpuProfDir) mkdirSync(opts.cpuProfDir, { recursive: true });
    const codecKeys = newCodecKeyEntry();
    const common = { databaseUrl, temporalAddress: temporalServer.address };
    const [api, caseWorker, bareWorker] = await Promise.all([
      startRole<{ base: string }>(
        'api.ts',
        { ...common, taskQueue: TASK_QUEUE, codecKeys, captureQueries: opts.captureQueries } satisfies ApiSettings,
        {
          name: 'api',
          cpuProfDir: opts.cpuProfDir,
        },
      ),
      startRole<{ metricsUrl: string }>(
        'case-worker.ts',
        {
          ...common,
          taskQueue: TASK_QUEUE,
          codecKeys,
          bundlePath: stack.bundles.cases,
          metricsPort: await freePort(),
        } satisfies CaseWorkerSettings,
        { name: 'case worker', cpuProfDir: opts.cpuProfDir },
      ),
      startRole<{ metricsUrl: string }>(
        'bare-worker.ts',
        { ...common, bundlePath: stack.bundles.bare, metricsPort: await freePort() } satisfies BareWorkerSettings,
        { name: 'bare worker' },
      ),
    ]);
    undo.push(() => Promise.all([api.stop(), caseWorker.stop(), bareWorker.stop()]));

    const connection = await Connection.connect({ address: temporalServer.address });
    undo.push(() => connection.close());
    const http = new Pool(api.info.base, { connections: 256, pipelining: 1 });
    undo.push(() => http.close());
    return {
      databaseUrl,
      sql,
      temporal: {
        connection,
        client: new Client({ connection, namespace: 'default' }),
        cases: new Client({ connection, namespace: 'default', dataConverter: caseDataConverter(parseCodecKeys(codecKeys)) }),
        server: temporalServer,
      },
      http,
      api,
      caseWorker,
      bareWorker,
      codecKeys,
      carrierToken,
      officerTokens,
      processes: () => ({
        'load generator': { pid: process.pid },
        API: { pid: api.pid },
        'case worker': { pid: caseWorker.pid },
        'bare worker': { pid: bareWorker.pid },
        Temporal: { pid: temporalServer.pid },
        PostgreSQL: { pid: stack.pg.pid(), tree: true },
      }),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
