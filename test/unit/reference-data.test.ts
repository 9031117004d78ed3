// The seed data is consistent with itself and with docs/domain-model.md.
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../domain/calendar.js';
import { dueAt } from '../../domain/clocks.js';
import type { Actor } from '../../domain/access.js';
import { checkAction } from '../../domain/case-states.js';
import { authorityCapFor, scheduleFor } from '../../domain/fines.js';
import { agencyFor } from '../../domain/routing.js';
import { apply, caseAt, TO_VERIFICATION } from './fixtures.js';
import {
  AGENCIES,
  AUTHORITY_CAPS,
  DEADLINE_POLICIES,
  FINE_SCHEDULE,
  HOLIDAYS,
  INSPECTORATES_ABOLISHED,
  ITEM_CATEGORIES,
  MAKE_UP_WORKDAYS,
  PROVINCES,
} from '../../domain/reference-data.js';

describe('reference data', () => {
  it('names every clock of the domain model once', () => {
    expect(DEADLINE_POLICIES.map((p) => p.clock).sort()).toEqual([
      'AGENCY_ACKNOWLEDGEMENT',
      'ENFORCEMENT_LIMITATION',
      'HOLD_CONFIRMATION',
      'PAYMENT',
      'SANCTIONING_LIMITATION',
      'SANCTION_DECISION',
      'SERVE_DECISION',
      'TEMPORARY_SEIZURE',
      'VERIFICATION',
      'VIOLATION_RECORD',
    ]);
  });

  it('gives every clock an escalation chain and only extensions that lengthen it', () => {
    const start = new Date('2026-03-02T03:00:00Z');
    for (const p of DEADLINE_POLICIES) {
      expect(p.escalationChain.length, p.clock).toBeGreaterThan(0);
      for (const e of p.extensions) {
        expect(dueAt(e, start, []).getTime(), `${p.clock}/${e.code}`).toBeGreaterThan(dueAt(p, start, []).getTime());
      }
    }
  });

  it('has a fine rule in force for every category’s default offence, a point of Decree 15/2020 Art. 9', () => {
    for (const c of ITEM_CATEGORIES) {
      for (const date of ['2020-04-15', '2026-07-01', '2030-01-01']) {
        const rule = scheduleFor(c.offenceCode, date, FINE_SCHEDULE);
        expect(rule?.legalBasis, `${c.code} on ${date}`).toMatch(/Art\. 9\([12]\)/);
      }
    }
    const offenceOf = (code: string) => ITEM_CATEGORIES.find((c) => c.code === code)!.offenceCode;
    expect(offenceOf('IMPORT_EXPORT_BANNED')).toBe('POST_IMPORT_BANNED_ITEM'); // 9(1)(c): forced re-export
    expect(offenceOf('IMMORAL_CULTURE')).toBe('POST_BANNED_CULTURE'); // 9(2): forced destruction
    expect(offenceOf('DANGEROUS_GOODS')).toBe('POST_CARRIAGE_BANNED_ITEM'); // 9(1)(d)
    expect(offenceOf('NARCOTICS')).toBe('POST_PROHIBITED_ITEM'); // 9(1)(a)
  });

  it('marks every fine rule and authority cap verify, and keeps amounts whole and ordered', () => {
    for (const r of FINE_SCHEDULE) {
      expect(r.verify).toBe(true);
      expect(Number.isSafeInteger(r.minVnd) && r.minVnd < r.maxVnd).toBe(true);
    }
    for (const c of AUTHORITY_CAPS) expect(c.verify && Number.isSafeInteger(c.capVnd)).toBe(true);
  });

  it('lists holidays once each, on weekdays, for 2026 and 2027', () => {
    const dates = HOLIDAYS.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...new Set(HOLIDAYS.map((h) => h.year))]).toEqual([2026, 2027]);
    for (const d of dates) expect(isWorkingDay(d, []), `${d} is a weekday`).toBe(true);
    for (const m of MAKE_UP_WORKDAYS) expect(new Date(`${m.date}T00:00:00Z`).getUTCDay(), m.date).toBe(6);
  });

  it('has the four provincial agencies in every province, and the two national ones', () => {
    for (const p of PROVINCES) {
      expect(
        AGENCIES.filter((a) => a.provinceCode === p.code)
          .map((a) => a.kind)
          .sort(),
      ).toEqual(['CUSTOMS', 'DEPT', 'POLICE', 'QLTT']);
    }
    expect(AGENCIES.filter((a) => a.provinceCode === null).map((a) => a.id)).toEqual([
      'NATIONAL-INSPECTORATE',
      'NATIONAL-INSPECTION-UNIT',
      'NATIONAL-KT1',
    ]);
    expect(new Set(AGENCIES.map((a) => a.id)).size).toBe(AGENCIES.length);
  });

  it('Law on Inspection 84/2025/QH15: closes the ministry inspectorate on 30 June 2025 and hands new cases to its successor, marked verify', () => {
    const national = (on: Date) => agencyFor('INSPECTORATE', 'TH', AGENCIES, on);
    expect(national(new Date('2025-06-30T16:59:59Z')).id).toBe('NATIONAL-INSPECTORATE'); // 23:59:59 on 30 June, VN
    expect(national(new Date('2025-06-30T17:00:00Z')).id).toBe('NATIONAL-INSPECTION-UNIT'); // 00:00 on 1 July, VN
    const successor = AGENCIES.find((a) => a.id === 'NATIONAL-INSPECTION-UNIT')!;
    expect([successor.name, successor.nameEn]).toEqual([expect.stringContaining('(cần xác minh)'), expect.stringContaining('(verify)')]);
    expect(INSPECTORATES_ABOLISHED).toBe('2025-07-01');
  });

  it('keeps the cases of the closed inspectorate working: its officers still act on them and its titles keep their caps', () => {
    const inspector: Actor = { id: 'u-insp', role: 'officer', agencyId: 'NATIONAL-INSPECTORATE', agencyKind: 'INSPECTORATE' };
    const routed = caseAt(TO_VERIFICATION);
    const view = { ...routed.view, agencyIds: [...routed.view.agencyIds, 'NATIONAL-INSPECTORATE'] };
    const at = new Date('2026-12-01T03:00:00Z');
    const acknowledged = apply(view, { kind: 'acknowledge' }, inspector, at);
    expect(checkAction(acknowledged, { kind: 'addNote', text: 'Thanh tra Bộ theo dõi vụ việc' }, inspector, at).ok).toBe(true);
    expect(authorityCapFor('INSPECTORATE', 'CHIEF_INSPECTOR', AUTHORITY_CAPS)).toMatchObject({ verify: true });
  });

  it('Law 88/2025/QH15: re-cites every authority cap, all of them unverified', () => {
    for (const c of AUTHORITY_CAPS) {
      expect(c.verify, c.id).toBe(true);
      expect(c.legalBasis, c.id).toMatch(/Law 88\/2025\/QH15 repealed the per-title caps of LHAV Art\. 38–51/);
    }
  });

  it('cites Decree 118/2021 Art. 12(2) for the 2 and 5 working days of the violation record', () => {
    const record = DEADLINE_POLICIES.find((p) => p.clock === 'VIOLATION_RECORD')!;
    expect(record.legalBasis).toContain('Decree 118/2021/NĐ-CP Art. 12(2)');
    expect(record.extensions.map((e) => e.basis)).toEqual([expect.stringContaining('Decree 118/2021/NĐ-CP Art. 12(2)')]);
  });
});
