/**
 * When periodic reports are due, as the current seed of the ministry's reporting regime has it
 * (docs/reports.md): the half-year report by 31 July, the annual report by 31 January of the
 * next year. Unverified until the circular in force is checked; administrators correct the rows.
 */
import type { ReportDueRule } from '../report-period.js';

export const REPORT_DUE_DATES: readonly ReportDueRule[] = [
  {
    periodKind: 'H1',
    month: 7,
    day: 31,
    yearOffset: 0,
    legalBasis: 'Chế độ báo cáo định kỳ về bưu chính của Bộ (thông tư đang có hiệu lực: cần xác minh)',
    verify: true,
  },
  {
    periodKind: 'YEAR',
    month: 1,
    day: 31,
    yearOffset: 1,
    legalBasis: 'Chế độ báo cáo định kỳ về bưu chính của Bộ (thông tư đang có hiệu lực: cần xác minh)',
    verify: true,
  },
];
