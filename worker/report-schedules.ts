/**
 * One Temporal Schedule per report scope (national, each province) and period kind (H1, YEAR),
 * created at start-up or brought up to date when it exists, so any number of starts leaves one
 * schedule each. A schedule fires at 01:00 Asia/Ho_Chi_Minh on the day after its period closes,
 * a month before the report is due (31 July, 31 January: data, unverified); a firing missed
 * while the cluster was down is caught up within that month.
 */
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { PayloadDecodeError } from '../platform/payload-codec.js';
import { SCHEDULED_PERIOD_KINDS, type ReportScope, type ScheduledPeriodKind } from '../domain/report-period.js';
import { reportScheduleId, type ScheduledReportInput } from '../workflows/report-definitions.js';

export const REPORT_TIMEZONE = 'Asia/Ho_Chi_Minh';

/** The first day after each period kind closes: 1 July for H1, 1 January for the year. */
const FIRES_ON = { H1: 'JULY', YEAR: 'JANUARY' } as const satisfies Record<ScheduledPeriodKind, string>;

/** Catch up a missed firing for as long as the report is not yet due. */
const CATCHUP_WINDOW = '30 days';

/** The schedule of one scope and period kind. */
export function reportScheduleOptions(
  scope: ReportScope,
  kind: ScheduledPeriodKind,
  taskQueue: string,
): ScheduleOptions & { scheduleId: string } {
  const scheduleId = reportScheduleId(scope, kind);
  return {
    scheduleId,
    spec: { calendars: [{ month: FIRES_ON[kind], dayOfMonth: 1, hour: 1, minute: 0 }], timezone: REPORT_TIMEZONE },
    action: {
      type: 'startWorkflow',
      workflowType: 'scheduledReportWorkflow' as const,
      workflowId: scheduleId, // the server appends the firing time; the run it starts has the period's id
      taskQueue,
      args: [{ scope, periodKind: kind }] as [ScheduledReportInput],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: CATCHUP_WINDOW },
  };
}

/**
 * Creates each scope's schedules, or updates those that exist to the current spec; returns their ids.
 * A schedule sealed under a key this process no longer holds (rotated out, or another deployment's
 * on a shared namespace) cannot be read, so it is rebuilt: its definition is ours, its past firings
 * are in their workflows' histories.
 */
export async function ensureReportSchedules(client: Client, o: { taskQueue: string; scopes: ReportScope[] }): Promise<string[]> {
  const ids: string[] = [];
  for (const scope of o.scopes)
    for (const kind of SCHEDULED_PERIOD_KINDS) {
      const options = reportScheduleOptions(scope, kind, o.taskQueue);
      try {
        await client.schedule.create(options);
      } catch (e) {
        if (!(e instanceof ScheduleAlreadyRunning)) throw e;
        const handle = client.schedule.getHandle(options.scheduleId);
        try {
          await handle.update((prev) => ({
            ...prev,
            spec: options.spec,
            action: options.action,
            policies: { ...prev.policies, ...options.policies },
          }));
        } catch (unreadable) {
          if (!(unreadable instanceof PayloadDecodeError)) throw unreadable;
          await handle.delete();
          await client.schedule.create(options);
        }
      }
      ids.push(options.scheduleId);
    }
  return ids;
}
