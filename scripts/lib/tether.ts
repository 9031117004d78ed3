import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StopStep } from './process-stop.js';

/** A server this process started, and how to stop it. */
export interface TetheredServer {
  pid: number;
  /** What its command line contains (a check against pid reuse). */
  command: string;
  steps: readonly StopStep[];
}

const WATCHER = fileURLToPath(new URL('./tether-watch.ts', import.meta.url));

/**
 * Ties embedded servers to this process: a small watcher process, in its own session (a
 * Ctrl-C does not reach it), holds an IPC channel to us. When we exit, however we exit (a
 * crash, SIGKILL, an OOM kill), the channel closes and the watcher stops every server still
 * running, then exits. A clean stop leaves it nothing to do.
 */
export function tetherToThisProcess(): { add(server: TetheredServer): void } {
  const watcher = spawn(process.execPath, ['--import', 'tsx', WATCHER], {
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  watcher.unref();
  watcher.channel?.unref(); // the channel must not keep this process alive
  return {
    add(server) {
      watcher.send(server);
    },
  };
}
