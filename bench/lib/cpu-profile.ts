/**
 * Reads the .cpuprofile files that `node --cpu-prof` writes (one per thread) and sums self
 * time by function and by package, counting only the samples taken inside a window given in
 * CLOCK_MONOTONIC microseconds (V8 and process.hrtime read the same clock).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
}

export interface ProfileSummary {
  /** Sampled milliseconds inside the window, over every thread of the process. */
  totalMs: number;
  functions: SelfTime[];
  packages: SelfTime[];
}

const ROOT = process.cwd();

/** node_modules/@scope/pkg or node_modules/pkg, the project file, or V8's own entries. */
function packageOf(url: string): string {
  if (!url) return '(V8, native and GC)';
  const path = url.replace(/^file:\/\//, '');
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (m) return m[1]!;
  if (path.startsWith('node:') || !path.startsWith('/')) return 'node (built-in)';
  return relative(ROOT, path).split('/').slice(0, 2).join('/');
}

const top = (m: Map<string, number>, n: number): SelfTime[] =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, ms: us / 1000 }));

/** Every profile of process `pid` in `dir`, summed over the window [fromUs, toUs]. */
export function summarise(dir: string, pid: number, fromUs: number, toUs: number, n = 12): ProfileSummary {
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.includes(`.${pid}.`) && f.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(p.nodes.map((node) => [node.id, node]));
    let t = p.startTime;
    for (let i = 0; i < p.samples.length; i++) {
      t += p.timeDeltas[i]!;
      const dt = p.timeDeltas[i + 1] ?? 0; // a sample stands for the time until the next one
      if (t < fromUs || t > toUs) continue;
      const f = nodes.get(p.samples[i]!)!.callFrame;
      if (f.functionName === '(idle)') continue;
      const where = f.url ? `${packageOf(f.url)}:${f.lineNumber + 1}` : '';
      const name = `${f.functionName || '(anonymous)'} ${where}`.trim();
      byFunction.set(name, (byFunction.get(name) ?? 0) + dt);
      byPackage.set(packageOf(f.url), (byPackage.get(packageOf(f.url)) ?? 0) + dt);
      total += dt;
    }
  }
  return { totalMs: total / 1000, functions: top(byFunction, n), packages: top(byPackage, n) };
}

/** Now, on the clock the profiles use. */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
