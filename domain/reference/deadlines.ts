/**
 * The seed deadline table (docs/domain-model.md, "Clocks"). "Policy" rows are the product's own service
 * levels; the others follow the Law on Handling Administrative Violations (LHAV, as amended
 * 2020). Rows or extensions taken from secondary sources carry `verify: true`.
 */
import type { DeadlinePolicy } from '../clocks.js';

/** One row per clock; a workflow snapshots this table when a case opens. */
export const DEADLINE_POLICIES: readonly DeadlinePolicy[] = [
  {
    clock: 'HOLD_CONFIRMATION',
    startsAt: 'DETECTION',
    limitValue: 24,
    unit: 'HOURS',
    legalBasis: 'Policy: "kịp thời" (promptly) in Directive 28/CT-BTTTT; the law sets no number',
    escalationChain: ['CARRIER_COMPLIANCE', 'DEPT'],
    extensions: [],
    verify: false,
  },
  {
    clock: 'AGENCY_ACKNOWLEDGEMENT',
    startsAt: 'NOTIFICATION',
    limitValue: 1,
    unit: 'WORKING_DAYS',
    legalBasis: 'Policy',
    escalationChain: ['DEPT_DUTY_OFFICER', 'DEPT_MANAGER'],
    extensions: [],
    verify: false,
  },
  {
    clock: 'VERIFICATION',
    startsAt: 'ACKNOWLEDGEMENT',
    limitValue: 5,
    unit: 'WORKING_DAYS',
    legalBasis: 'Policy',
    escalationChain: ['LEAD_AGENCY_MANAGER'],
    extensions: [
      { code: 'WITH_REASON', limitValue: 10, unit: 'WORKING_DAYS', basis: 'Policy: one extension with a reason', verify: false },
    ],
    verify: false,
  },
  {
    clock: 'VIOLATION_RECORD',
    startsAt: 'VIOLATION_CONFIRMED',
    limitValue: 2,
    unit: 'WORKING_DAYS',
    legalBasis: 'LHAV Art. 58 (as amended 2020); the 2 working days are Decree 118/2021/NĐ-CP Art. 12(2)',
    escalationChain: ['LEAD_AGENCY_MANAGER'],
    extensions: [
      {
        code: 'COMPLEX',
        limitValue: 5,
        unit: 'WORKING_DAYS',
        basis: 'Decree 118/2021/NĐ-CP Art. 12(2): complex case or wide scope',
        verify: false,
      },
    ],
    verify: false,
  },
  {
    clock: 'SANCTION_DECISION',
    startsAt: 'VIOLATION_RECORD',
    limitValue: 7,
    unit: 'WORKING_DAYS',
    legalBasis: 'LHAV Art. 66',
    escalationChain: ['APPROVER_SUPERIOR'],
    extensions: [
      {
        code: 'FILE_TRANSFERRED',
        limitValue: 10,
        unit: 'WORKING_DAYS',
        basis: 'LHAV Art. 66: case file transferred to the competent person',
        verify: true,
      },
      { code: 'EXPLANATION', limitValue: 1, unit: 'MONTHS', basis: 'LHAV Art. 66: violator explains, or assessment needed', verify: true },
      {
        code: 'COMPLEX_EXTENDED',
        limitValue: 2,
        unit: 'MONTHS',
        basis: 'LHAV Art. 66: particularly serious or complex case, extended by the superior',
        verify: true,
      },
    ],
    verify: true,
  },
  {
    clock: 'SERVE_DECISION',
    startsAt: 'DECISION',
    limitValue: 2,
    unit: 'WORKING_DAYS',
    legalBasis: 'LHAV Art. 70',
    escalationChain: ['LEAD_AGENCY'],
    extensions: [],
    verify: false,
  },
  {
    clock: 'PAYMENT',
    startsAt: 'DECISION_SERVED',
    limitValue: 10,
    unit: 'CALENDAR_DAYS',
    legalBasis:
      'LHAV Art. 73(1) (10 days from receipt, unless the decision states longer); Art. 78: 0.05 %/day late interest from the day after the last day to the day before payment, holidays included (Circular 18/2023/TT-BTC, which replaced 153/2013/TT-BTC: verify the article); none while postponed (Art. 76) or in instalments (Art. 79)',
    escalationChain: ['ENFORCEMENT'],
    extensions: [],
    verify: false,
  },
  {
    clock: 'ENFORCEMENT_LIMITATION',
    startsAt: 'DECISION',
    limitValue: 1,
    unit: 'YEARS',
    legalBasis: 'LHAV Art. 74 (exceptions: confiscation and remedial measures; evasion restarts the period — verify)',
    escalationChain: ['CLOSE_EXPIRED'],
    extensions: [],
    verify: true,
  },
  {
    clock: 'SANCTIONING_LIMITATION',
    startsAt: 'VIOLATION',
    limitValue: 1,
    unit: 'YEARS',
    legalBasis: 'LHAV Art. 6(1)(a) as amended by Law 88/2025/QH15: 1 year, e.g. postal-field offences (Decree 15/2020)',
    escalationChain: ['CLOSE_EXPIRED'],
    extensions: [
      {
        code: 'TWO_YEAR_FIELD',
        limitValue: 2,
        unit: 'YEARS',
        basis:
          'LHAV Art. 6(1)(a) as amended by Law 88/2025/QH15: 2 years for production, export, import and trading of goods and for trading banned or counterfeit goods (verify)',
        verify: true,
      },
    ],
    verify: true,
  },
  {
    clock: 'TEMPORARY_SEIZURE',
    startsAt: 'SEIZURE',
    limitValue: 7,
    unit: 'WORKING_DAYS',
    legalBasis: 'LHAV Art. 125(8)',
    escalationChain: ['LEAD_AGENCY_MANAGER'],
    extensions: [
      {
        code: 'COMPLEX',
        limitValue: 1,
        unit: 'MONTHS',
        basis: 'LHAV Art. 125(8): complex case needing verification (verify)',
        verify: true,
      },
      {
        code: 'SPECIAL',
        limitValue: 2,
        unit: 'MONTHS',
        basis: 'LHAV Art. 125(8): particularly serious case, extended once more (verify)',
        verify: true,
      },
    ],
    verify: true,
  },
];
