// The whole step as the workflow takes it (domain/case-step.ts): the event and notices it records,
// the clocks it moves, what a missed deadline does, and when a case is over.
import { describe, expect, it } from 'vitest';
import { openingStep } from '../../domain/case-opening.js';
import { FOLLOW_UPS } from '../../domain/case-states.js';
import {
  dueEscalations,
  escalationStep,
  isOver,
  nextWakeAt,
  prescribedStep,
  takeStep,
  type CaseState,
  type Step,
} from '../../domain/case-step.js';
import type { CaseAction } from '../../domain/case-actions.js';
import type { Actor } from '../../domain/access.js';
import {
  carrier,
  caseAt,
  DAY,
  DETECTION,
  HOUR,
  later,
  openedState,
  PLAN,
  qlttOfficer,
  qlttTeamLead,
  stateOf,
  system,
  T0,
  TO_PROPOSAL,
  TO_VERIFICATION,
} from './fixtures.js';

function taken(state: CaseState, action: CaseAction, actor: Actor, now: Date): Step {
  const step = takeStep(state, action, actor, now);
  if (!step.ok) expect.fail(`${action.kind} refused: ${step.code}`);
  return step;
}

const deadline = (s: CaseState, clock: string) => s.view.deadlines.find((d) => d.clock === clock);

describe('opening a case', () => {
  it('registers it with the DETECTED event and starts the clocks of detection', () => {
    const { state, registration } = openingStep('case-1', DETECTION, PLAN, T0);
    expect(registration.event).toEqual({
      caseId: 'case-1',
      seq: 1,
      type: 'DETECTED',
      actor: carrier,
      at: T0.toISOString(),
      payload: { detection: DETECTION, route: { lead: 'TH-QLTT', agencies: ['TH-QLTT', 'TH-DEPT'] } },
      reason: null,
    });
    expect(state.seq).toBe(1);
    expect(state.clocks.map((c) => c.clock)).toEqual(['HOLD_CONFIRMATION', 'SANCTIONING_LIMITATION']);
    expect(registration.view).toBe(state.view);
  });

  it('gives import/export-related goods the 2-year limitation, unless the run predates that revision', () => {
    const crossBorder = { ...DETECTION, crossBorder: true };
    expect(openingStep('c', crossBorder, PLAN, T0).state.clocks[1]!.extensions).toEqual(['TWO_YEAR_FIELD']);
    expect(openingStep('c', crossBorder, PLAN, T0, { importExportLimitation: false }).state.clocks[1]!.extensions).toEqual([]);
  });

  it('marks a case on the demo clock as a drill', () => {
    expect(openingStep('c', DETECTION, { ...PLAN, clockScale: 1440 }, T0).state.view.demoClockScale).toBe(1440);
  });
});

describe('a step', () => {
  it('records who did what, old → new, and tells whom the step concerns', () => {
    const now = later(T0, HOUR);
    const step = taken(openedState(), { kind: 'notify' }, system, now);
    expect(step.state.seq).toBe(2);
    expect(step.write.event).toEqual({
      caseId: 'case-1',
      seq: 2,
      type: 'AGENCIES_NOTIFIED',
      actor: system,
      at: now.toISOString(),
      payload: { action: { kind: 'notify' }, from: 'DETECTED', to: 'NOTIFIED', changes: { status: { old: 'DETECTED', new: 'NOTIFIED' } } },
      reason: null,
    });
    expect(step.write.notices.map((n) => n.recipient)).toEqual(['agency:TH-QLTT', 'agency:TH-DEPT']);
    expect(step.write.notices[0]).toMatchObject({ kind: 'AGENCIES_NOTIFIED', payload: { number: 'TH-2026-000001', status: 'NOTIFIED' } });
    expect(step.write.view).toBe(step.state.view);
    expect(deadline(step.state, 'AGENCY_ACKNOWLEDGEMENT')?.startedAt).toBe(now.toISOString());
  });

  it('is refused as the state machine says, changing nothing', () => {
    const state = openedState();
    expect(takeStep(state, { kind: 'notify' }, qlttOfficer, T0)).toMatchObject({ ok: false, code: 'ROLE_NOT_ALLOWED' });
    expect(state.seq).toBe(1);
  });

  it('stores the reason an action gives in the event', () => {
    const { view, now } = caseAt(TO_VERIFICATION);
    const step = taken(stateOf(view), { kind: 'clear', reason: 'genuine goods' }, qlttOfficer, later(now, HOUR));
    expect(step.write.event.reason).toBe('genuine goods');
    expect(step.write.notices.map((n) => n.recipient)).toEqual(['carrier:VNP']);
  });

  it('refuses a violation date whose sanctioning limitation has passed, by the case’s own table, naming the field', () => {
    const { view, now } = caseAt(TO_VERIFICATION);
    const confirm = (violationDate: string) =>
      takeStep(stateOf(view), { kind: 'confirmViolation', against: 'SENDER', summary: 'x', violationDate }, qlttOfficer, now);
    expect(confirm('1900-01-01')).toMatchObject({
      ok: false,
      code: 'INVALID_DATE',
      field: 'violationDate',
      reason: expect.stringMatching(/too early/),
    });
    // T0 is Monday 2026-03-02: the one-year limitation of a violation on 2025-02-20 ended in February; of one on 2025-03-10, it runs
    expect(confirm('2025-02-20')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
    expect(confirm('2025-03-10').ok).toBe(true);
  });

  const served = () => {
    const { view, now } = caseAt([...TO_VERIFICATION, ...TO_PROPOSAL]);
    const decided = taken(stateOf(view), { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-1' }, qlttTeamLead, now);
    return { state: taken(decided.state, { kind: 'serveDecision', method: 'IN_PERSON' }, qlttOfficer, now).state, now };
  };

  it('serves the decision: the payment period starts and its end is the fine’s due date', () => {
    const { state } = served();
    expect(state.view.fine!.dueAt).toBe(deadline(state, 'PAYMENT')!.dueAt);
    expect(state.view.fine!.dueAt).toBe('2026-03-12T16:59:59.999Z'); // 10 calendar days, to the end of the day
  });

  it('leads a settled fine to the step its status calls for: the case closes as paid', () => {
    const { state, now } = served();
    const part = taken(state, { kind: 'recordPayment', amountVnd: 5_000_000 }, qlttOfficer, now).state;
    expect(FOLLOW_UPS[part.view.status]).toBeUndefined();
    const paid = taken(part, { kind: 'recordPayment', amountVnd: 10_000_000 }, qlttOfficer, now).state;
    expect(paid.view.status).toBe('PAID');
    const closed = taken(paid, FOLLOW_UPS[paid.view.status]!, system, now).state;
    expect(closed.view).toMatchObject({ status: 'CLOSED', outcome: 'PAID' });
    expect(FOLLOW_UPS[closed.view.status]).toBeUndefined();
  });
});

describe('missed deadlines', () => {
  const holdDue = later(T0, 24 * HOUR);

  it('fall due level by level, each once', () => {
    const before = dueEscalations(openedState(), later(holdDue, -1));
    expect(before.due).toEqual([]);
    const { state, due } = dueEscalations(openedState(), holdDue);
    expect(due).toEqual([{ clock: 'HOLD_CONFIRMATION', level: 1, target: 'CARRIER_COMPLIANCE', dueAt: holdDue.toISOString() }]);
    expect(dueEscalations(state, holdDue).due).toEqual([]);
    expect(dueEscalations(state, later(holdDue, 24 * HOUR)).due.map((e) => e.target)).toEqual(['DEPT']);
  });

  it('are recorded as DEADLINE_ESCALATED, telling the level and marking the case overdue', () => {
    const { state, due } = dueEscalations(openedState(), holdDue);
    const step = escalationStep(state, due[0]!, holdDue);
    const payload = {
      clock: 'HOLD_CONFIRMATION',
      level: 1,
      target: 'CARRIER_COMPLIANCE',
      dueAt: holdDue.toISOString(),
      recipients: ['carrier:VNP'],
    };
    expect(step.write.event).toMatchObject({
      seq: 2,
      type: 'DEADLINE_ESCALATED',
      actor: system,
      payload,
      reason: 'HOLD_CONFIRMATION deadline missed',
    });
    expect(step.write.notices).toEqual([
      { recipient: 'carrier:VNP', kind: 'DEADLINE_ESCALATED', payload: { number: 'TH-2026-000001', ...payload } },
    ]);
    expect(step.state.view.flags.overdue).toBe(true);
  });

  it('prescribe enforcement for an unpaid fine and expiry for a passed limitation; other levels only tell', () => {
    const e = { level: 1, dueAt: T0.toISOString() };
    expect(prescribedStep({ ...e, clock: 'PAYMENT', target: 'ENFORCEMENT' })).toEqual({
      kind: 'startEnforcement',
      reason: 'PAYMENT missed',
    });
    expect(prescribedStep({ ...e, clock: 'SANCTIONING_LIMITATION', target: 'CLOSE_EXPIRED' })).toEqual({
      kind: 'expire',
      clock: 'SANCTIONING_LIMITATION',
    });
    expect(prescribedStep({ ...e, clock: 'HOLD_CONFIRMATION', target: 'DEPT' })).toBeNull();
  });

  it('are re-armed by an extension that moves the clock past them', () => {
    const { view } = caseAt(TO_VERIFICATION);
    const due = Date.parse(view.deadlines.find((d) => d.clock === 'VERIFICATION')!.dueAt);
    const fired = dueEscalations(stateOf(view), new Date(due)).state;
    expect(fired.clocks.find((c) => c.clock === 'VERIFICATION')!.firedLevel).toBe(1);
    const extend = { kind: 'extendDeadline', clock: 'VERIFICATION', extension: 'WITH_REASON', reason: 'lab test' } as const;
    const step = taken(fired, extend, qlttOfficer, new Date(due + HOUR));
    expect(step.state.clocks.find((c) => c.clock === 'VERIFICATION')).toMatchObject({ extensions: ['WITH_REASON'], firedLevel: 0 });
    expect(step.state.view.flags.overdue).toBe(false);
  });
});

describe('the end of a case', () => {
  it('waits for investigators until the sanctioning limitation would have passed, then is over', () => {
    const { view, now } = caseAt(TO_VERIFICATION);
    const referred = taken(stateOf(view), { kind: 'refer', reason: 'signs of a crime' }, qlttOfficer, now).state;
    expect(referred.clocks).toEqual([]);
    const end = nextWakeAt(referred)!;
    expect(end.toISOString()).toBe('2027-03-02T16:59:59.999Z'); // 1 year from detection, to the end of the day
    expect(isOver(referred, later(end, -1))).toBe(false);
    expect(isOver(referred, end)).toBe(true);
  });

  it('is over once closed or expired, and not while it is open', () => {
    const { view, now } = caseAt(TO_VERIFICATION);
    expect(isOver(stateOf(view), now)).toBe(false);
    expect(isOver(stateOf({ ...view, status: 'CLOSED' }), now)).toBe(true);
    expect(isOver(stateOf({ ...view, status: 'EXPIRED' }), now)).toBe(true);
    expect(nextWakeAt(openedState())).toEqual(later(T0, DAY));
  });
});
