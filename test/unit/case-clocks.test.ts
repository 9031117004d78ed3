import { describe, expect, it } from 'vitest';
import { clockChanges, clockStartInstant, extensionsAtStart } from '../../domain/case-clocks.js';
import { caseAt, detectedCase, T0, TO_PROPOSAL, TO_VERIFICATION } from './fixtures.js';

describe('clockChanges', () => {
  it('does not start the seizure clock when nothing is seized', () => {
    const { view } = caseAt([...TO_VERIFICATION, TO_PROPOSAL[0]!]);
    const changes = clockChanges(view, { kind: 'recordViolation', recordNumber: 'BB', seized: false }, 'VIOLATION_RECORDED');
    expect(changes).toEqual({ start: ['SANCTION_DECISION'], stop: ['VIOLATION_RECORD'] });
  });

  it('changes nothing for a note', () => {
    const { view } = caseAt(TO_VERIFICATION);
    expect(clockChanges(view, { kind: 'addNote', text: 'x' }, view.status)).toEqual({ start: [], stop: [] });
  });

  it('stops every clock when the case expires', () => {
    const view = detectedCase();
    expect(clockChanges(view, { kind: 'expire', clock: 'SANCTIONING_LIMITATION' }, 'EXPIRED')).toEqual({
      start: [],
      stop: ['HOLD_CONFIRMATION', 'SANCTIONING_LIMITATION'],
    });
  });

  it('moves the clock an officer extends, and starts or stops nothing', () => {
    const { view } = caseAt(TO_VERIFICATION);
    const extend = { kind: 'extendDeadline', clock: 'VERIFICATION', extension: 'WITH_REASON', reason: 'lab test' } as const;
    expect(clockChanges(view, extend, view.status)).toEqual({
      start: [],
      stop: [],
      extend: { clock: 'VERIFICATION', extension: 'WITH_REASON' },
    });
  });

  it('counts the sanctioning limitation afresh from a violation date stated on confirmation', () => {
    const { view } = caseAt(TO_VERIFICATION);
    const dated = { kind: 'confirmViolation', against: 'SENDER', summary: 'x', violationDate: '2026-02-20' } as const;
    expect(clockChanges(view, dated, 'VIOLATION_CONFIRMED')).toEqual({
      start: ['VIOLATION_RECORD', 'SANCTIONING_LIMITATION'],
      stop: ['VERIFICATION', 'SANCTIONING_LIMITATION'], // verification is over; the limitation restarts
    });
    const undated = { ...dated, violationDate: undefined };
    expect(clockChanges(view, undated, 'VIOLATION_CONFIRMED').start).toEqual(['VIOLATION_RECORD']);
  });

  it('keeps the acknowledgement clock while an agency has not acknowledged', () => {
    const base = detectedCase({ status: 'NOTIFIED' });
    const withAck = { ...base, deadlines: [{ ...base.deadlines[0]!, clock: 'AGENCY_ACKNOWLEDGEMENT' as const }] };
    expect(clockChanges(withAck, { kind: 'acknowledge' }, 'ACKNOWLEDGED', 'TH-QLTT').stop).toEqual([]);
    const deptDone = { ...withAck, acknowledgements: [{ agencyId: 'TH-DEPT', by: 'u', at: T0.toISOString() }] };
    expect(clockChanges(deptDone, { kind: 'acknowledge' }, 'ACKNOWLEDGED', 'TH-QLTT').stop).toEqual(['AGENCY_ACKNOWLEDGEMENT']);
  });
});

describe('clockStartInstant', () => {
  const now = new Date('2026-03-05T03:00:00Z');

  it('counts a violation from the start of its VN date, or from detection', () => {
    const { view } = caseAt(TO_VERIFICATION);
    expect(clockStartInstant('VIOLATION', view, now)).toEqual(T0);
    const dated = {
      ...view,
      violation: {
        confirmedAt: '',
        against: 'SENDER' as const,
        violationDate: '2026-02-20',
        recordNumber: null,
        recordedAt: null,
        seized: false,
      },
    };
    expect(clockStartInstant('VIOLATION', dated, now).toISOString()).toBe('2026-02-19T17:00:00.000Z');
  });

  it('counts detection from detection and every other event from now', () => {
    const view = detectedCase();
    expect(clockStartInstant('DETECTION', view, now)).toEqual(T0);
    expect(clockStartInstant('DECISION_SERVED', view, now)).toBe(now);
  });
});

describe('extensionsAtStart', () => {
  const offered = ['TWO_YEAR_FIELD'];
  it.each([
    ['a domestic counterfeit case', { crossBorder: false, categoryCode: 'COUNTERFEIT' }, []],
    ['a cross-border item', { crossBorder: true, categoryCode: 'COUNTERFEIT' }, ['TWO_YEAR_FIELD']],
    ['goods banned from import or export', { crossBorder: false, categoryCode: 'IMPORT_EXPORT_BANNED' }, ['TWO_YEAR_FIELD']],
    ['smuggled goods', { crossBorder: false, categoryCode: 'SMUGGLED' }, ['TWO_YEAR_FIELD']],
  ])('gives %s the right sanctioning limitation', (_, c, expected) => {
    const view = detectedCase({ categoryCode: c.categoryCode, flags: { ...detectedCase().flags, crossBorder: c.crossBorder } });
    expect(extensionsAtStart('SANCTIONING_LIMITATION', view, offered)).toEqual(expected);
  });

  it('touches no other clock, and applies only what the policy still offers', () => {
    const view = detectedCase({ flags: { ...detectedCase().flags, crossBorder: true } });
    expect(extensionsAtStart('VERIFICATION', view, offered)).toEqual([]);
    expect(extensionsAtStart('SANCTIONING_LIMITATION', view, [])).toEqual([]);
  });
});
