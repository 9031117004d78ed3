// Recorded histories of complete cases (test/fixtures/histories, written by
// `npm run record-histories`) must replay on the current workflow code. A change that breaks
// determinism for running cases fails here; see docs/workflow-versioning.md. They replay through the
// payload codec, as a deployment's worker does: histories recorded before the codec (v1-v3, in clear)
// pass through it unchanged, and later ones are sealed with the tests' fixed key.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { openPayload, type JsonPayload } from './payloads.js';
import { testDataConverter } from '../support/payload-codec.js';

const DIR = resolve(import.meta.dirname, '../fixtures/histories');
// one folder per workflow version (v1, v2, ...): every version ever recorded must still replay
const versions = readdirSync(DIR)
  .filter((d) => /^v\d+$/.test(d))
  .sort();
const fixtures = versions.flatMap((v) =>
  readdirSync(join(DIR, v))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `${v}/${f}`),
);
const load = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8'));
const base = (f: string) => f.split('/').at(-1)!;

const OUTCOMES: Record<string, string> = {
  'cleared-released.json': 'CLEARED',
  'paid-late.json': 'PAID',
  'enforced.json': 'ENFORCED',
  'escalated-referred.json': 'REFERRED',
  'expired.json': 'EXPIRED',
  'incident-retried.json': 'CLEARED',
  'emergency-stop.json': 'CLEARED',
  'inspection-paid.json': 'PAID',
};

/** The case outcome a recorded history completed with. */
async function outcomeOf(history: {
  events: { eventType: string; workflowExecutionCompletedEventAttributes?: { result?: { payloads?: JsonPayload[] } } }[];
}) {
  const done = history.events.at(-1)!;
  expect(done.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED');
  return openPayload(done.workflowExecutionCompletedEventAttributes!.result!.payloads![0]!);
}

// paths recorded only from a version on: what earlier versions could not do
const SINCE: Record<string, number> = { 'incident-retried.json': 7, 'emergency-stop.json': 8, 'inspection-paid.json': 8 };
const pathsOf = (v: string) => Object.keys(OUTCOMES).filter((p) => (SINCE[p] ?? 1) <= Number(v.slice(1)));

describe('replay of recorded case histories', () => {
  it('has a fixture for every path in every recorded version', () => {
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) expect(fixtures.filter((f) => f.startsWith(`${v}/`)).map(base)).toEqual(pathsOf(v).sort());
  });

  for (const f of fixtures) {
    it(`replays ${f} on the current code`, async () => {
      const history = load(f);
      expect(await outcomeOf(history)).toBe(OUTCOMES[base(f)]);
      await Worker.runReplayHistory(
        { workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: testDataConverter },
        history,
        f,
      );
    });
  }

  it('fails on a deliberately non-deterministic change', async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: resolve(import.meta.dirname, 'altered-workflows.ts'),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    });
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: { code }, dataConverter: testDataConverter },
        load(`${versions.at(-1)}/cleared-released.json`),
        'altered',
      ),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
