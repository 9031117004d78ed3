// A deliberately non-deterministic change of the case workflow: it asks for a timer before
// anything else, where every recorded history scheduled the planning activity first. The replay
// test bundles this to show that such a change is caught.
import { sleep } from '@temporalio/workflow';
import { caseWorkflow as current } from '../../workflows/case.js';

export async function caseWorkflow(...args: Parameters<typeof current>): ReturnType<typeof current> {
  await sleep('1 second');
  return current(...args);
}
