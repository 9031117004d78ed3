// The pure rules of reports and the registry: periods in Hà Nội time, the period compared with,
// which period a schedule's firing reports, due dates, who may read which variant, licence and
// service point validity, and how two periods' aggregates become figures with their change.
import { describe, expect, it } from 'vitest';
import {
  dueDateOf,
  latestEndedPeriod,
  periodBounds,
  periodViolations,
  previousPeriod,
  reportAsOf,
  reportKey,
  type ReportPeriod,
} from '../../domain/report-period.js';
import { canReadReport, defaultKt1Mode, readableKt1Modes } from '../../domain/report-access.js';
import { licenceConflicts, licenceValidOn, licenceViolations, servicePointOpenOn, type Licence } from '../../domain/registry-rules.js';
import { buildReportContent, emptyPeriodFigures, tableOf } from '../../domain/report-content.js';
import { REPORT_DUE_DATES } from '../../domain/reference/report-due-dates.js';
import type { Actor } from '../../domain/access.js';

const iso = (d: Date) => d.toISOString();

describe('periods', () => {
  it('run from 00:00 of the first day to 00:00 after the last, in Hà Nội time (UTC+7)', () => {
    expect(periodBounds({ kind: 'H1', year: 2027 })).toEqual({
      startsAt: new Date('2026-12-31T17:00:00.000Z'),
      endsAt: new Date('2027-06-30T17:00:00.000Z'),
    });
    expect(iso(periodBounds({ kind: 'YEAR', year: 2027 }).endsAt)).toBe('2027-12-31T17:00:00.000Z');
    expect(iso(periodBounds({ kind: 'RANGE', from: '2027-03-01', to: '2027-03-01' }).endsAt)).toBe('2027-03-01T17:00:00.000Z');
  });

  it('compare with the same period a year before, or the range of as many days just before', () => {
    expect(previousPeriod({ kind: 'H1', year: 2027 })).toEqual({ kind: 'H1', year: 2026 });
    expect(previousPeriod({ kind: 'YEAR', year: 2027 })).toEqual({ kind: 'YEAR', year: 2026 });
    // 1 March–31 May 2027 is 92 days: the 92 days before it start on 29 November 2026
    expect(previousPeriod({ kind: 'RANGE', from: '2027-03-01', to: '2027-05-31' })).toEqual({
      kind: 'RANGE',
      from: '2026-11-29',
      to: '2027-02-28',
    });
  });

  it('a schedule firing reports the latest period ended by then, in Hà Nội time, and a catch-up the same one', () => {
    // 1 July 01:00 in Hà Nội is still 30 June in UTC
    expect(latestEndedPeriod('H1', new Date('2027-06-30T18:00:00Z'))).toEqual({ kind: 'H1', year: 2027 });
    expect(latestEndedPeriod('H1', new Date('2027-06-30T16:59:59Z'))).toEqual({ kind: 'H1', year: 2026 });
    expect(latestEndedPeriod('H1', new Date('2027-07-29T00:00:00Z'))).toEqual({ kind: 'H1', year: 2027 });
    expect(latestEndedPeriod('YEAR', new Date('2026-12-31T18:00:00Z'))).toEqual({ kind: 'YEAR', year: 2026 });
    expect(latestEndedPeriod('YEAR', new Date('2027-01-25T00:00:00Z'))).toEqual({ kind: 'YEAR', year: 2026 });
  });

  it('stand as of their end once over, else as of now', () => {
    const p: ReportPeriod = { kind: 'H1', year: 2027 };
    expect(reportAsOf(p, new Date('2027-05-01T00:00:00Z'))).toEqual({ asOf: new Date('2027-05-01T00:00:00Z'), asOfNow: true });
    expect(reportAsOf(p, new Date('2028-05-01T00:00:00Z'))).toEqual({ asOf: new Date('2027-06-30T17:00:00Z'), asOfNow: false });
  });

  it('are refused when they cannot be reported', () => {
    expect(periodViolations({ kind: 'RANGE', from: '2027-02-30', to: '2027-03-01' })).toEqual([
      { field: 'period.from', message: 'must be a real date YYYY-MM-DD' },
    ]);
    expect(periodViolations({ kind: 'RANGE', from: '2027-03-02', to: '2027-03-01' })[0]!.field).toBe('period.to');
    expect(periodViolations({ kind: 'RANGE', from: '2020-01-01', to: '2026-01-01' })[0]!.message).toContain('at most');
    expect(periodViolations({ kind: 'YEAR', year: 27 })).toEqual([{ field: 'period.year', message: 'must be a year 2000–2999' }]);
    expect(periodViolations({ kind: 'H1', year: 2027 })).toEqual([]);
  });

  it('are due as the seeded rules say: H1 by 31 July, the year by 31 January after, both unverified', () => {
    expect(dueDateOf({ kind: 'H1', year: 2027 }, REPORT_DUE_DATES)).toMatchObject({ date: '2027-07-31', verify: true });
    expect(dueDateOf({ kind: 'YEAR', year: 2027 }, REPORT_DUE_DATES)).toMatchObject({ date: '2028-01-31', verify: true });
    expect(dueDateOf({ kind: 'RANGE', from: '2027-01-01', to: '2027-01-31' }, REPORT_DUE_DATES)).toBeNull();
  });

  it('key the parameters', () => {
    expect(reportKey({ scope: { kind: 'PROVINCE', provinceCode: 'TH' }, period: { kind: 'H1', year: 2027 }, kt1: 'EXCLUDED' })).toBe(
      'TH:2027-H1:EXCLUDED',
    );
    expect(reportKey({ scope: { kind: 'NATIONAL' }, period: { kind: 'RANGE', from: '2027-01-01', to: '2027-02-01' }, kt1: 'ONLY' })).toBe(
      'national:2027-01-01..2027-02-01:ONLY',
    );
  });
});

describe('who reads which report', () => {
  const TH = { kind: 'PROVINCE', provinceCode: 'TH' } as const;
  const HN = { kind: 'PROVINCE', provinceCode: 'HN' } as const;
  const NATIONAL = { kind: 'NATIONAL' } as const;
  const manager = (agencyKind: Actor['agencyKind'], provinceCode: string | null): Actor => ({
    id: 'm',
    role: 'manager',
    agencyKind,
    provinceCode,
  });

  it('KT1 figures only for those who see KT1 cases', () => {
    expect(readableKt1Modes(manager('DEPT', 'TH'), TH)).toEqual(['EXCLUDED', 'INCLUDED', 'ONLY']);
    expect(readableKt1Modes(manager('QLTT', 'TH'), TH)).toEqual(['EXCLUDED']);
    expect(readableKt1Modes(manager('DEPT', 'TH'), HN)).toEqual([]);
    expect(readableKt1Modes(manager('DEPT', 'TH'), NATIONAL)).toEqual([]);
    expect(readableKt1Modes(manager(null, null), HN)).toEqual(['EXCLUDED']);
    expect(readableKt1Modes(manager('KT1', null), NATIONAL)).toEqual(['EXCLUDED', 'INCLUDED', 'ONLY']);
    expect(readableKt1Modes({ id: 'o', role: 'officer', agencyKind: 'POLICE', provinceCode: 'TH' }, TH)).toEqual(['EXCLUDED']);
    expect(readableKt1Modes({ id: 'o', role: 'officer', agencyKind: 'POLICE', provinceCode: 'TH' }, HN)).toEqual([]);
    expect(readableKt1Modes({ id: 'i', role: 'officer', agencyKind: 'INSPECTORATE', provinceCode: null }, HN)).toEqual(['EXCLUDED']);
    expect(readableKt1Modes({ id: 'k', role: 'officer', agencyKind: 'KT1', provinceCode: null }, NATIONAL)).toEqual(['ONLY']);
    expect(readableKt1Modes({ id: 'c', role: 'carrier', carrierId: 'VNP' }, TH)).toEqual([]);
    expect(canReadReport({ id: 'a', role: 'admin' }, HN, 'INCLUDED')).toBe(true);
    expect(defaultKt1Mode(manager('DEPT', 'TH'), TH)).toBe('INCLUDED');
    expect(defaultKt1Mode(manager('QLTT', 'TH'), TH)).toBe('EXCLUDED');
    expect(defaultKt1Mode({ id: 'k', role: 'officer', agencyKind: 'KT1' }, NATIONAL)).toBe('ONLY');
  });
});

describe('registry rules', () => {
  const licence: Licence = {
    id: 'L1',
    carrierId: 'VNP',
    kind: 'LICENCE',
    number: '1/GP',
    issuingAuthority: 'Bộ TTTT',
    issuedOn: '2020-01-01',
    validTo: '2024-12-31',
    scope: 'INTER_PROVINCIAL',
    provinceCode: null,
  };

  it('a licence is valid from its first day to its last, both included', () => {
    expect(licenceValidOn(licence, '2019-12-31')).toBe(false);
    expect(licenceValidOn(licence, '2020-01-01')).toBe(true);
    expect(licenceValidOn(licence, '2024-12-31')).toBe(true);
    expect(licenceValidOn(licence, '2025-01-01')).toBe(false);
    expect(licenceValidOn({ issuedOn: '2020-01-01', validTo: null }, '2099-01-01')).toBe(true);
  });

  it('a renewal may start the day after, not on the last day', () => {
    const renewal = { ...licence, id: 'L2', number: '2/GP', issuedOn: '2025-01-01', validTo: '2029-12-31' };
    expect(licenceConflicts(renewal, [licence])).toEqual([]);
    expect(licenceConflicts({ ...renewal, issuedOn: '2024-12-31' }, [licence]).map((l) => l.id)).toEqual(['L1']);
    expect(licenceConflicts({ ...renewal, issuedOn: '2024-12-31', kind: 'NOTIFICATION', validTo: null }, [licence])).toEqual([]);
    expect(licenceViolations({ ...licence, kind: 'NOTIFICATION', validTo: null })).toEqual([]);
    expect(licenceViolations({ ...licence, validTo: null })[0]!.field).toBe('validTo');
  });

  it('a service point is open from validFrom up to, not including, validTo', () => {
    expect(servicePointOpenOn({ validFrom: '2026-01-01', validTo: '2026-02-01' }, '2026-01-31')).toBe(true);
    expect(servicePointOpenOn({ validFrom: '2026-01-01', validTo: '2026-02-01' }, '2026-02-01')).toBe(false);
  });
});

describe('report content', () => {
  const empty = emptyPeriodFigures;
  const request = {
    scope: { kind: 'PROVINCE' as const, provinceCode: 'TH' },
    period: { kind: 'YEAR' as const, year: 2027 },
    kt1: 'EXCLUDED' as const,
  };
  const at = { asOf: new Date('2027-12-31T17:00:00Z'), asOfNow: false };

  it('puts each figure beside the previous one with the change; a code of one period only is zero in the other', () => {
    const cur = {
      ...empty(),
      byCategory: { COUNTERFEIT: 3 },
      pledges: { TH: { registeredPoints: 3, coveredPoints: 2, pledgesSigned: 1 } },
    };
    const prev = {
      ...empty(),
      byCategory: { SMUGGLED: 2, COUNTERFEIT: 5 },
      pledges: { TH: { registeredPoints: 4, coveredPoints: 1, pledgesSigned: 0 } },
    };
    const c = buildReportContent(request, at, null, cur, prev);
    expect(tableOf(c, 'casesByCategory').rows).toEqual([
      { key: 'COUNTERFEIT', figures: { detected: { value: 3, previous: 5, change: -2 } } },
      { key: 'SMUGGLED', figures: { detected: { value: 0, previous: 2, change: -2 } } },
    ]);
    expect(tableOf(c, 'casesByStage').rows.map((r) => r.key)).toEqual(['ACCEPTANCE', 'SORTING', 'TRANSIT', 'DELIVERY']);
    expect(tableOf(c, 'pledgeCoverage').rows[0]!.figures.coveragePercent).toEqual({ value: 66.7, previous: 25, change: 41.7 });
    // a clock without a step is neither met nor timed
    const seizure = tableOf(c, 'deadlines').rows.find((r) => r.key === 'TEMPORARY_SEIZURE')!;
    expect(seizure.figures.met).toEqual({ value: null, previous: null, change: null });
    expect(c.previous.period).toEqual({ kind: 'YEAR', year: 2026 });
    expect(c.key).toBe('TH:2027:EXCLUDED');
  });
});
