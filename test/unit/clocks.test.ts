import { describe, expect, it } from 'vitest';
import {
  availableExtensions,
  deadlineView,
  dueAt,
  effectiveLimit,
  escalationAt,
  escalationLevel,
  nextEscalation,
  runDueAt,
  type ClockId,
  type ClockRun,
} from '../../domain/clocks.js';
import { DEADLINE_POLICIES, WORK_CALENDAR } from '../../domain/reference-data.js';

const policy = (clock: ClockId) => DEADLINE_POLICIES.find((p) => p.clock === clock)!;
const vn = (local: string): Date => new Date(`${local}+07:00`);
const endOf = (date: string): string => vn(`${date}T23:59:59.999`).toISOString();
const ctx = { holidays: WORK_CALENDAR };
const MONDAY = vn('2026-03-02T10:00');

describe('dueAt', () => {
  it.each([
    ['HOLD_CONFIRMATION', '2026-03-06T23:30', vn('2026-03-07T23:30').toISOString()],
    ['AGENCY_ACKNOWLEDGEMENT', '2026-03-06T16:00', endOf('2026-03-09')],
    ['VERIFICATION', '2026-02-12T09:00', endOf('2026-02-26')],
    ['VIOLATION_RECORD', '2026-04-28T14:00', endOf('2026-05-04')],
    ['SANCTION_DECISION', '2026-03-02T10:00', endOf('2026-03-11')],
    ['SERVE_DECISION', '2026-03-02T10:00', endOf('2026-03-04')],
    ['PAYMENT', '2026-03-03T10:00', endOf('2026-03-13')],
    ['PAYMENT', '2026-03-04T10:00', endOf('2026-03-16')], // day 10 is a Saturday
    ['ENFORCEMENT_LIMITATION', '2026-03-02T10:00', endOf('2027-03-02')],
    ['SANCTIONING_LIMITATION', '2026-02-17T10:00', endOf('2027-02-17')],
    ['SANCTIONING_LIMITATION', '2026-02-06T10:00', endOf('2027-02-11')], // 6 Feb 2027: a Saturday, then Tết
    ['TEMPORARY_SEIZURE', '2026-03-02T10:00', endOf('2026-03-11')],
  ] as const)('%s started %s is due %s', (clock, start, expected) => {
    expect(dueAt(policy(clock), vn(start), WORK_CALENDAR).toISOString()).toBe(expected);
  });

  it('shrinks the real time to the due instant by the demo clock scale', () => {
    const real = dueAt(policy('VERIFICATION'), MONDAY, WORK_CALENDAR);
    const demo = dueAt(policy('VERIFICATION'), MONDAY, WORK_CALENDAR, 1440);
    expect(demo.getTime() - MONDAY.getTime()).toBe(Math.ceil((real.getTime() - MONDAY.getTime()) / 1440));
    expect(demo.getTime() - MONDAY.getTime()).toBeLessThan(8 * 60_000);
  });

  it('refuses a scale below 1', () => {
    expect(() => dueAt(policy('PAYMENT'), MONDAY, WORK_CALENDAR, 0.5)).toThrow(RangeError);
  });
});

describe('escalation', () => {
  const ack: ClockRun = { policy: policy('AGENCY_ACKNOWLEDGEMENT'), startedAt: MONDAY };

  it('fires level 1 at the due instant and level k one more limit later', () => {
    expect(escalationAt(ack, 1, ctx).toISOString()).toBe(endOf('2026-03-03'));
    expect(escalationAt(ack, 2, ctx).toISOString()).toBe(endOf('2026-03-04'));
  });

  it('counts the levels fired and names the next one', () => {
    expect(escalationLevel(ack, vn('2026-03-03T12:00'), ctx)).toBe(0);
    expect(nextEscalation(ack, vn('2026-03-03T12:00'), ctx)).toEqual({
      level: 1,
      at: new Date(endOf('2026-03-03')),
      target: 'DEPT_DUTY_OFFICER',
    });
    expect(escalationLevel(ack, vn('2026-03-04T12:00'), ctx)).toBe(1);
    expect(nextEscalation(ack, vn('2026-03-04T12:00'), ctx)?.target).toBe('DEPT_MANAGER');
    expect(escalationLevel(ack, vn('2026-03-05T00:00'), ctx)).toBe(2);
    expect(nextEscalation(ack, vn('2026-03-05T00:00'), ctx)).toBeNull();
  });

  it('escalates over weekends on working days, like the clock itself', () => {
    const thursday: ClockRun = { policy: policy('AGENCY_ACKNOWLEDGEMENT'), startedAt: vn('2026-03-05T10:00') };
    expect(escalationAt(thursday, 1, ctx).toISOString()).toBe(endOf('2026-03-06'));
    expect(escalationAt(thursday, 2, ctx).toISOString()).toBe(endOf('2026-03-09'));
  });

  it('scales escalations with the demo clock from the same start', () => {
    const demo = { ...ctx, clockScale: 100 };
    const real2 = escalationAt(ack, 2, ctx).getTime() - MONDAY.getTime();
    expect(escalationAt(ack, 2, demo).getTime() - MONDAY.getTime()).toBe(Math.ceil(real2 / 100));
  });
});

describe('extensions', () => {
  it('replace the limit, counted from the original start', () => {
    const run: ClockRun = { policy: policy('VIOLATION_RECORD'), startedAt: MONDAY, extensions: ['COMPLEX'] };
    expect(effectiveLimit(run.policy, run.extensions)).toMatchObject({ limitValue: 5, unit: 'WORKING_DAYS' });
    expect(runDueAt(run, ctx).toISOString()).toBe(endOf('2026-03-09'));
  });

  it('are offered only when unused and longer than the current limit', () => {
    const decision: ClockRun = { policy: policy('SANCTION_DECISION'), startedAt: MONDAY };
    expect(availableExtensions(decision, ctx)).toEqual(['FILE_TRANSFERRED', 'EXPLANATION', 'COMPLEX_EXTENDED']);
    expect(availableExtensions({ ...decision, extensions: ['EXPLANATION'] }, ctx)).toEqual(['COMPLEX_EXTENDED']);
    expect(availableExtensions({ policy: policy('PAYMENT'), startedAt: MONDAY }, ctx)).toEqual([]);
  });

  it('refuse an unknown code', () => {
    expect(() => effectiveLimit(policy('PAYMENT'), ['NOPE'])).toThrow(RangeError);
  });
});

describe('deadlineView', () => {
  it('is JSON with ISO instants and the escalation state at `now`', () => {
    const run: ClockRun = { policy: policy('VERIFICATION'), startedAt: MONDAY };
    const view = deadlineView(run, vn('2026-03-10T09:00'), ctx);
    expect(view).toEqual({
      clock: 'VERIFICATION',
      startedAt: MONDAY.toISOString(),
      dueAt: endOf('2026-03-09'),
      overdue: true,
      escalationLevel: 1,
      nextEscalationAt: null,
      extensions: [],
      availableExtensions: ['WITH_REASON'],
    });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('is not overdue before the due instant', () => {
    const run: ClockRun = { policy: policy('VERIFICATION'), startedAt: MONDAY };
    expect(deadlineView(run, vn('2026-03-09T23:59'), ctx)).toMatchObject({ overdue: false, escalationLevel: 0 });
  });
});
