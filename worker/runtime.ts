import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import { temporalLogAdapter, type Logger } from '../platform/logger.js';

/** Installs the SDK runtime once per process with our logger; the app, not the SDK, handles signals. */
export function installTemporalRuntime(log: Logger): void {
  const adapter = temporalLogAdapter(log);
  Runtime.install({
    logger: new DefaultLogger(adapter.level, (e: LogEntry) => adapter.write(e as never)),
    shutdownSignals: [],
  });
}
