// Shared steps for the workflow tests: actors, a per-test worker, advancing a case to a given
// step, skipping the test server's clock, reading escalations, and refusals that leave no trace.
//
// The working-day arithmetic here is written again on purpose (not imported from
// domain/calendar.ts) so the tests check the workflow's instants against a second computation;
// only the seeded holiday list is shared, because it is data.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { WorkflowClient, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Db } from '../../prisma/client.js';
import type { Actor } from '../../domain/access.js';
import type { CaseAction } from '../../domain/case-actions.js';
import type { CaseOutcome, CaseView } from '../../domain/case-view.js';
import type { ClockId } from '../../domain/clocks.js';
import { HOLIDAYS, MAKE_UP_WORKDAYS } from '../../domain/reference/holidays.js';
import { act, type DetectionInput, type RefusalDetails } from '../../workflows/definitions.js';
import type { caseWorkflow } from '../../workflows/case.js';
import { CaseDriver, caseWorker, eventsOf } from './case-harness.js';
import { testDataConverter } from './payload-codec.js';

// Actors (test/support/actors.ts), by the names the workflow tests use.
import {
  carrier,
  qlttChief,
  qlttJunior,
  qlttManager,
  deptOfficer as dept,
  policeOfficer as police,
  qlttTeamLead as qltt,
} from './actors.js';

export { carrier, qlttChief, qlttJunior, qlttManager, dept, police, qltt };

export const OFFENCE_PROHIBITED_ITEM = 'POST_PROHIBITED_ITEM';

// ---------------------------------------------------------------------------------------------
// A worker per test: a Worker runs only once, and a test file shares one time-skipping server.

export interface CaseSession {
  env: TestWorkflowEnvironment;
  db: Db;
  taskQueue: string;
  /** Starts a case (a carrier reference or a full detection) and waits until it is numbered and notified. */
  open(d: DetectionInput | string): Promise<CaseDriver>;
}

/**
 * Runs `fn` with a fresh case worker on its own task queue. Cases still running at the end are
 * terminated, so a later test's time skips do not fire their timers on a queue nobody polls.
 */
export async function withCaseWorker(env: TestWorkflowEnvironment, db: Db, fn: (s: CaseSession) => Promise<void>): Promise<void> {
  const { worker, taskQueue } = await caseWorker(env, db);
  const opened: CaseDriver[] = [];
  const session: CaseSession = {
    env,
    db,
    taskQueue,
    async open(d) {
      const c = await CaseDriver.open(env, taskQueue, d);
      opened.push(c);
      return c;
    },
  };
  await worker.runUntil(async () => {
    try {
      await fn(session);
    } finally {
      for (const c of opened) {
        const { status } = await c.handle.describe();
        if (status.name === 'RUNNING') await c.handle.terminate('test finished');
      }
    }
  });
}

/**
 * The workflow's result, without skipping time. `c.handle.result()` on the time-skipping client
 * unlocks automatic time skipping while it waits, and the server then jumps straight to the
 * next timer of ANY running workflow (a year on, for a limitation clock), even when the awaited
 * workflow has already completed. Use this once the case has closed.
 */
export async function resultOf(env: TestWorkflowEnvironment, c: CaseDriver): Promise<CaseOutcome | null> {
  const client = new WorkflowClient({
    connection: env.connection,
    namespace: env.namespace ?? 'default',
    dataConverter: testDataConverter,
  });
  return client.getHandle<typeof caseWorkflow>(c.id).result();
}

// ---------------------------------------------------------------------------------------------
// Advancing a case, one named step at a time.

export interface StepOptions {
  /** The proposed fine (organisation rate of POST_PROHIBITED_ITEM: 10–20 M). */
  amountVnd?: number;
  /** Whether the violation record seizes the item (starts TEMPORARY_SEIZURE). */
  seized?: boolean;
}

/** The steps of the administrative track, in order, each with the status it must reach. */
const STEPS = [
  ['HOLD_CONFIRMED', 'NOTIFIED', (c: CaseDriver) => c.do(carrier, { kind: 'confirmHold', holdRecordRef: 'BB-001' })],
  ['DEPT_ACKNOWLEDGED', 'NOTIFIED', (c: CaseDriver) => c.do(dept, { kind: 'acknowledge' })],
  ['ACKNOWLEDGED', 'ACKNOWLEDGED', (c: CaseDriver) => c.do(qltt, { kind: 'acknowledge' })],
  ['UNDER_VERIFICATION', 'UNDER_VERIFICATION', (c: CaseDriver) => c.do(qltt, { kind: 'startVerification' })],
  [
    'VIOLATION_CONFIRMED',
    'VIOLATION_CONFIRMED',
    (c: CaseDriver) => c.do(qltt, { kind: 'confirmViolation', against: 'SENDER', summary: 'Túi xách giả nhãn hiệu, 20 chiếc' }),
  ],
  [
    'VIOLATION_RECORDED',
    'VIOLATION_RECORDED',
    (c: CaseDriver, o: StepOptions) => c.do(qltt, { kind: 'recordViolation', recordNumber: 'BB-VPHC-001', seized: o.seized ?? false }),
  ],
  ['SANCTION_PROPOSED', 'SANCTION_PROPOSED', (c: CaseDriver, o: StepOptions) => c.do(qltt, proposal(o.amountVnd ?? 15_000_000))],
  [
    'DECIDED',
    'DECIDED',
    (c: CaseDriver) => c.do(qlttChief, { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-001/QĐ-XPHC' }),
  ],
  ['DECISION_SERVED', 'DECISION_SERVED', (c: CaseDriver) => c.do(qltt, { kind: 'serveDecision', method: 'IN_PERSON' })],
] as const;

export type Milestone = (typeof STEPS)[number][0];

/** A sanction proposal for sending prohibited items, against an organisation. */
export const proposal = (amountVnd: number, violator: 'ORGANISATION' | 'INDIVIDUAL' = 'ORGANISATION'): CaseAction => ({
  kind: 'proposeSanction',
  offenceCode: OFFENCE_PROHIBITED_ITEM,
  amountVnd,
  violator,
  extraPenalties: ['CONFISCATION'],
  legalArticle: 'Nghị định 15/2020/NĐ-CP, Điều 9 khoản 1 điểm a',
});

/**
 * Takes the case from wherever it stands (a milestone already passed, or just opened) through
 * each step up to and including `until`; every step must reach its status.
 */
export async function advance(c: CaseDriver, until: Milestone, opts: StepOptions = {}, from?: Milestone): Promise<CaseView> {
  const start = from ? STEPS.findIndex(([m]) => m === from) + 1 : 0;
  const end = STEPS.findIndex(([m]) => m === until);
  let view = await c.view();
  for (const [name, status, run] of STEPS.slice(start, end + 1)) {
    view = await run(c, opts);
    expect(view.status, `step ${name}`).toBe(status);
  }
  return view;
}

// ---------------------------------------------------------------------------------------------
// Time: VN calendar arithmetic written independently of domain/calendar.ts.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const VN_OFFSET = 7 * HOUR;
const HOLIDAY_DATES = new Set(HOLIDAYS.map((h) => h.date));

/** Adds days off the tests' calendar must know (administered holidays a test inserted). */
export function addHolidayDates(dates: string[]): void {
  for (const d of dates) HOLIDAY_DATES.add(d);
}
/** Forgets days off a test added and has since removed again. */
export function removeHolidayDates(dates: string[]): void {
  for (const d of dates) HOLIDAY_DATES.delete(d);
}
const MAKE_UP_DATES = new Set(MAKE_UP_WORKDAYS.map((h) => h.date));

/** The VN local date of an instant. */
export const vnDateOf = (ms: number): string => new Date(ms + VN_OFFSET).toISOString().slice(0, 10);
/** 23:59:59.999 in Asia/Ho_Chi_Minh of a VN date, as epoch ms (= 16:59:59.999Z). */
export const endOfVnDate = (date: string): number => Date.parse(`${date}T16:59:59.999Z`);
/** The VN date `n` calendar days after `date`. */
const plusDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export function isWorkingDate(date: string): boolean {
  if (MAKE_UP_DATES.has(date)) return true;
  if (HOLIDAY_DATES.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** End of the n-th working day after the VN date of `startMs` (the start day never counts). */
export function workingDaysAfter(startMs: number, n: number): number {
  let date = vnDateOf(startMs);
  for (let counted = 0; counted < n;) {
    date = plusDays(date, 1);
    if (isWorkingDate(date)) counted++;
  }
  return endOfVnDate(date);
}

/** End of the n-th calendar day after the VN date of `startMs`, run on to a working day. */
export function calendarDaysAfter(startMs: number, n: number): number {
  let date = plusDays(vnDateOf(startMs), n);
  while (!isWorkingDate(date)) date = plusDays(date, 1);
  return endOfVnDate(date);
}

/** End of the same VN date `years` later (run on to a working day). */
export function yearsAfter(startMs: number, years: number): number {
  const date = vnDateOf(startMs);
  let next = `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
  if (next.endsWith('-02-29')) next = next.replace('-02-29', '-02-28');
  while (!isWorkingDate(next)) next = plusDays(next, 1);
  return endOfVnDate(next);
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** Moves the test server's clock forward to `atMs` (it cannot go back). */
export async function skipTo(env: TestWorkflowEnvironment, atMs: number): Promise<void> {
  const now = await env.currentTimeMs();
  if (atMs <= now) throw new Error(`the test server is already at ${iso(now)}; cannot skip back to ${iso(atMs)}`);
  await env.sleep(atMs - now);
}

// ---------------------------------------------------------------------------------------------
// Reading what the workflow stored.

export type StoredEvent = Awaited<ReturnType<typeof eventsOf>>[number];

export interface EscalationPayload {
  clock: ClockId;
  level: number;
  target: string;
  dueAt: string;
  recipients: string[];
}

/** DEADLINE_ESCALATED events of one clock, in order. */
export async function escalationsOf(db: Db, caseId: string, clock: ClockId): Promise<StoredEvent[]> {
  return (await eventsOf(db, caseId)).filter(
    (e) => e.type === 'DEADLINE_ESCALATED' && (e.payload as unknown as EscalationPayload).clock === clock,
  );
}

/** Waits until the case has `count` escalations of `clock` stored, and returns them. */
export async function awaitEscalations(db: Db, caseId: string, clock: ClockId, count: number): Promise<StoredEvent[]> {
  await expect.poll(async () => (await escalationsOf(db, caseId, clock)).length, { timeout: 10_000 }).toBe(count);
  return escalationsOf(db, caseId, clock);
}

/** Waits until a stored event of `type` exists, and returns the first. */
export async function awaitEvent(db: Db, caseId: string, type: string): Promise<StoredEvent> {
  await expect.poll(async () => (await eventsOf(db, caseId)).some((e) => e.type === type), { timeout: 10_000 }).toBe(true);
  return (await eventsOf(db, caseId)).find((e) => e.type === type)!;
}

export const caseRow = (db: Db, id: string) => db.case.findUniqueOrThrow({ where: { id } });

/** Recipients of the notices sent with one stored event. */
export async function noticesOf(db: Db, caseId: string, seq: number): Promise<{ recipient: string; kind: string }[]> {
  const rows = await db.notification.findMany({ where: { caseId, seq }, orderBy: { recipient: 'asc' } });
  return rows.map((n) => ({ recipient: n.recipient, kind: n.kind }));
}

export const deadlineOf = (view: CaseView, clock: ClockId) => view.deadlines.find((d) => d.clock === clock);

// ---------------------------------------------------------------------------------------------
// Refusals that must leave no trace.

/** Update ids of every `act` Update the workflow history shows as accepted. */
export async function acceptedUpdateIds(c: CaseDriver): Promise<string[]> {
  const history = await c.handle.fetchHistory();
  return (history.events ?? [])
    .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId)
    .filter((id): id is string => typeof id === 'string');
}

/**
 * Sends an action that must be refused, with a known Update id, and checks that the refusal left
 * nothing behind: no stored event, the case row and view unchanged, no accepted Update in the
 * workflow history. Returns the refusal details.
 */
export async function refusedWithoutTrace(db: Db, c: CaseDriver, actor: Actor, action: CaseAction): Promise<RefusalDetails> {
  const eventsBefore = await eventsOf(db, c.id);
  const rowBefore = await caseRow(db, c.id);
  const viewBefore = await c.view();
  const acceptedBefore = await acceptedUpdateIds(c);
  // the history does show accepted Updates (openCase at least), so their absence below means something
  expect(acceptedBefore.length, 'accepted Updates in the history').toBeGreaterThan(0);
  const updateId = `refused-${action.kind}-${randomBytes(4).toString('hex')}`;

  let details: RefusalDetails | undefined;
  try {
    await c.handle.executeUpdate(act, { args: [{ action, actor }], updateId });
  } catch (e) {
    if (!(e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure)) throw e;
    expect(e.cause.type).toBe('CaseActionRefused');
    details = e.cause.details?.[0] as RefusalDetails;
  }
  if (!details) throw new Error(`${action.kind} by ${actor.id} was accepted but should have been refused`);

  const eventsAfter = await eventsOf(db, c.id);
  expect(
    eventsAfter.map((e) => e.seq),
    'no new event',
  ).toEqual(eventsBefore.map((e) => e.seq));
  expect((await caseRow(db, c.id)).lastSeq).toBe(rowBefore.lastSeq);
  expect(await c.view(), 'the case view is unchanged').toEqual(viewBefore);
  const acceptedAfter = await acceptedUpdateIds(c);
  expect(acceptedAfter).not.toContain(updateId);
  expect(acceptedAfter, 'no Update accepted into the history').toEqual(acceptedBefore);
  return details;
}

// ---------------------------------------------------------------------------------------------
// The audit trail.

export interface ExpectedEvent {
  type: string;
  actor: Actor;
  /** The status move the event records, if the step moved the case. */
  status?: [string, string];
}

/**
 * Checks the stored events one by one: type, who (id, role, agency), and for every step the
 * status change it records as old → new in payload.changes (or no status change at all).
 */
export function expectHistory(events: StoredEvent[], expected: ExpectedEvent[]): void {
  expect(events.map((e) => e.type)).toEqual(expected.map((e) => e.type));
  events.forEach((e, i) => {
    const want = expected[i]!;
    const where = `event #${e.seq} ${e.type}`;
    expect({ id: e.actorId, role: e.actorRole, agency: e.actorAgencyId }, where).toEqual({
      id: want.actor.id,
      role: want.actor.role,
      agency: want.actor.agencyId ?? null,
    });
    if (e.type === 'DETECTED' || e.type === 'DEADLINE_ESCALATED') return;
    const payload = e.payload as { from: string; to: string; changes: Record<string, { old: unknown; new: unknown }> };
    if (want.status) {
      expect({ from: payload.from, to: payload.to }, where).toEqual({ from: want.status[0], to: want.status[1] });
      expect(payload.changes.status, where).toEqual({ old: want.status[0], new: want.status[1] });
    } else {
      expect(payload.from, where).toBe(payload.to);
      expect(payload.changes.status, where).toBeUndefined();
    }
  });
}
