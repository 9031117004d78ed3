// The sanctioning limitation (LHAV Art. 6): 1 year, 2 years where the goods are import/export-related.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { detection } from '../support/cases.js';
import { CaseDriver, timeSkippingWorld } from '../support/case-harness.js';
import { yearsAfter } from '../support/case-steps.js';
import type { Db } from '../../prisma/client.js';

let env: TestWorkflowEnvironment;
let db: Db;
let worker: Worker;
let taskQueue: string;
beforeAll(async () => ({ env, db, worker, taskQueue } = await timeSkippingWorld()));
afterAll(() => env?.teardown());

const limitationOf = async (c: CaseDriver) => (await c.view()).deadlines.find((d) => d.clock === 'SANCTIONING_LIMITATION')!;

it('runs 1 year for a domestic case and 2 years, without anyone asking, for import/export-related goods', () =>
  worker.runUntil(async () => {
    const domestic = await CaseDriver.open(env, taskQueue, detection('lim-domestic'));
    const crossBorder = await CaseDriver.open(env, taskQueue, detection('lim-cross', { crossBorder: true }));
    const banned = await CaseDriver.open(env, taskQueue, detection('lim-banned', { categoryCode: 'IMPORT_EXPORT_BANNED' }));

    const d = await limitationOf(domestic);
    expect(d.extensions).toEqual([]);
    expect(Date.parse(d.dueAt)).toBe(yearsAfter(Date.parse(d.startedAt), 1));
    for (const c of [crossBorder, banned]) {
      const l = await limitationOf(c);
      expect(l.extensions).toEqual(['TWO_YEAR_FIELD']);
      expect(Date.parse(l.dueAt)).toBe(yearsAfter(Date.parse(l.startedAt), 2));
    }
    expect(await db.case.count()).toBe(3);
  }));
