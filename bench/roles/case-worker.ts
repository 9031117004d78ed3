// A Postwatch case worker (worker/create-worker.ts), as a process of its own.
import { NativeConnection } from '@temporalio/worker';
import { parseCodecKeys } from '../../platform/payload-codec.js';
import { caseDataConverter } from '../../platform/payload-keys.js';
import { createDb } from '../../prisma/client.js';
import { createCaseWorker } from '../../worker/create-worker.js';
import { installWorkerRuntime, serve, settings } from './role.js';

export interface CaseWorkerSettings {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** PAYLOAD_CODEC_KEYS of the run: payloads sealed as deployed. */
  codecKeys: string;
  bundlePath: string;
  metricsPort: number;
  /** Bounds the sticky workflow cache; the SDK's default otherwise. */
  maxCachedWorkflows?: number;
}

await serve(async () => {
  const s = settings<CaseWorkerSettings>();
  installWorkerRuntime(s.metricsPort);
  const db = createDb(s.databaseUrl);
  const connection = await NativeConnection.connect({ address: s.temporalAddress });
  const worker = await createCaseWorker({
    connection,
    namespace: 'default',
    taskQueue: s.taskQueue,
    deps: { db, now: () => new Date() },
    dataConverter: caseDataConverter(parseCodecKeys(s.codecKeys)),
    bundlePath: s.bundlePath,
    extra: { shutdownGraceTime: '5 seconds', ...(s.maxCachedWorkflows ? { maxCachedWorkflows: s.maxCachedWorkflows } : {}) },
  });
  const running = worker.run();
  return {
    info: { metricsUrl: `http://127.0.0.1:${s.metricsPort}/metrics` },
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await db.$disconnect();
    },
  };
});
