import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { BareActivities } from './activities.js';
import { actBare, openBare, type BareIntake } from './definitions.js';

// the same activity options as the case workflow
const { storeRow } = proxyActivities<BareActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Opens, stores the report, answers; then stays open for actions, as a case does. */
export async function bareCase(input: BareIntake): Promise<void> {
  let stored = false;
  setHandler(openBare, async () => {
    await condition(() => stored);
    return input.id;
  });
  setHandler(actBare, async (seq) => {
    await storeRow({ id: input.id, seq, payload: { seq } });
    return seq;
  });
  await storeRow({ id: input.id, seq: 0, payload: input.report });
  stored = true;
  await condition(() => false); // until terminated
}
