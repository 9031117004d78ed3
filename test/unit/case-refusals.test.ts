// Every way the state machine says no: wrong state, wrong party, four eyes, authority, amounts.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.js';
import type { CaseAction } from '../../domain/case-actions.js';
import { allowedActions, checkAction, type CaseStatus } from '../../domain/case-states.js';
import type { CaseView } from '../../domain/case-view.js';
import type { RefusalCode } from '../../domain/refusals.js';
import {
  admin,
  apply,
  carrier,
  caseAt,
  deptManager,
  deptOfficer,
  detectedCase,
  expectRefused,
  HOUR,
  later,
  otherCarrier,
  policeOfficer,
  PROPOSAL,
  qlttOfficer,
  qlttTeamLead,
  system,
  T0,
  TO_PROPOSAL,
  TO_VERIFICATION,
} from './fixtures.js';

const verifying = caseAt(TO_VERIFICATION);
const proposed = caseAt([...TO_VERIFICATION, ...TO_PROPOSAL]);
const recorded = caseAt([...TO_VERIFICATION, ...TO_PROPOSAL.slice(0, 2)]);
const notified = caseAt([[{ kind: 'notify' }, system]]);
const withStatus = (status: CaseStatus): CaseView => ({ ...verifying.view, status });

type Row = [string, CaseView, CaseAction, Actor, RefusalCode];

describe('wrong state', () => {
  it.each<Row>([
    ['clear before verification', notified.view, { kind: 'clear', reason: 'x' }, qlttOfficer, 'INVALID_STATE'],
    ['propose during verification', verifying.view, PROPOSAL, qlttOfficer, 'INVALID_STATE'],
    ['release while verifying', verifying.view, { kind: 'release' }, carrier, 'INVALID_STATE'],
    ['notify twice', notified.view, { kind: 'notify' }, system, 'INVALID_STATE'],
    ['serve before a decision', proposed.view, { kind: 'serveDecision', method: 'POST' }, qlttOfficer, 'INVALID_STATE'],
    ['pay before service', withStatus('DECIDED'), { kind: 'recordPayment', amountVnd: 1 }, qlttOfficer, 'INVALID_STATE'],
    [
      'decide twice',
      withStatus('DECIDED'),
      { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'x' },
      qlttTeamLead,
      'INVALID_STATE',
    ],
    ['re-route after verification', recorded.view, { kind: 'addAgency', agencyId: 'TH-POLICE', reason: 'x' }, qlttOfficer, 'INVALID_STATE'],
    ['start verification twice', verifying.view, { kind: 'startVerification' }, qlttOfficer, 'INVALID_STATE'],
    ['enforce before service', withStatus('DECIDED'), { kind: 'startEnforcement' }, system, 'INVALID_STATE'],
    [
      'evidence on a closed case',
      withStatus('CLOSED'),
      { kind: 'addEvidence', evidence: [{ ref: 'p', description: 'd' }] },
      carrier,
      'INVALID_STATE',
    ],
    ['expire a closed case', withStatus('EXPIRED'), { kind: 'expire', clock: 'SANCTIONING_LIMITATION' }, system, 'INVALID_STATE'],
    ['expire a cleared case', withStatus('CLEARED'), { kind: 'expire', clock: 'SANCTIONING_LIMITATION' }, system, 'INVALID_STATE'],
    ['return a case never referred', verifying.view, { kind: 'returnFromInvestigation', reason: 'x' }, qlttOfficer, 'INVALID_STATE'],
  ])('%s', (_, view, action, actor, code) => expectRefused(view, action, actor, verifying.now, code));

  it('allows nothing on a closed or expired case, not even notes (its audit chain has ended), and notes on a referred one', () => {
    for (const actor of [carrier, qlttOfficer, deptManager, admin]) {
      expect(allowedActions(withStatus('CLOSED'), actor, T0)).toEqual([]);
      expect(allowedActions(withStatus('EXPIRED'), actor, T0)).toEqual([]);
      expectRefused(withStatus('CLOSED'), { kind: 'addNote', text: 'đính chính' }, actor, T0, 'INVALID_STATE');
    }
    expect(allowedActions(withStatus('REFERRED'), deptManager, T0)).toContain('addNote');
  });
});

describe('wrong party', () => {
  it.each<Row>([
    ['a carrier clears', verifying.view, { kind: 'clear', reason: 'x' }, carrier, 'ROLE_NOT_ALLOWED'],
    ['an officer confirms the hold', detectedCase(), { kind: 'confirmHold', holdRecordRef: 'x' }, qlttOfficer, 'ROLE_NOT_ALLOWED'],
    ['an officer notifies', detectedCase(), { kind: 'notify' }, qlttOfficer, 'ROLE_NOT_ALLOWED'],
    ['an admin decides', proposed.view, { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'x' }, admin, 'ROLE_NOT_ALLOWED'],
    ['the system clears', verifying.view, { kind: 'clear', reason: 'x' }, system, 'ROLE_NOT_ALLOWED'],
    ['a carrier acknowledges', notified.view, { kind: 'acknowledge' }, carrier, 'ROLE_NOT_ALLOWED'],
    ['another carrier confirms the hold', detectedCase(), { kind: 'confirmHold', holdRecordRef: 'x' }, otherCarrier, 'NOT_OWN_CASE'],
    ['another carrier adds a note', detectedCase(), { kind: 'addNote', text: 'x' }, otherCarrier, 'NOT_OWN_CASE'],
    ['an agency not routed acknowledges', notified.view, { kind: 'acknowledge' }, policeOfficer, 'NOT_ROUTED'],
    ['an agency not routed adds a note', verifying.view, { kind: 'addNote', text: 'x' }, policeOfficer, 'NOT_ROUTED'],
    ['a routed agency, not the lead, clears', verifying.view, { kind: 'clear', reason: 'x' }, deptOfficer, 'NOT_LEAD_AGENCY'],
    ['a routed agency, not the lead, refers', verifying.view, { kind: 'refer', reason: 'x' }, deptOfficer, 'NOT_LEAD_AGENCY'],
    [
      'a routed agency, not the lead, decides',
      proposed.view,
      { kind: 'decideSanction', outcome: 'noSanction', reason: 'x' },
      { ...deptOfficer, authorityCapVnd: 50_000_000 },
      'NOT_LEAD_AGENCY',
    ],
    [
      'a non-lead hands the lead over',
      verifying.view,
      { kind: 'addAgency', agencyId: 'TH-POLICE', reason: 'x', asLead: true },
      deptOfficer,
      'NOT_LEAD_AGENCY',
    ],
    ['an agency acts before acknowledging', notified.view, { kind: 'addNote', text: 'x' }, deptOfficer, 'NOT_ACKNOWLEDGED'],
    ['an agency acknowledges twice', verifying.view, { kind: 'acknowledge' }, deptOfficer, 'ALREADY_ACKNOWLEDGED'],
    [
      'a manager of another province adds a note',
      verifying.view,
      { kind: 'addNote', text: 'x' },
      { id: 'm', role: 'manager', provinceCode: 'HN' },
      'NOT_IN_SCOPE',
    ],
  ])('%s', (_, view, action, actor, code) => expectRefused(view, action, actor, verifying.now, code));

  it('lets oversight add notes but nothing else', () => {
    expect(allowedActions(verifying.view, admin, verifying.now)).toEqual(['addNote']);
    expect(allowedActions(verifying.view, { id: 'n', role: 'manager', provinceCode: null }, verifying.now)).toEqual(['addNote']);
  });
});

describe('four eyes and authority', () => {
  const proposerWithCap: Actor = { ...qlttOfficer, authorityCapVnd: 50_000_000 };
  const smallCap: Actor = { ...qlttTeamLead, id: 'u-qltt-small', authorityCapVnd: 5_000_000 };

  it.each([
    { outcome: 'approve', decisionNumber: 'QĐ-1' },
    { outcome: 'sendBack', reason: 'x' },
    { outcome: 'noSanction', reason: 'x' },
  ] as const)('the proposer can never decide ($outcome), whatever their cap', (decision) => {
    expectRefused(proposed.view, { kind: 'decideSanction', ...decision }, proposerWithCap, proposed.now, 'FOUR_EYES');
    expect(allowedActions(proposed.view, proposerWithCap, proposed.now)).not.toContain('decideSanction');
  });

  it('refuses a decider without sanctioning authority', () => {
    expectRefused(
      proposed.view,
      { kind: 'decideSanction', outcome: 'noSanction', reason: 'x' },
      { ...qlttOfficer, id: 'u-qltt-2' },
      proposed.now,
      'NO_SANCTIONING_AUTHORITY',
    );
  });

  it('refuses an amount above the decider’s cap (5 m individual → 10 m organisation < 15 m)', () => {
    expectRefused(
      proposed.view,
      { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-1' },
      smallCap,
      proposed.now,
      'ABOVE_AUTHORITY_CAP',
    );
  });

  it('lets the same small cap send back or decline, which carry no amount', () => {
    const back = checkAction(
      proposed.view,
      { kind: 'decideSanction', outcome: 'sendBack', reason: 'refer upwards' },
      smallCap,
      proposed.now,
    );
    expect(back).toEqual({ ok: true, next: 'VIOLATION_RECORDED' });
  });

  it('applies the individual cap to an individual violator', () => {
    const v = apply(recorded.view, { ...PROPOSAL, amountVnd: 7_500_000, violator: 'INDIVIDUAL' }, qlttOfficer, later(recorded.now, HOUR));
    const approve = { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-2' } as const;
    expectRefused(v, approve, smallCap, recorded.now, 'ABOVE_AUTHORITY_CAP');
    expect(checkAction(v, approve, { ...smallCap, authorityCapVnd: 7_500_000 }, recorded.now)).toEqual({ ok: true, next: 'DECIDED' });
  });
});

describe('amounts and the fine schedule', () => {
  const at = recorded.now;
  it.each<[string, CaseAction, RefusalCode]>([
    ['above the range', { ...PROPOSAL, amountVnd: 25_000_000 }, 'AMOUNT_OUT_OF_RANGE'],
    ['below the range', { ...PROPOSAL, amountVnd: 9_000_000 }, 'AMOUNT_OUT_OF_RANGE'],
    ['an organisation amount for an individual', { ...PROPOSAL, violator: 'INDIVIDUAL' }, 'AMOUNT_OUT_OF_RANGE'],
    ['a fraction of a đồng', { ...PROPOSAL, amountVnd: 15_000_000.5 }, 'INVALID_AMOUNT'],
    ['an unknown offence', { ...PROPOSAL, offenceCode: 'POST_NOPE' }, 'UNKNOWN_OFFENCE'],
    ['no legal article', { ...PROPOSAL, legalArticle: ' ' }, 'TEXT_REQUIRED'],
  ])('refuses a proposal %s', (_, action, code) => expectRefused(recorded.view, action, qlttOfficer, at, code));

  it('uses the range of the decree in force on the violation date', () => {
    const culture = {
      ...PROPOSAL,
      offenceCode: 'POST_BANNED_CULTURE',
      amountVnd: 25_000_000,
      extraPenalties: [],
      remedialMeasures: ['FORCED_DESTRUCTION'],
    };
    expect(checkAction(recorded.view, culture, qlttOfficer, at)).toEqual({ ok: true, next: 'SANCTION_PROPOSED' });
    const beforeAnyDecree = { ...recorded.view, violation: { ...recorded.view.violation!, violationDate: '2019-06-01' } };
    expectRefused(beforeAnyDecree, culture, qlttOfficer, at, 'UNKNOWN_OFFENCE');
    const stillDecree15 = { ...recorded.view, violation: { ...recorded.view.violation!, violationDate: '2026-07-02' } };
    expect(checkAction(stillDecree15, culture, qlttOfficer, at).ok).toBe(true);
  });

  it('refuses a payment that is not a positive whole amount, or more than is owed', () => {
    const { view, now } = caseAt([
      ...TO_VERIFICATION,
      ...TO_PROPOSAL,
      [{ kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-1' }, qlttTeamLead],
      [{ kind: 'serveDecision', method: 'IN_PERSON' }, qlttOfficer],
    ]);
    expectRefused(view, { kind: 'recordPayment', amountVnd: 0 }, qlttOfficer, now, 'INVALID_AMOUNT');
    expectRefused(view, { kind: 'recordPayment', amountVnd: 100.5 }, qlttOfficer, now, 'INVALID_AMOUNT');
    expectRefused(view, { kind: 'recordPayment', amountVnd: 15_000_001 }, qlttOfficer, now, 'AMOUNT_EXCEEDS_OUTSTANDING');
  });
});

describe('payload rules', () => {
  const now = verifying.now;
  it.each<Row>([
    ['clear without a reason', verifying.view, { kind: 'clear', reason: '' }, qlttOfficer, 'REASON_REQUIRED'],
    ['refer without a reason', verifying.view, { kind: 'refer', reason: '  ' }, qlttOfficer, 'REASON_REQUIRED'],
    ['re-route without a reason', verifying.view, { kind: 'addAgency', agencyId: 'TH-POLICE', reason: '' }, qlttOfficer, 'REASON_REQUIRED'],
    [
      're-route to an agency already routed',
      verifying.view,
      { kind: 'addAgency', agencyId: 'TH-DEPT', reason: 'x' },
      qlttOfficer,
      'ALREADY_ROUTED',
    ],
    [
      'send back without a reason',
      proposed.view,
      { kind: 'decideSanction', outcome: 'sendBack', reason: '' },
      qlttTeamLead,
      'REASON_REQUIRED',
    ],
    [
      'decline without a reason',
      proposed.view,
      { kind: 'decideSanction', outcome: 'noSanction', reason: '' },
      qlttTeamLead,
      'REASON_REQUIRED',
    ],
    [
      'extend a clock that is not running',
      verifying.view,
      { kind: 'extendDeadline', clock: 'PAYMENT', extension: 'X', reason: 'x' },
      qlttOfficer,
      'CLOCK_NOT_RUNNING',
    ],
    [
      'extend with an extension the law does not give',
      verifying.view,
      { kind: 'extendDeadline', clock: 'VERIFICATION', extension: 'FOREVER', reason: 'x' },
      qlttOfficer,
      'EXTENSION_NOT_ALLOWED',
    ],
    [
      'extend without a reason',
      verifying.view,
      { kind: 'extendDeadline', clock: 'VERIFICATION', extension: 'WITH_REASON', reason: '' },
      qlttOfficer,
      'REASON_REQUIRED',
    ],
    ['answer when nothing was asked', verifying.view, { kind: 'respondInformation', answer: 'x' }, carrier, 'NO_INFORMATION_REQUESTED'],
    ['confirm the hold twice', verifying.view, { kind: 'confirmHold', holdRecordRef: 'x' }, carrier, 'ALREADY_DONE'],
    ['confirm a hold without its record', detectedCase(), { kind: 'confirmHold', holdRecordRef: '' }, carrier, 'TEXT_REQUIRED'],
    ['an empty note', verifying.view, { kind: 'addNote', text: '' }, carrier, 'TEXT_REQUIRED'],
    ['no evidence', verifying.view, { kind: 'addEvidence', evidence: [] }, carrier, 'TEXT_REQUIRED'],
    [
      'a violation dated in the future',
      verifying.view,
      { kind: 'confirmViolation', against: 'SENDER', summary: 'x', violationDate: '2030-01-01' },
      qlttOfficer,
      'INVALID_DATE',
    ],
    [
      'a violation dated on no real day',
      verifying.view,
      { kind: 'confirmViolation', against: 'SENDER', summary: 'x', violationDate: '2026-02-30' },
      qlttOfficer,
      'INVALID_DATE',
    ],
    ['expire on a clock that is no limitation', verifying.view, { kind: 'expire', clock: 'VERIFICATION' }, system, 'LIMITATION_NOT_PASSED'],
  ])('refuses %s', (_, view, action, actor, code) => expectRefused(view, action, actor, now, code));

  it('refuses what is not an action at all', () => {
    expect(checkAction(verifying.view, { kind: 'fly' } as never, qlttOfficer, now)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    expect(checkAction(verifying.view, null as never, qlttOfficer, now)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  });

  it('accepts `now` as epoch milliseconds, as Date.now() gives it inside a workflow', () => {
    expect(checkAction(verifying.view, { kind: 'clear', reason: 'ok' }, qlttOfficer, now.getTime())).toEqual({ ok: true, next: 'CLEARED' });
  });
});
