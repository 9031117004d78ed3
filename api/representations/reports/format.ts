/** How figures read on the printed page: Vietnamese number grouping, durations in hours or days, dates as dd/mm/yyyy. */

/** 2027-03-05 → 05/03/2027. */
export const dmy = (iso: string): string => iso.split('-').reverse().join('/');

export const number = (n: number): string => n.toLocaleString('vi-VN');

function duration(seconds: number): string {
  const hours = seconds / 3600;
  if (hours < 48) return `${hours.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giờ`;
  return `${(hours / 24).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} ngày`;
}

/** A figure of a metric: durations for `…Seconds`, a percentage for coverage, a count otherwise; – when not applicable. */
export const show = (metric: string, v: number | null): string =>
  v === null ? '–' : metric.endsWith('Seconds') ? duration(v) : metric === 'coveragePercent' ? `${number(v)}%` : number(v);

/** A change, with its sign. */
export const signed = (metric: string, v: number | null): string =>
  v === null ? '–' : v > 0 ? `+${show(metric, v)}` : v < 0 ? `-${show(metric, -v)}` : '0';
