/**
 * Public holidays of Vietnam (Labour Code 2019 Art. 112) for the current and next year, as
 * weekdays off for state agencies. Holidays that fall on a weekend appear as the compensatory
 * weekday instead. 2026 follows the government's announcements; 2027 is a projection until
 * the Ministry of Home Affairs announces it, and says "(verify)" in the name.
 */
import type { IsoDate, WorkCalendar } from '../calendar.js';

/** A day off. */
export interface Holiday {
  date: IsoDate;
  year: number;
  name: string;
}

const day = (date: IsoDate, name: string): Holiday => ({ date, year: Number(date.slice(0, 4)), name });

/** Weekdays off in 2026 and 2027. */
export const HOLIDAYS: readonly Holiday[] = [
  day('2026-01-01', 'Tết Dương lịch'),
  day('2026-01-02', 'Tết Dương lịch (nghỉ hoán đổi, làm bù thứ Bảy 10/01)'),
  day('2026-02-16', 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)'),
  day('2026-02-17', 'Tết Nguyên đán Bính Ngọ (mùng 1)'),
  day('2026-02-18', 'Tết Nguyên đán Bính Ngọ (mùng 2)'),
  day('2026-02-19', 'Tết Nguyên đán Bính Ngọ (mùng 3)'),
  day('2026-02-20', 'Tết Nguyên đán Bính Ngọ (mùng 4)'),
  day('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù, 10/3 âm lịch là Chủ nhật 26/4)'),
  day('2026-04-30', 'Ngày Chiến thắng 30/4'),
  day('2026-05-01', 'Ngày Quốc tế Lao động 1/5'),
  day('2026-08-31', 'Quốc khánh (nghỉ hoán đổi, làm bù thứ Bảy 22/8)'),
  day('2026-09-01', 'Quốc khánh (ngày liền kề)'),
  day('2026-09-02', 'Quốc khánh 2/9'),
  day('2027-01-01', 'Tết Dương lịch'),
  day('2027-02-04', 'Tết Nguyên đán Đinh Mùi (28 tháng Chạp) (verify)'),
  day('2027-02-05', 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp) (verify)'),
  day('2027-02-08', 'Tết Nguyên đán Đinh Mùi (mùng 3) (verify)'),
  day('2027-02-09', 'Tết Nguyên đán Đinh Mùi (mùng 4) (verify)'),
  day('2027-02-10', 'Tết Nguyên đán Đinh Mùi (mùng 5, nghỉ bù) (verify)'),
  day('2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  day('2027-04-30', 'Ngày Chiến thắng 30/4'),
  day('2027-05-03', 'Ngày Quốc tế Lao động (nghỉ bù, 1/5 là thứ Bảy)'),
  day('2027-09-02', 'Quốc khánh 2/9'),
  day('2027-09-03', 'Quốc khánh (ngày liền kề) (verify)'),
];

/** Saturdays worked to make up for a bridged holiday (hoán đổi). */
export const MAKE_UP_WORKDAYS: readonly Holiday[] = [
  day('2026-01-10', 'Làm bù cho thứ Sáu 02/01/2026'),
  day('2026-08-22', 'Làm bù cho thứ Hai 31/08/2026'),
];

/** The seeded calendar in the shape calendar.ts takes. */
export const WORK_CALENDAR: WorkCalendar = {
  holidays: new Set(HOLIDAYS.map((h) => h.date)),
  makeUpWorkdays: new Set(MAKE_UP_WORKDAYS.map((h) => h.date)),
};
