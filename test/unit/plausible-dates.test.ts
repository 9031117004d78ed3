// Issue 19, defect 4: the dates a case accepts (domain/plausible-dates.ts, docs/domain-model.md "Dates a case accepts").
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS, detectionInstantProblem, REPORTING_WINDOW_DAYS, violationDateProblem } from '../../domain/plausible-dates.js';

const NOW = new Date('2026-06-20T03:00:00Z'); // 10:00 in Hà Nội
const DAY = 86_400_000;
const yearAfter = (from: Date) => new Date(Date.UTC(from.getUTCFullYear() + 1, from.getUTCMonth(), from.getUTCDate()) - 7 * 3_600_000);

describe('a detection instant', () => {
  it.each([
    ['now', NOW, null],
    ['within the clock skew', new Date(NOW.getTime() + CLOCK_SKEW_MS), null],
    ['just past the clock skew', new Date(NOW.getTime() + CLOCK_SKEW_MS + 1), 'must not be in the future'],
    ['in 2999', new Date('2999-01-01T00:00:00Z'), 'must not be in the future'],
    ['at the edge of the reporting window', new Date(NOW.getTime() - REPORTING_WINDOW_DAYS * DAY), null],
    ['a day older than the window', new Date(NOW.getTime() - (REPORTING_WINDOW_DAYS + 1) * DAY), /within the last 30 days/],
    ['in 1900', new Date('1900-01-01T00:00:00Z'), /within the last 30 days/],
  ] as const)('%s', (_, at, expected) => {
    const problem = detectionInstantProblem(at, NOW);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('a violation date', () => {
  const detectedAt = new Date('2026-06-09T20:00:00Z'); // 03:00 on 10 June in Hà Nội
  it.each([
    ['the detection’s own day (Hà Nội)', '2026-06-10', null],
    ['weeks before the detection', '2026-05-01', null],
    ['the day after the detection', '2026-06-11', /must not be after the detection \(2026-06-10\)/],
    ['in the future', '2027-01-01', 'must not be in the future'],
    ['on no real day', '2026-02-30', 'must be a real date YYYY-MM-DD'],
  ] as const)('%s', (_, date, expected) => {
    const problem = violationDateProblem(date, detectedAt, NOW);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('is refused when the limitation counted from it has already passed, and taken while it still runs', () => {
    expect(violationDateProblem('1900-01-01', detectedAt, NOW, yearAfter)).toMatch(/too early: .* ended on 1900-12-31/);
    expect(violationDateProblem('2025-06-15', detectedAt, NOW, yearAfter)).toMatch(/too early/);
    expect(violationDateProblem('2025-06-25', detectedAt, NOW, yearAfter)).toBeNull();
    // without a limitation to count (the seed rules of unit tests) only the other bounds apply
    expect(violationDateProblem('1900-01-01', detectedAt, NOW)).toBeNull();
  });
});
