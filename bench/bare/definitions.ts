/**
 * The bare Temporal baseline: the least a Temporal intake can do. Update-with-start opens a
 * workflow whose one activity inserts one row into PostgreSQL, and the Update answers once it
 * is stored; an action is one more Update with one more row. Postwatch's intake and actions
 * are measured against it on the same servers.
 */
import { defineUpdate } from '@temporalio/workflow';

export const BARE_TASK_QUEUE = 'bench-bare';
export const BARE_TABLE = 'bench_bare_event';

/** What the baseline stores: the carrier's report, as the intake receives it. */
export interface BareIntake {
  id: string;
  report: unknown;
}

/** Answers with the id once the first row is stored. */
export const openBare = defineUpdate<string, []>('openBare');
/** Stores one more row (`seq`) and answers with it. */
export const actBare = defineUpdate<number, [seq: number]>('actBare');
