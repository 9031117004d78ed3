/**
 * The managers' dashboard: open cases by status and by lead agency, overdue by lead agency,
 * deadline compliance and sanctions by month, as ECharts charts with the same figures in tables;
 * every figure links to the inbox listing the cases behind it.
 */
import { useQuery } from '@tanstack/react-query';
import { formatNumber, formatVnd } from '../../../domain/messages/index.js';
import { api } from '../api/client.js';
import type { Dashboard as Figures_ } from '../api/types.js';
import { ProblemMessage } from '../components/ProblemMessage.js';
import type { ChartOption } from '../components/Chart.js';
import { Figures } from '../dashboard/Figures.js';
import { casesDetectedIn, casesLedBy, casesWithStatus, overdueCasesLedBy } from '../dashboard/links.js';
import { useI18n } from '../i18n.js';
import { useAgencyName } from '../reference.js';

const bars = (labels: string[], series: { name: string; data: number[] }[]): ChartOption => ({
  tooltip: { trigger: 'axis' },
  legend: series.length > 1 ? { top: 0 } : undefined,
  grid: { left: 8, right: 8, bottom: 8, top: series.length > 1 ? 32 : 8, containLabel: true },
  xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 4 ? 30 : 0 } },
  yAxis: { type: 'value', minInterval: 1 },
  series: series.map((s) => ({ type: 'bar', ...s })),
});

export function Dashboard() {
  const { t, m, locale } = useI18n();
  const agency = useAgencyName();
  const figures = useQuery({ queryKey: ['dashboard'], queryFn: () => api<Figures_>('GET', '/v1/dashboard'), refetchInterval: 60_000 });
  const f = figures.data;
  const agencyLabel = (id: string | null) => (id ? agency(id) : t('noLeadAgency'));
  // drawn afresh when the figures, the language or the agency names change: each is a new render
  const charts = (() => {
    if (!f) return null;
    const percent = (on: number, all: number) => (all ? Math.round((100 * on) / all) : 100);
    return {
      status: bars(
        f.openByStatus.map((s) => m.status[s.status]),
        [{ name: t('colCases'), data: f.openByStatus.map((s) => s.count) }],
      ),
      agencies: bars(
        f.openByAgency.map((a) => agencyLabel(a.agencyId)),
        [{ name: t('colCases'), data: f.openByAgency.map((a) => a.count) }],
      ),
      overdue: bars(
        f.overdueByAgency.map((a) => agencyLabel(a.agencyId)),
        [{ name: t('overdue'), data: f.overdueByAgency.map((a) => a.count) }],
      ),
      compliance: {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 8, bottom: 8, top: 8, containLabel: true },
        xAxis: { type: 'category', data: f.months.map((x) => x.month) },
        yAxis: { type: 'value', min: 0, max: 100 },
        series: [{ type: 'line', name: t('colOnTimeShare'), data: f.months.map((x) => percent(x.onTime, x.cases)) }],
      } satisfies ChartOption,
      sanctions: bars(
        f.months.map((x) => x.month),
        [
          { name: t('colImposed'), data: f.months.map((x) => x.imposedVnd) },
          { name: t('colCollected'), data: f.months.map((x) => x.collectedVnd) },
        ],
      ),
      percent,
    };
  })();
  return (
    <>
      <h1>{t('dashboardTitle')}</h1>
      {figures.isPending ? <p role="status">{t('loading')}</p> : null}
      {figures.error ? <ProblemMessage error={figures.error} /> : null}
      {f && charts ? (
        <div className="dashboard">
          <Figures
            id="open-by-status"
            title={t('chartOpenByStatus')}
            columns={[t('colStatus'), t('colCases')]}
            rows={f.openByStatus.map((s) => ({
              label: m.status[s.status],
              to: casesWithStatus(s.status),
              values: [formatNumber(s.count, locale)],
            }))}
            option={charts.status}
          />
          <Figures
            id="open-by-agency"
            title={t('chartOpenByAgency')}
            columns={[t('leadAgency'), t('colCases')]}
            rows={f.openByAgency.map((a) => ({
              label: agencyLabel(a.agencyId),
              to: casesLedBy(a.agencyId),
              values: [formatNumber(a.count, locale)],
            }))}
            option={charts.agencies}
          />
          <Figures
            id="overdue-by-agency"
            title={t('chartOverdueByAgency')}
            columns={[t('leadAgency'), t('overdue')]}
            rows={f.overdueByAgency.map((a) => ({
              label: agencyLabel(a.agencyId),
              to: overdueCasesLedBy(a.agencyId),
              values: [formatNumber(a.count, locale)],
            }))}
            option={charts.overdue}
          />
          <Figures
            id="compliance"
            title={t('chartCompliance')}
            columns={[t('colMonth'), t('colCases'), t('colOnTime'), t('colOnTimeShare')]}
            rows={f.months.map((x) => ({
              label: x.month,
              to: casesDetectedIn(x),
              values: [formatNumber(x.cases, locale), formatNumber(x.onTime, locale), `${charts.percent(x.onTime, x.cases)} %`],
            }))}
            option={charts.compliance}
          />
          <Figures
            id="sanctions"
            title={t('chartSanctions')}
            columns={[t('colMonth'), t('colSanctions'), t('colImposed'), t('colCollected')]}
            rows={f.months.map((x) => ({
              label: x.month,
              to: casesDetectedIn(x),
              values: [formatNumber(x.sanctions, locale), formatVnd(x.imposedVnd, locale), formatVnd(x.collectedVnd, locale)],
            }))}
            option={charts.sanctions}
          />
        </div>
      ) : null}
    </>
  );
}
