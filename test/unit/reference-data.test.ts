// The seed data is consistent with itself and with docs/domain-model.md.
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../domain/calendar.js';
import { dueAt } from '../../domain/clocks.js';
import { scheduleFor } from '../../domain/fines.js';
import {
  AGENCIES,
  AUTHORITY_CAPS,
  DEADLINE_POLICIES,
  FINE_SCHEDULE,
  HOLIDAYS,
  ITEM_CATEGORIES,
  MAKE_UP_WORKDAYS,
  PROVINCES,
} from '../../domain/reference-data.js';

describe('reference data', () => {
  it('names every clock of the domain model once', () => {
    expect(DEADLINE_POLICIES.map((p) => p.clock).sort()).toEqual([
      'AGENCY_ACKNOWLEDGEMENT',
      'ENFORCEMENT_LIMITATION',
      'HOLD_CONFIRMATION',
      'PAYMENT',
      'SANCTIONING_LIMITATION',
      'SANCTION_DECISION',
      'SERVE_DECISION',
      'TEMPORARY_SEIZURE',
      'VERIFICATION',
      'VIOLATION_RECORD',
    ]);
  });

  it('gives every clock an escalation chain and only extensions that lengthen it', () => {
    const start = new Date('2026-03-02T03:00:00Z');
    for (const p of DEADLINE_POLICIES) {
      expect(p.escalationChain.length, p.clock).toBeGreaterThan(0);
      for (const e of p.extensions) {
        expect(dueAt(e, start, []).getTime(), `${p.clock}/${e.code}`).toBeGreaterThan(dueAt(p, start, []).getTime());
      }
    }
  });

  it('has a fine rule under both decrees for every category’s default offence', () => {
    for (const c of ITEM_CATEGORIES) {
      for (const date of ['2026-06-30', '2026-07-01']) expect(scheduleFor(c.offenceCode, date, FINE_SCHEDULE), c.code).not.toBeNull();
    }
  });

  it('marks every fine rule and authority cap verify, and keeps amounts whole and ordered', () => {
    for (const r of FINE_SCHEDULE) {
      expect(r.verify).toBe(true);
      expect(Number.isSafeInteger(r.minVnd) && r.minVnd < r.maxVnd).toBe(true);
    }
    for (const c of AUTHORITY_CAPS) expect(c.verify && Number.isSafeInteger(c.capVnd)).toBe(true);
  });

  it('lists holidays once each, on weekdays, for 2026 and 2027', () => {
    const dates = HOLIDAYS.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...new Set(HOLIDAYS.map((h) => h.year))]).toEqual([2026, 2027]);
    for (const d of dates) expect(isWorkingDay(d, []), `${d} is a weekday`).toBe(true);
    for (const m of MAKE_UP_WORKDAYS) expect(new Date(`${m.date}T00:00:00Z`).getUTCDay(), m.date).toBe(6);
  });

  it('has the four provincial agencies in every province, and the two national ones', () => {
    for (const p of PROVINCES) {
      expect(
        AGENCIES.filter((a) => a.provinceCode === p.code)
          .map((a) => a.kind)
          .sort(),
      ).toEqual(['CUSTOMS', 'DEPT', 'POLICE', 'QLTT']);
    }
    expect(AGENCIES.filter((a) => a.provinceCode === null).map((a) => a.id)).toEqual(['NATIONAL-INSPECTORATE', 'NATIONAL-KT1']);
    expect(new Set(AGENCIES.map((a) => a.id)).size).toBe(AGENCIES.length);
  });
});
