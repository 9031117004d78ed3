/**
 * What a report run asks for and gives back: the shapes the report workflow, its activities and
 * the API share (JSON-safe, so they cross Temporal payloads unchanged).
 */
import type { Kt1Mode, ReportRequest } from './report-period.js';

/** Who asked: a schedule (also when an operator triggers it by hand), or an API caller. */
export type ReportTrigger = 'SCHEDULE' | 'API';

export interface GenerateReportInput {
  request: ReportRequest;
  /** The instant of the request (the workflow's clock): a period not ended by then is reported as of it. */
  at: string;
  trigger: ReportTrigger;
  requestedBy: string;
}

/** One stored report of a run, and whether this run stored it (false: the same report was there). */
export interface GeneratedReport {
  id: string;
  key: string;
  kt1: Kt1Mode;
  checksum: string;
  asOf: string;
  asOfNow: boolean;
  created: boolean;
}
