/** The child side of bench/lib/roles.ts: settings in, `ready` out, a clean stop on request. */
import { DefaultLogger, Runtime } from '@temporalio/worker';

export const settings = <T>(): T => JSON.parse(process.env.BENCH_ROLE ?? '{}') as T;

export interface Running {
  info: Record<string, unknown>;
  stop(): Promise<void>;
  onMessage?(m: Record<string, unknown>): void;
}

/** Runs a role: reports `ready` with its info, stops on `{ stop: true }` or when the parent goes away. */
export async function serve(start: () => Promise<Running>): Promise<void> {
  let running: Running;
  try {
    running = await start();
  } catch (e) {
    process.send?.({ failed: (e as Error).stack ?? String(e) });
    process.exit(1);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop().catch((e: Error) => console.error(`bench role: stop failed: ${e.message}`));
    process.exit(0); // flushes --cpu-prof
  };
  process.on('message', (m: Record<string, unknown>) => (m.stop ? void stop() : running.onMessage?.(m)));
  process.once('disconnect', () => void stop());
  process.send?.({ ready: running.info });
}

/** The SDK runtime of a worker role: warnings only, and its metrics on a Prometheus endpoint. */
export function installWorkerRuntime(metricsPort: number): void {
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${metricsPort}` } } },
    shutdownSignals: [],
  });
}
