/**
 * A report as a printable HTML page, laid out as a Vietnamese administrative report (the format
 * of Decree 30/2020/NĐ-CP): issuing agency and number on the left, the national emblem line on
 * the right, place and date, the title, numbered sections with their tables and inline SVG
 * charts, recipients and the signature block. No script, no external resource: it prints as is.
 */
import { vnDate } from '../../../domain/calendar.js';
import { catalogue, fill, formatDateTime, type Locale } from '../../../domain/messages/index.js';
import type { Letterhead } from '../../../domain/report-letterhead.js';
import { dmy } from './format.js';
import { chartFor } from './html-charts.js';
import { STYLE } from './html-style.js';
import { tableHtml } from './html-tables.js';
import { escapeXml as x } from './markup.js';
import type { RenderableReport } from './renderable.js';
import { displayRows } from './rows.js';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV'];

/** Days below 10 and the months January and February take a leading zero (Decree 30/2020, Annex I). */
export function dateLine(place: string, date: Date, l: Locale = 'vi'): string {
  const [y, m, d] = vnDate(date).split('-').map(Number) as [number, number, number];
  const month = m < 3 ? String(m).padStart(2, '0') : String(m);
  return fill(catalogue(l).reportPhrase.dateLine, { place, day: String(d).padStart(2, '0'), month, year: y });
}

function periodPhrase(r: RenderableReport, l: Locale): string {
  const p = r.content.request.period;
  const phrase = catalogue(l).reportPhrase;
  if (p.kind === 'RANGE') return fill(phrase.periodRANGE, { from: dmy(p.from), to: dmy(p.to) });
  return fill(p.kind === 'H1' ? phrase.periodH1 : phrase.periodYEAR, { year: p.year });
}

export type { Letterhead };

/** The printable page of a report issued under `lh` on `date`, in `l` (the letterhead's names stay as registered). */
export function renderReportHtml(r: RenderableReport, lh: Letterhead, date: Date, l: Locale = 'vi'): string {
  const c = r.content;
  const { reportPhrase: p, reportTable, kt1Mode } = catalogue(l);
  const scope =
    c.request.scope.kind === 'NATIONAL'
      ? p.scopeNational
      : fill(p.scopeProvince, { province: r.names.province[c.request.scope.provinceCode]?.[l] ?? c.request.scope.provinceCode });
  const period = periodPhrase(r, l);
  const asOfNow = c.asOfNow ? `<p class="asofnow">${x(fill(p.provisional, { at: formatDateTime(c.asOf) }))}</p>` : '';
  const sections = c.tables
    .map(
      (t, i) =>
        `<section><h2>${ROMAN[i]}. ${x(reportTable[t.id])}</h2>${tableHtml(t, displayRows(t, r.names, l), l)}${chartFor(r, t, l)}</section>`,
    )
    .join('');
  const due = c.due ? fill(c.due.verify ? p.dueLineUnverified : p.dueLine, { date: dmy(c.due.date) }) : '';
  const intro = fill(p.intro, {
    asOf: c.asOfNow ? p.asOfNowPhrase : fill(p.asOfEnd, { date: dmy(c.current.to) }),
    from: dmy(c.previous.from),
    to: dmy(c.previous.to),
  });
  const number = fill(p.number, { number: lh.number ?? '\u00a0'.repeat(8), abbreviation: lh.abbreviation });
  const meta = fill(p.meta, { id: r.id, checksum: r.checksum, version: r.referenceVersion, at: r.generatedAt });
  return `<!doctype html>
<html lang="${l}"><head><meta charset="utf-8"><title>${x(fill(p.pageTitle, { period }))}</title><style>${STYLE}</style></head>
<body>
<div class="head">
  <div><div class="upper">${x(lh.parent)}</div><div class="upper b">${x(lh.issuer)}</div><span class="rule"></span>
    <div>${x(number)}</div></div>
  <div><div class="b">${x(p.nation)}</div><div class="b">${x(p.motto)}</div><span class="rule"></span></div>
</div>
<p class="date">${x(dateLine(lh.place, date, l))}</p>
<h1>${x(p.heading)}</h1>
<p class="subtitle">${x(fill(p.subtitle, { scope, period }))}</p>
<p>${x(intro)} ${x(kt1Mode[c.request.kt1])}. ${x(due)}</p>
${asOfNow}
${sections}
<div class="end">
  <div class="recipients"><p class="b"><i>${x(p.recipients)}</i></p>${[...lh.recipients, p.archive].map((n) => `<p>- ${x(n)};</p>`).join('')}</div>
  <div class="sign"><div class="b upper">${x(lh.signerTitle)}</div><div class="space"></div><div class="b">${x(lh.signerName ?? '')}</div></div>
</div>
<p class="meta">${x(meta)}</p>
</body></html>
`;
}
