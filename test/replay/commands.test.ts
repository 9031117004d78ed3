// Replaying a history only checks which commands come in which order. The recorded cases also fix
// what those commands carry: the input of every activity (the events, views and notices written)
// and the duration of every timer (of a local activity, which keeps no input there, its type). This test replays each fixture of the latest recorded version
// with a command log and compares both with the history, so a refactoring of the workflow or
// domain/ that changes a payload fails here even where replay itself would pass
// (docs/workflow-versioning.md, "The replay test").
import { testDataConverter } from '../support/payload-codec.js';
import { openPayload, type JsonPayload } from './payloads.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../../worker/create-worker.js';
import type { CaseRegistration } from '../../workflows/definitions.js';

const DIR = resolve(import.meta.dirname, '../fixtures/histories');
// the latest version says what the current code writes; older ones may carry what it used to write
const latest = readdirSync(DIR)
  .filter((d) => /^v\d+$/.test(d))
  .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
  .at(-1)!;
const fixtures = readdirSync(join(DIR, latest))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => `${latest}/${f}`);

type Command = { activity: string; input: unknown[] } | { localActivity: string } | { timerMs: number };
interface HistoryEvent {
  eventType: string;
  workflowExecutionStartedEventAttributes?: { input: { payloads: JsonPayload[] } };
  activityTaskScheduledEventAttributes?: { activityType: { name: string }; input: { payloads: JsonPayload[] } };
  timerStartedEventAttributes?: { startToFireTimeout: string };
  markerRecordedEventAttributes?: { markerName: string; details: Record<string, { payloads: JsonPayload[] }> };
}

const openAll = (payloads: JsonPayload[]) => Promise.all(payloads.map(openPayload));

/** The activity, local activity and timer commands a recorded history holds, in order. */
async function recorded(events: HistoryEvent[]): Promise<Command[]> {
  const commands: Command[] = [];
  for (const e of events) {
    const a = e.activityTaskScheduledEventAttributes;
    if (a) commands.push({ activity: a.activityType.name, input: await openAll(a.input.payloads) });
    const m = e.markerRecordedEventAttributes;
    if (m?.markerName === 'core_local_activity') {
      const [data] = (await openAll(m.details.data!.payloads)) as { activity_type: string }[];
      commands.push({ localActivity: data!.activity_type });
    }
    const t = e.timerStartedEventAttributes;
    if (t) commands.push({ timerMs: Math.round(Number.parseFloat(t.startToFireTimeout) * 1000) });
  }
  return commands;
}

/** The id the recorded case ran under (the workflow derives the case id from it), as its first stored step wrote it. */
async function workflowIdOf(events: HistoryEvent[]): Promise<string> {
  // the intake's steps may be local activities (no input in the history): the first scheduled write names the case
  for (const c of await recorded(events)) {
    const id = 'activity' in c ? (c.input[0] as Partial<CaseRegistration> | undefined)?.view?.id : undefined;
    if (id) return id;
  }
  throw new Error('no recorded write names the case');
}

let code: string;
beforeAll(async () => {
  ({ code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: [resolve(import.meta.dirname, 'command-log.ts')],
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
  }));
});

describe('commands of recorded case histories', () => {
  it('has histories to compare', () => expect(fixtures.length).toBeGreaterThan(0));

  it.each(fixtures)('%s: the same activities with the same inputs, the same timers', async (f) => {
    const history = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as { events: HistoryEvent[] };
    const issued: Command[] = [];
    await Worker.runReplayHistory(
      {
        workflowBundle: { code },
        dataConverter: testDataConverter,
        sinks: {
          commands: {
            activity: {
              fn: (_info, activity: string, input: unknown[]) => void issued.push({ activity, input: JSON.parse(JSON.stringify(input)) }),
              callDuringReplay: true,
            },
            localActivity: { fn: (_info, localActivity: string) => void issued.push({ localActivity }), callDuringReplay: true },
            timer: { fn: (_info, timerMs: number) => void issued.push({ timerMs }), callDuringReplay: true },
          },
        },
      },
      history,
      await workflowIdOf(history.events),
    );
    // as JSON values: the order of an object's keys has changed between versions and means nothing
    expect(JSON.parse(JSON.stringify(issued))).toEqual(await recorded(history.events));
  });
});
