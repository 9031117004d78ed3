/**
 * The state one case workflow holds: the case view, the event sequence and the
 * running clocks. Pure and deterministic; the workflow body decides when to
 * persist what this produces.
 */
import type { Actor } from '../domain/access.js';
import type { CaseView } from '../domain/case-view.js';
import { clockStartInstant } from '../domain/case-clocks.js';
import { settleFine } from '../domain/case-apply.js';
import {
  dueAt,
  deadlineView,
  escalationAt,
  runDueAt,
  type ClockContext,
  type ClockId,
  type ClockRun,
  type EscalationTarget,
} from '../domain/clocks.js';
import type { CaseRules } from '../domain/case-states.js';
import type { CaseCarryOver, CaseEventDraft, CasePlan, RunningClock } from './definitions.js';

export interface DueEscalation {
  clock: ClockId;
  level: number;
  target: EscalationTarget;
  dueAt: string;
}

export class CaseRun {
  view: CaseView;
  seq: number;
  readonly plan: CasePlan;
  private clocks: Map<ClockId, RunningClock>;

  constructor(c: CaseCarryOver) {
    this.view = c.view;
    this.seq = c.seq;
    this.plan = c.plan;
    this.clocks = new Map(c.clocks.map((r) => [r.clock, r]));
  }

  get ctx(): ClockContext {
    return { holidays: this.plan.calendar, clockScale: this.plan.clockScale };
  }

  get rules(): CaseRules {
    return { fineSchedule: this.plan.fineSchedule };
  }

  carryOver(): CaseCarryOver {
    return { view: this.view, seq: this.seq, plan: this.plan, clocks: [...this.clocks.values()] };
  }

  /** The next audit event, numbered in the order the workflow decided it. */
  event(type: string, actor: Actor, at: Date, payload: unknown, reason: string | null = null): CaseEventDraft {
    this.seq += 1;
    return { caseId: this.view.id, seq: this.seq, type, actor, at: at.toISOString(), payload, reason };
  }

  private runOf(r: RunningClock): ClockRun {
    const policy = this.plan.policies.find((p) => p.clock === r.clock);
    if (!policy) throw new Error(`no deadline policy for ${r.clock}`);
    return { policy, startedAt: new Date(r.startedAt), extensions: r.extensions };
  }

  isRunning(clock: ClockId): boolean {
    return this.clocks.has(clock);
  }

  start(clock: ClockId, startedAt: Date, extensions: string[] = []): void {
    if (!this.clocks.has(clock)) this.clocks.set(clock, { clock, startedAt: startedAt.toISOString(), extensions, firedLevel: 0 });
  }

  /** The extension codes a clock's policy offers. */
  extensionsOffered(clock: ClockId): string[] {
    return this.plan.policies.find((p) => p.clock === clock)?.extensions.map((e) => e.code) ?? [];
  }

  stop(clock: ClockId): void {
    this.clocks.delete(clock);
  }

  /** An extension moves the running timer; levels already fired that now lie ahead are re-armed. */
  extend(clock: ClockId, extension: string, now: Date): void {
    const r = this.clocks.get(clock);
    if (!r) return;
    r.extensions = [...r.extensions, extension];
    const run = this.runOf(r);
    while (r.firedLevel > 0 && escalationAt(run, r.firedLevel, this.ctx).getTime() > now.getTime()) r.firedLevel--;
  }

  startsAtOf(clock: ClockId) {
    return this.plan.policies.find((p) => p.clock === clock)!.startsAt;
  }

  /** When a clock would end if it ran from the case's own start (violation date, else detection). */
  limitationEnd(clock: ClockId): Date {
    const policy = this.plan.policies.find((p) => p.clock === clock)!;
    return dueAt(
      policy,
      clockStartInstant(policy.startsAt, this.view, new Date(this.view.detectedAt)),
      this.ctx.holidays,
      this.plan.clockScale,
    );
  }

  dueAt(clock: ClockId): Date | null {
    const r = this.clocks.get(clock);
    return r ? runDueAt(this.runOf(r), this.ctx) : null;
  }

  /** The earliest instant a clock needs attention: the next escalation level of any clock. */
  nextWakeAt(): Date | null {
    let next: Date | null = null;
    for (const r of this.clocks.values()) {
      const run = this.runOf(r);
      if (r.firedLevel >= run.policy.escalationChain.length) continue;
      const at = escalationAt(run, r.firedLevel + 1, this.ctx);
      if (!next || at < next) next = at;
    }
    return next;
  }

  /** Escalations whose time has come, marked as fired (the caller records and acts on them). */
  takeDueEscalations(now: Date): DueEscalation[] {
    const due: DueEscalation[] = [];
    for (const r of this.clocks.values()) {
      const run = this.runOf(r);
      while (r.firedLevel < run.policy.escalationChain.length && escalationAt(run, r.firedLevel + 1, this.ctx) <= now) {
        r.firedLevel++;
        due.push({
          clock: r.clock,
          level: r.firedLevel,
          target: run.policy.escalationChain[r.firedLevel - 1]!,
          dueAt: runDueAt(run, this.ctx).toISOString(),
        });
      }
    }
    return due;
  }

  /** Refreshes what changes with time alone: the clocks, the overdue flag and the fine's late interest. */
  refresh(now: Date): void {
    this.view = this.viewAt(now);
  }

  /** The case as it stands at `now`, without changing the state (queries use it). */
  viewAt(now: Date): CaseView {
    const deadlines = [...this.clocks.values()].map((r) => ({
      ...deadlineView(this.runOf(r), now, this.ctx),
      escalationLevel: r.firedLevel,
    }));
    const overdue = deadlines.some((d) => d.escalationLevel > 0);
    const fine = this.view.fine && settleFine(this.view.fine, this.view.payments, now);
    return { ...this.view, deadlines, fine, flags: { ...this.view.flags, overdue } };
  }
}
