/**
 * Where one request's cost goes: CPU milliseconds per request in each process, and what
 * Temporal counted per request (workflow tasks, activities, their queueing and execution
 * times, persistence requests of the server).
 */
import { ms, table } from './markdown.js';
import { byLabel, histogramCount, histogramMean } from './prometheus.js';
import type { Window } from './window.js';

const PROCESSES = ['load generator', 'API', 'case worker', 'bare worker', 'Temporal', 'PostgreSQL'];

export function cpuTable(windows: { label: string; w: Window }[]): string {
  const rows = windows.map(({ label, w }) => {
    const per = (name: string) => (w.cpu[name] ?? NaN) / w.run.ok;
    const total = PROCESSES.reduce((s, p) => s + (Number.isFinite(per(p)) ? per(p) : 0), 0);
    return [
      label,
      ...PROCESSES.map((p) => ms(per(p) * 1000)),
      ms(total * 1000),
      `${((total * w.run.ok) / w.run.seconds).toFixed(2)} cores`,
    ];
  });
  return table(['CPU per request', ...PROCESSES, 'total', 'busy'], rows);
}

const WORKER = {
  wftCount: 'temporal_workflow_task_execution_latency',
  wftQueue: 'temporal_workflow_task_schedule_to_start_latency',
  actCount: 'temporal_activity_execution_latency',
  actQueue: 'temporal_activity_schedule_to_start_latency',
};

export function temporalTable(windows: { label: string; w: Window }[]): string {
  const rows = windows.map(({ label, w }) => {
    const worker = label.startsWith('bare') ? w.metrics['bare worker'] : w.metrics['case worker'];
    const server = w.metrics.Temporal;
    const perReq = (n: number) => (w.run.ok ? (n / w.run.ok).toFixed(1) : '–');
    const persistence = server ? [...byLabel(server, 'persistence_requests', 'operation').values()].reduce((a, b) => a + b, 0) : NaN;
    return [
      label,
      worker ? perReq(histogramCount(worker, WORKER.wftCount)) : '–',
      worker ? ms(histogramMean(worker, WORKER.wftQueue)) : '–',
      worker ? ms(histogramMean(worker, WORKER.wftCount)) : '–',
      worker ? perReq(histogramCount(worker, WORKER.actCount)) : '–',
      worker ? ms(histogramMean(worker, WORKER.actQueue)) : '–',
      worker ? ms(histogramMean(worker, WORKER.actCount)) : '–',
      perReq(persistence),
    ];
  });
  return table(
    [
      'Temporal per request',
      'workflow tasks',
      'task schedule-to-start',
      'task execution',
      'activities',
      'activity schedule-to-start',
      'activity execution',
      'persistence requests',
    ],
    rows,
  );
}

export function breakdownTables(windows: { label: string; w: Window }[]): string {
  return `${cpuTable(windows)}\n\n${temporalTable(windows)}`;
}
