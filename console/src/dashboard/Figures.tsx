/** One figure of the dashboard: its chart and the table of the same numbers, each a link to its cases. */
import { useMemo, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Chart, type ChartOption } from '../components/Chart.js';
import { useI18n } from '../i18n.js';

export interface Row {
  label: string;
  to: string;
  values: ReactNode[];
}

export interface FiguresProps {
  id: string;
  title: string;
  columns: string[];
  rows: Row[];
  option: ChartOption;
}

export function Figures({ id, title, columns, rows, option }: FiguresProps) {
  const navigate = useNavigate();
  const { t } = useI18n();
  const targets = rows.map((r) => r.to).join('\n');
  // a new option only when the figures change, so the chart is not redrawn at every render
  const pick = useMemo(() => (i: number) => void navigate(targets.split('\n')[i]!), [navigate, targets]);
  return (
    <section aria-labelledby={id} className="figures">
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? <p>{t('noFigures')}</p> : <Chart option={option} label={title} onPick={pick} />}
      <div className="table-wrap" hidden={rows.length === 0}>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.to}>
                <th scope="row">
                  <Link to={r.to}>{r.label}</Link>
                </th>
                {r.values.map((v, i) => (
                  <td key={i}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
