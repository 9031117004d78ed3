// Payment relief (LHAV Art. 73(1), 76, 79): a longer payment period stated in the decision, a
// postponement, instalments. Each moves the payment clock and stops late interest until its date.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.js';
import type { CaseAction } from '../../domain/case-actions.js';
import { checkAction } from '../../domain/case-states.js';
import { rulesOf, takeStep, type CaseState } from '../../domain/case-step.js';
import { interestTermsOf, reliefRefusal } from '../../domain/payment-relief.js';
import { DAY, HOUR, later, openedState, PROPOSAL, qlttOfficer, T0, TO_PROPOSAL, TO_VERIFICATION } from './fixtures.js';

/** Decides up to 100 m (200 m for organisations): enough for a trade fine paid in instalments. */
const director: Actor = { id: 'u-qltt-director', role: 'officer', agencyId: 'TH-QLTT', agencyKind: 'QLTT', authorityCapVnd: 100_000_000 };

/** The case taken through `steps` one hour apart from T0; returns the state and the time of the last step. */
function run(steps: [CaseAction, Actor][], state = openedState(), from = T0): { state: CaseState; now: Date } {
  let now = from;
  for (const [action, actor] of steps) {
    now = later(now, HOUR);
    const step = takeStep(state, action, actor, now);
    if (!step.ok) expect.fail(`${action.kind} refused: ${step.code} (${step.reason})`);
    state = step.state;
  }
  return { state, now };
}

const toServed = (proposal: CaseAction, decide: Partial<CaseAction> = {}): [CaseAction, Actor][] => [
  ...TO_VERIFICATION,
  ...TO_PROPOSAL.slice(0, 2),
  [proposal, qlttOfficer],
  [{ kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-01', ...decide } as CaseAction, director],
  [{ kind: 'serveDecision', method: 'IN_PERSON' }, qlttOfficer],
];
const individual: CaseAction = { ...PROPOSAL, violator: 'INDIVIDUAL', amountVnd: 7_500_000 };
const tradeFine: CaseAction = { ...PROPOSAL, offenceCode: 'TRADE_COUNTERFEIT_GOODS', violator: 'INDIVIDUAL', amountVnd: 60_000_000 };
const payment = (s: CaseState) => s.view.deadlines.find((d) => d.clock === 'PAYMENT')!;
const postpone = (until: string): CaseAction => ({
  kind: 'grantPaymentRelief',
  relief: 'postponement',
  until,
  requestRef: 'ĐƠN-01',
  reason: 'Khó khăn kinh tế đặc biệt',
});

describe('LHAV Art. 73(1): the payment period', () => {
  it('runs 10 days unless the decision states longer; the clock and the due date follow it', () => {
    const law = run(toServed(individual));
    const stated = run(toServed(individual, { paymentPeriodDays: 30 } as Partial<CaseAction>));
    // served on Monday 2 March 2026 at 20:00 in Hà Nội: 10 days end on Thursday 12 March, 30 on Wednesday 1 April
    expect(payment(law.state).dueAt).toBe('2026-03-12T16:59:59.999Z');
    expect(payment(stated.state).dueAt).toBe('2026-04-01T16:59:59.999Z');
    expect(stated.state.view.fine).toMatchObject({ paymentPeriodDays: 30, dueAt: payment(stated.state).dueAt });
  });

  it('refuses a stated period shorter than 10 days (INVALID_DATE)', () => {
    const { state, now } = run([...TO_VERIFICATION, ...TO_PROPOSAL.slice(0, 2), [individual, qlttOfficer]]);
    const decide = { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-01', paymentPeriodDays: 5 } as CaseAction;
    expect(checkAction(state.view, decide, director, later(now, HOUR), rulesOf(state.plan))).toMatchObject({ code: 'INVALID_DATE' });
  });
});

describe('LHAV Art. 76: postponement', () => {
  it('moves the payment clock to its date; no interest accrues until then, and enforcement waits', () => {
    const served = run(toServed(individual));
    const until = '2026-05-04';
    const { state } = run([[postpone(until), qlttOfficer]], served.state, served.now);
    expect(payment(state).dueAt).toBe('2026-05-04T16:59:59.999Z');
    expect(state.view.fine!.relief).toEqual([
      expect.objectContaining({ kind: 'POSTPONEMENT', until, requestRef: 'ĐƠN-01', basis: 'LHAV Art. 76' }),
    ]);
    // paid on the postponed date: no late interest, though the 10 days ended long before
    const paidOn = new Date('2026-05-04T03:00:00Z');
    const paid = takeStep(state, { kind: 'recordPayment', amountVnd: 7_500_000 }, qlttOfficer, paidOn);
    expect(paid.ok && paid.state.view.status).toBe('PAID');
    const enforce: CaseAction = { kind: 'startEnforcement', reason: 'unpaid' };
    expect(checkAction(state.view, enforce, qlttOfficer, new Date('2026-04-01T03:00:00Z'), rulesOf(state.plan))).toMatchObject({
      code: 'PAYMENT_NOT_DUE',
    });
    // after the postponed date interest runs again: paid on 6 May, 5 May is one late day (0.05 % of 7.5 m)
    expect(interestTermsOf(state.view.fine!).interestFree).toEqual([{ from: '2026-03-02', to: until, basis: 'LHAV Art. 76' }]);
    const late = takeStep(state, { kind: 'recordPayment', amountVnd: 7_500_000 }, qlttOfficer, new Date('2026-05-06T03:00:00Z'));
    expect(late.ok && late.state.view.fine).toMatchObject({ interestVnd: 3_750, outstandingVnd: 3_750 });
  });

  it('is refused past 3 months after the period, before its end, twice, or below the threshold', () => {
    const served = run(toServed(individual));
    const fine = served.state.view.fine!;
    const now = later(served.now, HOUR);
    expect(reliefRefusal({ relief: 'postponement', until: '2026-12-31', requestRef: 'Đ', reason: 'r' }, fine, 7_500_000, now)?.code).toBe(
      'INVALID_DATE',
    );
    expect(reliefRefusal({ relief: 'postponement', until: '2026-03-05', requestRef: 'Đ', reason: 'r' }, fine, 7_500_000, now)?.code).toBe(
      'INVALID_DATE',
    );
    const granted = run([[postpone('2026-04-15'), qlttOfficer]], served.state, served.now).state;
    expect(checkAction(granted.view, postpone('2026-04-20'), qlttOfficer, later(now, DAY), rulesOf(granted.plan))).toMatchObject({
      code: 'ALREADY_DONE',
    });
    const small = { ...fine, amountVnd: 1_000_000 };
    expect(reliefRefusal({ relief: 'postponement', until: '2026-04-15', requestRef: 'Đ', reason: 'r' }, small, 1_000_000, now)?.code).toBe(
      'RELIEF_NOT_ALLOWED',
    );
  });
});

describe('LHAV Art. 79: instalments', () => {
  const instalments = (parts: [string, number][]): CaseAction => ({
    kind: 'grantPaymentRelief',
    relief: 'instalments',
    instalments: parts.map(([dueOn, amountVnd]) => ({ dueOn, amountVnd })),
    requestRef: 'ĐƠN-02',
    reason: 'Nộp nhiều lần',
  });

  it('run the payment clock to the last instalment, interest-free; paying each instalment on its day costs nothing more', () => {
    const served = run(toServed(tradeFine));
    const grant = instalments([
      ['2026-04-01', 30_000_000],
      ['2026-06-01', 30_000_000],
    ]);
    const { state } = run([[grant, qlttOfficer]], served.state, served.now);
    expect(payment(state).dueAt).toBe('2026-06-01T16:59:59.999Z');
    const first = takeStep(state, { kind: 'recordPayment', amountVnd: 30_000_000 }, qlttOfficer, new Date('2026-04-01T03:00:00Z'));
    if (!first.ok) expect.fail(first.code);
    expect(first.state.view.fine).toMatchObject({ interestVnd: 0, outstandingVnd: 30_000_000 });
    const second = takeStep(first.state, { kind: 'recordPayment', amountVnd: 30_000_000 }, qlttOfficer, new Date('2026-06-01T03:00:00Z'));
    expect(second.ok && second.state.view.status).toBe('PAID');
  });

  it('are refused when they do not add up, are too many, start below 40 %, or the fine is below the threshold', () => {
    const served = run(toServed(tradeFine));
    const fine = served.state.view.fine!;
    const now = later(served.now, HOUR);
    const grant = (parts: [string, number][]) => instalments(parts) as Extract<CaseAction, { kind: 'grantPaymentRelief' }>;
    expect(
      reliefRefusal(
        grant([
          ['2026-04-01', 30_000_000],
          ['2026-06-01', 20_000_000],
        ]),
        fine,
        60_000_000,
        now,
      )?.code,
    ).toBe('INVALID_INSTALMENTS');
    const four = grant([
      ['2026-04-01', 30_000_000],
      ['2026-05-01', 10_000_000],
      ['2026-06-01', 10_000_000],
      ['2026-07-01', 10_000_000],
    ]);
    expect(reliefRefusal(four, fine, 60_000_000, now)?.code).toBe('INVALID_INSTALMENTS');
    expect(
      reliefRefusal(
        grant([
          ['2026-04-01', 20_000_000],
          ['2026-06-01', 40_000_000],
        ]),
        fine,
        60_000_000,
        now,
      )?.code,
    ).toBe('INVALID_INSTALMENTS');
    expect(
      reliefRefusal(
        grant([
          ['2027-06-01', 30_000_000],
          ['2027-07-01', 30_000_000],
        ]),
        fine,
        60_000_000,
        now,
      )?.code,
    ).toBe('INVALID_DATE');
    const small = { ...fine, amountVnd: 7_500_000 };
    expect(
      reliefRefusal(
        grant([
          ['2026-04-01', 5_000_000],
          ['2026-06-01', 2_500_000],
        ]),
        small,
        7_500_000,
        now,
      )?.code,
    ).toBe('RELIEF_NOT_ALLOWED');
  });
});
