import { describe, expect, it } from 'vitest';
import {
  authorityCapFor,
  capCovers,
  checkAmount,
  defaultProposal,
  lateInterest,
  measuresOutsideSchedule,
  rangeFor,
  scheduleFor,
  settlement,
} from '../../domain/fines.js';
import { AUTHORITY_CAPS, FINE_SCHEDULE, OFFENCE } from '../../domain/reference-data.js';

const vn = (local: string): Date => new Date(`${local}+07:00`);
const ITEM = { minVnd: 10_000_000, maxVnd: 20_000_000 };
const CULTURE = { minVnd: 20_000_000, maxVnd: 30_000_000 };

describe('scheduleFor picks the decree in force on the violation date', () => {
  const D15 = 'Decree 15/2020/NĐ-CP as amended by Decree 14/2022/NĐ-CP';
  it.each([
    ['2020-04-14', null],
    ['2020-04-15', D15],
    ['2022-05-10', D15],
    ['2026-07-01', D15],
    ['2031-01-15', D15],
  ])('Decree 15/2020 in force from 15 April 2020, open-ended: %s', (date, decree) => {
    expect(scheduleFor(OFFENCE.PROHIBITED_ITEM, date, FINE_SCHEDULE)?.decree ?? null).toBe(decree);
  });

  it('reads an instant as its VN date (00:30 on 15 April VN is still 14 April UTC)', () => {
    expect(scheduleFor(OFFENCE.PROHIBITED_ITEM, new Date('2020-04-14T17:30:00Z'), FINE_SCHEDULE)?.id).toBe('D15-2020:POST_PROHIBITED_ITEM');
    expect(scheduleFor(OFFENCE.PROHIBITED_ITEM, new Date('2020-04-14T16:30:00Z'), FINE_SCHEDULE)).toBeNull();
  });

  it('returns null for an unknown offence or a date before any decree', () => {
    expect(scheduleFor('NO_SUCH_OFFENCE', '2026-03-01', FINE_SCHEDULE)).toBeNull();
    expect(scheduleFor(OFFENCE.PROHIBITED_ITEM, '2019-12-31', FINE_SCHEDULE)).toBeNull();
  });

  it('carries the ranges of domain.md section 6 (Decree 15/2020 Art. 9(1) and 9(2))', () => {
    for (const date of ['2026-06-30', '2026-07-01']) {
      for (const point of [OFFENCE.PROHIBITED_ITEM, OFFENCE.EXPORT_BANNED_ITEM, OFFENCE.IMPORT_BANNED_ITEM, OFFENCE.CARRIAGE_BANNED_ITEM])
        expect(scheduleFor(point, date, FINE_SCHEDULE), point).toMatchObject(ITEM);
      expect(scheduleFor(OFFENCE.BANNED_CULTURE, date, FINE_SCHEDULE)).toMatchObject(CULTURE);
      expect(scheduleFor(OFFENCE.FAILED_TO_SUSPEND, date, FINE_SCHEDULE)).toMatchObject(ITEM);
    }
  });

  it('cites no Decree 174/2026, which cannot be verified', () => {
    expect(JSON.stringify(FINE_SCHEDULE)).not.toMatch(/174\/2026/);
  });
});

describe('extra penalties and remedial measures of Decree 15/2020 Art. 9', () => {
  const rule = (offence: string) => scheduleFor(offence, '2026-12-01', FINE_SCHEDULE)!;
  const measures = (offence: string) => ({
    extraPenalties: rule(offence).extraPenalties,
    remedialMeasures: rule(offence).remedialMeasures,
  });

  it.each([
    ['Art. 9(1)(a) items banned from circulation: confiscation (Art. 9(3))', OFFENCE.PROHIBITED_ITEM, ['CONFISCATION'], []],
    ['Art. 9(1)(b) items banned from export: confiscation (Art. 9(3))', OFFENCE.EXPORT_BANNED_ITEM, ['CONFISCATION'], []],
    [
      'Art. 9(1)(c) items banned from import: forced re-export (Art. 9(4)(b)), not confiscation',
      OFFENCE.IMPORT_BANNED_ITEM,
      [],
      ['FORCED_RE_EXPORT'],
    ],
    ['Art. 9(1)(d) items barred from the post: confiscation (Art. 9(3))', OFFENCE.CARRIAGE_BANNED_ITEM, ['CONFISCATION'], []],
    [
      'Art. 9(2) banned cultural products: forced destruction (Art. 9(4)(a)), not confiscation',
      OFFENCE.BANNED_CULTURE,
      [],
      ['FORCED_DESTRUCTION'],
    ],
  ])('%s', (_, offence, extraPenalties, remedialMeasures) => {
    expect(measures(offence)).toEqual({ extraPenalties, remedialMeasures });
  });

  it('has no licence suspension if repeated in Art. 9: it belongs to licence trading', () => {
    for (const r of FINE_SCHEDULE.filter((f) => f.field === 'POSTAL')) expect(r.extraPenalties, r.id).not.toContain('LICENCE_SUSPENSION');
    expect(JSON.stringify(FINE_SCHEDULE)).not.toMatch(/REPEATED/);
  });

  it('measuresOutsideSchedule names what the rule does not provide (gap G3)', () => {
    const culture = rule(OFFENCE.BANNED_CULTURE);
    expect(measuresOutsideSchedule(culture, { extraPenalties: [], remedialMeasures: ['FORCED_DESTRUCTION'] })).toEqual({
      extraPenalties: [],
      remedialMeasures: [],
    });
    expect(measuresOutsideSchedule(culture, { extraPenalties: ['CONFISCATION'], remedialMeasures: ['FORCED_RE_EXPORT'] })).toEqual({
      extraPenalties: ['CONFISCATION'],
      remedialMeasures: ['FORCED_RE_EXPORT'],
    });
    // a proposal may leave out what the rule provides (LHAV Art. 26 and 28 set when each applies)
    expect(measuresOutsideSchedule(culture, { extraPenalties: [], remedialMeasures: [] })).toEqual({
      extraPenalties: [],
      remedialMeasures: [],
    });
  });

  it('reads a rule a case recorded before rules listed remedial measures as providing none', () => {
    const recorded = { extraPenalties: ['CONFISCATION', 'LICENCE_SUSPENSION_1_3_MONTHS_IF_REPEATED'] };
    expect(measuresOutsideSchedule(recorded, { extraPenalties: ['CONFISCATION'], remedialMeasures: [] }).extraPenalties).toEqual([]);
    expect(measuresOutsideSchedule(recorded, { extraPenalties: [], remedialMeasures: ['FORCED_DESTRUCTION'] }).remedialMeasures).toEqual([
      'FORCED_DESTRUCTION',
    ]);
  });
});

describe('offences name their field and sanctioning limitation (LHAV Art. 6 as amended by Law 88/2025/QH15)', () => {
  it.each([
    ['postal-field offences under Decree 15/2020: 1 year, import/export items too', 'POSTAL', 1],
    ['trading counterfeit or banned goods, sanctioned by market management under Decree 98/2020: 2 years', 'TRADE', 2],
    ['import/export offences, sanctioned by customs under Decree 128/2020: 2 years', 'CUSTOMS', 2],
  ] as const)('%s', (_, field, years) => {
    const rules = FINE_SCHEDULE.filter((f) => f.field === field);
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(r.sanctioningLimitationYears, r.id).toBe(years);
  });

  it('models market management’s and customs’ offences under their own decrees, marked verify', () => {
    expect(scheduleFor(OFFENCE.COUNTERFEIT_GOODS, '2026-12-01', FINE_SCHEDULE)).toMatchObject({
      decree: expect.stringMatching(/^Decree 98\/2020/),
      verify: true,
    });
    expect(scheduleFor(OFFENCE.BANNED_GOODS, '2026-12-01', FINE_SCHEDULE)).toMatchObject({ field: 'TRADE', verify: true });
    expect(scheduleFor(OFFENCE.IMPORT_EXPORT_BANNED_GOODS, '2026-12-01', FINE_SCHEDULE)).toMatchObject({
      decree: 'Decree 128/2020/NĐ-CP',
      remedialMeasures: ['FORCED_RE_EXPORT', 'FORCED_DESTRUCTION'],
      verify: true,
    });
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

describe('lateInterest (LHAV Art. 78; Circular 18/2023/TT-BTC, verify the article): 0.05 % a day from the day after the due day to the day before payment, rounded down', () => {
  const due = vn('2026-03-13T23:59:59.999');

  it.each([
    ['paid before the due instant', vn('2026-03-12T09:00'), 10_000_000, 0],
    ['paid late on the due day itself', vn('2026-03-13T23:59:59.999'), 10_000_000, 0],
    ['paid the day after the due day: no late day yet', vn('2026-03-14T00:00:01'), 10_000_000, 0],
    ['paid two days after the due day: one late day', vn('2026-03-15T08:00'), 10_000_000, 5_000],
    ['paid ten days after the due day: nine late days', vn('2026-03-23T16:00'), 10_000_000, 45_000],
    ['rounded down to whole VND', vn('2026-03-15T08:00'), 12_345_679, 6_172],
    ['a year after the due day on 20 m: 364 late days, weekends and holidays included', vn('2027-03-13T08:00'), 20_000_000, 3_640_000],
  ])('%s', (_, paidAt, unpaid, expected) => {
    expect(lateInterest(unpaid, due, paidAt)).toBe(expected);
  });

  it('no interest while payment is postponed (LHAV Art. 76) or paid in instalments (Art. 79)', () => {
    const postponed = { from: '2026-03-16', to: '2026-03-31', basis: 'LHAV Art. 76: postponed' };
    // late days 14 March – 4 April: 22, of which 16 postponed
    expect(lateInterest(10_000_000, due, vn('2026-04-05T09:00'), { interestFree: [postponed] })).toBe(30_000);
    const instalments = { from: '2026-03-20', to: null, basis: 'LHAV Art. 79: instalments' };
    // 14–19 March accrue; from 20 March the instalments run
    expect(lateInterest(10_000_000, due, vn('2026-06-01T09:00'), { interestFree: [instalments] })).toBe(30_000);
    // overlapping periods are not subtracted twice
    expect(lateInterest(10_000_000, due, vn('2026-04-05T09:00'), { interestFree: [postponed, { ...postponed, to: '2026-03-20' }] })).toBe(
      30_000,
    );
  });

  it('keeps the count before the correction (the payment day too) for payments recorded under it', () => {
    expect(lateInterest(10_000_000, due, vn('2026-03-14T00:00:01'), { count: 'PAYMENT_DAY' })).toBe(5_000);
    expect(lateInterest(10_000_000, due, vn('2026-03-23T16:00'), { count: 'PAYMENT_DAY' })).toBe(50_000);
  });

  it('refuses a fractional amount', () => {
    expect(() => lateInterest(1.5, due, vn('2026-03-20T08:00'))).toThrow(RangeError);
  });
});

describe('settlement (LHAV Art. 78)', () => {
  const due = vn('2026-03-13T23:59:59.999');

  it('runs interest on the unpaid fine, segment by segment, each late day on what was unpaid after its payments', () => {
    const payments = [{ amountVnd: 4_000_000, at: vn('2026-03-15T10:00') }];
    // 10 m for 14 March, then 6 m for 15–19 March, at 0.05 % a day
    expect(settlement(10_000_000, due, payments, vn('2026-03-20T10:00'))).toEqual({
      paidVnd: 4_000_000,
      interestVnd: 20_000,
      outstandingVnd: 6_020_000,
    });
  });

  it('stops interest once the fine is paid, leaving the interest itself to pay', () => {
    const payments = [{ amountVnd: 10_000_000, at: vn('2026-03-15T10:00') }];
    expect(settlement(10_000_000, due, payments, vn('2026-04-30T10:00'))).toEqual({
      paidVnd: 10_000_000,
      interestVnd: 5_000,
      outstandingVnd: 5_000,
    });
  });

  it('costs nothing to settle on the day after the due day', () => {
    expect(settlement(10_000_000, due, [], vn('2026-03-14T16:00'))).toEqual({ paidVnd: 0, interestVnd: 0, outstandingVnd: 10_000_000 });
  });

  it('skips interest-free periods (LHAV Art. 76, 79) between payments too', () => {
    const payments = [{ amountVnd: 4_000_000, at: vn('2026-03-15T10:00') }];
    const interestFree = [{ from: '2026-03-17', to: '2026-03-18', basis: 'LHAV Art. 76' }];
    // 10 m for 14 March, 6 m for 15, 16 and 19 March
    expect(settlement(10_000_000, due, payments, vn('2026-03-20T10:00'), { interestFree }).interestVnd).toBe(14_000);
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
