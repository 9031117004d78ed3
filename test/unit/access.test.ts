import { describe, expect, it } from 'vitest';
import { canView, type Actor } from '../../domain/access.js';
import {
  admin,
  carrier,
  deptManager,
  deptOfficer,
  detectedCase,
  nationalManager,
  otherCarrier,
  policeOfficer,
  qlttOfficer,
  system,
} from './fixtures.js';
import { hanoiManager, kt1Officer, policeManager, qlttManager } from '../support/actors.js';

const ordinary = detectedCase();
const kt1 = detectedCase({
  leadAgencyId: 'NATIONAL-KT1',
  agencyIds: ['NATIONAL-KT1', 'TH-POLICE'],
  flags: { ...ordinary.flags, kt1: true, restricted: true },
});
const inspector: Actor = { id: 'u-insp', role: 'officer', agencyId: 'NATIONAL-INSPECTORATE', agencyKind: 'INSPECTORATE' };

describe('canView', () => {
  it.each<[string, Actor, boolean, boolean]>([
    // actor, sees an ordinary case, sees a KT1 case
    ['the reporting carrier', carrier, true, true],
    ['another carrier', otherCarrier, false, false],
    ['a QLTT officer (routed on the ordinary case only)', qlttOfficer, true, false],
    ['a police officer (routed on the KT1 case only)', policeOfficer, false, true],
    ['the KT1 focal point', kt1Officer, false, true],
    ['the department’s manager in the province', deptManager, true, true],
    ['another agency’s manager in the province', qlttManager, true, false],
    ['a routed agency’s manager', policeManager, true, true],
    ['a manager of another province', hanoiManager, false, false],
    ['a national manager', nationalManager, true, false],
    ['a ministry inspector (national scope, not KT1)', inspector, true, false],
    ['an admin', admin, true, true],
    ['the workflow', system, true, true],
  ])('%s', (_, actor, seesOrdinary, seesKt1) => {
    expect(canView(ordinary, actor)).toBe(seesOrdinary);
    expect(canView(kt1, actor)).toBe(seesKt1);
  });

  it('does not let a carrier without a carrier id see anything', () => {
    expect(canView(ordinary, { id: 'x', role: 'carrier' })).toBe(false);
  });

  it('lets a DEPT officer see a case routed to DEPT', () => {
    expect(canView(ordinary, deptOfficer)).toBe(true);
  });
});
