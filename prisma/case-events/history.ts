import type { Db } from '../client.js';
import type { CaseEvent } from '../generated/client.js';

export type CaseEventRow = CaseEvent;

/** One page of a case's audit log in order: up to `limit` events after event `after` (0: from the start). */
export function historyPage(db: Db, caseId: string, page: { after: number; limit: number }): Promise<CaseEventRow[]> {
  return db.caseEvent.findMany({ where: { caseId, seq: { gt: page.after } }, orderBy: { seq: 'asc' }, take: page.limit });
}
