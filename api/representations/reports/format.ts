/** How figures read on the printed page: the locale's number grouping, durations in hours or days, dates as dd/mm/yyyy. */
import { catalogue, fill, type Locale } from '../../../domain/messages/index.js';

/** 2027-03-05 → 05/03/2027. */
export const dmy = (iso: string): string => iso.split('-').reverse().join('/');

const TAGS: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

export const number = (n: number, l: Locale = 'vi'): string => n.toLocaleString(TAGS[l]);

function duration(seconds: number, l: Locale): string {
  const hours = seconds / 3600;
  const n = (v: number) => v.toLocaleString(TAGS[l], { maximumFractionDigits: 1 });
  const p = catalogue(l).reportPhrase;
  return hours < 48 ? fill(p.hours, { n: n(hours) }) : fill(p.days, { n: n(hours / 24) });
}

/** A figure of a metric: durations for `…Seconds`, a percentage for coverage, a count otherwise; – when not applicable. */
export const show = (metric: string, v: number | null, l: Locale = 'vi'): string =>
  v === null ? '–' : metric.endsWith('Seconds') ? duration(v, l) : metric === 'coveragePercent' ? `${number(v, l)}%` : number(v, l);

/** A change, with its sign. */
export const signed = (metric: string, v: number | null, l: Locale = 'vi'): string =>
  v === null ? '–' : v > 0 ? `+${show(metric, v, l)}` : v < 0 ? `-${show(metric, -v, l)}` : '0';
