import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { caseSummary, type CaseRow } from '../../prisma/cases/rows.js';
import type { Actor } from '../../domain/access.js';
import type { AssignmentView, CaseView } from '../../domain/case-view.js';
import { allowedActions, getCase } from '../../workflows/definitions.js';

/** A case as the API returns it: the workflow's view plus what this caller may do now. */
export interface CaseResource extends Omit<CaseView, 'assignee'> {
  /** Always present: null until the case is assigned (and on cases opened before assignment existed). */
  assignee: AssignmentView | null;
  allowedActions: string[];
  links: { self: string; history: string };
}

export const links = (id: string) => ({ self: `/v1/cases/${id}`, history: `/v1/cases/${id}/history` });

export function caseResource(view: CaseView, allowed: string[]): CaseResource {
  return { ...view, assignee: view.assignee ?? null, allowedActions: allowed, links: links(view.id) };
}

/** The live case from its workflow; a workflow no longer retained falls back to the stored record. */
export async function liveCase(client: Client, row: CaseRow, actor: Actor): Promise<CaseResource | ReturnType<typeof recordSummary>> {
  const handle = client.workflow.getHandle(row.id);
  try {
    const [view, allowed] = await Promise.all([handle.query(getCase, new Date().toISOString()), handle.query(allowedActions, actor)]);
    return caseResource(view, allowed);
  } catch (e) {
    if (e instanceof WorkflowNotFoundError) return recordSummary(row);
    throw e;
  }
}

/** The stored case (lists, and cases whose workflow history has been archived) with its links. */
export const recordSummary = (row: CaseRow) => ({ ...caseSummary(row), links: links(row.id) });
