/**
 * The run that takes a calendar correction to every running case (./calendar-correction.ts): its
 * id, input, progress and result, declared once for the workflow, the API and the CLI.
 */
import { defineQuery } from '@temporalio/workflow';
import type { Actor } from '../domain/access.js';
import type { ClockMove } from '../domain/calendar-correction.js';

/** A change of the calendar, as the change log holds it. */
export interface CalendarChange {
  id: number;
  at: string;
}

/**
 * One run per change of the calendar: a second start (a retried request, the sweep) finds it. The
 * change's time is part of the id because change ids restart with a new database, and a namespace
 * may outlive one (or be shared, as the tests share theirs).
 */
export const calendarCorrectionWorkflowId = (change: CalendarChange) => `calendar-correction-${change.id}-${Date.parse(change.at)}`;

/** A running case the correction moved, as the change log names it. */
export interface CaseMoved {
  caseId: string;
  number: string;
  moves: ClockMove[];
}

export interface CalendarCorrectionInput {
  changeId: string;
  actor: Actor;
  /** Cases sent the correction per activity; each sends a few at a time. */
  pageSize?: number;
  /** Where a run continued as new goes on: the last case id done, and what it found so far. */
  after?: string;
  seen?: number;
  moved?: CaseMoved[];
}

export interface CalendarCorrectionProgress {
  changeId: string;
  /** Running cases sent the correction so far. */
  seen: number;
  moved: number;
  /** True once the change log names the cases moved. */
  done: boolean;
}

export const calendarCorrectionProgress = defineQuery<CalendarCorrectionProgress>('calendarCorrectionProgress');

/** What one activity did: the cases it sent the correction, those it moved, and where the next page starts. */
export interface CorrectionPage {
  seen: number;
  moved: CaseMoved[];
  next: string | null;
}
