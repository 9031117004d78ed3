/**
 * One measured window of one side: the load generator's result, and what every process spent
 * (CPU seconds) and counted (worker and server metrics) while it ran.
 */
import type { Deployment } from './deployment.js';
import { merge, type RunResult } from './load.js';
import { CpuMeter } from './proc.js';
import { metricsDuring, type Scrape } from './prometheus.js';

export interface Window {
  run: RunResult;
  cpu: Record<string, number>;
  metrics: Record<string, Scrape>;
}

export function metricsUrls(d: Deployment): Record<string, string> {
  return {
    'case worker': d.caseWorker.info.metricsUrl,
    'bare worker': d.bareWorker.info.metricsUrl,
    Temporal: d.temporal.server.metricsUrl,
  };
}

export async function measured(d: Deployment, fn: () => Promise<RunResult>): Promise<Window> {
  const meter = new CpuMeter(d.processes);
  const { value, cpu } = await meter.during(() => metricsDuring(metricsUrls(d), fn));
  return { run: value.value, cpu, metrics: value.metrics };
}

/** Windows of one side as one: runs merge, CPU seconds and metric deltas add. */
export function mergeWindows(ws: Window[]): Window {
  const cpu: Record<string, number> = {};
  const metrics: Record<string, Scrape> = {};
  for (const w of ws) {
    for (const [k, v] of Object.entries(w.cpu)) cpu[k] = (cpu[k] ?? 0) + v;
    for (const [src, s] of Object.entries(w.metrics)) {
      const into = (metrics[src] ??= new Map());
      for (const [key, series] of s) into.set(key, { ...series, value: (into.get(key)?.value ?? 0) + series.value });
    }
  }
  return { run: merge(ws.map((w) => w.run)), cpu, metrics };
}
