import { z } from 'zod';
import { canReadDashboard } from '../../domain/access.js';
import { dashboardFigures, lastMonths, monthBounds } from '../../domain/dashboard.js';
import { dashboardCases } from '../../prisma/dashboard.js';
import { allow, operation, type Operation } from '../http/operation.js';
import { CaseStatusSchema } from '../schemas/responses.js';

const MONTHS = 12;
const count = z.number().int().min(0);
const byAgency = z.array(z.object({ agencyId: z.string().nullable(), count }));

const DashboardSchema = z
  .object({
    openByStatus: z.array(z.object({ status: CaseStatusSchema, count })),
    openByAgency: byAgency.meta({ description: 'Open cases by lead agency' }),
    overdueByAgency: byAgency.meta({ description: 'Open cases with a missed deadline, by lead agency' }),
    months: z
      .array(
        z.object({
          month: z.string().meta({ description: 'yyyy-MM, Asia/Ho_Chi_Minh' }),
          from: z.string(),
          to: z.string(),
          cases: count,
          onTime: count.meta({ description: 'Cases detected that month that have missed no deadline' }),
          sanctions: count,
          imposedVnd: count,
          collectedVnd: count,
        }),
      )
      .meta({ description: 'The last 12 months by month of detection, oldest first' }),
  })
  .meta({ id: 'Dashboard', description: 'The managers’ figures over the cases the caller may see' });

/** The managers' dashboard: figures over the cases the caller may see, each listable through GET /v1/cases. */
export const dashboardOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/v1/dashboard',
    operationId: 'getDashboard',
    summary: 'Open cases by status and agency, overdue by agency, compliance and sanctions by month (managers)',
    tags: ['Cases'],
    access: allow(canReadDashboard, 'read the dashboard'),
    responses: { 200: { description: 'The figures', schema: DashboardSchema } },
    problems: [403],
    handler: async ({ req, res, deps }) => {
      const now = new Date();
      const since = new Date(monthBounds(lastMonths(now, MONTHS)[0]!).from);
      const figures = dashboardFigures(await dashboardCases(deps.db, req.actor, since), now, MONTHS);
      res.json({ ...figures, months: figures.months.map((m) => ({ ...m, ...monthBounds(m.month) })) });
    },
  }),
];
