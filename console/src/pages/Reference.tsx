/** The reference data, read-only: categories and routing, the deadline table, fines, authority caps, holidays, agencies. */
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { formatIsoDate, formatVnd, labelOf } from '../../../domain/messages/index.js';
import { api } from '../api/client.js';
import type { AuthorityCap, CalendarDay, Category, FineRule } from '../api/types.js';
import { ProblemMessage } from '../components/ProblemMessage.js';
import { useI18n } from '../i18n.js';
import { useAgencies, useDeadlinePolicies } from '../reference.js';

function useRows<T>(path: string) {
  return useQuery({ queryKey: ['reference', path], queryFn: () => api<{ items: T[] }>('GET', path).then((r) => r.items) });
}

function Table({
  id,
  title,
  head,
  rows,
  error,
}: {
  id: string;
  title: string;
  head: string[];
  rows: ReactNode[][] | undefined;
  error: unknown;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {error ? <ProblemMessage error={error} /> : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Reference() {
  const { t, m, locale } = useI18n();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const categories = useRows<Category>('/v1/reference/categories');
  const policies = useDeadlinePolicies();
  const fines = useRows<FineRule>('/v1/reference/fine-schedule');
  const caps = useRows<AuthorityCap>('/v1/reference/authority-caps');
  const holidays = useRows<CalendarDay>(`/v1/reference/holidays?year=${year}`);
  const agencies = useAgencies();
  const period = (from: string, to: string | null) =>
    t('fromTo', { from: formatIsoDate(from), to: to ? formatIsoDate(to) : t('openEnded') });
  const en = locale === 'en';
  return (
    <>
      <h1>{t('referenceTitle')}</h1>
      <Table
        id="ref-categories"
        title={t('referenceCategories')}
        head={[t('colCode'), t('colName'), t('colPrimaryAgency'), t('colAlsoNotify')]}
        error={categories.error}
        rows={categories.data?.map((c) => [
          c.code,
          en ? c.labelEn : c.labelVi,
          m.agencyKind[c.primaryAgency],
          c.alsoNotify.map((k) => m.agencyKind[k]).join(', ') || '—',
        ])}
      />
      <Table
        id="ref-deadlines"
        title={t('referenceDeadlines')}
        head={[t('clock'), t('colLimit'), t('colStartsAt'), t('colEscalation'), t('colLegalBasis')]}
        error={policies.error}
        rows={policies.data?.map((p) => [
          m.clock[p.clock],
          t(`unit${p.unit}`, { n: p.limitValue }),
          labelOf(m.clockStart, p.startsAt),
          p.escalationChain.map((e) => m.escalation[e]).join(' → '),
          p.verify ? `${p.legalBasis} (${t('toVerify')})` : p.legalBasis,
        ])}
      />
      <Table
        id="ref-fines"
        title={t('referenceFines')}
        head={[t('colOffence'), t('colDecree'), t('colRange'), t('colEffective')]}
        error={fines.error}
        rows={fines.data?.map((f) => [
          en ? f.descriptionEn : f.descriptionVi,
          f.decree,
          `${formatVnd(f.minVnd, locale)} – ${formatVnd(f.maxVnd, locale)}`,
          period(f.effectiveFrom, f.effectiveTo),
        ])}
      />
      <Table
        id="ref-caps"
        title={t('referenceCaps')}
        head={[t('colKind'), t('colTitle'), t('colCap'), t('colLegalBasis')]}
        error={caps.error}
        rows={caps.data?.map((c) => [
          m.agencyKind[c.agencyKind],
          en || !c.titleVi ? c.title : c.titleVi,
          formatVnd(c.capVnd, locale),
          c.legalBasis,
        ])}
      />
      <section aria-labelledby="ref-holidays-year">
        <div className="field inline">
          <label htmlFor="holiday-year" id="ref-holidays-year">
            {t('referenceHolidays')} — {t('year')}
          </label>
          <input
            id="holiday-year"
            type="number"
            min={1900}
            max={2200}
            value={year}
            onChange={(e) => setYear(Number(e.target.value) || year)}
          />
        </div>
      </section>
      <Table
        id="ref-holidays"
        title={`${t('referenceHolidays')} ${year}`}
        head={[t('colDate'), t('colName'), t('colKind')]}
        error={holidays.error}
        rows={holidays.data?.map((h) => [formatIsoDate(h.date), h.name, t(`holidayKind${h.kind}`)])}
      />
      <Table
        id="ref-agencies"
        title={t('referenceAgencies')}
        head={[t('colCode'), t('colName'), t('colKind'), t('colProvince'), t('colValidity')]}
        error={agencies.error}
        rows={agencies.data?.map((a) => [
          a.id,
          en && a.nameEn ? a.nameEn : a.name,
          labelOf(m.agencyKind, a.kind),
          a.provinceCode ?? '—',
          period(a.validFrom, a.validTo),
        ])}
      />
    </>
  );
}
