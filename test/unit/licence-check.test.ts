// The registry check at detection (issue 15): a case against a carrier with no licence or
// notification valid that day carries a finding event the department's managers hear of; the
// case shows the service point the carrier named and whether the registry knows it.
import { describe, expect, it } from 'vitest';
import { numbered, openingStep } from '../../domain/case-opening.js';
import { licenceFindingStep, takeStep } from '../../domain/case-step.js';
import { licenceFindingOf, type RegistryStanding } from '../../domain/registry-standing.js';
import { DETECTION, PLAN, system, T0 } from './fixtures.js';

const POINT = { code: 'TH-HH-01', name: 'Bưu điện xã Hoằng Đạo', provinceCode: 'TH', communeLevel: true, remote: false };
const licensed: RegistryStanding = { on: '2026-03-02', licences: [{ id: 'GP-1', kind: 'LICENCE', number: '45/GP' }], servicePoint: POINT };
const unlicensed: RegistryStanding = { on: '2026-03-02', licences: [], servicePoint: null };

describe('the licence check', () => {
  it('finds nothing against a carrier licensed that day, and a finding against one that is not', () => {
    expect(licenceFindingOf('VNP', licensed, T0)).toBeNull();
    expect(licenceFindingOf('XYZ', unlicensed, T0)).toEqual({
      kind: 'NO_VALID_LICENCE',
      carrierId: 'XYZ',
      on: '2026-03-02',
      recordedAt: T0.toISOString(),
    });
  });

  it('records the finding as the second event, on the case, and tells the department’s managers', () => {
    const { state } = openingStep('case-1', DETECTION, { ...PLAN, registry: unlicensed }, T0);
    const finding = licenceFindingOf(DETECTION.carrierId, unlicensed, T0)!;
    const step = licenceFindingStep(numbered(state, 'TH-2026-000001'), finding, T0);
    expect(step.write.event).toMatchObject({ seq: 2, type: 'LICENCE_FINDING', actor: system, payload: { finding } });
    expect(step.write.view.licenceFinding).toEqual(finding);
    expect(step.write.notices).toEqual([
      { recipient: 'agency:TH-DEPT/managers', kind: 'LICENCE_FINDING', payload: { number: 'TH-2026-000001', finding } },
    ]);
    // the case goes on as any other: the notification is the next step, and the finding stays on it
    const notified = takeStep(step.state, { kind: 'notify' }, system, T0);
    expect(notified.ok && notified.write.event.seq).toBe(3);
    expect(notified.ok && notified.write.view.licenceFinding).toEqual(finding);
  });
});

describe('the service point at intake', () => {
  it('shows the registered point a code names, and free text as not registered', () => {
    const registered = openingStep('case-1', { ...DETECTION, servicePoint: 'TH-HH-01' }, { ...PLAN, registry: licensed }, T0);
    expect(registered.state.view.servicePoint).toEqual({ given: 'TH-HH-01', registered: POINT });
    expect(registered.registration.event.payload).toMatchObject({ registry: licensed });
    const free = openingStep('case-2', DETECTION, { ...PLAN, registry: unlicensed }, T0);
    expect(free.state.view.servicePoint).toEqual({ given: DETECTION.servicePoint, registered: null });
  });

  it('leaves a case planned before the registry check as it was (no field, no registry in the event)', () => {
    const { state, registration } = openingStep('case-1', DETECTION, PLAN, T0);
    expect('servicePoint' in state.view).toBe(false);
    expect(Object.keys(registration.event.payload as object)).toEqual(['detection', 'route']);
  });
});
