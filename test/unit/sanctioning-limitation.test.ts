// The sanctioning limitation follows the field of the offence (LHAV Art. 6 as amended by Law
// 88/2025/QH15), read from each fine rule's field and limitation rather than from the goods.
import { describe, expect, it } from 'vitest';
import { checkAction } from '../../domain/case-states.js';
import { rulesOf, takeStep, type CasePlan, type CaseState } from '../../domain/case-step.js';
import { DEADLINE_POLICIES, FINE_SCHEDULE } from '../../domain/reference-data.js';
import { extensionsForYears, fieldsThatMayApply, limitationYears, longestLimitationYears } from '../../domain/sanctioning-limitation.js';
import type { CaseAction } from '../../domain/case-actions.js';
import {
  DAY,
  DETECTION,
  later,
  openedState,
  PLAN,
  PROPOSAL,
  qlttOfficer,
  qlttTeamLead,
  T0,
  TO_PROPOSAL,
  TO_VERIFICATION,
} from './fixtures.js';

const limitationPolicy = DEADLINE_POLICIES.find((p) => p.clock === 'SANCTIONING_LIMITATION')!;
const limitationOf = (s: CaseState) => s.clocks.find((c) => c.clock === 'SANCTIONING_LIMITATION')!;
const routedTo = (...agencyKinds: NonNullable<CasePlan['agencyKinds']>): CasePlan => ({ ...PLAN, agencyKinds });

/** The case opened with `plan`, taken through `steps` one hour apart from T0. */
function stateAfter(plan: CasePlan, steps = [...TO_VERIFICATION, ...TO_PROPOSAL.slice(0, 2)]): CaseState {
  let state = openedState(DETECTION, plan);
  let now = T0;
  for (const [action, actor] of steps) {
    now = later(now, 3_600_000);
    const step = takeStep(state, action, actor, now);
    if (!step.ok) expect.fail(`${action.kind} refused: ${step.code}`);
    state = step.state;
  }
  return state;
}

const propose = (offenceCode: string, amountVnd: number, extraPenalties = ['CONFISCATION']): CaseAction => ({
  ...PROPOSAL,
  offenceCode,
  amountVnd,
  extraPenalties,
});

describe('LHAV Art. 6 (Law 88/2025/QH15): the limitation of the field', () => {
  it('names the fields whose offences may apply: postal always, trade where market management is routed, customs where customs is', () => {
    expect(fieldsThatMayApply(['DEPT'])).toEqual(['POSTAL']);
    expect(fieldsThatMayApply(['QLTT', 'DEPT'])).toEqual(['POSTAL', 'TRADE']);
    expect(fieldsThatMayApply(['POLICE', 'DEPT', 'CUSTOMS'])).toEqual(['POSTAL', 'CUSTOMS']);
  });

  it('reads the years from the fine rules in force: 1 for Decree 15/2020, 2 for Decree 98/2020 and Decree 128/2020', () => {
    expect(longestLimitationYears(['POSTAL'], '2026-03-02', FINE_SCHEDULE)).toBe(1);
    expect(longestLimitationYears(['POSTAL', 'TRADE'], '2026-03-02', FINE_SCHEDULE)).toBe(2);
    expect(longestLimitationYears(['POSTAL', 'CUSTOMS'], '2026-03-02', FINE_SCHEDULE)).toBe(2);
    // a schedule recorded before rules named their field says nothing
    const unnamed = FINE_SCHEDULE.map(({ field: _f, ...r }) => r) as unknown as typeof FINE_SCHEDULE;
    expect(longestLimitationYears(['POSTAL'], '2026-03-02', unnamed)).toBeNull();
  });

  it('maps the years onto the clock’s own limit or its TWO_YEAR_FIELD extension, and nothing else', () => {
    expect(extensionsForYears(limitationPolicy, 1)).toEqual([]);
    expect(extensionsForYears(limitationPolicy, 2)).toEqual(['TWO_YEAR_FIELD']);
    expect(extensionsForYears(limitationPolicy, 3)).toBeNull();
  });

  it('prefers the offence proposed over the fields that may apply', () => {
    const facts = { violationDate: '2026-03-02', agencyKinds: ['QLTT', 'DEPT'] as const, fineSchedule: FINE_SCHEDULE };
    expect(limitationYears({ ...facts, proposedOffence: null })).toBe(2);
    expect(limitationYears({ ...facts, proposedOffence: 'POST_PROHIBITED_ITEM' })).toBe(1);
    expect(limitationYears({ ...facts, proposedOffence: 'TRADE_COUNTERFEIT_GOODS' })).toBe(2);
  });
});

describe('LHAV Art. 6 (Law 88/2025/QH15): the clock of a case', () => {
  it('keeps a case routed to market management open 2 years while a trade offence may still apply; a postal-only case 1 year', () => {
    expect(limitationOf(openedState(DETECTION, routedTo('QLTT', 'DEPT'))).extensions).toEqual(['TWO_YEAR_FIELD']);
    expect(limitationOf(openedState(DETECTION, routedTo('DEPT'))).extensions).toEqual([]);
  });

  it('runs 1 year for a postal-field offence even on an import/export item, 2 for the customs offence', () => {
    const crossBorder = routedTo('QLTT', 'DEPT', 'CUSTOMS');
    const postal = takeStep(stateAfter(crossBorder), propose('POST_IMPORT_BANNED_ITEM', 15_000_000, []), qlttOfficer, later(T0, DAY));
    const customs = takeStep(
      stateAfter(crossBorder),
      propose('CUSTOMS_IMPORT_EXPORT_BANNED_GOODS', 15_000_000),
      qlttOfficer,
      later(T0, DAY),
    );
    if (!postal.ok || !customs.ok) expect.fail('proposal refused');
    expect(limitationOf(postal.state).extensions).toEqual([]);
    expect(limitationOf(customs.state).extensions).toEqual(['TWO_YEAR_FIELD']);
  });

  it('goes back to the fields that may apply when the proposal is sent back', () => {
    const proposed = takeStep(stateAfter(routedTo('QLTT', 'DEPT')), PROPOSAL, qlttOfficer, later(T0, DAY));
    if (!proposed.ok) expect.fail('proposal refused');
    expect(limitationOf(proposed.state).extensions).toEqual([]);
    const sentBack = takeStep(
      proposed.state,
      { kind: 'decideSanction', outcome: 'sendBack', reason: 'wrong field' },
      qlttTeamLead,
      later(T0, 2 * DAY),
    );
    if (!sentBack.ok) expect.fail('send-back refused');
    expect(limitationOf(sentBack.state).extensions).toEqual(['TWO_YEAR_FIELD']);
  });

  it('refuses a postal-field offence 13 months after the violation (LIMITATION_PASSED), and takes the trade offence', () => {
    const state = stateAfter(routedTo('QLTT', 'DEPT'));
    const at = later(T0, 396 * DAY);
    const rules = rulesOf(state.plan);
    const refused = checkAction(state.view, PROPOSAL, qlttOfficer, at, rules);
    expect(refused).toMatchObject({ ok: false, code: 'LIMITATION_PASSED', reason: expect.stringContaining('1 year') });
    expect(checkAction(state.view, propose('TRADE_COUNTERFEIT_GOODS', 50_000_000), qlttOfficer, at, rules)).toEqual({
      ok: true,
      next: 'SANCTION_PROPOSED',
    });
  });

  it('checks the decision again against the offence decided: a trade offence proposed in time is decided in its second year', () => {
    const proposedAt = later(T0, 396 * DAY);
    const proposed = takeStep(
      stateAfter(routedTo('QLTT', 'DEPT')),
      propose('TRADE_COUNTERFEIT_GOODS', 20_000_000),
      qlttOfficer,
      proposedAt,
    );
    if (!proposed.ok) expect.fail('proposal refused');
    const decide: CaseAction = { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-01' };
    const rules = rulesOf(proposed.state.plan);
    expect(checkAction(proposed.state.view, decide, qlttTeamLead, later(proposedAt, DAY), rules)).toEqual({ ok: true, next: 'DECIDED' });
    // the decision on a postal-field offence proposed in its first year is refused in the second
    const postal = takeStep(stateAfter(routedTo('QLTT', 'DEPT')), PROPOSAL, qlttOfficer, later(T0, 300 * DAY));
    if (!postal.ok) expect.fail('proposal refused');
    const late = checkAction(postal.state.view, decide, qlttTeamLead, later(T0, 370 * DAY), rulesOf(postal.state.plan));
    expect(late).toMatchObject({ ok: false, code: 'LIMITATION_PASSED' });
  });
});
