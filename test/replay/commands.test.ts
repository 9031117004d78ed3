// Replaying a history only checks which commands come in which order. The recorded cases also fix
// what those commands carry: the input of every activity (the events, views and notices written)
// and the duration of every timer. This test replays each fixture of the latest recorded version
// with a command log and compares both with the history, so a refactoring of the workflow or
// domain/ that changes a payload fails here even where replay itself would pass
// (docs/workflow-versioning.md, "The replay test").
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../../worker/create-worker.js';
import { caseWorkflowId, type CaseWorkflowInput } from '../../workflows/definitions.js';

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

type Command = { activity: string; input: unknown[] } | { timerMs: number };
interface Payload {
  data: string;
}
interface HistoryEvent {
  eventType: string;
  workflowExecutionStartedEventAttributes?: { input: { payloads: Payload[] } };
  activityTaskScheduledEventAttributes?: { activityType: { name: string }; input: { payloads: Payload[] } };
  timerStartedEventAttributes?: { startToFireTimeout: string };
}

const decode = (p: Payload): unknown => JSON.parse(Buffer.from(p.data, 'base64').toString('utf8'));

/** The activity and timer commands a recorded history holds, in order. */
function recorded(events: HistoryEvent[]): Command[] {
  return events.flatMap((e): Command[] => {
    const a = e.activityTaskScheduledEventAttributes;
    if (a) return [{ activity: a.activityType.name, input: a.input.payloads.map(decode) }];
    const t = e.timerStartedEventAttributes;
    if (t) return [{ timerMs: Math.round(Number.parseFloat(t.startToFireTimeout) * 1000) }];
    return [];
  });
}

/** The id the recorded case ran under: the workflow derives the case id from it. */
function workflowIdOf(events: HistoryEvent[]): string {
  const [input] = events[0]!.workflowExecutionStartedEventAttributes!.input.payloads.map(decode) as CaseWorkflowInput[];
  return caseWorkflowId(input!.detection.carrierId, input!.detection.carrierRef);
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
        sinks: {
          commands: {
            activity: {
              fn: (_info, activity: string, input: unknown[]) => void issued.push({ activity, input: JSON.parse(JSON.stringify(input)) }),
              callDuringReplay: true,
            },
            timer: { fn: (_info, timerMs: number) => void issued.push({ timerMs }), callDuringReplay: true },
          },
        },
      },
      history,
      workflowIdOf(history.events),
    );
    // as JSON values: the order of an object's keys has changed between versions and means nothing
    expect(JSON.parse(JSON.stringify(issued))).toEqual(recorded(history.events));
  });
});
