// The bare baseline's worker (bench/bare), as a process of its own.
import { NativeConnection, Worker } from '@temporalio/worker';
import pg from 'pg';
import { createBareActivities } from '../bare/activities.js';
import { BARE_TASK_QUEUE } from '../bare/definitions.js';
import { installWorkerRuntime, serve, settings } from './role.js';

export interface BareWorkerSettings {
  databaseUrl: string;
  temporalAddress: string;
  bundlePath: string;
  metricsPort: number;
}

await serve(async () => {
  const s = settings<BareWorkerSettings>();
  installWorkerRuntime(s.metricsPort);
  const pool = new pg.Pool({ connectionString: s.databaseUrl, max: 10 }); // as createDb's pool
  const connection = await NativeConnection.connect({ address: s.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue: BARE_TASK_QUEUE,
    workflowBundle: { codePath: s.bundlePath },
    activities: createBareActivities(pool),
    shutdownGraceTime: '5 seconds',
  });
  const running = worker.run();
  return {
    info: { metricsUrl: `http://127.0.0.1:${s.metricsPort}/metrics` },
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await pool.end();
    },
  };
});
