/**
 * Every operation of the API, resource by resource: Express serves this table (api/http/mount.ts),
 * the OpenAPI document describes it (api/http/openapi.ts) and the metrics label requests by its
 * routes. A new endpoint is one entry in a resource module, listed here.
 */
import { openApiDocument, type ApiAbout } from './http/openapi.js';
import type { Operation } from './http/operation.js';
import { carrierComplianceOperations } from './resources/carrier-compliance.js';
import { carrierOperations } from './resources/carriers.js';
import { caseActionOperations } from './resources/case-actions.js';
import { caseAssigneeOperations } from './resources/case-assignees.js';
import { caseOperations } from './resources/cases.js';
import { agencyCaseOperations } from './resources/agency-cases.js';
import { tipOperations } from './resources/tips.js';
import { codecOperations } from './resources/codec.js';
import { dashboardOperations } from './resources/dashboard.js';
import { docsOperations } from './resources/docs.js';
import { healthOperations } from './resources/health.js';
import { historyOperations } from './resources/history.js';
import { incidentOperations } from './resources/incidents.js';
import { notificationOperations } from './resources/notifications.js';
import { passwordOperations } from './resources/passwords.js';
import { principalOperations } from './resources/principals.js';
import { referenceOperations } from './resources/reference.js';
import { registryOperations } from './resources/registry.js';
import { reportRunOperations } from './resources/report-runs.js';
import { reportOperations } from './resources/reports.js';
import { sessionOperations } from './resources/sessions.js';
import { webhookOperations } from './resources/webhooks.js';

export const OPERATIONS: readonly Operation[] = [
  ...caseOperations,
  ...agencyCaseOperations,
  ...tipOperations,
  ...caseActionOperations,
  ...caseAssigneeOperations,
  ...dashboardOperations,
  ...historyOperations,
  ...incidentOperations,
  ...principalOperations,
  ...carrierOperations,
  ...carrierComplianceOperations,
  ...referenceOperations,
  ...registryOperations,
  ...reportRunOperations,
  ...reportOperations,
  ...webhookOperations,
  ...sessionOperations,
  ...notificationOperations,
  ...passwordOperations,
  ...healthOperations,
  ...codecOperations,
  ...docsOperations,
];

const ABOUT: ApiAbout = {
  title: 'Postwatch API',
  version: '1',
  description:
    'Enforcement cases for prohibited, smuggled or counterfeit items stopped in the postal network. ' +
    'Authenticate with an API key: `Authorization: Bearer <key>`. Every error is an RFC 9457 problem (`application/problem+json`). ' +
    'Each key has a rate limit, announced in the `RateLimit-Policy` and `RateLimit` headers.',
  tags: [
    { name: 'Cases', description: 'Intake, lists, detail and history' },
    { name: 'Actions', description: 'One endpoint per step of a case; each answers with the case after it' },
    { name: 'Incidents', description: 'Case writes the database refused for good: read by managers, retried by administrators' },
    { name: 'Principals', description: 'Carriers, principals and API keys (administrators)' },
    {
      name: 'Reference data',
      description:
        'Calendar, deadline table, fine schedule, authority caps, agencies and categories: read by every role, corrected by administrators',
    },
    {
      name: 'Reports',
      description:
        'Half-year, annual and on-demand reports per province and national, computed from the case event log as of the period’s end',
    },
    { name: 'Webhooks', description: 'Case events pushed to carrier and agency endpoints, with a delivery log' },
    { name: 'Console', description: 'People signed in to the console: sessions and notifications' },
    { name: 'Operations', description: 'Health, metrics, and this document' },
  ],
};

/** The OpenAPI document of the whole API (GET /v1/openapi.json). */
export const apiDocument = (): Record<string, unknown> => openApiDocument(OPERATIONS, ABOUT);
