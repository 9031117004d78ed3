import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addHours,
  addMonths,
  addWorkingDays,
  addYears,
  calendarDaysBetween,
  endOfDateVN,
  endOfDayVN,
  isWorkingDay,
  rollToWorkingDay,
  vnDate,
} from '../../domain/calendar.js';
import { HOLIDAYS, WORK_CALENDAR } from '../../domain/reference-data.js';

const HOLIDAY_LIST = HOLIDAYS.map((h) => h.date);
/** An instant given in Hà Nội local time. */
const vn = (local: string): Date => new Date(`${local}+07:00`);
/** The end of a VN local date, as the ISO string a deadline shows. */
const endOf = (date: string): string => vn(`${date}T23:59:59.999`).toISOString();

describe('endOfDayVN', () => {
  it('ends an event at 23:30 VN on the same VN day, not the UTC one', () => {
    const lateEvening = vn('2026-03-06T23:30'); // 16:30 UTC
    expect(vnDate(lateEvening)).toBe('2026-03-06');
    expect(endOfDayVN(lateEvening).toISOString()).toBe('2026-03-06T16:59:59.999Z');
  });

  it('puts 00:30 VN on the new VN day although UTC is still on the previous one', () => {
    const justAfterMidnight = new Date('2026-03-06T17:30:00Z');
    expect(vnDate(justAfterMidnight)).toBe('2026-03-07');
    expect(endOfDayVN(justAfterMidnight).toISOString()).toBe(endOf('2026-03-07'));
  });

  it('keeps the last millisecond of the day on that day', () => {
    const end = endOfDayVN(vn('2026-03-06T00:00'));
    expect(vnDate(end)).toBe('2026-03-06');
    expect(vnDate(new Date(end.getTime() + 1))).toBe('2026-03-07');
    expect(endOfDateVN('2026-03-06')).toEqual(end);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-06', true, 'a Friday'],
    ['2026-03-07', false, 'a Saturday'],
    ['2026-03-08', false, 'a Sunday'],
    ['2026-02-17', false, 'Tết, mùng 1'],
    ['2026-02-23', true, 'the Monday after Tết'],
    ['2026-04-27', false, 'the compensatory day for the Hùng Kings'],
    ['2026-09-02', false, 'National Day'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, HOLIDAY_LIST)).toBe(expected);
  });

  it('reads an instant as its VN date', () => {
    expect(isWorkingDay(new Date('2026-03-06T17:30:00Z'), [])).toBe(false); // Saturday 00:30 VN
  });

  it('counts a make-up Saturday as a working day only when the calendar lists it', () => {
    expect(isWorkingDay('2026-01-10', WORK_CALENDAR)).toBe(true);
    expect(isWorkingDay('2026-01-10', HOLIDAY_LIST)).toBe(false);
  });

  it('refuses dates that do not exist', () => {
    expect(() => isWorkingDay('2026-02-30', [])).toThrow(RangeError);
    expect(() => isWorkingDay('2026-2-3', [])).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['Friday morning + 1 skips the weekend', '2026-03-06T10:00', 1, '2026-03-09'],
    ['Friday 23:30 + 1 is still Monday', '2026-03-06T23:30', 1, '2026-03-09'],
    ['Saturday + 1 is Monday (the start day never counts)', '2026-03-07T09:00', 1, '2026-03-09'],
    ['Monday + 5 is next Monday', '2026-03-02T10:00', 5, '2026-03-09'],
    ['Friday before Tết + 1 lands after the Tết week', '2026-02-13T15:00', 1, '2026-02-23'],
    ['Friday before Tết + 5', '2026-02-13T15:00', 5, '2026-02-27'],
    ['inside Tết + 1', '2026-02-18T08:00', 1, '2026-02-23'],
    ['Wednesday 29 April + 1 skips 30/4, 1/5 and the weekend', '2026-04-29T10:00', 1, '2026-05-04'],
    ['Friday 24 April + 1 skips the Hùng Kings compensatory Monday', '2026-04-24T10:00', 1, '2026-04-28'],
    ['New Year’s Eve + 1 skips 1–2 January and the weekend', '2025-12-31T10:00', 1, '2026-01-05'],
    ['28 August + 2 skips 31/8, 1/9 and 2/9', '2026-08-28T10:00', 2, '2026-09-04'],
    ['n = 0 is the end of the start day', '2026-03-07T09:00', 0, '2026-03-07'],
  ])('%s', (_, start, n, endDate) => {
    expect(addWorkingDays(vn(start), n, HOLIDAY_LIST).toISOString()).toBe(endOf(endDate));
  });

  it('works on a make-up Saturday when the full calendar is given', () => {
    expect(addWorkingDays(vn('2026-01-09T10:00'), 1, WORK_CALENDAR).toISOString()).toBe(endOf('2026-01-10'));
    expect(addWorkingDays(vn('2026-01-09T10:00'), 1, HOLIDAY_LIST).toISOString()).toBe(endOf('2026-01-12'));
  });

  it('accepts holidays as a Set', () => {
    expect(addWorkingDays(vn('2026-04-29T10:00'), 1, new Set(HOLIDAY_LIST)).toISOString()).toBe(endOf('2026-05-04'));
  });

  it('refuses negative or fractional counts', () => {
    expect(() => addWorkingDays(vn('2026-03-02T10:00'), -1, [])).toThrow(RangeError);
    expect(() => addWorkingDays(vn('2026-03-02T10:00'), 1.5, [])).toThrow(RangeError);
  });
});

describe('calendar periods', () => {
  it('addCalendarDays ends at the end of the n-th day, weekends included', () => {
    expect(addCalendarDays(vn('2026-03-03T10:00'), 10).toISOString()).toBe(endOf('2026-03-13'));
    expect(addCalendarDays(vn('2026-03-04T10:00'), 10).toISOString()).toBe(endOf('2026-03-14'));
  });

  it('addHours is an exact duration', () => {
    expect(addHours(vn('2026-03-06T23:30'), 24).toISOString()).toBe(vn('2026-03-07T23:30').toISOString());
  });

  it('addMonths and addYears keep the day of the month or fall back to the last day', () => {
    expect(addMonths(vn('2026-01-31T10:00'), 1).toISOString()).toBe(endOf('2026-02-28'));
    expect(addMonths(vn('2026-03-15T10:00'), 2).toISOString()).toBe(endOf('2026-05-15'));
    expect(addMonths(vn('2026-11-30T10:00'), 3).toISOString()).toBe(endOf('2027-02-28'));
    expect(addYears(vn('2028-02-29T10:00'), 1).toISOString()).toBe(endOf('2029-02-28'));
    expect(addYears(vn('2026-03-02T10:00'), 1).toISOString()).toBe(endOf('2027-03-02'));
  });

  it('rollToWorkingDay moves a period ending on a day off to the next working day', () => {
    expect(rollToWorkingDay(endOfDateVN('2026-03-14'), HOLIDAY_LIST).toISOString()).toBe(endOf('2026-03-16'));
    expect(rollToWorkingDay(endOfDateVN('2026-02-17'), HOLIDAY_LIST).toISOString()).toBe(endOf('2026-02-23'));
    const friday = endOfDateVN('2026-03-13');
    expect(rollToWorkingDay(friday, HOLIDAY_LIST)).toBe(friday);
  });

  it('calendarDaysBetween counts VN dates, not 24-hour spans', () => {
    expect(calendarDaysBetween(vn('2026-03-13T23:59'), vn('2026-03-14T00:01'))).toBe(1);
    expect(calendarDaysBetween(vn('2026-03-13T00:01'), vn('2026-03-13T23:59'))).toBe(0);
    expect(calendarDaysBetween(vn('2026-03-14T10:00'), vn('2026-03-13T10:00'))).toBe(-1);
  });

  it('refuses an invalid instant', () => {
    expect(() => endOfDayVN(new Date(Number.NaN))).toThrow(RangeError);
  });
});
