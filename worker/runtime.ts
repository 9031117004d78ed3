import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import { temporalLogAdapter, type Logger } from '../platform/logger.js';

/**
 * Installs the SDK runtime once per process with our logger; the app, not the SDK, handles
 * signals. With `metricsAddress` (host:port) the SDK's worker metrics (task slots, poll and
 * schedule-to-start latencies, activity and workflow outcomes) are served for Prometheus at
 * http://host:port/metrics, named `temporal_…` with seconds for durations.
 */
export function installTemporalRuntime(log: Logger, opts: { metricsAddress?: string } = {}): void {
  const adapter = temporalLogAdapter(log);
  Runtime.install({
    logger: new DefaultLogger(adapter.level, (e: LogEntry) => adapter.write(e as never)),
    shutdownSignals: [],
    ...(opts.metricsAddress
      ? {
          telemetryOptions: {
            metrics: { prometheus: { bindAddress: opts.metricsAddress, countersTotalSuffix: true, useSecondsForDurations: true } },
          },
        }
      : {}),
  });
}
