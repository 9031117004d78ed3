/**
 * What a step does to a case: the pure reducer takeStep runs once checkAction has said yes
 * (docs/domain-model.md, "A step"). Clocks are not touched here (case-step.ts moves them as
 * case-clocks.ts says); everything else a reader of the case sees is.
 */
import { vnDate } from './calendar.js';
import type { Actor } from './access.js';
import type { CaseAction } from './case-actions.js';
import type { CaseStatus } from './case-states.js';
import type { CaseOutcome, CaseView, FineView, ViolationView } from './case-view.js';
import { settlement } from './fines.js';
import { interestTermsOf, reliefOf } from './payment-relief.js';

type Patch = Partial<CaseView>;

/** What a new case is made of: the carrier's report and its routing. */
export interface CaseOpening {
  id: string;
  number: string;
  carrierId: string;
  carrierRef: string;
  trackingNumber: string;
  provinceCode: string;
  categoryCode: string;
  stage: CaseView['stage'];
  detectedAt: string;
  leadAgencyId: string;
  agencyIds: string[];
  crossBorder: boolean;
  kt1: boolean;
  signsOfCrime: boolean;
  restricted: boolean;
}

/** A case as it stands at detection (step 1), before anything else has happened. */
export function openedCase(o: CaseOpening): CaseView {
  const { crossBorder, kt1, signsOfCrime, restricted, ...rest } = o;
  return {
    ...rest,
    status: 'DETECTED',
    acknowledgements: [],
    flags: { crossBorder, kt1, signsOfCrime, restricted, holdConfirmed: false, informationRequested: false, overdue: false },
    violation: null,
    proposal: null,
    decision: null,
    fine: null,
    payments: [],
    deadlines: [],
    outcome: null,
    closedAt: null,
  };
}

/** Recomputes a fine's balance from its payments as of `now`. */
export function settleFine(fine: FineView, payments: CaseView['payments'], now: Date): FineView {
  const s = settlement(
    fine.amountVnd,
    fine.dueAt ? new Date(fine.dueAt) : null,
    payments.map((p) => ({ amountVnd: p.amountVnd, at: new Date(p.at) })),
    now,
    interestTermsOf(fine),
  );
  return { ...fine, ...s };
}

const closing = (outcome: CaseOutcome, now: string): Patch => ({ outcome, closedAt: now });

function freshViolation(view: CaseView, now: string, against: ViolationView['against'] = 'SENDER', date?: string): ViolationView {
  return {
    confirmedAt: now,
    against,
    violationDate: date ?? vnDate(new Date(view.detectedAt)),
    recordNumber: null,
    recordedAt: null,
    seized: false,
  };
}

function patchFor(view: CaseView, a: CaseAction, actor: Actor, atDate: Date): Patch {
  const at = atDate.toISOString();
  switch (a.kind) {
    case 'confirmHold':
      return { flags: { ...view.flags, holdConfirmed: true } };
    case 'acknowledge':
      return { acknowledgements: [...view.acknowledgements, { agencyId: actor.agencyId!, by: actor.id, at }] };
    case 'assign':
      return { assignee: { id: a.assignee.id, name: a.assignee.name, at, by: actor.id } };
    case 'requestInformation':
      return { flags: { ...view.flags, informationRequested: true } };
    case 'respondInformation':
      return { flags: { ...view.flags, informationRequested: false } };
    case 'addAgency':
      return {
        agencyIds: view.agencyIds.includes(a.agencyId) ? view.agencyIds : [...view.agencyIds, a.agencyId],
        ...(a.asLead ? { leadAgencyId: a.agencyId } : {}),
      };
    case 'release':
      return closing(view.status === 'NO_SANCTION' ? 'NO_SANCTION' : 'CLEARED', at);
    case 'refer':
      return closing('REFERRED', at);
    case 'returnFromInvestigation':
      return { outcome: null, closedAt: null, violation: view.violation ?? freshViolation(view, at) };
    case 'confirmViolation':
      return { violation: freshViolation(view, at, a.against, a.violationDate) };
    case 'recordViolation':
      return { violation: { ...view.violation!, recordNumber: a.recordNumber, recordedAt: at, seized: a.seized } };
    case 'proposeSanction':
      return {
        proposal: {
          by: actor.id,
          agencyId: actor.agencyId!,
          at,
          offenceCode: a.offenceCode,
          amountVnd: a.amountVnd,
          violator: a.violator,
          extraPenalties: [...a.extraPenalties],
          remedialMeasures: [...(a.remedialMeasures ?? [])],
          legalArticle: a.legalArticle,
        },
        decision: null,
      };
    case 'decideSanction': {
      const decision = {
        by: actor.id,
        at,
        outcome: a.outcome,
        reason: a.outcome === 'approve' ? null : a.reason,
        decisionNumber: a.outcome === 'approve' ? a.decisionNumber : null,
      };
      if (a.outcome !== 'approve') return { decision };
      const p = view.proposal!;
      const fine: FineView = {
        amountVnd: p.amountVnd,
        violator: p.violator,
        servedAt: null,
        serviceMethod: null,
        dueAt: null,
        paidVnd: 0,
        interestVnd: 0,
        outstandingVnd: p.amountVnd,
        ...(a.paymentPeriodDays !== undefined ? { paymentPeriodDays: a.paymentPeriodDays } : {}),
      };
      return { decision, fine };
    }
    case 'grantPaymentRelief': {
      const fine = { ...view.fine!, relief: [...(view.fine!.relief ?? []), reliefOf(a, atDate)] };
      return { fine: settleFine(fine, view.payments, atDate) };
    }
    case 'serveDecision':
      return { fine: { ...view.fine!, servedAt: at, serviceMethod: a.method } };
    case 'recordPayment':
    case 'recordEnforcement': {
      const payment =
        a.kind === 'recordPayment'
          ? { amountVnd: a.amountVnd, at, by: actor.id, receiptRef: a.receiptRef ?? null }
          : { amountVnd: a.collectedVnd, at, by: actor.id, receiptRef: `enforcement: ${a.measure}` };
      const payments = [...view.payments, payment];
      return {
        payments,
        fine: settleFine(view.fine!, payments, atDate),
        ...(a.kind === 'recordEnforcement' ? closing('ENFORCED', at) : {}),
      };
    }
    case 'close':
      return closing(view.status === 'PAID' ? 'PAID' : 'NO_SANCTION', at);
    case 'expire':
      return closing('EXPIRED', at);
    case 'notify':
    case 'startVerification':
    case 'extendDeadline':
    case 'clear':
    case 'startEnforcement':
    case 'addNote':
    case 'addEvidence':
      return {};
  }
}

/** The case after `action`, taken by `actor` at `now`, moved it to `next` (from checkAction). */
export function applyAction(view: CaseView, action: CaseAction, actor: Actor, next: CaseStatus, now: Date): CaseView {
  return { ...view, ...patchFor(view, action, actor, now), status: next };
}

/** The top-level fields that differ, old → new: what an audit event records. */
export function changes(before: CaseView, after: CaseView): Record<string, { old: unknown; new: unknown }> {
  const out: Record<string, { old: unknown; new: unknown }> = {};
  for (const key of Object.keys(after) as (keyof CaseView)[]) {
    if (key === 'deadlines') continue; // clocks have their own events
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { old: before[key], new: after[key] };
  }
  return out;
}
