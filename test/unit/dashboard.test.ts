// The managers' dashboard figures (issue 16): counted from stored cases, months in Vietnam's time.
import { describe, expect, it } from 'vitest';
import { dashboardFigures, lastMonths, monthBounds, type DashboardCase } from '../../domain/dashboard.js';

const NOW = new Date('2026-12-01T03:00:00Z');
const kase = (over: Partial<DashboardCase>): DashboardCase => ({
  status: 'NOTIFIED',
  leadAgencyId: 'TH-QLTT',
  overdue: false,
  detectedAt: new Date('2026-11-10T03:00:00Z'),
  escalated: false,
  fineVnd: null,
  paidVnd: 0,
  ...over,
});

describe('the dashboard figures', () => {
  it('names months in Asia/Ho_Chi_Minh, across a new year', () => {
    expect(lastMonths(NOW, 3)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(lastMonths(new Date('2026-01-31T18:00:00Z'), 2)).toEqual(['2026-01', '2026-02']); // 1 Feb 01:00 in Hà Nội
    expect(monthBounds('2026-12')).toEqual({ from: '2026-11-30T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' });
  });

  it('counts open cases by status and lead agency, overdue by agency, and each month’s compliance and sanctions', () => {
    const f = dashboardFigures(
      [
        kase({}),
        kase({ status: 'UNDER_VERIFICATION', overdue: true, escalated: true }),
        kase({ status: 'UNDER_VERIFICATION', leadAgencyId: 'TH-POLICE', overdue: true, escalated: true }),
        kase({ status: 'CLOSED', fineVnd: 15_000_000, paidVnd: 15_000_000, detectedAt: new Date('2026-11-30T18:00:00Z') }), // 1 Dec in VN
        kase({ status: 'DECISION_SERVED', fineVnd: 10_000_000, paidVnd: 2_000_000 }),
      ],
      NOW,
      2,
    );
    expect(f.openByStatus).toEqual([
      { status: 'UNDER_VERIFICATION', count: 2 },
      { status: 'DECISION_SERVED', count: 1 },
      { status: 'NOTIFIED', count: 1 },
    ]);
    expect(f.openByAgency).toEqual([
      { agencyId: 'TH-QLTT', count: 3 },
      { agencyId: 'TH-POLICE', count: 1 },
    ]);
    expect(f.overdueByAgency).toEqual([
      { agencyId: 'TH-POLICE', count: 1 },
      { agencyId: 'TH-QLTT', count: 1 },
    ]);
    expect(f.months).toEqual([
      { month: '2026-11', cases: 4, onTime: 2, sanctions: 1, imposedVnd: 10_000_000, collectedVnd: 2_000_000 },
      { month: '2026-12', cases: 1, onTime: 1, sanctions: 1, imposedVnd: 15_000_000, collectedVnd: 15_000_000 },
    ]);
  });
});
