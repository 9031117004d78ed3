import { describe, expect, it } from 'vitest';
import { clockChanges, clockStartInstant } from '../../domain/case-clocks.js';
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
    const dated = { ...view, violation: { confirmedAt: '', against: 'SENDER' as const, violationDate: '2026-02-20', recordNumber: null, recordedAt: null, seized: false } };
    expect(clockStartInstant('VIOLATION', dated, now).toISOString()).toBe('2026-02-19T17:00:00.000Z');
  });

  it('counts detection from detection and every other event from now', () => {
    const view = detectedCase();
    expect(clockStartInstant('DETECTION', view, now)).toEqual(T0);
    expect(clockStartInstant('DECISION_SERVED', view, now)).toBe(now);
  });
});
