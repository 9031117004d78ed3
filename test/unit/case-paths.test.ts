// Every path through the state machine of docs/domain-model.md, "The case, step by step".
import { describe, expect, it } from 'vitest';
import { allowedActions, checkAction, isClosed } from '../../domain/case-states.js';
import type { CaseView } from '../../domain/case-view.js';
import {
  apply,
  applyAll,
  carrier,
  caseAt,
  DAY,
  deptOfficer,
  detectedCase,
  expectRefused,
  HOUR,
  later,
  policeOfficer,
  PROPOSAL,
  qlttOfficer,
  qlttTeamLead,
  system,
  T0,
  TO_PROPOSAL,
  TO_VERIFICATION,
} from './fixtures.js';

const clocks = (v: CaseView) => v.deadlines.map((d) => d.clock).sort();

describe('detection to verification', () => {
  it('holds, notifies, and waits for the lead agency to take the case', () => {
    let v = detectedCase();
    expect(clocks(v)).toEqual(['HOLD_CONFIRMATION', 'SANCTIONING_LIMITATION']);
    expect(allowedActions(v, carrier, T0)).toEqual(['confirmHold', 'addNote', 'addEvidence']);

    v = apply(v, { kind: 'confirmHold', holdRecordRef: 'BB-001' }, carrier, later(T0, HOUR));
    expect(v.status).toBe('HELD');
    expect(clocks(v)).toEqual(['SANCTIONING_LIMITATION']);

    v = apply(v, { kind: 'notify' }, system, later(T0, 2 * HOUR));
    expect(v.status).toBe('NOTIFIED');
    expect(clocks(v)).toContain('AGENCY_ACKNOWLEDGEMENT');
    expect(allowedActions(v, deptOfficer, T0)).toEqual(['acknowledge']);

    v = apply(v, { kind: 'acknowledge' }, deptOfficer, later(T0, 3 * HOUR));
    expect(v.status).toBe('NOTIFIED'); // not the lead
    v = apply(v, { kind: 'acknowledge' }, qlttOfficer, later(T0, 4 * HOUR));
    expect(v.status).toBe('ACKNOWLEDGED');
    expect(clocks(v)).toEqual(['SANCTIONING_LIMITATION', 'VERIFICATION']); // everyone acknowledged

    v = apply(v, { kind: 'startVerification' }, qlttOfficer, later(T0, 5 * HOUR));
    expect(v.status).toBe('UNDER_VERIFICATION');
  });

  it('lets the system notify before the hold is confirmed, and the carrier confirm later', () => {
    let v = apply(detectedCase(), { kind: 'notify' }, system, later(T0, HOUR));
    expect(v.status).toBe('NOTIFIED');
    v = apply(v, { kind: 'confirmHold', holdRecordRef: 'BB-001' }, carrier, later(T0, 2 * HOUR));
    expect(v.status).toBe('NOTIFIED');
    expect(v.flags.holdConfirmed).toBe(true);
    expect(clocks(v)).not.toContain('HOLD_CONFIRMATION');
  });

  it('lets the lead acknowledge first, the other agency later', () => {
    const { view, now } = applyAll(
      detectedCase(),
      [
        [{ kind: 'notify' }, system],
        [{ kind: 'acknowledge' }, qlttOfficer],
        [{ kind: 'startVerification' }, qlttOfficer],
      ],
      T0,
    );
    expect(clocks(view)).toContain('AGENCY_ACKNOWLEDGEMENT'); // DEPT has not acknowledged yet
    const after = apply(view, { kind: 'acknowledge' }, deptOfficer, later(now, HOUR));
    expect(after.status).toBe('UNDER_VERIFICATION');
    expect(clocks(after)).not.toContain('AGENCY_ACKNOWLEDGEMENT');
  });

  it('asks the carrier for information and takes its answer', () => {
    let { view: v, now } = caseAt(TO_VERIFICATION);
    v = apply(v, { kind: 'requestInformation', question: 'Sender’s invoice?' }, deptOfficer, later(now, HOUR));
    expect(allowedActions(v, carrier, now)).toContain('respondInformation');
    v = apply(v, { kind: 'respondInformation', answer: 'Attached.' }, carrier, later(now, 2 * HOUR));
    expect(v.flags.informationRequested).toBe(false);
    expect(v.status).toBe('UNDER_VERIFICATION');
  });

  it('re-routes to another agency, which must acknowledge before it acts', () => {
    let { view: v, now } = caseAt(TO_VERIFICATION);
    v = apply(v, { kind: 'addAgency', agencyId: 'TH-POLICE', reason: 'weapons found inside' }, deptOfficer, later(now, HOUR));
    expect(v.agencyIds).toEqual(['TH-QLTT', 'TH-DEPT', 'TH-POLICE']);
    expect(clocks(v)).toContain('AGENCY_ACKNOWLEDGEMENT');
    expectRefused(v, { kind: 'requestInformation', question: '?' }, policeOfficer, now, 'NOT_ACKNOWLEDGED');
    v = apply(v, { kind: 'acknowledge' }, policeOfficer, later(now, 2 * HOUR));
    expect(v.status).toBe('UNDER_VERIFICATION');
    v = apply(v, { kind: 'requestInformation', question: '?' }, policeOfficer, later(now, 3 * HOUR));
    expect(v.flags.informationRequested).toBe(true);
  });

  it('hands the lead over when the lead agency re-routes as lead', () => {
    let { view: v, now } = caseAt(TO_VERIFICATION);
    v = apply(v, { kind: 'addAgency', agencyId: 'TH-POLICE', reason: 'crime', asLead: true }, qlttOfficer, later(now, HOUR));
    expect(v.leadAgencyId).toBe('TH-POLICE');
    expectRefused(v, { kind: 'clear', reason: 'x' }, qlttOfficer, now, 'NOT_LEAD_AGENCY');
    v = apply(v, { kind: 'acknowledge' }, policeOfficer, later(now, 2 * HOUR));
    v = apply(v, { kind: 'refer', reason: 'signs of a crime' }, policeOfficer, later(now, 3 * HOUR));
    expect(v.status).toBe('REFERRED');
  });

  it('extends the verification clock once, with a reason', () => {
    let { view: v, now } = caseAt(TO_VERIFICATION);
    const before = v.deadlines.find((d) => d.clock === 'VERIFICATION')!;
    const extend = { kind: 'extendDeadline', clock: 'VERIFICATION', extension: 'WITH_REASON', reason: 'lab test' } as const;
    v = apply(v, extend, qlttOfficer, later(now, HOUR));
    const after = v.deadlines.find((d) => d.clock === 'VERIFICATION')!;
    expect(Date.parse(after.dueAt)).toBeGreaterThan(Date.parse(before.dueAt));
    expect(after.startedAt).toBe(before.startedAt);
    expect(after.extensions).toEqual(['WITH_REASON']);
    expectRefused(v, extend, qlttOfficer, now, 'EXTENSION_NOT_ALLOWED');
  });
});

describe('outcomes of verification', () => {
  it('cleared → released by the carrier → closed', () => {
    let { view: v, now } = caseAt(TO_VERIFICATION);
    v = apply(v, { kind: 'clear', reason: 'genuine goods, invoice checked' }, qlttOfficer, later(now, HOUR));
    expect(v.status).toBe('CLEARED');
    expect(clocks(v)).toEqual([]);
    expect(allowedActions(v, carrier, now)).toEqual(['release', 'addNote', 'addEvidence']);
    v = apply(v, { kind: 'release' }, carrier, later(now, 2 * HOUR));
    expect(v.status).toBe('CLOSED');
    expect(isClosed(v.status)).toBe(true);
    expect(allowedActions(v, carrier, now)).toEqual([]); // a closed case takes no more steps, notes neither
  });

  it('referred → closed as referred, and back to the administrative track if dropped', () => {
    let { view: v, now } = caseAt(TO_VERIFICATION);
    v = apply(v, { kind: 'refer', reason: 'large quantity', investigatingBody: 'PC03' }, qlttOfficer, later(now, HOUR));
    expect(v.status).toBe('REFERRED');
    expect(isClosed(v.status)).toBe(true);
    expect(clocks(v)).toEqual([]);
    v = apply(v, { kind: 'returnFromInvestigation', reason: 'investigation not opened' }, qlttOfficer, later(now, 30 * DAY));
    expect(v.status).toBe('VIOLATION_CONFIRMED');
    expect(clocks(v)).toEqual(['SANCTIONING_LIMITATION', 'VIOLATION_RECORD']);
  });

  it('referral is still possible after a violation is recorded', () => {
    const { view, now } = caseAt([...TO_VERIFICATION, ...TO_PROPOSAL]);
    expect(checkAction(view, { kind: 'refer', reason: 'organised ring' }, qlttOfficer, now)).toEqual({ ok: true, next: 'REFERRED' });
  });
});

describe('the administrative track', () => {
  const decided = () => {
    const { view, now } = caseAt([...TO_VERIFICATION, ...TO_PROPOSAL]);
    return {
      view: apply(view, { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-01' }, qlttTeamLead, later(now, HOUR)),
      now: later(now, HOUR),
    };
  };

  it('violation → record → proposal → decision → served → paid → closed', () => {
    let { view: v, now } = caseAt(TO_VERIFICATION);
    v = apply(v, { kind: 'confirmViolation', against: 'SENDER', summary: 'counterfeit watches' }, qlttOfficer, (now = later(now, HOUR)));
    expect(v.status).toBe('VIOLATION_CONFIRMED');
    expect(clocks(v)).toEqual(['SANCTIONING_LIMITATION', 'VIOLATION_RECORD']);

    v = apply(v, { kind: 'recordViolation', recordNumber: 'BB-VPHC-01', seized: true }, qlttOfficer, (now = later(now, HOUR)));
    expect(v.status).toBe('VIOLATION_RECORDED');
    expect(clocks(v)).toEqual(['SANCTIONING_LIMITATION', 'SANCTION_DECISION', 'TEMPORARY_SEIZURE']);

    v = apply(v, PROPOSAL, qlttOfficer, (now = later(now, HOUR)));
    expect(v.status).toBe('SANCTION_PROPOSED');
    expect(allowedActions(v, qlttOfficer, now)).not.toContain('decideSanction');
    expect(allowedActions(v, qlttTeamLead, now)).toContain('decideSanction');

    v = apply(v, { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-01' }, qlttTeamLead, (now = later(now, HOUR)));
    expect(v.status).toBe('DECIDED');
    expect(clocks(v)).toEqual(['ENFORCEMENT_LIMITATION', 'SERVE_DECISION']);

    v = apply(v, { kind: 'serveDecision', method: 'IN_PERSON' }, qlttOfficer, (now = later(now, HOUR)));
    expect(v.status).toBe('DECISION_SERVED');
    expect(clocks(v)).toEqual(['ENFORCEMENT_LIMITATION', 'PAYMENT']);

    v = apply(v, { kind: 'recordPayment', amountVnd: 5_000_000 }, qlttOfficer, (now = later(now, DAY)));
    expect(v.status).toBe('DECISION_SERVED'); // part payment
    v = apply(v, { kind: 'recordPayment', amountVnd: 10_000_000, receiptRef: 'KB-2' }, system, (now = later(now, DAY)));
    expect(v.status).toBe('PAID');
    expect(clocks(v)).toEqual([]);

    v = apply(v, { kind: 'close' }, system, later(now, HOUR));
    expect(v.status).toBe('CLOSED');
  });

  it('unpaid → enforcement after the payment period → closed', () => {
    let { view: v, now } = decided();
    v = apply(v, { kind: 'serveDecision', method: 'POST' }, qlttOfficer, (now = later(now, HOUR)));
    expectRefused(v, { kind: 'startEnforcement' }, system, now, 'PAYMENT_NOT_DUE');
    now = new Date(Date.parse(v.fine!.dueAt!) + 1);
    v = apply(v, { kind: 'startEnforcement' }, system, now);
    expect(v.status).toBe('ENFORCEMENT');
    v = apply(v, { kind: 'recordEnforcement', measure: 'ACCOUNT_DEDUCTION', collectedVnd: 15_000_000 }, qlttOfficer, later(now, DAY));
    expect(v.status).toBe('CLOSED');
  });

  it('a late payment owes interest: paying only the fine does not settle the case (LHAV Art. 78: late days end the day before payment)', () => {
    let { view: v, now } = decided();
    v = apply(v, { kind: 'serveDecision', method: 'POST' }, qlttOfficer, later(now, HOUR));
    const tenDaysLate = new Date(Date.parse(v.fine!.dueAt!) + 10 * DAY);
    v = apply(v, { kind: 'startEnforcement' }, system, tenDaysLate);
    v = apply(v, { kind: 'recordPayment', amountVnd: 15_000_000 }, qlttOfficer, tenDaysLate);
    expect(v.status).toBe('ENFORCEMENT');
    expectRefused(v, { kind: 'recordPayment', amountVnd: 67_501 }, qlttOfficer, tenDaysLate, 'AMOUNT_EXCEEDS_OUTSTANDING');
    v = apply(v, { kind: 'recordPayment', amountVnd: 67_500 }, qlttOfficer, tenDaysLate); // 15 m × 9 days × 0.05 %
    expect(v.status).toBe('PAID');
  });

  it('no sanction, with reasons → released → closed (or closed by the system)', () => {
    const { view, now } = caseAt([...TO_VERIFICATION, ...TO_PROPOSAL]);
    const v = apply(
      view,
      { kind: 'decideSanction', outcome: 'noSanction', reason: 'LHAV Art. 65: no fault' },
      qlttTeamLead,
      later(now, HOUR),
    );
    expect(v.status).toBe('NO_SANCTION');
    expect(clocks(v)).toEqual([]);
    expect(apply(v, { kind: 'release' }, carrier, later(now, 2 * HOUR)).status).toBe('CLOSED');
    expect(apply(v, { kind: 'close' }, system, later(now, 2 * HOUR)).status).toBe('CLOSED');
  });

  it('sent back → proposed again, the decision clock still counting from the record', () => {
    const { view, now } = caseAt([...TO_VERIFICATION, ...TO_PROPOSAL]);
    const started = view.deadlines.find((d) => d.clock === 'SANCTION_DECISION')!.startedAt;
    let v = apply(view, { kind: 'decideSanction', outcome: 'sendBack', reason: 'wrong article' }, qlttTeamLead, later(now, HOUR));
    expect(v.status).toBe('VIOLATION_RECORDED');
    expect(v.deadlines.find((d) => d.clock === 'SANCTION_DECISION')!.startedAt).toBe(started);
    v = apply(v, { ...PROPOSAL, legalArticle: 'Decree 15/2020, corrected article' }, qlttOfficer, later(now, 2 * HOUR));
    expect(v.status).toBe('SANCTION_PROPOSED');
  });

  it('expires when the sanctioning limitation passes, and not before', () => {
    const { view, now } = caseAt([...TO_VERIFICATION, ...TO_PROPOSAL]);
    expectRefused(view, { kind: 'expire', clock: 'SANCTIONING_LIMITATION' }, system, now, 'LIMITATION_NOT_PASSED');
    const aYearOn = later(T0, 367 * DAY);
    expectRefused(view, { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-9' }, qlttTeamLead, aYearOn, 'LIMITATION_PASSED');
    expect(apply(view, { kind: 'expire', clock: 'SANCTIONING_LIMITATION' }, system, aYearOn).status).toBe('EXPIRED');
  });
});
