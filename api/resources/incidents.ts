import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Response } from 'express';
import type { z } from 'zod';
import { ApplicationFailure } from '@temporalio/common';
import { canRetryIncidents, canSeeIncidents, type Actor } from '../../domain/access.js';
import { visibleIncident, visibleIncidents } from '../../prisma/incidents.js';
import { HELD_BY_INCIDENT, NO_OPEN_INCIDENT, retryIncident, type CaseIncident } from '../../workflows/definitions.js';
import type { Services } from '../deps.js';
import { allow, operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';
import { IncidentListQuery, IncidentListSchema, IncidentSchema } from '../schemas/incidents.js';

const tags = ['Incidents'];
const idParam = { id: { description: 'Incident id' } };

/** An incident as the API answers with it. */
export function incidentResource(i: CaseIncident): z.infer<typeof IncidentSchema> {
  const { scope: _scope, ...fields } = i;
  const self = `/v1/incidents/${i.id}`;
  return { ...fields, state: i.resolvedAt ? 'resolved' : 'open', links: { self, case: `/v1/cases/${i.caseId}`, retry: `${self}/retry` } };
}

/**
 * The problem an Update answers with when an incident holds its step (workflows/incidents.ts);
 * undefined for any other failure. An action is taken and will be stored once an administrator
 * retries, so it must not be sent again: 409. An intake has opened no case yet and opens it when
 * retried with its Idempotency-Key after the incident is resolved: 503 with Retry-After.
 */
export function incidentProblem(e: unknown, res: Response, held: 'action' | 'intake') {
  if (!(e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure && e.cause.type === HELD_BY_INCIDENT))
    return undefined;
  const incident = e.cause.details?.[0] as CaseIncident;
  const ext = { code: 'INCIDENT_OPEN', allowedActions: [], incident: `/v1/incidents/${incident.id}` };
  const refused = `the database refused to store it (${incident.error.message}); an administrator has been shown incident ${incident.id}`;
  if (held === 'action')
    return problem(
      409,
      'case-incident',
      'Held by an incident',
      `The step was taken, but ${refused}. It is stored once retried; do not send it again.`,
      ext,
    );
  res.setHeader('Retry-After', String(INTAKE_RETRY_AFTER_S));
  return problem(
    503,
    'case-incident',
    'Held by an incident',
    `The case could not be opened: ${refused}. Retry with the same Idempotency-Key later.`,
    ext,
  );
}

const INTAKE_RETRY_AFTER_S = 60;

const oversight = allow(canSeeIncidents, 'read incidents');

async function visible(deps: Services, actor: Actor, id: string): Promise<CaseIncident> {
  const incident = await visibleIncident(deps.db, actor, id);
  if (!incident) throw problem(404, 'incident-not-found', 'Incident not found', `No incident ${id} is visible to you.`);
  return incident;
}

/** The incidents managers read and administrators retry (docs/incidents.md). */
export const incidentOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/v1/incidents',
    operationId: 'listIncidents',
    summary: 'Incidents: case writes the database refused, waiting for an administrator’s retry',
    description: 'Newest first; managers see those of the cases they may see. `/metrics` counts the open ones.',
    tags,
    access: oversight,
    query: IncidentListQuery,
    responses: { 200: { description: 'Incidents', schema: IncidentListSchema } },
    problems: [400, 403],
    handler: async ({ query, req, res, deps }) => {
      const items = await visibleIncidents(deps.db, req.actor, query.state, query.limit);
      res.json({ items: items.map(incidentResource) });
    },
  }),
  operation({
    method: 'get',
    path: '/v1/incidents/{id}',
    operationId: 'getIncident',
    summary: 'An incident',
    tags,
    access: oversight,
    params: idParam,
    responses: { 200: { description: 'The incident', schema: IncidentSchema } },
    problems: [400, 403, 404],
    handler: async ({ params, req, res, deps }) => {
      res.json(incidentResource(await visible(deps, req.actor, params.id)));
    },
  }),
  operation({
    method: 'post',
    path: '/v1/incidents/{id}/retry',
    operationId: 'retryIncident',
    summary: 'Retry the write an incident holds, once its cause is fixed (administrators)',
    description:
      'The case runs the refused write again and answers when it is stored (`state: resolved`, the case carries on) ' +
      'or refused again (`state: open`, `failures` one more). 409 when the incident is not open.',
    tags,
    access: allow(canRetryIncidents, 'retry incidents'),
    params: idParam,
    responses: { 200: { description: 'The incident after the retry', schema: IncidentSchema } },
    problems: [400, 403, 404, 409],
    handler: async ({ params, req, res, deps }) => {
      const incident = await visible(deps, req.actor, params.id);
      try {
        const after = await deps.temporal.client.workflow
          .getHandle(incident.caseId)
          .executeUpdate(retryIncident, { args: [{ incidentId: incident.id, by: req.actor.id }] });
        res.json(incidentResource(after));
      } catch (e) {
        if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure && e.cause.type === NO_OPEN_INCIDENT)
          throw problem(409, 'incident-not-open', 'Incident not open', e.cause.message);
        if (e instanceof WorkflowNotFoundError)
          throw problem(409, 'incident-not-open', 'Incident not open', 'The case’s workflow has ended.');
        throw e;
      }
    },
  }),
];
