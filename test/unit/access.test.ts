import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agencyProvinceRefusal, canView, PARTIES, PARTY_ROLES, ROLES, type Actor, type Party, type Role } from '../../domain/access.js';
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

describe('who may act (docs/domain-model.md, "Who may act")', () => {
  // written out by hand, cell by cell: the rule, not a copy of PARTY_ROLES
  const RULE: Record<Party, Record<Role, boolean>> = {
    OWN_CARRIER: { carrier: true, officer: false, manager: false, admin: false, system: false },
    NOTIFIED_AGENCY: { carrier: false, officer: true, manager: true, admin: false, system: false },
    ROUTED_AGENCY: { carrier: false, officer: true, manager: true, admin: false, system: false },
    LEAD_AGENCY: { carrier: false, officer: true, manager: true, admin: false, system: false },
    OVERSIGHT: { carrier: false, officer: false, manager: true, admin: true, system: false },
    SYSTEM: { carrier: false, officer: false, manager: false, admin: false, system: true },
  };

  it.each(PARTIES.flatMap((p) => ROLES.map((r) => [p, r] as const)))('%s · %s', (party, role) => {
    expect(PARTY_ROLES[party].includes(role)).toBe(RULE[party][role]);
  });

  it('is the table the documentation shows', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../docs/domain-model.md'), 'utf8');
    const section = doc.split('### Who may act')[1]!.split('\n## ')[0]!;
    const [header, , ...rows] = section.split('\n').filter((l) => l.startsWith('|'));
    const cells = (l: string) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
    expect(cells(header!).slice(1)).toEqual([...ROLES]);
    const shown = Object.fromEntries(
      rows.map((l) => [cells(l)[0]!.replaceAll('`', ''), Object.fromEntries(ROLES.map((r, i) => [r, cells(l)[i + 1] === '✓']))]),
    );
    expect(shown).toEqual(RULE);
  });
});

describe('a person bound to an agency', () => {
  const th = { id: 'TH-QLTT', provinceCode: 'TH' };
  const national = { id: 'NATIONAL-KT1', provinceCode: null };
  it.each<[string, Role, string | undefined, { id: string; provinceCode: string | null }, boolean]>([
    ['an officer of the agency’s province', 'officer', 'TH', th, true],
    ['an officer without a province', 'officer', undefined, th, true],
    ['an officer of another province', 'officer', 'HN', th, false],
    ['a manager of the agency’s province', 'manager', 'TH', th, true],
    ['a manager of another province', 'manager', 'HN', th, false],
    ['a provincial agency’s manager without a province (national scope)', 'manager', undefined, th, false],
    ['a national agency’s officer', 'officer', undefined, national, true],
    ['a national agency’s officer with a province', 'officer', 'TH', national, false],
    ['a national agency’s manager', 'manager', undefined, national, true],
  ])('%s', (_, role, provinceCode, agency, accepted) => {
    expect(agencyProvinceRefusal({ role, provinceCode }, agency) === null).toBe(accepted);
  });
});
