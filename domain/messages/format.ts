/**
 * vi-VN formatting without the runtime's locale data, so the API (Node) and the console (the
 * browser) print the same thing: dates dd/MM/yyyy and times HH:mm in Asia/Ho_Chi_Minh (UTC+7,
 * no daylight saving), amounts 1.234.567 ₫. English keeps the dates and groups with commas.
 */
import { VN_OFFSET_MS, type IsoDate } from '../calendar.js';
import type { Locale } from './catalogue.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant's local fields in Vietnam. */
function vnFields(instant: Date | string) {
  const t = new Date(new Date(instant).getTime() + VN_OFFSET_MS);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes() };
}

/** 24/11/2026: an instant's date in Vietnam. */
export function formatDate(instant: Date | string): string {
  const f = vnFields(instant);
  return `${pad(f.d)}/${pad(f.mo)}/${f.y}`;
}

/** 24/11/2026 from a calendar date (YYYY-MM-DD), which has no time zone. */
export function formatIsoDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** 14:05: an instant's time of day in Vietnam. */
export function formatTime(instant: Date | string): string {
  const f = vnFields(instant);
  return `${pad(f.h)}:${pad(f.mi)}`;
}

/** 14:05 24/11/2026, as Vietnamese documents write a moment. */
export function formatDateTime(instant: Date | string): string {
  return `${formatTime(instant)} ${formatDate(instant)}`;
}

/** Digits grouped by three with the locale's separator. */
export function formatNumber(n: number, locale: Locale = 'vi'): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'vi' ? '.' : ',');
}

/** 1.234.567 ₫ (a no-break space keeps the symbol with its amount). */
export function formatVnd(amount: number, locale: Locale = 'vi'): string {
  return `${formatNumber(amount, locale)}\u00a0₫`;
}

/** A duration split into whole days, hours and minutes (for countdowns). */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
