/**
 * Makes sure every calendar change reaches the running cases, wherever it was made: the API starts
 * the change's correction run at once, but a change saved by the admin CLI, or by a request whose
 * process died (or found Temporal down) before the start, is picked up here, at the worker's start
 * and then every minute. Starting is idempotent: one run per change, a running one is left alone.
 */
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { startCalendarCorrection } from '../platform/calendar-corrections.js';
import { SYSTEM_ACTOR } from '../domain/access.js';
import type { Db } from '../prisma/client.js';
import { calendarChangesUnsettled } from '../prisma/reference/change-log.js';

export function keepCalendarCorrectionsGoing(o: {
  db: Db;
  client: Client;
  taskQueue: string;
  log: Logger;
  everyMs?: number;
  /** Cases per activity of the runs it starts (the workflow's default otherwise). */
  pageSize?: number;
}): {
  stop(): void;
} {
  const pass = async () => {
    for (const change of await calendarChangesUnsettled(o.db))
      await startCalendarCorrection(o.client, o.taskQueue, change, SYSTEM_ACTOR, o.pageSize);
  };
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const loop = () => {
    timer = setTimeout(async () => {
      await pass().catch((err) => o.log.warn({ err }, 'calendar corrections: pass failed'));
      if (!stopped) loop();
    }, o.everyMs ?? 60_000);
  };
  void pass()
    .catch((err) => o.log.warn({ err }, 'calendar corrections: first pass failed'))
    .finally(() => stopped || loop());
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
