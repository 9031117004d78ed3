/** Administrators' changes to the working-day calendar: holidays and make-up working days. */
import type { Db } from '../client.js';
import type { IsoDate } from '../../domain/calendar.js';
import { calendarDayViolations, type CalendarDayKind } from '../../domain/reference-rules.js';
import { changeRow, notFound, requireValid, type ChangeOutcome } from './change-log.js';
import { day } from './days.js';
import { holidayJson, type HolidayJson } from './json.js';

export interface CalendarDayInput {
  name: string;
  kind: CalendarDayKind;
}

/** Adds or replaces one day of the calendar (a holiday, or a make-up working day). */
export function putCalendarDay(db: Db, actorId: string, date: IsoDate, input: CalendarDayInput): Promise<ChangeOutcome<HolidayJson>> {
  requireValid('calendar day', calendarDayViolations(date, input.kind));
  const after: HolidayJson = { date, year: Number(date.slice(0, 4)), name: input.name, kind: input.kind };
  return changeRow(db, actorId, 'Holiday', date, async (tx) => {
    const row = await tx.holiday.findUnique({ where: { date: day(date) } });
    const data = { year: after.year, name: after.name, kind: after.kind };
    return {
      before: row ? holidayJson(row) : null,
      after,
      write: () => tx.holiday.upsert({ where: { date: day(date) }, create: { date: day(date), ...data }, update: data }),
    };
  });
}

/** Removes one day from the calendar. */
export function deleteCalendarDay(db: Db, actorId: string, date: IsoDate): Promise<ChangeOutcome<HolidayJson>> {
  return changeRow(db, actorId, 'Holiday', date, async (tx) => {
    const row = await tx.holiday.findUnique({ where: { date: day(date) } });
    if (!row) throw notFound(`calendar day on ${date}`);
    return { before: holidayJson(row), after: null, write: () => tx.holiday.delete({ where: { date: day(date) } }) };
  });
}
