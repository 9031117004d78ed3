// The ways into the pipeline besides a carrier's report (domain/case-origins.ts), taken by the
// workflow's own pure steps: an agency's emergency stop and an inspection's finding.
import { describe, expect, it } from 'vitest';
import { numbered, openingStep, type DetectionInput } from '../../domain/case-opening.js';
import { routedByOrigin, type AgencyOrigin } from '../../domain/case-origins.js';
import { agencyCaseRefusal } from '../../domain/access.js';
import { followUpOf } from '../../domain/case-states.js';
import { takeStep, type CaseState } from '../../domain/case-step.js';
import type { CaseAction } from '../../domain/case-actions.js';
import type { Actor } from '../../domain/access.js';
import { officer } from '../support/actors.js';
import { carrier, deptOfficer, DETECTION, PLAN, system, T0, later, HOUR } from './fixtures.js';

const police = officer('TH-POLICE', 'police-officer-1');
const STOP: AgencyOrigin = {
  kind: 'EMERGENCY_STOP',
  agencyId: 'TH-POLICE',
  reason: 'Nghi vận chuyển pháo nổ',
  legalBasis: 'Chỉ thị UBND tỉnh Thanh Hóa, mục 7 điểm b',
};
const INSPECTION: AgencyOrigin = {
  kind: 'INSPECTION',
  agencyId: 'TH-DEPT',
  finding: 'NOT_INSPECTED',
  legalBasis: 'CT 28/CT-BTTTT mục 8; NĐ 15/2020 Điều 9',
  violationDate: '2026-02-27',
};
const stopInput: DetectionInput = { ...DETECTION, carrierRef: 'stop~1', origin: STOP, reportedBy: police, tipId: 'tip-1' };
const inspectionInput: DetectionInput = {
  ...DETECTION,
  carrierRef: 'inspection~1',
  trackingNumber: '',
  origin: INSPECTION,
  reportedBy: deptOfficer,
};
const kinds = (id: string) => (({ 'TH-POLICE': 'POLICE', 'TH-QLTT': 'QLTT', 'TH-DEPT': 'DEPT' }) as const)[id];

function taken(state: CaseState, action: CaseAction, actor: Actor, at: Date): CaseState {
  const step = takeStep(state, action, actor, at);
  if (!step.ok) expect.fail(`${action.kind} refused: ${step.code} ${step.reason}`);
  return step.state;
}

describe('TH §7(b): an emergency stop requested by an agency', () => {
  const plan = routedByOrigin(PLAN, STOP, kinds);

  it('TH §7(b): the requesting agency leads, the item’s agencies follow', () => {
    expect(plan).toMatchObject({ leadAgencyId: 'TH-POLICE', agencyIds: ['TH-POLICE', 'TH-QLTT', 'TH-DEPT'], restricted: false });
    expect(plan.agencyKinds).toEqual(['POLICE', 'QLTT', 'DEPT']);
  });

  it('TH §7(b): opens waiting for the carrier’s hold, the hold clock running, the carrier told; the tip stays off the event', () => {
    const { state, registration } = openingStep('case-stop', stopInput, plan, T0);
    expect(state.view).toMatchObject({ status: 'DETECTED', origin: STOP, leadAgencyId: 'TH-POLICE' });
    expect(state.clocks.map((c) => c.clock)).toEqual(['HOLD_CONFIRMATION', 'SANCTIONING_LIMITATION']);
    expect(registration.notices).toEqual([
      {
        recipient: 'carrier:VNP',
        kind: 'DETECTED',
        payload: {
          origin: 'EMERGENCY_STOP',
          status: 'DETECTED',
          trackingNumber: 'EE123456789VN',
          reason: STOP.reason,
          legalBasis: STOP.legalBasis,
        },
      },
    ]);
    expect(registration.detection.tipId).toBe('tip-1'); // the row keeps it
    expect(JSON.stringify(registration.event.payload)).not.toContain('tip-1');
  });

  it('TH §7(b): from the carrier’s hold on, the agencies are notified and the procedure follows with the requester as lead', () => {
    const opened = numbered(openingStep('case-stop', stopInput, plan, T0).state, 'TH-2026-000009');
    expect(followUpOf(opened.view)).toBeUndefined();
    const held = taken(opened, { kind: 'confirmHold', holdRecordRef: 'BB-01' }, carrier, later(T0, HOUR));
    expect(held.view.status).toBe('HELD');
    expect(held.view.deadlines.map((d) => d.clock)).not.toContain('HOLD_CONFIRMATION');
    expect(followUpOf(held.view)).toEqual({ kind: 'notify' });
    const notified = taken(held, { kind: 'notify' }, system, later(T0, HOUR));
    expect(notified.view.status).toBe('NOTIFIED');
    expect(notified.view.deadlines.map((d) => d.clock)).toContain('AGENCY_ACKNOWLEDGEMENT');
    const acked = taken(notified, { kind: 'acknowledge' }, police, later(T0, 2 * HOUR));
    expect(acked.view.status).toBe('ACKNOWLEDGED');
  });

  it('TH §7(b): a carrier’s own report is notified at once, as before', () => {
    const { state } = openingStep('case-1', DETECTION, PLAN, T0);
    const held = taken(numbered(state, 'TH-2026-000001'), { kind: 'confirmHold', holdRecordRef: 'BB' }, carrier, T0);
    expect(followUpOf(held.view)).toBeUndefined();
  });
});

describe('CT 28 §3, §5, §8; TH §1(b), §2(b): a finding of an inspection of a carrier', () => {
  const plan = routedByOrigin(PLAN, INSPECTION, kinds);

  it('CT 28 §8: the inspecting agency leads, with the province’s department', () => {
    expect(plan).toMatchObject({ leadAgencyId: 'TH-DEPT', agencyIds: ['TH-DEPT'], agencyKinds: ['DEPT'] });
    expect(routedByOrigin(PLAN, { ...INSPECTION, agencyId: 'TH-POLICE' }, kinds).agencyIds).toEqual(['TH-POLICE', 'TH-DEPT']);
  });

  it('CT 28 §8: opens at VIOLATION_CONFIRMED against the carrier, the record clock running and no hold to confirm', () => {
    const { state, registration } = openingStep('case-insp', inspectionInput, plan, T0);
    expect(state.view).toMatchObject({
      status: 'VIOLATION_CONFIRMED',
      leadAgencyId: 'TH-DEPT',
      acknowledgements: [{ agencyId: 'TH-DEPT', by: deptOfficer.id }],
      violation: { against: 'CARRIER', violationDate: '2026-02-27', recordNumber: null },
    });
    expect(state.clocks.map((c) => c.clock)).toEqual(['VIOLATION_RECORD', 'SANCTIONING_LIMITATION']);
    expect(registration.notices.map((n) => n.recipient)).toEqual(['carrier:VNP']);
    // LHAV Art. 6: the limitation counts from the violation, not the inspection
    expect(state.clocks.find((c) => c.clock === 'SANCTIONING_LIMITATION')!.startedAt).toBe('2026-02-26T17:00:00.000Z');
  });

  it('CT 28 §8: the lead records the violation and proposes a sanction, as on any administrative track', () => {
    const opened = numbered(openingStep('case-insp', inspectionInput, plan, T0).state, 'TH-2026-000010');
    expect(followUpOf(opened.view)).toBeUndefined();
    const recorded = taken(opened, { kind: 'recordViolation', recordNumber: 'BBVP-INS-1', seized: false }, deptOfficer, later(T0, HOUR));
    expect(recorded.view.status).toBe('VIOLATION_RECORDED');
    expect(recorded.view.deadlines.map((d) => d.clock)).toContain('SANCTION_DECISION');
  });
});

describe('who opens an agency’s case', () => {
  it('TH §7(b), CT 28 §8: an officer of a competent agency, within its province', () => {
    expect(agencyCaseRefusal(police, 'TH')).toBeNull();
    expect(agencyCaseRefusal(police, 'HN')).toMatch(/TH, not HN/);
    expect(agencyCaseRefusal(carrier, 'TH')).toMatch(/only an officer/);
    expect(agencyCaseRefusal(officer('NATIONAL-KT1', 'kt1'), 'TH')).toMatch(/competent agency/);
  });
});
