// A second reading of the report definitions (docs/reports.md), written in plain TypeScript over
// the stored rows, so the tests can check every figure PostgreSQL computes against it. Nothing
// here is imported from the code under test but the shape of the result and the list of clocks;
// the step table, the VN calendar and late interest are written again on purpose.
import type { Db } from '../../prisma/client.js';
import { emptyPeriodFigures, type PeriodFigures } from '../../domain/report-content.js';
import type { Kt1Mode } from '../../domain/report-period.js';
import { REPORT_CLOCKS } from '../../domain/report-steps.js'; // the list of clocks, not how they are read

const HOUR = 3_600_000;
const vnDay = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);
const vnDayNumber = (ms: number) => Math.floor((ms + 7 * HOUR) / 86_400_000);

interface Ev {
  caseId: string;
  seq: number;
  type: string;
  at: number;
  payload: any;
}

/** Everything the oracle reads, loaded once the workflows have settled. */
export async function loadWorld(db: Db) {
  const [cases, events, points, licences, pledges] = await Promise.all([
    db.case.findMany(),
    db.caseEvent.findMany({ orderBy: [{ caseId: 'asc' }, { seq: 'asc' }] }),
    db.servicePoint.findMany(),
    db.carrierLicence.findMany(),
    db.pledge.findMany({ include: { points: true } }),
  ]);
  const byCase = new Map<string, Ev[]>();
  for (const e of events) {
    const list = byCase.get(e.caseId) ?? [];
    list.push({ caseId: e.caseId, seq: e.seq, type: e.type, at: e.at.getTime(), payload: e.payload });
    byCase.set(e.caseId, list);
  }
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return {
    cases,
    byCase,
    carriersKt1: new Map((await db.carrier.findMany()).map((c) => [c.id, c.kt1])),
    points: points.map((p) => ({ ...p, validFrom: day(p.validFrom)!, validTo: day(p.validTo) })),
    licences: licences.map((l) => ({ ...l, issuedOn: day(l.issuedOn)!, validTo: day(l.validTo) })),
    pledges: pledges.map((p) => ({ ...p, signedOn: day(p.signedOn)!, codes: p.points.map((c) => c.code) })),
  };
}
export type World = Awaited<ReturnType<typeof loadWorld>>;

/** The steps, as predicates on one event (to, from: the statuses its payload moves between). */
const entered = (e: Ev, statuses: string[], from?: string[]) =>
  statuses.includes(e.payload?.to) && !statuses.includes(e.payload?.from) && (!from || from.includes(e.payload?.from));
const STEPS: Record<string, { start: (e: Ev) => boolean; end: (e: Ev) => boolean }> = {
  HOLD_CONFIRMATION: { start: (e) => e.type === 'DETECTED', end: (e) => e.type === 'HOLD_CONFIRMED' },
  AGENCY_ACKNOWLEDGEMENT: { start: (e) => e.type === 'AGENCIES_NOTIFIED', end: (e) => entered(e, ['ACKNOWLEDGED']) },
  VERIFICATION: {
    start: (e) => entered(e, ['ACKNOWLEDGED']),
    end: (e) => entered(e, ['CLEARED', 'VIOLATION_CONFIRMED', 'REFERRED'], ['ACKNOWLEDGED', 'UNDER_VERIFICATION']),
  },
  VIOLATION_RECORD: { start: (e) => entered(e, ['VIOLATION_CONFIRMED']), end: (e) => entered(e, ['VIOLATION_RECORDED']) },
  SANCTION_DECISION: {
    start: (e) => entered(e, ['VIOLATION_RECORDED'], ['VIOLATION_CONFIRMED']),
    end: (e) => entered(e, ['DECIDED', 'NO_SANCTION']),
  },
  SERVE_DECISION: { start: (e) => entered(e, ['DECIDED']), end: (e) => entered(e, ['DECISION_SERVED']) },
  PAYMENT: { start: (e) => entered(e, ['DECISION_SERVED']), end: (e) => entered(e, ['PAID']) },
};
/** Linear interpolation between closest ranks (PostgreSQL's percentile_cont), rounded to whole seconds. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return Math.round(sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo));
}

/** LHAV Art. 78 as docs/domain-model.md "Fines" states it: 0.05 % a day on the unpaid fine, segment by segment between payments. */
function interestOf(fine: number, dueAt: number | null, payments: { at: number; amount: number }[], horizon: number): number {
  if (dueAt === null) return 0;
  let paid = 0;
  let from = dueAt;
  let interest = 0;
  for (const p of [...payments.filter((x) => x.at <= horizon), { at: horizon, amount: 0 }]) {
    const unpaid = Math.max(0, fine - paid);
    if (unpaid > 0 && p.at > from) {
      const days = vnDayNumber(p.at) - vnDayNumber(from);
      if (days > 0) interest += Math.floor((unpaid * days * 5) / 10_000);
      from = p.at;
    }
    paid += p.amount;
  }
  return interest;
}

const bump = (m: Record<string, number>, k: string, n = 1) => void (m[k] = (m[k] ?? 0) + n);

/** The figures of one period [S, T) for a province (or national) and KT1 mode, by the definitions. */
export function expectedFigures(w: World, o: { province: string | null; kt1: Kt1Mode; S: number; T: number }): PeriodFigures {
  const inKt1 = (kt1: boolean) => o.kt1 === 'INCLUDED' || kt1 === (o.kt1 === 'ONLY');
  const lastDay = vnDay(o.T - 1);
  const scope = w.cases
    .filter((c) => (o.province === null || c.provinceCode === o.province) && inKt1(c.kt1))
    .map((c) => ({ c, events: (w.byCase.get(c.id) ?? []).filter((e) => e.at < o.T) }))
    .filter((x) => x.events[0]?.type === 'DETECTED');
  const cohort = scope.filter((x) => x.events[0]!.at >= o.S);
  const f: PeriodFigures = {
    ...emptyPeriodFigures(),
    byServicePoint: { REGISTERED: 0, COMMUNE_LEVEL: 0, REMOTE: 0, UNREGISTERED: 0 },
    holds: { detected: cohort.length, holdsConfirmed: 0, holdsConfirmedOnTime: 0 },
  };

  for (const { c, events } of cohort) {
    bump(f.byCategory, c.categoryCode);
    bump(f.byCarrier, c.carrierId);
    bump(f.byStage, c.stage);
    bump(f.byProvince, c.provinceCode);
    const outcome =
      events.filter((e) => e.payload?.changes && 'outcome' in e.payload.changes).at(-1)?.payload.changes.outcome.new ?? 'OPEN';
    bump(f.byOutcome, outcome);
    const day = vnDay(c.detectedAt.getTime());
    const point = w.points.find(
      (p) => p.carrierId === c.carrierId && p.code === c.servicePoint && p.validFrom <= day && (p.validTo === null || day < p.validTo),
    );
    if (point) {
      bump(f.byServicePoint, 'REGISTERED');
      if (point.communeLevel) bump(f.byServicePoint, 'COMMUNE_LEVEL');
      if (point.remote) bump(f.byServicePoint, 'REMOTE');
    } else bump(f.byServicePoint, 'UNREGISTERED');
    const confirmed = events.find((e) => e.type === 'HOLD_CONFIRMED');
    const missed = events.find((e) => e.type === 'DEADLINE_ESCALATED' && e.payload.clock === 'HOLD_CONFIRMATION');
    if (confirmed) {
      f.holds.holdsConfirmed++;
      if (!missed || confirmed.seq < missed.seq) f.holds.holdsConfirmedOnTime++;
    }
    if (events.some((e) => e.type === 'LICENCE_FINDING')) bump(f.licenceFindings, c.carrierId);
  }

  const durations: Record<string, number[]> = {};
  const met: Record<string, number> = {};
  const esc: Record<string, { missed: number; escalations: number }> = {};
  for (const { events } of scope) {
    const inPeriod = events.filter((e) => e.at >= o.S);
    for (const e of inPeriod) {
      if (e.type === 'REFERRED') f.referrals.referred++;
      if (e.type === 'RETURNED_FROM_INVESTIGATION') f.referrals.returnedFromInvestigation++;
      if (e.type === 'SANCTION_DECIDED') {
        f.sanctions.decisions++;
        f.sanctions.imposedVnd += e.payload.changes.fine.new.amountVnd;
      }
      if (e.type === 'NO_SANCTION_DECIDED') f.sanctions.noSanctionDecisions++;
      if (e.type === 'PAYMENT_RECORDED') f.sanctions.collectedVnd += e.payload.action.amountVnd;
      if (e.type === 'ENFORCEMENT_RECORDED') f.sanctions.collectedVnd += e.payload.action.collectedVnd;
      if (e.type === 'DEADLINE_ESCALATED') {
        const x = (esc[e.payload.clock] ??= { missed: 0, escalations: 0 });
        x.escalations++;
        if (e.payload.level === 1) x.missed++;
      }
    }
    for (const [clock, step] of Object.entries(STEPS)) {
      let start: Ev | null = null;
      let missedSince = false;
      for (const e of events) {
        if (step.start(e)) {
          start = e;
          missedSince = false;
        } else if (e.type === 'DEADLINE_ESCALATED' && e.payload.clock === clock && e.payload.level === 1) missedSince = true;
        else if (step.end(e) && start && e.at >= o.S) {
          (durations[clock] ??= []).push((e.at - start.at) / 1000);
          if (!missedSince) bump(met, clock);
        }
      }
    }
    // the fine as it stood at the end
    const decided = events.find((e) => e.type === 'SANCTION_DECIDED');
    if (decided) {
      const fine = decided.payload.changes.fine.new.amountVnd as number;
      const served = events.find((e) => e.type === 'DECISION_SERVED');
      const status = events.filter((e) => e.payload?.to).at(-1)!.payload.to as string;
      const closedAt = events.filter((e) => e.payload?.changes && 'closedAt' in e.payload.changes).at(-1)?.payload.changes.closedAt.new;
      const horizon = Math.min(o.T, closedAt ? Date.parse(closedAt) : o.T);
      const payments = events
        .filter((e) => e.type === 'PAYMENT_RECORDED' || e.type === 'ENFORCEMENT_RECORDED')
        .map((e) => ({ at: e.at, amount: (e.payload.action.amountVnd ?? e.payload.action.collectedVnd) as number }));
      const interest = interestOf(fine, served ? Date.parse(served.payload.changes.fine.new.dueAt) : null, payments, horizon);
      const paid = payments.filter((p) => p.at <= horizon).reduce((s, p) => s + p.amount, 0);
      f.sanctions.lateInterestVnd += interest;
      if (['DECIDED', 'DECISION_SERVED', 'ENFORCEMENT'].includes(status)) f.sanctions.outstandingVnd += Math.max(0, fine + interest - paid);
    }
  }
  for (const clock of REPORT_CLOCKS) {
    const d = (durations[clock] ?? []).sort((a, b) => a - b);
    f.clocks[clock] = {
      met: STEPS[clock] ? (met[clock] ?? 0) : null,
      missed: esc[clock]?.missed ?? 0,
      escalations: esc[clock]?.escalations ?? 0,
      medianSeconds: percentile(d, 0.5),
      p90Seconds: percentile(d, 0.9),
    };
  }

  // pledges: service points open on the last day, and pledges signed by then that cover them
  const firstDay = vnDay(o.S);
  const open = w.points.filter(
    (p) =>
      (o.province === null || p.provinceCode === o.province) &&
      inKt1(w.carriersKt1.get(p.carrierId)!) &&
      p.validFrom <= lastDay &&
      (p.validTo === null || lastDay < p.validTo),
  );
  for (const p of open) {
    const row = (f.pledges[p.provinceCode] ??= { registeredPoints: 0, coveredPoints: 0, pledgesSigned: 0 });
    row.registeredPoints++;
    if (w.pledges.some((pl) => pl.carrierId === p.carrierId && pl.signedOn <= lastDay && pl.codes.includes(p.code))) row.coveredPoints++;
  }
  for (const pl of w.pledges.filter((x) => x.signedOn >= firstDay && x.signedOn <= lastDay && inKt1(w.carriersKt1.get(x.carrierId)!))) {
    const provinces = new Set(
      pl.codes
        .map((code) => w.points.find((p) => p.carrierId === pl.carrierId && p.code === code)!.provinceCode)
        .filter((pc) => o.province === null || pc === o.province),
    );
    for (const pc of provinces) (f.pledges[pc] ??= { registeredPoints: 0, coveredPoints: 0, pledgesSigned: 0 }).pledgesSigned++;
  }
  return f;
}
