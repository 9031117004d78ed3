import { describe, expect, it } from 'vitest';
import {
  authorityCapFor,
  capCovers,
  checkAmount,
  defaultProposal,
  lateInterest,
  rangeFor,
  scheduleFor,
  settlement,
} from '../../domain/fines.js';
import { AUTHORITY_CAPS, FINE_SCHEDULE, OFFENCE } from '../../domain/reference-data.js';

const vn = (local: string): Date => new Date(`${local}+07:00`);
const ITEM = { minVnd: 10_000_000, maxVnd: 20_000_000 };
const CULTURE = { minVnd: 20_000_000, maxVnd: 30_000_000 };

describe('scheduleFor picks the decree in force on the violation date', () => {
  it.each([
    ['2026-06-30', 'Decree 15/2020/NĐ-CP as amended by Decree 14/2022/NĐ-CP'],
    ['2026-07-01', 'Decree 174/2026/NĐ-CP'],
    ['2022-05-10', 'Decree 15/2020/NĐ-CP as amended by Decree 14/2022/NĐ-CP'],
    ['2027-01-15', 'Decree 174/2026/NĐ-CP'],
  ])('%s → %s', (date, decree) => {
    expect(scheduleFor(OFFENCE.PROHIBITED_ITEM, date, FINE_SCHEDULE)?.decree).toBe(decree);
  });

  it('reads an instant as its VN date (00:30 on 1 July VN is still 30 June UTC)', () => {
    expect(scheduleFor(OFFENCE.PROHIBITED_ITEM, new Date('2026-06-30T17:30:00Z'), FINE_SCHEDULE)?.id).toBe(
      'D174-2026:POST_PROHIBITED_ITEM',
    );
    expect(scheduleFor(OFFENCE.PROHIBITED_ITEM, new Date('2026-06-30T16:30:00Z'), FINE_SCHEDULE)?.id).toBe('D15-2020:POST_PROHIBITED_ITEM');
  });

  it('returns null for an unknown offence or a date before any decree', () => {
    expect(scheduleFor('NO_SUCH_OFFENCE', '2026-03-01', FINE_SCHEDULE)).toBeNull();
    expect(scheduleFor(OFFENCE.PROHIBITED_ITEM, '2019-12-31', FINE_SCHEDULE)).toBeNull();
  });

  it('carries the ranges of domain.md section 6 on both sides of 1 July 2026', () => {
    for (const date of ['2026-06-30', '2026-07-01']) {
      expect(scheduleFor(OFFENCE.PROHIBITED_ITEM, date, FINE_SCHEDULE)).toMatchObject(ITEM);
      expect(scheduleFor(OFFENCE.BANNED_CULTURE, date, FINE_SCHEDULE)).toMatchObject(CULTURE);
      expect(scheduleFor(OFFENCE.FAILED_TO_SUSPEND, date, FINE_SCHEDULE)).toMatchObject(ITEM);
    }
  });
});

describe('defaultProposal (LHAV Art. 23)', () => {
  it.each([
    [0, 0, 15_000_000, 'the middle of the range'],
    [1, 0, 12_500_000, 'one mitigating circumstance: half-way to the minimum'],
    [2, 0, 10_000_000, 'two mitigating: the minimum'],
    [5, 0, 10_000_000, 'never below the minimum'],
    [0, 1, 17_500_000, 'one aggravating: half-way to the maximum'],
    [0, 2, 20_000_000, 'two aggravating: the maximum'],
    [0, 4, 20_000_000, 'never above the maximum'],
    [1, 1, 15_000_000, 'circumstances offset each other'],
    [1, 3, 20_000_000, 'net two aggravating'],
  ])('%i mitigating, %i aggravating → %i (%s)', (mitigating, aggravating, expected) => {
    expect(defaultProposal(ITEM, { mitigating, aggravating }, 'ORGANISATION')).toBe(expected);
  });

  it('halves the amount for an individual', () => {
    expect(defaultProposal(ITEM, { mitigating: 0, aggravating: 0 }, 'INDIVIDUAL')).toBe(7_500_000);
    expect(defaultProposal(CULTURE, { mitigating: 0, aggravating: 2 }, 'INDIVIDUAL')).toBe(15_000_000);
    expect(rangeFor(CULTURE, 'INDIVIDUAL')).toEqual({ minVnd: 10_000_000, maxVnd: 15_000_000 });
  });

  it('refuses negative or fractional counts', () => {
    expect(() => defaultProposal(ITEM, { mitigating: -1, aggravating: 0 }, 'ORGANISATION')).toThrow(RangeError);
    expect(() => defaultProposal(ITEM, { mitigating: 0.5, aggravating: 0 }, 'ORGANISATION')).toThrow(RangeError);
  });
});

describe('checkAmount', () => {
  it.each([
    [10_000_000, 'ORGANISATION', null],
    [20_000_000, 'ORGANISATION', null],
    [9_999_999, 'ORGANISATION', 'BELOW_MINIMUM'],
    [20_000_001, 'ORGANISATION', 'ABOVE_MAXIMUM'],
    [12_000_000.5, 'ORGANISATION', 'NOT_WHOLE_VND'],
    [-1, 'ORGANISATION', 'NOT_WHOLE_VND'],
    [5_000_000, 'INDIVIDUAL', null],
    [10_000_000, 'INDIVIDUAL', null],
    [4_999_999, 'INDIVIDUAL', 'BELOW_MINIMUM'],
    [15_000_000, 'INDIVIDUAL', 'ABOVE_MAXIMUM'],
  ] as const)('%i for an %s → %s', (amount, violator, problem) => {
    const result = checkAmount(amount, ITEM, violator);
    expect(result.ok ? null : result.problem).toBe(problem);
  });
});

describe('authority caps', () => {
  it('cover twice the individual cap for an organisation', () => {
    expect(capCovers(5_000_000, 10_000_000, 'ORGANISATION')).toBe(true);
    expect(capCovers(5_000_000, 10_000_001, 'ORGANISATION')).toBe(false);
    expect(capCovers(5_000_000, 5_000_000, 'INDIVIDUAL')).toBe(true);
    expect(capCovers(5_000_000, 5_000_001, 'INDIVIDUAL')).toBe(false);
  });

  it('are looked up by agency kind and title', () => {
    expect(authorityCapFor('QLTT', 'TEAM_LEAD', AUTHORITY_CAPS)?.capVnd).toBe(25_000_000);
    expect(authorityCapFor('KT1', 'TEAM_LEAD', AUTHORITY_CAPS)).toBeNull();
  });
});

describe('lateInterest: 0.05 % per full VN day late, rounded down', () => {
  const due = vn('2026-03-13T23:59:59.999');

  it.each([
    ['paid before the due instant', vn('2026-03-12T09:00'), 10_000_000, 0],
    ['paid late on the due day itself', vn('2026-03-13T23:59:59.999'), 10_000_000, 0],
    ['paid just after midnight: one day late', vn('2026-03-14T00:00:01'), 10_000_000, 5_000],
    ['paid ten days late', vn('2026-03-23T16:00'), 10_000_000, 50_000],
    ['rounded down to whole VND', vn('2026-03-14T08:00'), 12_345_679, 6_172],
    ['a year late on 20 m', vn('2027-03-13T08:00'), 20_000_000, 3_650_000],
  ])('%s', (_, paidAt, unpaid, expected) => {
    expect(lateInterest(unpaid, due, paidAt)).toBe(expected);
  });

  it('refuses a fractional amount', () => {
    expect(() => lateInterest(1.5, due, vn('2026-03-20T08:00'))).toThrow(RangeError);
  });
});

describe('settlement', () => {
  const due = vn('2026-03-13T23:59:59.999');

  it('runs interest on the unpaid fine, segment by segment', () => {
    const payments = [{ amountVnd: 4_000_000, at: vn('2026-03-15T10:00') }];
    // 10 m × 2 days + 6 m × 5 days, at 0.05 % a day
    expect(settlement(10_000_000, due, payments, vn('2026-03-20T10:00'))).toEqual({
      paidVnd: 4_000_000,
      interestVnd: 25_000,
      outstandingVnd: 6_025_000,
    });
  });

  it('stops interest once the fine is paid, leaving the interest itself to pay', () => {
    const payments = [{ amountVnd: 10_000_000, at: vn('2026-03-15T10:00') }];
    expect(settlement(10_000_000, due, payments, vn('2026-04-30T10:00'))).toEqual({
      paidVnd: 10_000_000,
      interestVnd: 10_000,
      outstandingVnd: 10_000,
    });
  });

  it('accrues nothing before the decision is served, and ignores future payments', () => {
    const payments = [{ amountVnd: 1_000_000, at: vn('2026-05-01T10:00') }];
    expect(settlement(10_000_000, null, payments, vn('2026-04-30T10:00'))).toEqual({
      paidVnd: 0,
      interestVnd: 0,
      outstandingVnd: 10_000_000,
    });
  });
});
