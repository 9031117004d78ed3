/**
 * CPU time and memory of the processes a benchmark runs, from /proc (Linux): which process
 * spends what per request is the first thing a profile of the intake needs.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, fixed at 100 on Linux for /proc/<pid>/stat

/** utime + stime of one process (with `reaped`, plus that of its children it has waited for), in seconds; 0 once it is gone. */
export function ownCpu(pid: number, reaped = false): number {
  try {
    // the command name (field 2) may hold spaces: count fields after its closing parenthesis
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    return (f[11]! + f[12]! + (reaped ? f[13]! + f[14]! : 0)) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function parentOf(pid: string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

/**
 * CPU seconds of a process and its descendants (PostgreSQL's backends): the living ones, and
 * through their parents' counters the ones that have exited, so the sum never goes back.
 */
export function treeCpuSeconds(root: number): number {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const ppid = parentOf(d);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid)!.push(Number(d));
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += ownCpu(pid, true);
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Resident memory now and at its peak (VmRSS, VmHWM), in MiB. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** A process to watch; `tree` counts its descendants too (PostgreSQL's backends). */
export interface Watched {
  pid: number | undefined;
  tree?: boolean;
}

/** A set of named processes whose CPU seconds are read together, so deltas cover one window. */
export class CpuMeter {
  constructor(private readonly processes: () => Record<string, Watched>) {}

  read(): Record<string, number> {
    return Object.fromEntries(
      Object.entries(this.processes()).map(([name, w]) => [name, !w.pid ? NaN : w.tree ? treeCpuSeconds(w.pid) : ownCpu(w.pid)]),
    );
  }

  /** CPU seconds each process spent while `fn` ran. */
  async during<T>(fn: () => Promise<T>): Promise<{ value: T; cpu: Record<string, number> }> {
    const before = this.read();
    const value = await fn();
    const after = this.read();
    return { value, cpu: Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - before[k]!])) };
  }
}
