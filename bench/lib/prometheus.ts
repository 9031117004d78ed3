/**
 * Reads the Prometheus endpoints of the workers (the SDK's own metrics: workflow task and
 * activity schedule-to-start and execution latencies) and of the Temporal server (persistence
 * requests), and takes the difference over one measured window.
 */

export interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export type Scrape = Map<string, Series>;

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export async function scrape(url: string): Promise<Scrape> {
  const out: Scrape = new Map();
  try {
    const text = await (await fetch(url, { signal: AbortSignal.timeout(10_000) })).text();
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const m = LINE.exec(line);
      if (!m) continue;
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(LABEL)].map((l) => [l[1]!, l[2]!]));
      out.set(`${m[1]}{${m[2] ?? ''}}`, { name: m[1]!, labels, value: Number(m[3]) });
    }
  } catch {
    // a missing endpoint leaves the metrics columns empty rather than failing the benchmark
  }
  return out;
}

/** after − before, series by series. */
export function delta(before: Scrape, after: Scrape): Scrape {
  const out: Scrape = new Map();
  for (const [k, s] of after) out.set(k, { ...s, value: s.value - (before.get(k)?.value ?? 0) });
  return out;
}

/** The sum of every series of a metric, optionally grouped by one label. */
export function total(s: Scrape, name: string): number {
  let sum = 0;
  for (const v of s.values()) if (v.name === name) sum += v.value;
  return sum;
}

export function byLabel(s: Scrape, name: string, label: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of s.values()) if (v.name === name) out.set(v.labels[label] ?? '', (out.get(v.labels[label] ?? '') ?? 0) + v.value);
  return out;
}

/** Mean of a histogram over the window: Δsum / Δcount (NaN when nothing was observed). */
export const histogramMean = (s: Scrape, name: string) => total(s, `${name}_sum`) / total(s, `${name}_count`);
export const histogramCount = (s: Scrape, name: string) => total(s, `${name}_count`);

/** Scrapes several endpoints before and after `fn`. */
export async function metricsDuring<T>(
  urls: Record<string, string>,
  fn: () => Promise<T>,
): Promise<{ value: T; metrics: Record<string, Scrape> }> {
  const entries = Object.entries(urls);
  const before = await Promise.all(entries.map(([, u]) => scrape(u)));
  const value = await fn();
  const after = await Promise.all(entries.map(([, u]) => scrape(u)));
  return { value, metrics: Object.fromEntries(entries.map(([k], i) => [k, delta(before[i]!, after[i]!)])) };
}
