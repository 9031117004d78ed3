/**
 * Charts drawn as inline SVG, so the printed report needs no script: bars of this period beside
 * the previous one, and deadlines met beside deadlines missed. Greys and one ink, legible when
 * printed in black and white.
 */
import type { Locale } from '../../../domain/messages/index.js';
import { number } from './format.js';
import { escapeXml } from './markup.js';

export interface BarPair {
  label: string;
  a: number;
  b: number;
}

const WIDTH = 640;
const LABEL_W = 240;
const BAR_H = 9;
const ROW_H = 2 * BAR_H + 10;
const FONT = 'font-family="Times New Roman, serif" font-size="11"';

/** About how many characters of 11 px type fit beside the bars; a longer label is cut with an ellipsis. */
const LABEL_CHARS = 36;
const fit = (label: string) => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label);
/** A rough width of 11 px text, to place the second legend entry after the first. */
const textWidth = (s: string) => s.length * 6;

/** Two bars per row (a above b) on one scale, with a legend naming them. */
export function pairedBarChart(
  title: string,
  rows: BarPair[],
  legend: { a: string; b: string },
  o: { colours?: { a: string; b: string }; l?: Locale } = {},
): string {
  const colours = o.colours ?? { a: '#1f3b73', b: '#b8b8b8' };
  const max = Math.max(1, ...rows.flatMap((r) => [r.a, r.b]));
  const plotW = WIDTH - LABEL_W - 60;
  const top = 34;
  const height = top + rows.length * ROW_H + 10;
  const bar = (y: number, v: number, fill: string) =>
    `<rect x="${LABEL_W}" y="${y}" width="${((v / max) * plotW).toFixed(1)}" height="${BAR_H}" fill="${fill}"/>` +
    `<text x="${(LABEL_W + (v / max) * plotW + 4).toFixed(1)}" y="${y + BAR_H - 1}" ${FONT}>${number(v, o.l)}</text>`;
  const body = rows
    .map((r, i) => {
      const y = top + i * ROW_H;
      return (
        `<text x="${LABEL_W - 6}" y="${y + BAR_H + 3}" text-anchor="end" ${FONT}><title>${escapeXml(r.label)}</title>${escapeXml(fit(r.label))}</text>` +
        bar(y, r.a, colours.a) +
        bar(y + BAR_H + 1, r.b, colours.b)
      );
    })
    .join('');
  const second = LABEL_W + 14 + textWidth(legend.a) + 16;
  const legendSvg =
    `<rect x="${LABEL_W}" y="18" width="10" height="8" fill="${colours.a}"/><text x="${LABEL_W + 14}" y="25" ${FONT}>${escapeXml(legend.a)}</text>` +
    `<rect x="${second}" y="18" width="10" height="8" fill="${colours.b}"/><text x="${second + 14}" y="25" ${FONT}>${escapeXml(legend.b)}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
    `<text x="0" y="12" font-family="Times New Roman, serif" font-size="12" font-weight="bold">${escapeXml(title)}</text>` +
    legendSvg +
    body +
    `</svg>`
  );
}
