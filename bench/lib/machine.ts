/** What the document records of the machine a benchmark ran on. */
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  temporal: string;
  /** 1-minute load average before our servers started: other work on a shared machine. */
  loadBefore: number;
}

export function machine(versions: { postgres: string; temporal: string }, loadBefore: number): Machine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: totalmem() / 2 ** 30,
    node: process.version,
    postgres: versions.postgres,
    temporal: versions.temporal,
    loadBefore,
  };
}

export const loadNow = () => loadavg()[0]!;

/** Whether other work loaded the machine enough to make the figures preliminary. */
export const busy = (m: Machine) => m.loadBefore > m.cores * 0.5;

/** The lines every section starts with: command, machine, date, and the load it saw. */
export function provenance(m: Machine, command: string, loadAfter: number, startedAt: Date): string {
  const lines = [
    `Command: \`${command}\``,
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB.toFixed(1)} GiB memory, Node ${m.node}, PostgreSQL ${m.postgres}, ` +
      `Temporal ${m.temporal}; load average ${m.loadBefore.toFixed(1)} before the run, ${loadAfter.toFixed(1)} at the end of this benchmark.`,
    `Date: ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  ];
  if (busy(m))
    lines.push(
      `**Preliminary:** the machine was shared with other work (load average ${m.loadBefore.toFixed(1)} on ${m.cores} cores before the run ` +
        'started), so absolute figures are low and noisy; the ratios, measured side by side and alternating, are the figures to read.',
    );
  return lines.join('  \n');
}
