import { z } from 'zod';
import { isLead, type Actor } from '../../domain/access.js';
import { agencyPeople } from '../../prisma/assignees.js';
import { accessView } from '../../prisma/cases/rows.js';
import { allow, operation, type Operation } from '../http/operation.js';
import { caseIdParam, findVisibleCase } from './case-lookup.js';

const isPerson = (a: Actor) => a.role === 'officer' || a.role === 'manager' || a.role === 'admin';

const AssigneeListSchema = z
  .object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['officer', 'manager']), agencyId: z.string() })) })
  .meta({ id: 'AssigneeList', description: 'Officers and managers of the case’s lead agency' });

/** Whom a case can be given to: the lead agency's people, shown to that agency (and administrators). */
export const caseAssigneeOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/v1/cases/{id}/assignees',
    operationId: 'listCaseAssignees',
    summary: 'The officers a case can be assigned to (its lead agency’s)',
    tags: ['Actions'],
    access: allow(isPerson, 'see who can be assigned cases'),
    params: { id: caseIdParam },
    responses: { 200: { description: 'The lead agency’s officers and managers, by name', schema: AssigneeListSchema } },
    problems: [400, 403, 404],
    handler: async ({ params, req, res, deps }) => {
      const row = await findVisibleCase(deps.db, req.actor, params.id);
      const mayAssign = req.actor.role === 'admin' || isLead(accessView(row), req.actor);
      const people = mayAssign && row.leadAgencyId ? await agencyPeople(deps.db, row.leadAgencyId) : [];
      res.json({ items: people.map((p) => ({ id: p.id, name: p.name, role: p.role, agencyId: p.agencyId })) });
    },
  }),
];
