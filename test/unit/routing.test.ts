import { describe, expect, it } from 'vitest';
import { agencyFor, routeCase, RoutingError, type Agency, type RoutingInput } from '../../domain/routing.js';
import { AGENCIES, ITEM_CATEGORIES, PROVINCES } from '../../domain/reference-data.js';

const AT = new Date('2026-03-02T03:00:00Z');
const plain = { crossBorder: false, signsOfCrime: false, kt1: false, provinceCode: 'TH' };
const route = (input: Partial<RoutingInput> & { category: string }) => routeCase({ ...plain, ...input }, ITEM_CATEGORIES, AGENCIES, AT);

/** Who each category goes to in Thanh Hóa, the lead first, written out by hand. */
const BY_CATEGORY: [string, string[]][] = [
  ['NARCOTICS', ['TH-POLICE', 'TH-DEPT']],
  ['WEAPONS', ['TH-POLICE', 'TH-DEPT']],
  ['TOXIC_RADIOACTIVE', ['TH-POLICE', 'TH-DEPT']],
  ['BIOHAZARD', ['TH-POLICE', 'TH-DEPT']],
  ['ANTI_STATE', ['TH-POLICE', 'TH-DEPT']],
  ['STATE_SECRET', ['TH-POLICE', 'TH-DEPT', 'NATIONAL-KT1']],
  ['IMMORAL_CULTURE', ['TH-QLTT', 'TH-DEPT']],
  ['COUNTERFEIT', ['TH-QLTT', 'TH-DEPT']],
  ['SMUGGLED', ['TH-QLTT', 'TH-DEPT']],
  ['BANNED_TRADE', ['TH-QLTT', 'TH-POLICE', 'TH-DEPT']],
  ['IMPORT_EXPORT_BANNED', ['TH-CUSTOMS', 'TH-DEPT']],
  ['CURRENCY', ['TH-DEPT', 'TH-POLICE']],
  ['DANGEROUS_GOODS', ['TH-DEPT']],
  ['LIVE_ORGANISMS', ['TH-DEPT']],
  ['OTHER', ['TH-DEPT']],
];

describe('routing by category (docs/domain-model.md, "Routing")', () => {
  it.each(BY_CATEGORY)('%s goes to %j, the first leading', (category, notify) => {
    expect(route({ category })).toEqual({ lead: notify[0], notify, restricted: false });
  });

  it('has a row above for every seeded category, and none for a category not seeded', () => {
    expect(BY_CATEGORY.map(([code]) => code).sort()).toEqual(ITEM_CATEGORIES.map((c) => c.code).sort());
  });
});

describe('routing rules', () => {
  it('adds CUSTOMS for a cross-border item, without duplicates', () => {
    expect(route({ category: 'COUNTERFEIT', crossBorder: true }).notify).toEqual(['TH-QLTT', 'TH-DEPT', 'TH-CUSTOMS']);
    expect(route({ category: 'IMPORT_EXPORT_BANNED', crossBorder: true }).notify).toEqual(['TH-CUSTOMS', 'TH-DEPT']);
  });

  it('adds POLICE for signs of a crime, without duplicates', () => {
    expect(route({ category: 'SMUGGLED', signsOfCrime: true }).notify).toEqual(['TH-QLTT', 'TH-DEPT', 'TH-POLICE']);
    expect(route({ category: 'NARCOTICS', signsOfCrime: true }).notify).toEqual(['TH-POLICE', 'TH-DEPT']);
  });

  it('adds both for a cross-border item with signs of a crime, the lead unchanged', () => {
    expect(route({ category: 'DANGEROUS_GOODS', crossBorder: true, signsOfCrime: true })).toEqual({
      lead: 'TH-DEPT',
      notify: ['TH-DEPT', 'TH-CUSTOMS', 'TH-POLICE'],
      restricted: false,
    });
  });

  it('sends a KT1 case to the KT1 focal point and the police only, restricted', () => {
    for (const category of ['OTHER', 'COUNTERFEIT', 'NARCOTICS']) {
      expect(route({ category, kt1: true, crossBorder: true })).toEqual({
        lead: 'NATIONAL-KT1',
        notify: ['NATIONAL-KT1', 'TH-POLICE'],
        restricted: true,
      });
    }
  });

  it('uses the agencies of the case’s province', () => {
    expect(route({ category: 'COUNTERFEIT', provinceCode: 'HN' }).notify).toEqual(['HN-QLTT', 'HN-DEPT']);
    expect(route({ category: 'STATE_SECRET', provinceCode: 'HCM' }).notify).toEqual(['HCM-POLICE', 'HCM-DEPT', 'NATIONAL-KT1']);
  });
});

describe('routing errors and validity dates', () => {
  const err = (fn: () => unknown): RoutingError => {
    try {
      fn();
    } catch (e) {
      return e as RoutingError;
    }
    throw new Error('expected a RoutingError');
  };

  it('refuses an unknown category', () => {
    const e = err(() => route({ category: 'UNICORNS' }));
    expect(e).toBeInstanceOf(RoutingError);
    expect(e.code).toBe('UNKNOWN_CATEGORY');
  });

  it('refuses a province without the agency', () => {
    expect(err(() => route({ category: 'COUNTERFEIT', provinceCode: 'XX' })).code).toBe('AGENCY_NOT_FOUND');
  });

  const dept = (id: string, validFrom: string, validTo: string | null): Agency => ({
    id,
    kind: 'DEPT',
    provinceCode: 'TH',
    name: id,
    nameEn: id,
    validFrom,
    validTo,
  });
  const renamed = [dept('TH-STTTT', '2020-01-01', '2025-03-01'), dept('TH-DEPT', '2025-03-01', null)];

  it('picks the agency valid on the VN date of `at`', () => {
    expect(agencyFor('DEPT', 'TH', renamed, new Date('2025-02-28T16:30:00Z')).id).toBe('TH-STTTT'); // 23:30 VN
    expect(agencyFor('DEPT', 'TH', renamed, new Date('2025-02-28T17:30:00Z')).id).toBe('TH-DEPT'); // 00:30 VN
  });

  it('refuses overlapping rows rather than guessing', () => {
    const overlap = [...renamed, dept('TH-DEPT-2', '2025-06-01', null)];
    expect(err(() => agencyFor('DEPT', 'TH', overlap, AT)).code).toBe('AGENCY_AMBIGUOUS');
  });

  it('finds national agencies whatever the province', () => {
    expect(agencyFor('INSPECTORATE', 'HCM', AGENCIES, AT).id).toBe('NATIONAL-INSPECTION-UNIT');
  });

  it('resolves every provincial kind in every seeded province', () => {
    for (const p of PROVINCES) {
      for (const kind of ['POLICE', 'QLTT', 'CUSTOMS', 'DEPT'] as const) {
        expect(agencyFor(kind, p.code, AGENCIES, AT).id).toBe(`${p.code}-${kind}`);
      }
    }
  });
});
