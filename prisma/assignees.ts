/** The people a case can be assigned to: the enabled officers and managers of its lead agency. */
import type { Db } from './client.js';
import type { Assignee } from '../domain/case-actions.js';

const assignee = (p: { id: string; name: string; role: Assignee['role']; agencyId: string | null }): Assignee => ({
  id: p.id,
  name: p.name,
  role: p.role,
  agencyId: p.agencyId,
});

/** Officers and managers of an agency, by name. */
export async function agencyPeople(db: Db, agencyId: string): Promise<Assignee[]> {
  const rows = await db.principal.findMany({
    where: { role: { in: ['officer', 'manager'] }, disabledAt: null, agencyId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return rows.map(assignee);
}

/** One enabled principal as a would-be assignee (the workflow decides whether they may be one); null if there is none. */
export async function findAssignee(db: Db, id: string): Promise<Assignee | null> {
  const p = await db.principal.findFirst({ where: { id, disabledAt: null } });
  return p ? assignee(p) : null;
}
