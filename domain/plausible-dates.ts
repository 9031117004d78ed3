/**
 * The dates a case can truthfully carry (docs/domain-model.md, "Dates a case accepts"): a caller's
 * clock may run a little ahead of ours, but nothing is reported from the future, and no date lies
 * before what the case's own facts allow. A date beyond these bounds is a typing or clock error,
 * and taken as it is it would start (or end) legal clocks at once: a violation dated 1900 closes
 * the case as expired seconds later.
 */
import { isIsoDate, startOfDateVN, vnDate, type IsoDate } from './calendar.js';

/** How far ahead of the server's clock a caller's may run. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * How long after the fact a carrier may report a detection. Directive 28 asks it to notify
 * "kịp thời" (promptly) and the hold must be confirmed within 24 hours, so an older detection is
 * an error, or a back-filled report the department takes by other means.
 */
export const REPORTING_WINDOW_DAYS = 30;

const DAY_MS = 86_400_000;

/** Why a reported detection instant cannot be true at `now`; null when it can. */
export function detectionInstantProblem(detectedAt: Date, now: Date): string | null {
  if (detectedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return 'must not be in the future';
  if (detectedAt.getTime() < now.getTime() - REPORTING_WINDOW_DAYS * DAY_MS)
    return `must be within the last ${REPORTING_WINDOW_DAYS} days: a detection is reported promptly (Directive 28)`;
  return null;
}

/**
 * Why a stated violation date cannot be true of a case detected at `detectedAt`; null when it can.
 * The item was sent before it was found, so the violation is not after the detection's day; and
 * it is not so early that the sanctioning limitation counted from it (`limitationEnd`) has already
 * passed, which would close the case as expired at once for what is most likely a wrong year.
 */
export function violationDateProblem(date: IsoDate, detectedAt: Date, now: Date, limitationEnd?: (from: Date) => Date): string | null {
  if (!isIsoDate(date)) return 'must be a real date YYYY-MM-DD';
  if (date > vnDate(new Date(now.getTime() + CLOCK_SKEW_MS))) return 'must not be in the future';
  const detected = vnDate(detectedAt);
  if (date > detected) return `must not be after the detection (${detected}): the item was sent before it was found`;
  const end = limitationEnd?.(startOfDateVN(date));
  if (end && end.getTime() <= now.getTime())
    return `is too early: the sanctioning limitation counted from it ended on ${vnDate(end)}, so the case would expire at once`;
  return null;
}
