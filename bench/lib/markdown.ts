/** Markdown tables and the number formats every benchmark table uses. */

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** 12.3/s */
export const perSecond = (n: number) => (Number.isFinite(n) ? `${n >= 100 ? n.toFixed(0) : n.toFixed(1)}/s` : '–');

/** 0.45 */
export const ratio = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

/** 380 ms, 2.6 s, 0.42 ms */
export function ms(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n >= 10_000) return `${(n / 1000).toFixed(1)} s`;
  if (n >= 1000) return `${(n / 1000).toFixed(2)} s`;
  if (n >= 10) return `${n.toFixed(0)} ms`;
  return `${n.toFixed(n >= 1 ? 1 : 2)} ms`;
}

/** ✅ / ❌ against a goal, with the figure. */
export const verdict = (met: boolean) => (met ? '✅ met' : '❌ missed');
