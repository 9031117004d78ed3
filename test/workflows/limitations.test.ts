// The sanctioning limitation follows the field of the offence (LHAV Art. 6 as amended by Law
// 88/2025/QH15): the running workflow keeps a case open while a 2-year field may still apply, fits
// the clock to the offence proposed, and refuses an offence whose own limitation has passed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CaseAction } from '../../domain/case-actions.js';
import { detection } from '../support/cases.js';
import { CaseDriver, timeSkippingWorldWithoutWorker, uniqueRef } from '../support/case-harness.js';
import { advance, DAY, proposal, qltt, refusedWithoutTrace, skipTo, withCaseWorker, yearsAfter } from '../support/case-steps.js';
import type { Db } from '../../prisma/client.js';

let env: TestWorkflowEnvironment;
let db: Db;
beforeAll(async () => ({ env, db } = await timeSkippingWorldWithoutWorker()));
afterAll(() => env?.teardown());

const limitationOf = async (c: CaseDriver) => (await c.view()).deadlines.find((d) => d.clock === 'SANCTIONING_LIMITATION')!;
const years = async (c: CaseDriver) => {
  const l = await limitationOf(c);
  return [1, 2].find((n) => Date.parse(l.dueAt) === yearsAfter(Date.parse(l.startedAt), n));
};
const counterfeitTrade = (amountVnd: number): CaseAction => ({
  ...(proposal(amountVnd) as CaseAction & { kind: 'proposeSanction' }),
  offenceCode: 'TRADE_COUNTERFEIT_GOODS',
  legalArticle: 'Nghị định 98/2020/NĐ-CP (buôn bán hàng giả)',
});

it('LHAV Art. 6 (Law 88/2025/QH15): 1 year where only postal offences can apply, 2 where a trade or customs offence may', () =>
  withCaseWorker(env, db, async (s) => {
    const postalOnly = await s.open(detection(uniqueRef('lim-postal'), { categoryCode: 'DANGEROUS_GOODS' }));
    const customsRouted = await s.open(detection(uniqueRef('lim-cross'), { categoryCode: 'DANGEROUS_GOODS', crossBorder: true }));
    const tradeRouted = await s.open(detection(uniqueRef('lim-trade'))); // counterfeit: market management leads
    expect(await years(postalOnly)).toBe(1);
    expect(await years(customsRouted)).toBe(2);
    expect(await years(tradeRouted)).toBe(2);
  }));

it('LHAV Art. 6 (Law 88/2025/QH15): a postal offence on an import/export item is time-barred after 1 year; the trade offence is not', () =>
  withCaseWorker(env, db, async (s) => {
    const c = await s.open(detection(uniqueRef('lim-barred'), { crossBorder: true }));
    await advance(c, 'VIOLATION_RECORDED');
    const inTime = await s.open(detection(uniqueRef('lim-fitted'), { crossBorder: true }));
    await advance(inTime, 'SANCTION_PROPOSED'); // Decree 15/2020 Art. 9(1)(a): a postal-field offence
    expect(await years(inTime)).toBe(1);

    // 13 months on, the case is still open: a trade or customs offence could still be sanctioned
    const detectedAt = Date.parse((await c.view()).detectedAt);
    await skipTo(env, detectedAt + 396 * DAY);
    expect((await c.view()).status).toBe('VIOLATION_RECORDED');
    const refused = await refusedWithoutTrace(db, c, qltt, proposal(15_000_000));
    expect(refused).toMatchObject({ code: 'LIMITATION_PASSED', reason: expect.stringContaining('POST_PROHIBITED_ITEM') });
    const proposed = await c.do(qltt, counterfeitTrade(50_000_000));
    expect(proposed.status).toBe('SANCTION_PROPOSED');
    expect(await years(c)).toBe(2);

    // the case fitted to its postal offence expired when that offence's year ended
    await expect.poll(async () => (await inTime.view()).status, { timeout: 10_000 }).toBe('EXPIRED');
  }));
