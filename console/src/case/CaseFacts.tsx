/** What the carrier reported and what the case has decided so far, as a description list. */
import { formatDateTime, formatVnd, labelOf } from '../../../domain/messages/index.js';
import type { CaseResource } from '../api/types.js';
import { useI18n } from '../i18n.js';

export function CaseFacts({ c }: { c: CaseResource }) {
  const { t, m, locale } = useI18n();
  const flags = (
    [
      ['flagCrossBorder', c.flags.crossBorder],
      ['flagKt1', c.flags.kt1],
      ['flagSignsOfCrime', c.flags.signsOfCrime],
      ['flagRestricted', c.flags.restricted],
      ['flagHoldConfirmed', c.flags.holdConfirmed],
    ] as const
  ).filter(([, on]) => on);
  return (
    <section aria-labelledby="facts">
      <h2 id="facts">{t('facts')}</h2>
      <dl className="facts">
        <dt>{t('colStatus')}</dt>
        <dd>{m.status[c.status]}</dd>
        <dt>{t('trackingNumber')}</dt>
        <dd>{c.trackingNumber}</dd>
        <dt>{t('carrier')}</dt>
        <dd>{c.carrierId}</dd>
        <dt>{t('carrierRef')}</dt>
        <dd>{c.carrierRef}</dd>
        <dt>{t('province')}</dt>
        <dd>{c.provinceCode}</dd>
        <dt>{t('category')}</dt>
        <dd>{labelOf(m.category, c.categoryCode)}</dd>
        <dt>{t('stage')}</dt>
        <dd>{m.stage[c.stage]}</dd>
        <dt>{t('detectedAt')}</dt>
        <dd>
          <time dateTime={c.detectedAt}>{formatDateTime(c.detectedAt)}</time>
        </dd>
        <dt>{t('flags')}</dt>
        <dd>{flags.length ? flags.map(([k]) => t(k)).join(', ') : '—'}</dd>
        {c.fine ? (
          <>
            <dt>{t('fine')}</dt>
            <dd>{formatVnd(c.fine.amountVnd, locale)}</dd>
            <dt>{t('paid')}</dt>
            <dd>{formatVnd(c.fine.paidVnd, locale)}</dd>
            <dt>{t('outstanding')}</dt>
            <dd>{formatVnd(c.fine.outstandingVnd, locale)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
