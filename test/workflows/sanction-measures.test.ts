// The running workflow checks a proposal's extra penalties and remedial measures against the fine
// schedule it opened with (gap G3; Decree 15/2020 Art. 9): refused without a trace, or proposed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Db } from '../../prisma/client.js';
import type { CaseAction } from '../../domain/case-actions.js';
import { timeSkippingWorldWithoutWorker, uniqueRef } from '../support/case-harness.js';
import { advance, proposal, qltt, refusedWithoutTrace, withCaseWorker } from '../support/case-steps.js';

let env: TestWorkflowEnvironment;
let db: Db;

beforeAll(async () => ({ env, db } = await timeSkippingWorldWithoutWorker()));
afterAll(() => env?.teardown());

const withMeasures = (offenceCode: string, amountVnd: number, extraPenalties: string[], remedialMeasures: string[]): CaseAction => ({
  ...(proposal(amountVnd) as CaseAction & { kind: 'proposeSanction' }),
  offenceCode,
  extraPenalties,
  remedialMeasures,
});

describe('extra penalties and remedial measures in the running case', () => {
  it('Decree 15/2020 Art. 9(2), 9(4)(a): confiscating banned cultural products is refused, destroying them is proposed', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('culture'));
      await advance(c, 'VIOLATION_RECORDED');
      const refused = await refusedWithoutTrace(db, c, qltt, withMeasures('POST_BANNED_CULTURE', 25_000_000, ['CONFISCATION'], []));
      expect(refused).toMatchObject({ code: 'MEASURE_NOT_IN_SCHEDULE', reason: expect.stringContaining('CONFISCATION') });
      const proposed = await c.do(qltt, withMeasures('POST_BANNED_CULTURE', 25_000_000, [], ['FORCED_DESTRUCTION']));
      expect(proposed.status).toBe('SANCTION_PROPOSED');
      expect(proposed.proposal).toMatchObject({ extraPenalties: [], remedialMeasures: ['FORCED_DESTRUCTION'] });
    }));

  it('Decree 15/2020 Art. 9(1)(c), 9(4)(b): import-banned items are re-exported; a licence suspension is in no point of Art. 9', () =>
    withCaseWorker(env, db, async (s) => {
      const c = await s.open(uniqueRef('import'));
      await advance(c, 'VIOLATION_RECORDED');
      const suspension = withMeasures('POST_IMPORT_BANNED_ITEM', 15_000_000, ['LICENCE_SUSPENSION'], ['FORCED_RE_EXPORT']);
      expect((await refusedWithoutTrace(db, c, qltt, suspension)).code).toBe('MEASURE_NOT_IN_SCHEDULE');
      const proposed = await c.do(qltt, withMeasures('POST_IMPORT_BANNED_ITEM', 15_000_000, [], ['FORCED_RE_EXPORT']));
      expect(proposed.proposal).toMatchObject({ offenceCode: 'POST_IMPORT_BANNED_ITEM', remedialMeasures: ['FORCED_RE_EXPORT'] });
    }));
});
