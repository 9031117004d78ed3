// A proposal's extra penalties and remedial measures are checked against the fine schedule
// (gap G3), and cases opened before the corrections of December 2026 keep what they recorded.
import { describe, expect, it } from 'vitest';
import type { CaseAction } from '../../domain/case-actions.js';
import { checkAction, type CaseRules } from '../../domain/case-states.js';
import type { FineRule } from '../../domain/fines.js';
import {
  apply,
  caseAt,
  DAY,
  expectRefused,
  HOUR,
  later,
  PROPOSAL,
  qlttOfficer,
  qlttTeamLead,
  system,
  TO_PROPOSAL,
  TO_VERIFICATION,
} from './fixtures.js';

const recorded = caseAt([...TO_VERIFICATION, ...TO_PROPOSAL.slice(0, 2)]);
const propose = (over: Partial<CaseAction & { kind: 'proposeSanction' }>): CaseAction => ({ ...PROPOSAL, ...over });
const ok = { ok: true, next: 'SANCTION_PROPOSED' };

/** A rule as cases opened before December 2026 recorded it: no remedial measures, field or limitation. */
const RECORDED_BEFORE = {
  id: 'D15-2020:POST_PROHIBITED_ITEM',
  offenceCode: 'POST_PROHIBITED_ITEM',
  decree: 'Decree 15/2020/NĐ-CP as amended by Decree 14/2022/NĐ-CP',
  effectiveFrom: '2020-04-01',
  effectiveTo: '2026-07-01',
  minVnd: 10_000_000,
  maxVnd: 20_000_000,
  extraPenalties: ['CONFISCATION', 'LICENCE_SUSPENSION_1_3_MONTHS_IF_REPEATED'],
  legalBasis: 'as recorded',
  descriptionVi: 'as recorded',
  descriptionEn: 'as recorded',
  verify: true,
};
const OLD_RULES: CaseRules = { fineSchedule: [RECORDED_BEFORE as unknown as FineRule] };

describe('a proposal names only the measures the schedule provides for its offence (gap G3)', () => {
  it.each<[string, CaseAction]>([
    [
      'Decree 15/2020 Art. 9(2), 9(4)(a): banned cultural products are destroyed, not confiscated',
      propose({ offenceCode: 'POST_BANNED_CULTURE', amountVnd: 25_000_000, extraPenalties: ['CONFISCATION'] }),
    ],
    [
      'Decree 15/2020 Art. 9(1)(c), 9(4)(b): import-banned items are re-exported, not confiscated',
      propose({ offenceCode: 'POST_IMPORT_BANNED_ITEM', extraPenalties: ['CONFISCATION'] }),
    ],
    [
      'Decree 15/2020 Art. 9: no licence suspension for prohibited items',
      propose({ extraPenalties: ['CONFISCATION', 'LICENCE_SUSPENSION'] }),
    ],
    [
      'Decree 15/2020 Art. 9(1)(a): no forced re-export for items banned from circulation',
      propose({ remedialMeasures: ['FORCED_RE_EXPORT'] }),
    ],
    ['a measure no decree names', propose({ remedialMeasures: ['PUBLIC_APOLOGY'] })],
  ])('refuses %s', (_, action) => expectRefused(recorded.view, action, qlttOfficer, recorded.now, 'MEASURE_NOT_IN_SCHEDULE'));

  it.each<[string, CaseAction]>([
    [
      'Decree 15/2020 Art. 9(2), 9(4)(a): forced destruction of banned cultural products',
      propose({ offenceCode: 'POST_BANNED_CULTURE', amountVnd: 25_000_000, extraPenalties: [], remedialMeasures: ['FORCED_DESTRUCTION'] }),
    ],
    [
      'Decree 15/2020 Art. 9(1)(c), 9(4)(b): forced re-export of import-banned items',
      propose({ offenceCode: 'POST_IMPORT_BANNED_ITEM', extraPenalties: [], remedialMeasures: ['FORCED_RE_EXPORT'] }),
    ],
    ['Decree 15/2020 Art. 9(1)(a), 9(3): confiscation of items banned from circulation', propose({})],
    ['a proposal that leaves out a measure the rule provides', propose({ extraPenalties: [] })],
  ])('accepts %s', (_, action) => expect(checkAction(recorded.view, action, qlttOfficer, recorded.now)).toEqual(ok));

  it('says which measures the decree does not provide', () => {
    const r = checkAction(recorded.view, propose({ offenceCode: 'POST_BANNED_CULTURE', amountVnd: 25_000_000 }), qlttOfficer, recorded.now);
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('does not provide CONFISCATION for POST_BANNED_CULTURE') });
  });

  it('checks a case opened before December 2026 against the rules it recorded', () => {
    const old = { ...propose({}), extraPenalties: ['CONFISCATION', 'LICENCE_SUSPENSION_1_3_MONTHS_IF_REPEATED'] };
    expect(checkAction(recorded.view, old, qlttOfficer, recorded.now, OLD_RULES)).toEqual(ok);
    expectRefused(recorded.view, old, qlttOfficer, recorded.now, 'MEASURE_NOT_IN_SCHEDULE');
  });
});

describe('payments of cases opened before the late-interest count was corrected', () => {
  const served = () => {
    const proposed = caseAt([...TO_VERIFICATION, ...TO_PROPOSAL]);
    const approve = { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-1' } as const;
    const decided = apply(proposed.view, approve, qlttTeamLead, later(proposed.now, HOUR));
    return apply(decided, { kind: 'serveDecision', method: 'POST' }, qlttOfficer, later(proposed.now, 2 * HOUR));
  };
  // paid on the second day after the due day: the law counts one late day, the old count two
  const payAt = (v: ReturnType<typeof served>) => later(new Date(v.fine!.dueAt!), 2 * DAY - HOUR);

  it('LHAV Art. 78: a new case takes no more than the fine and one late day', () => {
    const v = served();
    const at = payAt(v);
    expect(checkAction(v, { kind: 'recordPayment', amountVnd: 15_007_500 }, qlttOfficer, at)).toEqual({ ok: true, next: 'PAID' });
    expectRefused(v, { kind: 'recordPayment', amountVnd: 15_015_000 }, qlttOfficer, at, 'AMOUNT_EXCEEDS_OUTSTANDING');
  });

  it('a case whose rules predate the correction still takes the payment its history recorded (the old count), and is settled by the law’s', () => {
    const v = served();
    const at = payAt(v);
    const rule = RECORDED_BEFORE as unknown as FineRule;
    const rules: CaseRules = { fineSchedule: [rule] };
    expect(checkAction(v, { kind: 'recordPayment', amountVnd: 15_015_000 }, qlttOfficer, at, rules)).toEqual({ ok: true, next: 'PAID' });
    expect(checkAction(v, { kind: 'recordPayment', amountVnd: 15_007_500 }, qlttOfficer, at, rules)).toEqual({ ok: true, next: 'PAID' });
    expectRefused(v, { kind: 'recordPayment', amountVnd: 15_015_001 }, qlttOfficer, at, 'AMOUNT_EXCEEDS_OUTSTANDING');
    expect(checkAction(v, { kind: 'startEnforcement' }, system, at, rules).ok).toBe(true);
  });
});
