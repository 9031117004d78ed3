/**
 * The OpenAPI 3.1 document, generated from the zod schemas the handlers validate with
 * (api/schemas.ts) and the response schemas (api/response-schemas.ts): one table of operations
 * below, one converter (zod 4's own `z.toJSONSchema`, JSON Schema 2020-12 = OpenAPI 3.1's dialect).
 * Served without auth at GET /v1/openapi.json; GET /docs renders it (api/docs.ts).
 */
import { z } from 'zod';
import { ACTION_ENDPOINTS } from './actions.js';
import { CarrierBody } from './routes/carriers.js';
import {
  AgencyBody,
  AgencyListQuery,
  AgencyListSchema,
  AgencyPatchBody,
  AgencySchema,
  AuthorityCapBody,
  AuthorityCapListSchema,
  AuthorityCapSchema,
  calendarDateSchema,
  CategoryListSchema,
  DeadlinePolicyListSchema,
  DeadlinePolicyPatchBody,
  DeadlinePolicySchema,
  FineRuleBody,
  FineRuleListSchema,
  FineRuleSchema,
  HolidayBody,
  HolidayListQuery,
  HolidayListSchema,
  HolidaySchema,
  ReferenceChangeListQuery,
  ReferenceChangePageSchema,
  referenceIdSchema,
} from './reference-schemas.js';
import {
  CarrierListSchema,
  CarrierSchema,
  CasePageSchema,
  CaseResourceSchema,
  CaseSummarySchema,
  CreatedKeySchema,
  CreatedPrincipalSchema,
  HealthSchema,
  HistoryPageSchema,
  PrincipalListSchema,
  ProblemSchema,
  ReadySchema,
  TemporalHistorySchema,
} from './response-schemas.js';
import {
  ACTION_BODIES,
  CaseListQuery,
  DetectionBody,
  HistoryQuery,
  IdempotencyKeyHeader,
  KeyBody,
  PrincipalBody,
  type ActionEndpoint,
} from './schemas.js';
import {
  WebhookDeliveryListQuery,
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  WebhookEndpointBody,
  WebhookEndpointCreatedSchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
} from './webhook-schemas.js';

type Json = Record<string, unknown>;
type Schema = z.ZodType | Json;

interface Reply {
  description: string;
  /** A zod schema (converted), or a JSON Schema as is; absent = no body. */
  schema?: Schema;
  /** Defaults to application/json; `content` lists several. */
  contentType?: string;
  content?: Record<string, Schema>;
  headers?: Record<string, Json>;
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** false: no bearer key needed. */
  auth: boolean;
  /** `schema`: what the handler accepts (default any string). */
  pathParams?: { name: string; description: string; schema?: z.ZodType }[];
  query?: z.ZodObject;
  headers?: { name: string; schema: z.ZodType; required: boolean; description: string }[];
  body?: { schema: z.ZodType; required: boolean; example?: unknown };
  responses: Record<number, Reply>;
  /** The problem statuses this operation can answer with (401, 429 and 500 are added for authenticated ones). */
  problems: number[];
}

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid request: the `errors` member lists each failing field (`in`, `field`, `message`).',
  401: 'No API key, or an unknown, revoked or disabled one.',
  403: 'The caller may not do this; refused actions carry `code` and `allowedActions`.',
  404: 'No such resource visible to the caller.',
  409: 'Conflicts with the current state: a refused action (`code`, `allowedActions`), a closed case, a used carrierRef, the same Idempotency-Key still in flight, or reference data that would overlap other rows (`conflictsWith`).',
  413: 'The request body is larger than 256 kB.',
  415: 'The body’s charset or content encoding is not supported.',
  422: 'Well-formed but unusable: unknown reference data, a case the reference data cannot route, an Idempotency-Key reused with another body, or a reference-data change that breaks one of its rules (`errors`).',
  429: 'Rate limit of this API key exhausted: retry after `Retry-After` seconds.',
  500: 'Internal error; it has been logged with the request id (X-Request-Id).',
  503: 'A dependency (PostgreSQL or Temporal) does not answer.',
};

const rateLimitHeaders: Record<string, Json> = {
  'RateLimit-Policy': {
    description: 'The quota of this API key (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";q=600;w=60`',
    schema: { type: 'string' },
  },
  RateLimit: {
    description: 'What is left of it: `r` requests, back to full in `t` seconds, e.g. `"default";r=599;t=1`',
    schema: { type: 'string' },
  },
};
const requestIdHeader: Record<string, Json> = {
  'X-Request-Id': {
    description: 'The request id (the caller’s X-Request-Id when sane); every log line of the request carries it',
    schema: { type: 'string' },
  },
};

const caseId = { name: 'id', description: 'Case id (`<carrier>:<carrierRef>`) or case number (`TH-2026-000001`)' };
const caseReply = (description: string): Reply => ({ description, schema: CaseResourceSchema, headers: rateLimitHeaders });

const exampleDetection = {
  carrierRef: 'VN-2026-000123',
  trackingNumber: 'EE123456789VN',
  servicePoint: 'Bưu cục Hoằng Hóa',
  provinceCode: 'TH',
  stage: 'ACCEPTANCE',
  categoryCode: 'COUNTERFEIT',
  description: '20 túi xách giả nhãn hiệu',
  evidence: [{ ref: 'photo-1.jpg', description: 'Ảnh kiện hàng' }],
};

const ACTION_SUMMARIES: Record<ActionEndpoint, string> = {
  'hold-confirmation': 'Confirm the hold of the item (carrier)',
  acknowledgement: 'Acknowledge the case (a routed agency)',
  'information-requests': 'Ask the carrier for information',
  'information-responses': 'Answer an information request (carrier)',
  verification: 'Start verification, clear the item, or confirm a violation',
  routing: 'Route the case to another agency',
  'deadline-extensions': 'Extend a running deadline',
  'violation-record': 'Record the violation (biên bản)',
  'sanction-proposal': 'Propose a sanction',
  'sanction-decision': 'Approve, send back, or decide not to sanction',
  'decision-service': 'Record service of the decision',
  payments: 'Record a payment of the fine',
  enforcement: 'Start enforcement or record its completion',
  release: 'Release the item (carrier, after clearance)',
  referral: 'Refer the case to an investigating body',
  'referral-return': 'The investigating body returns the case',
  notes: 'Add a note',
  evidence: 'Add evidence',
};

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** An action body that accepts `{}` may be sent without a body. */
const acceptsEmpty = (s: z.ZodType) => s.safeParse({}).success;

const referenceRead = (
  path: string,
  operationId: string,
  summary: string,
  schema: z.ZodType,
  query?: z.ZodObject,
  description?: string,
): Operation => ({
  method: 'get',
  path,
  operationId,
  summary,
  ...(description ? { description } : {}),
  tags: ['Reference data'],
  auth: true,
  ...(query ? { query } : {}),
  responses: { 200: { description: 'Every row', schema, headers: rateLimitHeaders } },
  problems: [400],
});
const upserted = (schema: z.ZodType, what: string): Record<number, Reply> => ({
  200: { description: `The ${what} after the change (replaced, or unchanged)`, schema, headers: rateLimitHeaders },
  201: {
    description: `The ${what}, created`,
    schema,
    headers: { ...rateLimitHeaders, Location: { description: `The ${what}`, schema: { type: 'string' } } },
  },
});
const APPLIES_TO_NEW_CASES =
  'Administrators only. Each change is logged (GET /v1/reference/changes); running cases keep the reference data they opened with, so it applies to cases opened after it.';

const REFERENCE_OPERATIONS: Operation[] = [
  referenceRead(
    '/v1/reference/holidays',
    'listHolidays',
    'The working-day calendar: holidays and make-up working days',
    HolidayListSchema,
    HolidayListQuery,
  ),
  {
    method: 'put',
    path: '/v1/reference/holidays/{date}',
    operationId: 'putHoliday',
    summary: 'Add or correct a day of the calendar (admin)',
    description: APPLIES_TO_NEW_CASES,
    tags: ['Reference data'],
    auth: true,
    pathParams: [{ name: 'date', description: 'The day, YYYY-MM-DD (Vietnam local date)', schema: calendarDateSchema }],
    body: { schema: HolidayBody, required: true, example: { name: 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)', kind: 'HOLIDAY' } },
    responses: upserted(HolidaySchema, 'calendar day'),
    problems: [400, 403, 413, 415, 422],
  },
  {
    method: 'delete',
    path: '/v1/reference/holidays/{date}',
    operationId: 'deleteHoliday',
    summary: 'Remove a day from the calendar (admin)',
    description: APPLIES_TO_NEW_CASES,
    tags: ['Reference data'],
    auth: true,
    pathParams: [{ name: 'date', description: 'The day, YYYY-MM-DD', schema: calendarDateSchema }],
    responses: { 204: { description: 'Removed', headers: rateLimitHeaders } },
    problems: [400, 403, 404],
  },
  referenceRead(
    '/v1/reference/deadline-policies',
    'listDeadlinePolicies',
    'The deadline table: one row per legal or policy clock',
    DeadlinePolicyListSchema,
  ),
  {
    method: 'patch',
    path: '/v1/reference/deadline-policies/{clock}',
    operationId: 'patchDeadlinePolicy',
    summary: 'Correct a clock’s limit, legal basis, escalation chain or extensions (admin)',
    description:
      `${APPLIES_TO_NEW_CASES} A limit stays within about five years, a chain names at least one level, and every extension must be longer than the clock; ` +
      'PAYMENT keeps ENFORCEMENT and the limitations keep CLOSE_EXPIRED as their last level (422 otherwise).',
    tags: ['Reference data'],
    auth: true,
    pathParams: [{ name: 'clock', description: 'The clock, e.g. AGENCY_ACKNOWLEDGEMENT' }],
    body: { schema: DeadlinePolicyPatchBody, required: true, example: { limitValue: 2, legalBasis: 'Policy (corrected)' } },
    responses: { 200: { description: 'The row after the change', schema: DeadlinePolicySchema, headers: rateLimitHeaders } },
    problems: [400, 403, 404, 413, 415, 422],
  },
  referenceRead('/v1/reference/fine-schedule', 'listFineSchedule', 'The fine schedule: each offence under each decree', FineRuleListSchema),
  {
    method: 'put',
    path: '/v1/reference/fine-schedule/{id}',
    operationId: 'putFineRule',
    summary: 'Add or correct a fine rule (admin)',
    description: `${APPLIES_TO_NEW_CASES} minVnd ≤ maxVnd and effectiveFrom < effectiveTo (422); two rules of one offence may not be in force on the same day (409).`,
    tags: ['Reference data'],
    auth: true,
    pathParams: [{ name: 'id', description: 'Rule id, e.g. D174-2026:POST_PROHIBITED_ITEM', schema: referenceIdSchema }],
    body: {
      schema: FineRuleBody,
      required: true,
      example: {
        offenceCode: 'POST_PROHIBITED_ITEM',
        decree: 'Decree 174/2026/NĐ-CP',
        effectiveFrom: '2026-07-01',
        effectiveTo: null,
        minVnd: 10_000_000,
        maxVnd: 20_000_000,
        extraPenalties: ['CONFISCATION'],
        legalBasis: 'Decree 174/2026/NĐ-CP',
        descriptionVi: 'Gửi, chấp nhận, vận chuyển vật phẩm, hàng hóa không được gửi qua mạng bưu chính',
        descriptionEn: 'Sending, accepting or carrying items that may not be sent by post',
        verify: true,
      },
    },
    responses: upserted(FineRuleSchema, 'fine rule'),
    problems: [400, 403, 409, 413, 415, 422],
  },
  referenceRead(
    '/v1/reference/authority-caps',
    'listAuthorityCaps',
    'Sanctioning authority caps per agency kind and officer title',
    AuthorityCapListSchema,
  ),
  {
    method: 'put',
    path: '/v1/reference/authority-caps/{id}',
    operationId: 'putAuthorityCap',
    summary: 'Add or correct an authority cap (admin)',
    description: `${APPLIES_TO_NEW_CASES} An agency kind and title have one cap at most (409).`,
    tags: ['Reference data'],
    auth: true,
    pathParams: [{ name: 'id', description: 'Cap id, e.g. QLTT:TEAM_LEAD', schema: referenceIdSchema }],
    body: {
      schema: AuthorityCapBody,
      required: true,
      example: {
        agencyKind: 'QLTT',
        title: 'TEAM_LEAD',
        titleVi: 'Đội trưởng Đội Quản lý thị trường',
        capVnd: 25_000_000,
        legalBasis: 'LHAV Art. 41',
        verify: true,
      },
    },
    responses: upserted(AuthorityCapSchema, 'authority cap'),
    problems: [400, 403, 409, 413, 415],
  },
  referenceRead(
    '/v1/reference/agencies',
    'listAgencies',
    'Competent agencies with their periods of validity',
    AgencyListSchema,
    AgencyListQuery,
  ),
  {
    method: 'post',
    path: '/v1/reference/agencies',
    operationId: 'createAgency',
    summary: 'Add an agency, e.g. the successor after a reorganisation (admin)',
    description:
      `${APPLIES_TO_NEW_CASES} Close the predecessor first (PATCH its validTo): two agencies of one kind may not serve one province on the same day (409). ` +
      'validFrom < validTo, and only the national kinds (INSPECTORATE, KT1) have no province (422).',
    tags: ['Reference data'],
    auth: true,
    body: {
      schema: AgencyBody,
      required: true,
      example: {
        id: 'TH-QLTT-2027',
        kind: 'QLTT',
        provinceCode: 'TH',
        name: 'Chi cục Quản lý thị trường tỉnh Thanh Hóa',
        validFrom: '2027-01-01',
      },
    },
    responses: {
      201: {
        description: 'Added',
        schema: AgencySchema,
        headers: { ...rateLimitHeaders, Location: { description: 'The agency', schema: { type: 'string' } } },
      },
    },
    problems: [400, 403, 409, 413, 415, 422],
  },
  {
    method: 'patch',
    path: '/v1/reference/agencies/{id}',
    operationId: 'patchAgency',
    summary: 'Rename an agency, or close its period of validity (admin)',
    description: `${APPLIES_TO_NEW_CASES} validTo must be after validFrom (422) and may not re-open an overlap with another agency (409).`,
    tags: ['Reference data'],
    auth: true,
    pathParams: [{ name: 'id', description: 'Agency id, e.g. TH-QLTT' }],
    body: { schema: AgencyPatchBody, required: true, example: { validTo: '2027-01-01' } },
    responses: { 200: { description: 'The agency after the change', schema: AgencySchema, headers: rateLimitHeaders } },
    problems: [400, 403, 404, 409, 413, 415, 422],
  },
  referenceRead('/v1/reference/categories', 'listCategories', 'Item categories and their routing', CategoryListSchema),
  {
    method: 'get',
    path: '/v1/reference/changes',
    operationId: 'listReferenceChanges',
    summary: 'The log of reference-data changes, newest first (admins and managers)',
    description: 'Who changed which row, when, from what to what. Append-only.',
    tags: ['Reference data'],
    auth: true,
    query: ReferenceChangeListQuery,
    responses: { 200: { description: 'A page of changes', schema: ReferenceChangePageSchema, headers: rateLimitHeaders } },
    problems: [400, 403],
  },
];

export const OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/v1/cases',
    operationId: 'openCase',
    summary: 'Open a case (carrier intake)',
    description:
      'Registers what a carrier stopped and starts the case: returns once the case is numbered and its agencies notified. ' +
      'Idempotent per Idempotency-Key: a repeat with the same body gets the first answer (`Idempotent-Replayed: true`), with another body 422.',
    tags: ['Cases'],
    auth: true,
    headers: [
      {
        name: 'Idempotency-Key',
        schema: IdempotencyKeyHeader,
        required: true,
        description: 'A unique key per intake; retry with the same key',
      },
    ],
    body: { schema: DetectionBody, required: true, example: exampleDetection },
    responses: {
      201: {
        description: 'The case was opened (or, on a replay, had been)',
        schema: CaseResourceSchema,
        headers: {
          ...rateLimitHeaders,
          Location: { description: 'The case', schema: { type: 'string' } },
          'Idempotent-Replayed': {
            description: '`true` when this is the stored answer to an earlier request with the same key',
            schema: { type: 'string', enum: ['true'] },
          },
        },
      },
    },
    problems: [400, 403, 409, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/v1/cases',
    operationId: 'listCases',
    summary: 'List the cases visible to the caller',
    description: 'Keyset-paginated; follow `next` for the following page.',
    tags: ['Cases'],
    auth: true,
    query: CaseListQuery,
    responses: { 200: { description: 'A page of cases', schema: CasePageSchema, headers: rateLimitHeaders } },
    problems: [400],
  },
  {
    method: 'get',
    path: '/v1/cases/{id}',
    operationId: 'getCase',
    summary: 'A case, live from its workflow',
    tags: ['Cases'],
    auth: true,
    pathParams: [caseId],
    responses: {
      200: {
        description: 'The case with what the caller may do next; a case whose workflow is no longer retained comes from its stored record',
        schema: { anyOf: [CaseResourceSchema, CaseSummarySchema] },
        headers: rateLimitHeaders,
      },
    },
    problems: [400, 404],
  },
  ...ACTION_ENDPOINTS.map((endpoint): Operation => ({
    method: 'post',
    path: `/v1/cases/{id}/${endpoint}`,
    operationId: camel(endpoint),
    summary: ACTION_SUMMARIES[endpoint],
    description:
      'Refused when the case’s state or the caller’s role does not allow it: 403 (who) or 409 (state, values), with `code` and `allowedActions`.',
    tags: ['Actions'],
    auth: true,
    pathParams: [caseId],
    headers: [
      {
        name: 'Idempotency-Key',
        schema: IdempotencyKeyHeader,
        required: false,
        description: 'Makes a retry safe: a repeat answers with the first result',
      },
    ],
    body: { schema: ACTION_BODIES[endpoint], required: !acceptsEmpty(ACTION_BODIES[endpoint]) },
    responses: { 200: caseReply('The case after the action') },
    problems: [400, 403, 404, 409, 413, 415],
  })),
  {
    method: 'get',
    path: '/v1/cases/{id}/history',
    operationId: 'getCaseHistory',
    summary: 'The case’s history: its audit log (JSON or CSV), or Temporal’s event history',
    description: '`source=temporal` is for managers. CSV is UTF-8 with a BOM (Excel), and names the next page in a `Link` header.',
    tags: ['Cases'],
    auth: true,
    pathParams: [caseId],
    query: HistoryQuery,
    responses: {
      200: {
        description: 'The history page',
        content: { 'application/json': { anyOf: [HistoryPageSchema, TemporalHistorySchema] }, 'text/csv': { type: 'string' } },
        headers: {
          ...rateLimitHeaders,
          Link: { description: 'CSV only: `<next>; rel="next"` when there is a next page', schema: { type: 'string' } },
        },
      },
    },
    problems: [400, 403, 404],
  },
  {
    method: 'post',
    path: '/v1/principals',
    operationId: 'createPrincipal',
    summary: 'Create a principal and its first API key (admin)',
    tags: ['Principals'],
    auth: true,
    body: { schema: PrincipalBody, required: true, example: { name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' } },
    responses: {
      201: {
        description: 'Created; the key’s token is shown this once',
        schema: CreatedPrincipalSchema,
        headers: { ...rateLimitHeaders, Location: { description: 'The principal', schema: { type: 'string' } } },
      },
    },
    problems: [400, 403, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/v1/principals',
    operationId: 'listPrincipals',
    summary: 'Principals and their keys (admin; never secrets)',
    tags: ['Principals'],
    auth: true,
    responses: { 200: { description: 'Every principal', schema: PrincipalListSchema, headers: rateLimitHeaders } },
    problems: [400, 403],
  },
  {
    method: 'post',
    path: '/v1/principals/{id}/keys',
    operationId: 'issueKey',
    summary: 'Issue another key for a principal (rotation; admin)',
    tags: ['Principals'],
    auth: true,
    pathParams: [{ name: 'id', description: 'Principal id' }],
    body: { schema: KeyBody, required: true },
    responses: { 201: { description: 'Issued; the token is shown this once', schema: CreatedKeySchema, headers: rateLimitHeaders } },
    problems: [400, 403, 404, 413, 415],
  },
  {
    method: 'delete',
    path: '/v1/keys/{id}',
    operationId: 'revokeKey',
    summary: 'Revoke a key at once (admin; revoking twice is harmless)',
    tags: ['Principals'],
    auth: true,
    pathParams: [{ name: 'id', description: 'Key id' }],
    responses: { 204: { description: 'Revoked', headers: rateLimitHeaders } },
    problems: [400, 403, 404],
  },
  {
    method: 'post',
    path: '/v1/carriers',
    operationId: 'registerCarrier',
    summary: 'Register a carrier (admin), before its principals',
    tags: ['Principals'],
    auth: true,
    body: { schema: CarrierBody, required: true, example: { id: 'VNP', name: 'Tổng công ty Bưu điện Việt Nam' } },
    responses: {
      201: {
        description: 'Registered',
        schema: CarrierSchema,
        headers: { ...rateLimitHeaders, Location: { description: 'The carrier', schema: { type: 'string' } } },
      },
    },
    problems: [400, 403, 409, 413, 415],
  },
  {
    method: 'get',
    path: '/v1/carriers',
    operationId: 'listCarriers',
    summary: 'Registered carriers (admin)',
    tags: ['Principals'],
    auth: true,
    responses: { 200: { description: 'Every carrier', schema: CarrierListSchema, headers: rateLimitHeaders } },
    problems: [400, 403],
  },
  ...REFERENCE_OPERATIONS,
  {
    method: 'post',
    path: '/v1/webhook-endpoints',
    operationId: 'createWebhookEndpoint',
    summary: 'Register a webhook endpoint (carrier, agency officers and managers, admins naming the owner)',
    description: 'Events are signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature); the secret is shown once.',
    tags: ['Webhooks'],
    auth: true,
    body: { schema: WebhookEndpointBody, required: true, example: { url: 'https://carrier.example/postwatch-events', eventTypes: [] } },
    responses: {
      201: {
        description: 'Registered; the signing secret is shown this once',
        schema: WebhookEndpointCreatedSchema,
        headers: { ...rateLimitHeaders, Location: { description: 'The endpoint', schema: { type: 'string' } } },
      },
    },
    problems: [400, 403, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/v1/webhook-endpoints',
    operationId: 'listWebhookEndpoints',
    summary: 'The webhook endpoints the caller manages',
    tags: ['Webhooks'],
    auth: true,
    responses: { 200: { description: 'Endpoints, oldest first', schema: WebhookEndpointListSchema, headers: rateLimitHeaders } },
    problems: [400],
  },
  {
    method: 'get',
    path: '/v1/webhook-endpoints/{id}',
    operationId: 'getWebhookEndpoint',
    summary: 'A webhook endpoint',
    tags: ['Webhooks'],
    auth: true,
    pathParams: [{ name: 'id', description: 'Endpoint id' }],
    responses: { 200: { description: 'The endpoint', schema: WebhookEndpointSchema, headers: rateLimitHeaders } },
    problems: [400, 404],
  },
  {
    method: 'delete',
    path: '/v1/webhook-endpoints/{id}',
    operationId: 'disableWebhookEndpoint',
    summary: 'Disable a webhook endpoint; its pending deliveries are cancelled, its log stays readable',
    tags: ['Webhooks'],
    auth: true,
    pathParams: [{ name: 'id', description: 'Endpoint id' }],
    responses: { 204: { description: 'Disabled', headers: rateLimitHeaders } },
    problems: [400, 404],
  },
  {
    method: 'get',
    path: '/v1/webhook-deliveries',
    operationId: 'listWebhookDeliveries',
    summary: 'The delivery log of the caller’s endpoints, newest first',
    tags: ['Webhooks'],
    auth: true,
    query: WebhookDeliveryListQuery,
    responses: { 200: { description: 'A page of deliveries', schema: WebhookDeliveryPageSchema, headers: rateLimitHeaders } },
    problems: [400, 404],
  },
  {
    method: 'get',
    path: '/v1/webhook-deliveries/{id}',
    operationId: 'getWebhookDelivery',
    summary: 'A delivery with every attempt',
    tags: ['Webhooks'],
    auth: true,
    pathParams: [{ name: 'id', description: 'Delivery id (also the webhook-id header)' }],
    responses: { 200: { description: 'The delivery', schema: WebhookDeliverySchema, headers: rateLimitHeaders } },
    problems: [400, 404],
  },
  {
    method: 'post',
    path: '/v1/webhook-deliveries/{id}/replay',
    operationId: 'replayWebhookDelivery',
    summary: 'Send a delivery again (same webhook-id), with a fresh round of attempts',
    tags: ['Webhooks'],
    auth: true,
    pathParams: [{ name: 'id', description: 'Delivery id' }],
    responses: {
      202: {
        description: 'Queued for delivery',
        schema: WebhookDeliverySchema,
        headers: { ...rateLimitHeaders, Location: { description: 'The delivery', schema: { type: 'string' } } },
      },
    },
    problems: [400, 404, 409],
  },
  {
    method: 'get',
    path: '/healthz',
    operationId: 'healthz',
    summary: 'Liveness: the process answers',
    tags: ['Operations'],
    auth: false,
    responses: { 200: { description: 'Alive', schema: HealthSchema } },
    problems: [],
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'readyz',
    summary: 'Readiness: PostgreSQL and Temporal answer',
    tags: ['Operations'],
    auth: false,
    responses: { 200: { description: 'Ready', schema: ReadySchema } },
    problems: [503],
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Prometheus metrics',
    description: 'Open, unless METRICS_TOKEN is set: then send it as `Authorization: Bearer <METRICS_TOKEN>`.',
    tags: ['Operations'],
    auth: false,
    responses: { 200: { description: 'Prometheus text exposition format', contentType: 'text/plain', schema: { type: 'string' } } },
    problems: [401],
  },
  {
    method: 'get',
    path: '/v1/openapi.json',
    operationId: 'openapi',
    summary: 'This document',
    tags: ['Operations'],
    auth: false,
    responses: { 200: { description: 'OpenAPI 3.1', schema: { type: 'object' } } },
    problems: [],
  },
  {
    method: 'get',
    path: '/docs',
    operationId: 'docs',
    summary: 'This document, browsable (Swagger UI, served locally)',
    tags: ['Operations'],
    auth: false,
    responses: { 200: { description: 'HTML', contentType: 'text/html', schema: { type: 'string' } } },
    problems: [],
  },
];

/** Express route templates of every documented operation, e.g. `/v1/cases/:id` (metrics labels). */
export const routeTemplates = (): string[] => [...new Set(OPERATIONS.map((o) => o.path.replace(/\{(\w+)\}/g, ':$1')))];

// ---------------------------------------------------------------------------------------------

/** zod → JSON Schema 2020-12, named schemas (`.meta({ id })`) hoisted into components.schemas. */
class SchemaConverter {
  readonly components: Record<string, Json> = {};

  convert(schema: Schema, io: 'input' | 'output'): Json {
    if (!(schema instanceof z.ZodType)) return this.walk(schema) as Json;
    const js = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
    const { $schema: _, $defs, ...root } = js;
    for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) {
      const rewritten = this.walk(def) as Json;
      const known = this.components[name];
      if (known && JSON.stringify(known) !== JSON.stringify(rewritten))
        throw new Error(`openapi: schema ${name} differs between its uses (input vs output?): give one of them another id`);
      this.components[name] = rewritten;
    }
    return this.walk(root) as Json;
  }

  /** Rewrites `#/$defs/X` refs; converts nested zod schemas (anyOf of zod schemas). */
  private walk(v: unknown): unknown {
    if (v instanceof z.ZodType) return this.convert(v, 'output');
    if (Array.isArray(v)) return v.map((x) => this.walk(x));
    if (v && typeof v === 'object') {
      const out: Json = {};
      for (const [k, x] of Object.entries(v))
        out[k] = k === '$ref' && typeof x === 'string' ? x.replace('#/$defs/', '#/components/schemas/') : this.walk(x);
      return out;
    }
    return v;
  }
}

const problemRef = { $ref: '#/components/schemas/Problem' };

function problemResponse(status: number): Json {
  return {
    description: PROBLEM_TEXT[status] ?? 'Problem',
    headers: {
      ...(status === 429
        ? {
            'Retry-After': {
              description: 'Seconds until a request will be accepted again',
              required: true,
              schema: { type: 'integer', minimum: 1 },
            },
            ...rateLimitHeaders,
          }
        : {}),
      ...(status === 401 ? { 'WWW-Authenticate': { description: 'Bearer challenge', schema: { type: 'string' } } } : {}),
      ...requestIdHeader,
    },
    content: { 'application/problem+json': { schema: problemRef } },
  };
}

const cache = new Map<string, Json>();

/** The whole document; built once (the schemas are static) and cached. */
export function openApiDocument(opts: { version?: string } = {}): Json {
  const key = JSON.stringify(opts);
  const hit = cache.get(key);
  if (hit) return hit;
  const conv = new SchemaConverter();
  conv.convert(ProblemSchema, 'output');
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of OPERATIONS) {
    const parameters: Json[] = [];
    for (const p of op.pathParams ?? [])
      parameters.push({
        name: p.name,
        in: 'path',
        required: true,
        description: p.description,
        schema: p.schema ? conv.convert(p.schema, 'input') : { type: 'string' },
      });
    if (op.query) {
      const q = conv.convert(op.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, s] of Object.entries(q.properties ?? {})) {
        const { description, ...schema } = s;
        parameters.push({
          name,
          in: 'query',
          required: (q.required ?? []).includes(name),
          ...(description ? { description } : {}),
          schema,
        });
      }
    }
    for (const h of op.headers ?? [])
      parameters.push({
        name: h.name,
        in: 'header',
        required: h.required,
        description: h.description,
        schema: conv.convert(h.schema, 'input'),
      });

    const responses: Record<string, Json> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      const content = r.content
        ? Object.fromEntries(Object.entries(r.content).map(([type, s]) => [type, { schema: conv.convert(s, 'output') }]))
        : r.schema
          ? { [r.contentType ?? 'application/json']: { schema: conv.convert(r.schema, 'output') } }
          : undefined;
      const headers = { ...(r.headers ?? {}), ...requestIdHeader };
      responses[status] = { description: r.description, headers, ...(content ? { content } : {}) };
    }
    const problems = new Set([...op.problems, ...(op.auth ? [401, 429] : []), 500]);
    for (const s of [...problems].sort()) responses[String(s)] = { $ref: `#/components/responses/Problem${s}` };

    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: op.tags,
      ...(op.auth ? {} : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: op.body.required,
              content: {
                'application/json': {
                  schema: conv.convert(op.body.schema, 'input'),
                  ...(op.body.example ? { example: op.body.example } : {}),
                },
              },
            },
          }
        : {}),
      responses,
    };
  }
  const statuses = [...new Set(OPERATIONS.flatMap((o) => [...o.problems, ...(o.auth ? [401, 429] : []), 500]))].sort();
  const doc: Json = {
    openapi: '3.1.1',
    info: {
      title: 'Postwatch API',
      version: opts.version ?? '1',
      description:
        'Enforcement cases for prohibited, smuggled or counterfeit items stopped in the postal network. ' +
        'Authenticate with an API key: `Authorization: Bearer <key>`. Every error is an RFC 9457 problem (`application/problem+json`). ' +
        'Each key has a rate limit, announced in the `RateLimit-Policy` and `RateLimit` headers.',
    },
    tags: [
      { name: 'Cases', description: 'Intake, lists, detail and history' },
      { name: 'Actions', description: 'One endpoint per step of a case; each answers with the case after it' },
      { name: 'Principals', description: 'Carriers, principals and API keys (administrators)' },
      {
        name: 'Reference data',
        description:
          'Calendar, deadline table, fine schedule, authority caps, agencies and categories: read by every role, corrected by administrators',
      },
      { name: 'Webhooks', description: 'Case events pushed to carrier and agency endpoints, with a delivery log' },
      { name: 'Operations', description: 'Health, metrics, and this document' },
    ],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key `pw_<prefix>_<secret>`; administrators issue them' },
      },
      schemas: conv.components,
      responses: Object.fromEntries(statuses.map((s) => [`Problem${s}`, problemResponse(s)])),
    },
  };
  cache.set(key, doc);
  return doc;
}
