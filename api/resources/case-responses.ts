import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { caseSummary, type CaseRow } from '../../prisma/cases/rows.js';
import { canSeeIncidents, type Actor } from '../../domain/access.js';
import type { ActionKind } from '../../domain/case-actions.js';
import type { AssignmentView, CaseView } from '../../domain/case-view.js';
import { allowedActions, getCase, getIncident } from '../../workflows/definitions.js';
import { actionLinks, type ActionLink } from './action-endpoints.js';
import { incidentResource } from './incidents.js';

/** A case as the API returns it: the workflow's view plus what this caller may do now (and, for oversight, an open incident). */
export interface CaseResource extends Omit<CaseView, 'assignee'> {
  /** Always present: null until the case is assigned (and on cases opened before assignment existed). */
  assignee: AssignmentView | null;
  allowedActions: ActionKind[];
  /** The request that takes each allowed action (method, path, and the body fields that select it). */
  actions: ActionLink[];
  links: { self: string; history: string };
  incident?: ReturnType<typeof incidentResource>;
}

/** The header that marks an answer repeated for an Idempotency-Key (intake and actions). */
export const replayedHeader = {
  description: '`true` when this is the stored answer to an earlier request with the same key',
  schema: { type: 'string', enum: ['true'] },
};

export const links = (id: string) => ({ self: `/v1/cases/${id}`, history: `/v1/cases/${id}/history` });

export function caseResource(view: CaseView, allowed: ActionKind[]): CaseResource {
  return {
    ...view,
    assignee: view.assignee ?? null,
    allowedActions: allowed,
    actions: actionLinks(view.id, allowed),
    links: links(view.id),
  };
}

/** The live case from its workflow; a workflow no longer retained falls back to the stored record. */
export async function liveCase(client: Client, row: CaseRow, actor: Actor): Promise<CaseResource | ReturnType<typeof recordSummary>> {
  const handle = client.workflow.getHandle(row.id);
  try {
    const [view, allowed, incident] = await Promise.all([
      handle.query(getCase, new Date().toISOString()),
      handle.query(allowedActions, actor),
      canSeeIncidents(actor) ? handle.query(getIncident) : null,
    ]);
    return { ...caseResource(view, allowed), ...(incident ? { incident: incidentResource(incident) } : {}) };
  } catch (e) {
    if (e instanceof WorkflowNotFoundError) return recordSummary(row);
    throw e;
  }
}

/** The stored case (lists, and cases whose workflow history has been archived) with its links. */
export const recordSummary = (row: CaseRow) => ({ ...caseSummary(row), links: links(row.id) });
