/**
 * The names the report workflows, the schedules, the API and tests share: workflow and schedule
 * ids derived from scope and period (so no firing, catch-up or manual trigger can start a second
 * run of one period), inputs, results and the progress query.
 */
import { defineQuery } from '@temporalio/workflow';
import {
  periodKey,
  scopeKey,
  type Kt1Mode,
  type ReportPeriod,
  type ReportRequest,
  type ReportScope,
  type ScheduledPeriodKind,
} from '../domain/report-period.js';
import type { GeneratedReport, ReportTrigger } from '../domain/report-runs.js';

/** The one run that reports a scope's period. */
export const reportWorkflowId = (scope: ReportScope, period: ReportPeriod) => `report-${scopeKey(scope)}-${periodKey(period)}`;

/**
 * The run an API request starts (POST /v1/reports): one per scope, period and KT1 mode once the
 * period has ended, so a repeat finds it; a period not over yet is reported as of the request,
 * so each request key (`nowKey`, derived from caller and Idempotency-Key) has a run of its own.
 */
export const requestedReportWorkflowId = (r: ReportRequest, nowKey: string | null) =>
  `report-api-${scopeKey(r.scope)}-${periodKey(r.period)}-${r.kt1}${nowKey ? `-now-${nowKey}` : ''}`;

/** The one schedule of a scope and period kind. */
export const reportScheduleId = (scope: ReportScope, kind: ScheduledPeriodKind) => `report-schedule-${scopeKey(scope)}-${kind}`;

export interface ReportWorkflowInput {
  scope: ReportScope;
  period: ReportPeriod;
  /** The KT1 variants to store (domain/report-access.ts scheduledKt1Modes for a schedule). */
  variants: Kt1Mode[];
  trigger: ReportTrigger;
  requestedBy: string;
}

/** What a schedule starts: the latest ended period of its kind is worked out when it fires. */
export interface ScheduledReportInput {
  scope: ReportScope;
  periodKind: ScheduledPeriodKind;
}

export interface ReportRunResult {
  reports: GeneratedReport[];
  /** Notices written to the scope's managers (0 when a repeated run found them already told). */
  notices: number;
}

/** What a schedule's firing did: started the period's run, or found it already started or done. */
export interface ScheduledReportResult {
  workflowId: string;
  period: ReportPeriod;
  started: boolean;
}

/** Where a run stands: what it reports, the reports stored so far, and whether the managers have been told. */
export interface ReportProgress {
  scope: ReportScope;
  period: ReportPeriod;
  variants: Kt1Mode[];
  reports: GeneratedReport[];
  notified: boolean;
}
export const reportProgress = defineQuery<ReportProgress>('reportProgress');
