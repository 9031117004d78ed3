// The rules an administrator's corrections must keep (domain/reference-rules.ts): the seed data
// keeps them, and each rule refuses what it is there to refuse.
import { describe, expect, it } from 'vitest';
import type { DeadlinePolicy } from '../../domain/clocks.js';
import { AGENCIES, AUTHORITY_CAPS, DEADLINE_POLICIES, FINE_SCHEDULE, HOLIDAYS, MAKE_UP_WORKDAYS } from '../../domain/reference-data.js';
import {
  agencyConflicts,
  agencyViolations,
  authorityCapConflicts,
  calendarDayViolations,
  deadlinePolicyViolations,
  fineRuleConflicts,
  fineRuleViolations,
} from '../../domain/reference-rules.js';

const policy = (clock: DeadlinePolicy['clock']) => DEADLINE_POLICIES.find((p) => p.clock === clock)!;
const fields = (v: { field: string }[]) => v.map((x) => x.field);

describe('the seed data', () => {
  it('keeps every rule, and nothing in it conflicts', () => {
    for (const p of DEADLINE_POLICIES) expect(deadlinePolicyViolations(p), p.clock).toEqual([]);
    for (const f of FINE_SCHEDULE) {
      expect(fineRuleViolations(f), f.id).toEqual([]);
      expect(fineRuleConflicts(f, FINE_SCHEDULE), f.id).toEqual([]);
    }
    for (const c of AUTHORITY_CAPS) expect(authorityCapConflicts(c, AUTHORITY_CAPS), c.id).toEqual([]);
    for (const a of AGENCIES) {
      expect(agencyViolations(a), a.id).toEqual([]);
      expect(agencyConflicts(a, AGENCIES), a.id).toEqual([]);
    }
    for (const h of HOLIDAYS) expect(calendarDayViolations(h.date, 'HOLIDAY'), h.date).toEqual([]);
    for (const m of MAKE_UP_WORKDAYS) expect(calendarDayViolations(m.date, 'MAKE_UP_WORKDAY'), m.date).toEqual([]);
  });
});

describe('deadline policies', () => {
  it('refuse a limit of zero or longer than about five years', () => {
    expect(fields(deadlinePolicyViolations({ ...policy('VERIFICATION'), limitValue: 0 }))).toEqual(['limitValue']);
    expect(fields(deadlinePolicyViolations({ ...policy('PAYMENT'), limitValue: 6, unit: 'YEARS' }))).toEqual(['limitValue']);
    expect(deadlinePolicyViolations({ ...policy('PAYMENT'), limitValue: 5, unit: 'YEARS' })).toEqual([]);
  });

  it('refuse an extension that does not lengthen the clock, or one listed twice', () => {
    const p = policy('VERIFICATION');
    const ext = p.extensions[0]!;
    expect(fields(deadlinePolicyViolations({ ...p, extensions: [{ ...ext, limitValue: 5 }] }))).toEqual(['extensions.0']);
    expect(fields(deadlinePolicyViolations({ ...p, extensions: [ext, ext] }))).toEqual(['extensions.1.code']);
    // 24 hours from a Monday morning end before 1 working day does (the end of Tuesday)
    expect(fields(deadlinePolicyViolations({ ...p, limitValue: 1, extensions: [{ ...ext, limitValue: 24, unit: 'HOURS' }] }))).toEqual([
      'extensions.0',
    ]);
  });

  it('keep a miss from passing silently: a chain, and the step the law prescribes, last', () => {
    expect(fields(deadlinePolicyViolations({ ...policy('VERIFICATION'), escalationChain: [] }))).toEqual(['escalationChain']);
    expect(fields(deadlinePolicyViolations({ ...policy('PAYMENT'), escalationChain: ['DEPT'] }))).toEqual(['escalationChain']);
    expect(deadlinePolicyViolations({ ...policy('PAYMENT'), escalationChain: ['LEAD_AGENCY', 'ENFORCEMENT'] })).toEqual([]);
    expect(fields(deadlinePolicyViolations({ ...policy('PAYMENT'), escalationChain: ['ENFORCEMENT', 'DEPT'] }))).toEqual([
      'escalationChain.0',
      'escalationChain',
    ]);
    expect(fields(deadlinePolicyViolations({ ...policy('VERIFICATION'), escalationChain: ['CLOSE_EXPIRED'] }))).toEqual([
      'escalationChain.0',
    ]);
  });
});

describe('fine rules, caps and agencies', () => {
  const rule = FINE_SCHEDULE.find((f) => f.id === 'D15-2020:POST_PROHIBITED_ITEM')!;

  it('a fine rule keeps min ≤ max and a period that ends after it starts', () => {
    expect(fields(fineRuleViolations({ ...rule, minVnd: 30_000_000 }))).toEqual(['minVnd']);
    expect(fineRuleViolations({ ...rule, minVnd: rule.maxVnd })).toEqual([]);
    expect(fields(fineRuleViolations({ ...rule, effectiveTo: rule.effectiveFrom }))).toEqual(['effectiveTo']);
  });

  it('a fine rule names only the extra penalties of LHAV Art. 21(2) and remedial measures of Art. 28(1), a field and a limitation of Art. 6', () => {
    expect(fields(fineRuleViolations({ ...rule, extraPenalties: ['CONFISCATION', 'LICENCE_SUSPENSION_1_3_MONTHS_IF_REPEATED'] }))).toEqual([
      'extraPenalties.1',
    ]);
    expect(fields(fineRuleViolations({ ...rule, remedialMeasures: ['FORCED_RE_EXPORT', 'APOLOGY'] }))).toEqual(['remedialMeasures.1']);
    expect(fields(fineRuleViolations({ ...rule, field: 'LAND' as never }))).toEqual(['field']);
    expect(fields(fineRuleViolations({ ...rule, sanctioningLimitationYears: 3 }))).toEqual(['sanctioningLimitationYears']);
    expect(fineRuleViolations({ ...rule, field: 'TRADE', sanctioningLimitationYears: 2 })).toEqual([]);
  });

  it('two rules of one offence may not be in force on the same day; adjoining periods are fine', () => {
    const next = { ...rule, id: 'D200-2030:POST_PROHIBITED_ITEM', effectiveFrom: '2030-01-01', effectiveTo: null };
    expect(fineRuleConflicts(next, FINE_SCHEDULE).map((f) => f.id)).toEqual([rule.id]);
    expect(fineRuleConflicts(next, [...FINE_SCHEDULE.filter((f) => f.id !== rule.id), { ...rule, effectiveTo: '2030-01-01' }])).toEqual([]);
  });

  it('one cap per agency kind and title', () => {
    const cap = AUTHORITY_CAPS[0]!;
    expect(authorityCapConflicts({ ...cap, id: 'OTHER' }, AUTHORITY_CAPS).map((c) => c.id)).toEqual([cap.id]);
  });

  it('agencies: validity in order, provinces only for provincial kinds, no overlap of one kind in one province', () => {
    const qltt = AGENCIES.find((a) => a.id === 'TH-QLTT')!;
    expect(fields(agencyViolations({ ...qltt, validTo: '2025-01-01' }))).toEqual(['validTo']);
    expect(fields(agencyViolations({ ...qltt, provinceCode: null }))).toEqual(['provinceCode']);
    expect(fields(agencyViolations({ ...qltt, kind: 'KT1' }))).toEqual(['provinceCode']);
    const successor = { ...qltt, id: 'TH-QLTT-2030', validFrom: '2030-01-01' };
    expect(agencyConflicts(successor, AGENCIES).map((a) => a.id)).toEqual(['TH-QLTT']);
    expect(agencyConflicts(successor, [{ ...qltt, validTo: '2030-01-01' }])).toEqual([]);
  });

  it('a make-up working day is a weekend day', () => {
    expect(fields(calendarDayViolations('2027-02-03', 'MAKE_UP_WORKDAY'))).toEqual(['kind']);
    expect(calendarDayViolations('2027-02-20', 'MAKE_UP_WORKDAY')).toEqual([]);
    expect(fields(calendarDayViolations('2027-02-30', 'HOLIDAY'))).toEqual(['date']);
  });
});
