import { readFileSync } from 'node:fs';

/** True while a process exists (EPERM: it exists, as another user, e.g. `postgres` under root). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a process where /proc exists (Linux); null elsewhere or when it is gone. */
export function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return null;
  }
}

/** A live process whose command line names `what` (pids are reused: never signal a stranger). */
export function isRunningAs(pid: number, what: string): boolean {
  if (!Number.isInteger(pid) || pid <= 1 || !isRunning(pid)) return false;
  const cmd = commandLine(pid);
  return cmd === null ? process.platform !== 'linux' : cmd.includes(what);
}

export interface StopStep {
  signal: NodeJS.Signals;
  /** How long to wait for the exit before the next step. */
  waitMs: number;
}

/**
 * Stops a process by escalating signals, each with a bounded wait. Resolves with the signal
 * that ended it (null: it had already gone), or throws when even the last step did not.
 */
export async function stopProcess(pid: number, steps: readonly StopStep[]): Promise<NodeJS.Signals | null> {
  if (!isRunning(pid)) return null;
  for (const { signal, waitMs } of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return signal; // gone between the check and the signal
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isRunning(pid)) return signal;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  if (!isRunning(pid)) return steps.at(-1)!.signal;
  throw new Error(`process ${pid} is still running after ${steps.map((s) => s.signal).join(', ')}`);
}

/** PostgreSQL: fast shutdown (rolls back, closes connections), then immediate (recovers on next start). */
export const POSTGRES_STOP: readonly StopStep[] = [
  { signal: 'SIGINT', waitMs: 15_000 },
  { signal: 'SIGQUIT', waitMs: 5_000 },
];

/** The Temporal dev server: a graceful stop, then SIGKILL (its SQLite file survives a kill). */
export const TEMPORAL_STOP: readonly StopStep[] = [
  { signal: 'SIGTERM', waitMs: 5_000 },
  { signal: 'SIGKILL', waitMs: 2_000 },
];
