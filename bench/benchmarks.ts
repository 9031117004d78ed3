/**
 * Runs the selected benchmarks on one stack and writes each one's section of the document.
 * Every deployment and server registers its own undo, so a failure or a signal stops them all.
 */
import { resolve } from 'node:path';
import { deploy, type Deployment } from './lib/deployment.js';
import { writeSection } from './lib/doc.js';
import { loadNow, machine, provenance, type Machine } from './lib/machine.js';
import type { BenchmarkName, BenchOptions } from './lib/options.js';
import { perSecond } from './lib/markdown.js';
import { bareSide, postwatchSide, type Side } from './lib/sides.js';
import { startStack, type Stack } from './lib/stack.js';
import { highestRates, intakeTables, measureIntake, type IntakeLevel } from './intake.js';
import { latencySection, measureLatency } from './latency.js';
import { measureTimers, timersSection } from './timers.js';
import { listingSection, measureListing } from './listing.js';
import { scaledSection, measureScaled } from './scaled.js';
import { measureProfile, profileSection } from './profile.js';
import { measureReports, reportsSection } from './reports.js';

export interface BenchContext {
  loadBefore: number;
  log: (m: string) => void;
}

const TITLES: Record<BenchmarkName, string> = {
  intake: '1. Intake rate: `POST /v1/cases` against bare Temporal',
  latency: '2. Latency under load',
  timers: '3. Open cases at scale: timers falling due together',
  listing: '4. Listing at scale: `GET /v1/cases` against its own SQL',
  scaled: '5. Intake on a PostgreSQL-backed Temporal server',
  reports: '6. Reports at scale: the annual report against hand-written SQL',
  profile: 'Profile of the intake path',
};

export function runBenchmarks(o: BenchOptions, ctx: BenchContext): { done: Promise<void>; stop(): Promise<void> } {
  const undo: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const u of undo.reverse()) await u().catch((e: Error) => ctx.log(`stop: ${e.message}`));
    undo.length = 0;
  };
  const docPath = resolve(o.doc);
  const wants = (b: BenchmarkName) => o.only.includes(b);

  const done = (async () => {
    const stack: Stack = await startStack({ keep: o.keep, log: ctx.log });
    undo.push(() => stack.stop());
    const m: Machine = machine({ postgres: stack.pg.version, temporal: stack.temporal.describe }, ctx.loadBefore);
    const section = (name: BenchmarkName, startedAt: Date, body: string) => {
      writeSection(docPath, name, `## ${TITLES[name]}\n\n${provenance(m, o.command, loadNow(), startedAt)}\n\n${body}`);
      ctx.log(`wrote the ${name} section of ${o.doc}`);
      console.log(`\n## ${TITLES[name]}\n\n${body}\n`);
    };

    let intake: IntakeLevel[] | null = null;
    if (wants('intake') || wants('latency') || wants('timers')) {
      const d: Deployment = await deploy(stack, stack.temporal, { database: 'postwatch', log: ctx.log });
      undo.push(() => d.stop());
      const sides: { bare: Side; postwatch: Side } = { bare: bareSide(d, 'intake'), postwatch: postwatchSide(d, 'intake') };
      if (wants('intake')) {
        const at = new Date();
        intake = await measureIntake(
          d,
          sides,
          { concurrency: o.intakeConcurrency, seconds: o.intakeSeconds, rounds: o.intakeRounds, warmupSeconds: o.warmupSeconds },
          ctx.log,
        );
        section('intake', at, intakeTables(intake));
      }
      if (wants('latency')) {
        const at = new Date();
        const pct = `${Math.round(o.latencyLoad * 100)} %`;
        const rate = o.latencyRate
          ? { perSecond: o.latencyRate, source: 'given with --latency-rate' }
          : intake
            ? {
                perSecond: highestRates(intake).postwatch * o.latencyLoad,
                source: `${pct} of Postwatch's highest sustained intake rate in benchmark 1, ${perSecond(highestRates(intake).postwatch)}`,
              }
            : null;
        const r = await measureLatency(d, sides, { rate, load: o.latencyLoad, seconds: o.latencySeconds }, ctx.log);
        section('latency', at, latencySection(r));
      }
      if (wants('timers')) {
        const at = new Date();
        const r = await measureTimers(
          stack,
          d,
          { cases: o.cases, cache: o.workflowCache, drainSeconds: o.timersDrainSeconds, budgetMinutes: o.timersBudgetMinutes },
          ctx.log,
        );
        section('timers', at, timersSection(r));
      }
      await d.stop();
    }
    if (wants('listing')) {
      const at = new Date();
      const r = await measureListing(
        stack,
        { rows: o.rows, requests: o.listingRequests, requestsBefore: o.listingBeforeRequests },
        ctx.log,
      );
      section('listing', at, listingSection(r));
    }
    if (wants('scaled')) {
      const at = new Date();
      const r = await measureScaled(
        stack,
        { concurrency: o.scaledConcurrency, seconds: o.intakeSeconds, rounds: o.intakeRounds, warmupSeconds: o.warmupSeconds },
        intake,
        ctx.log,
      );
      section('scaled', at, scaledSection(r));
    }
    if (wants('reports')) {
      const at = new Date();
      const r = await measureReports(stack, { cases: o.reportCases, runs: o.reportRuns }, ctx.log);
      section('reports', at, reportsSection(r));
    }
    if (wants('profile')) {
      const at = new Date();
      const r = await measureProfile(stack, { seconds: o.profileSeconds }, ctx.log);
      section('profile', at, profileSection(r));
    }
  })();
  return { done, stop };
}
