/**
 * Vietnamese working-day calendar, in Asia/Ho_Chi_Minh local dates.
 *
 * Vietnam keeps UTC+7 all year (no daylight saving since 1975), so local dates are computed
 * arithmetically: the same code must give the same answer inside a deterministic workflow,
 * where Intl time-zone data is not something to depend on.
 *
 * Semantics shared by every `add…` function: the count starts the day after the VN local date
 * of `start` (the start day itself never counts, whatever the time of day) and the result is
 * the last millisecond (23:59:59.999 VN) of the final day, because a deadline "fires at the end
 * of its last day". `addHours` is the exception: it is an exact duration.
 */

/** A Vietnam local calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

/**
 * Days off, plus Saturdays the government turns into make-up working days when it bridges a
 * holiday (hoán đổi ngày làm việc). Saturdays and Sundays are off unless listed as make-up days.
 * Use arrays, not Sets, for a calendar that crosses a workflow or JSON boundary.
 */
export interface WorkCalendar {
  holidays: ReadonlySet<IsoDate> | readonly IsoDate[];
  makeUpWorkdays?: ReadonlySet<IsoDate> | readonly IsoDate[];
}

/** Holidays as a plain list or set of VN dates, or a full {@link WorkCalendar}. */
export type Holidays = ReadonlySet<IsoDate> | readonly IsoDate[] | WorkCalendar;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Offset of Asia/Ho_Chi_Minh from UTC. */
export const VN_OFFSET_MS = 7 * HOUR_MS;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// A "day number" is the count of VN local days since 1970-01-01; all arithmetic is on these.
const dayNumberAt = (instant: Date): number => Math.floor((instant.getTime() + VN_OFFSET_MS) / DAY_MS);
const endOfDayNumber = (day: number): Date => new Date((day + 1) * DAY_MS - VN_OFFSET_MS - 1);
const isoOfDayNumber = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

function dayNumberOf(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date written YYYY-MM-DD: ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** Whether `s` is a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(ms) && isoOfDayNumber(ms / DAY_MS) === s;
}

// Duck-typed rather than instanceof: a workflow sandbox has its own Date constructor.
function requireInstant(instant: Date): void {
  if (typeof instant?.getTime !== 'function' || Number.isNaN(instant.getTime())) throw new RangeError('invalid instant');
}

function requireCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}

interface DaySets {
  off: ReadonlySet<IsoDate>;
  on: ReadonlySet<IsoDate>;
}

const asSet = (dates: ReadonlySet<IsoDate> | readonly IsoDate[] | undefined): ReadonlySet<IsoDate> =>
  dates instanceof Set ? dates : new Set(dates ?? []);

function daySets(holidays: Holidays): DaySets {
  if ('holidays' in holidays) return { off: asSet(holidays.holidays), on: asSet(holidays.makeUpWorkdays) };
  return { off: asSet(holidays as ReadonlySet<IsoDate> | readonly IsoDate[]), on: new Set() };
}

function isWorkingDayNumber(day: number, sets: DaySets): boolean {
  const iso = isoOfDayNumber(day);
  if (sets.on.has(iso)) return true;
  if (sets.off.has(iso)) return false;
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The VN local date ('YYYY-MM-DD') that contains `instant`. */
export function vnDate(instant: Date): IsoDate {
  requireInstant(instant);
  return isoOfDayNumber(dayNumberAt(instant));
}

/** The last millisecond (23:59:59.999 at UTC+7) of the VN local day that contains `instant`. */
export function endOfDayVN(instant: Date): Date {
  requireInstant(instant);
  return endOfDayNumber(dayNumberAt(instant));
}

/** The first millisecond (00:00 at UTC+7) of a VN local date given as 'YYYY-MM-DD'. */
export function startOfDateVN(date: IsoDate): Date {
  return new Date(dayNumberOf(date) * DAY_MS - VN_OFFSET_MS);
}

/** The last millisecond of a VN local date given as 'YYYY-MM-DD'. */
export function endOfDateVN(date: IsoDate): Date {
  return endOfDayNumber(dayNumberOf(date));
}

/** Whether a VN local day (an instant, or a 'YYYY-MM-DD' date) is a working day. */
export function isWorkingDay(day: Date | IsoDate, holidays: Holidays): boolean {
  const n = typeof day === 'string' ? dayNumberOf(day) : (requireInstant(day), dayNumberAt(day));
  return isWorkingDayNumber(n, daySets(holidays));
}

/**
 * End of the n-th working day after the VN day of `start` (the start day never counts, even
 * when it is a working day; an event on a Saturday plus 1 working day ends on Monday).
 * n = 0 gives the end of the start day.
 */
export function addWorkingDays(start: Date, n: number, holidays: Holidays): Date {
  requireInstant(start);
  requireCount(n, 'working days');
  const sets = daySets(holidays);
  let day = dayNumberAt(start);
  for (let counted = 0; counted < n;) if (isWorkingDayNumber(++day, sets)) counted++;
  return endOfDayNumber(day);
}

/** End of the n-th calendar day after the VN day of `start`. */
export function addCalendarDays(start: Date, n: number): Date {
  requireInstant(start);
  requireCount(n, 'calendar days');
  return endOfDayNumber(dayNumberAt(start) + n);
}

/** Exactly `hours` after `start` (no rounding to the end of a day). */
export function addHours(start: Date, hours: number): Date {
  requireInstant(start);
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be ≥ 0, got ${hours}`);
  return new Date(start.getTime() + hours * HOUR_MS);
}

/**
 * End of the day with the same day-of-month n months after the VN day of `start`, or of the
 * month's last day when it has no such day (31 Jan + 1 month → 28/29 Feb): Civil Code 2015
 * Art. 148(3), which LHAV Art. 8 applies to administrative time limits.
 */
export function addMonths(start: Date, n: number): Date {
  requireInstant(start);
  requireCount(n, 'months');
  const local = new Date(dayNumberAt(start) * DAY_MS);
  const monthIndex = local.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(local.getUTCFullYear(), monthIndex + 1, 0)).getUTCDate();
  const target = Date.UTC(local.getUTCFullYear(), monthIndex, Math.min(local.getUTCDate(), lastDay));
  return endOfDayNumber(target / DAY_MS);
}

/** End of the same VN date n years later (29 Feb → 28 Feb); see {@link addMonths}. */
export function addYears(start: Date, n: number): Date {
  requireCount(n, 'years');
  return addMonths(start, 12 * n);
}

/**
 * A period whose last day is a weekend or holiday ends at the end of the next working day
 * (Civil Code 2015 Art. 148(5) via LHAV Art. 8). Returns `due` unchanged on a working day.
 */
export function rollToWorkingDay(due: Date, holidays: Holidays): Date {
  requireInstant(due);
  const sets = daySets(holidays);
  let day = dayNumberAt(due);
  if (isWorkingDayNumber(day, sets)) return due;
  while (!isWorkingDayNumber(++day, sets));
  return endOfDayNumber(day);
}

/** Whole VN calendar dates from the day of `from` to the day of `to` (negative if earlier). */
export function calendarDaysBetween(from: Date, to: Date): number {
  requireInstant(from);
  requireInstant(to);
  return dayNumberAt(to) - dayNumberAt(from);
}
