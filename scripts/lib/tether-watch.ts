// The watcher of scripts/lib/tether.ts: receives servers over IPC; when the channel closes (its
// parent is gone), stops those still running, then exits.
import { isRunningAs, stopProcess } from './process-stop.js';
import type { TetheredServer } from './tether.js';

const servers: TetheredServer[] = [];
process.on('message', (s: TetheredServer) => servers.push(s));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => {}); // only the parent's end ends us
process.on('disconnect', async () => {
  await Promise.allSettled(servers.filter((s) => isRunningAs(s.pid, s.command)).map((s) => stopProcess(s.pid, s.steps)));
  process.exit(0);
});
