import { canAdminister, canReadReference } from '../../domain/access.js';
import {
  deleteLicence,
  deletePledge,
  listLicences,
  listPledges,
  listServicePoints,
  putLicence,
  putPledge,
  putServicePoint,
} from '../../prisma/registry-admin.js';
import { allow, location, operation, type Operation, type Reply } from '../http/operation.js';
import {
  LicenceBody,
  LicenceListSchema,
  LicenceSchema,
  PledgeBody,
  PledgeListSchema,
  PledgeSchema,
  registryCodeSchema,
  RegistryListQuery,
  ServicePointBody,
  ServicePointListQuery,
  ServicePointListSchema,
  ServicePointSchema,
} from '../schemas/registry.js';
import { applied } from './reference.js';

const read = allow(canReadReference, 'read the carrier registry');
const admin = allow(canAdminister, 'change the carrier registry');
const tags = ['Reference data'];
const ADMIN =
  'Administrators only; each change is logged (GET /v1/reference/changes?table=…). Cases keep what the registry said on their day of detection.';

const upserted = (schema: Reply['schema'], what: string): Record<number, Reply> => ({
  200: { description: `The ${what} after the change (replaced, or unchanged)`, schema },
  201: { description: `The ${what}, created`, schema, headers: location(`The ${what}`) },
});
const idParam = { id: { description: 'The id the administrator chose', schema: registryCodeSchema } };

/**
 * The carrier registry (issue 15): licences and notifications of postal activity, service points,
 * pledges. Every role reads it; administrators change it, through prisma/registry-admin.ts.
 */
export const registryOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/v1/reference/licences',
    operationId: 'listLicences',
    summary: 'Carriers’ licences and notifications of postal activity',
    tags,
    access: read,
    query: RegistryListQuery,
    responses: { 200: { description: 'Every licence (of one carrier, when asked)', schema: LicenceListSchema } },
    problems: [400],
    handler: async ({ query, res, deps }) => {
      res.json({ items: await listLicences(deps.db, query) });
    },
  }),
  operation({
    method: 'put',
    path: '/v1/reference/licences/{id}',
    operationId: 'putLicence',
    summary: 'Record or correct a licence or notification (admin)',
    description: ADMIN,
    tags,
    access: admin,
    params: idParam,
    body: {
      schema: LicenceBody,
      required: true,
      example: {
        carrierId: 'VNP',
        kind: 'LICENCE',
        number: '45/GP-BTTTT',
        issuingAuthority: 'Bộ Thông tin và Truyền thông',
        issuedOn: '2020-03-01',
        validTo: '2030-02-28',
        scope: 'INTERNATIONAL',
      },
    },
    responses: upserted(LicenceSchema, 'licence'),
    problems: [400, 403, 404, 409, 413, 415, 422],
    handler: async ({ params, body, req, res, deps }) =>
      applied(
        req,
        res,
        'CarrierLicence',
        params.id,
        () => putLicence(deps.db, req.actor.id, params.id, body),
        () => `/v1/reference/licences/${params.id}`,
      ),
  }),
  operation({
    method: 'delete',
    path: '/v1/reference/licences/{id}',
    operationId: 'deleteLicence',
    summary: 'Remove a licence recorded in error (admin)',
    description: `${ADMIN} A licence that ended is corrected with its validTo, not removed.`,
    tags,
    access: admin,
    params: idParam,
    responses: { 204: { description: 'Removed' } },
    problems: [400, 403, 404],
    handler: async ({ params, req, res, deps }) =>
      applied(req, res, 'CarrierLicence', params.id, () => deleteLicence(deps.db, req.actor.id, params.id)),
  }),
  operation({
    method: 'get',
    path: '/v1/reference/service-points',
    operationId: 'listServicePoints',
    summary: 'Carriers’ registered service points',
    tags,
    access: read,
    query: ServicePointListQuery,
    responses: { 200: { description: 'Every service point (of one carrier or province, when asked)', schema: ServicePointListSchema } },
    problems: [400],
    handler: async ({ query, res, deps }) => {
      res.json({ items: await listServicePoints(deps.db, query) });
    },
  }),
  operation({
    method: 'put',
    path: '/v1/reference/service-points/{carrierId}/{code}',
    operationId: 'putServicePoint',
    summary: 'Register or correct a service point (admin); closing it is setting validTo',
    description: `${ADMIN} Intake accepts the code as a case's servicePoint.`,
    tags,
    access: admin,
    params: {
      carrierId: { description: 'The carrier', schema: registryCodeSchema },
      code: { description: 'The point’s code, as the carrier reports it', schema: registryCodeSchema },
    },
    body: {
      schema: ServicePointBody,
      required: true,
      example: {
        name: 'Bưu điện văn hóa xã Hoằng Đạo',
        address: 'Thôn 3, xã Hoằng Đạo',
        provinceCode: 'TH',
        commune: 'Hoằng Đạo',
        communeLevel: true,
        validFrom: '2020-01-01',
      },
    },
    responses: upserted(ServicePointSchema, 'service point'),
    problems: [400, 403, 404, 409, 413, 415, 422],
    handler: async ({ params, body, req, res, deps }) =>
      applied(
        req,
        res,
        'ServicePoint',
        `${params.carrierId}/${params.code}`,
        () => putServicePoint(deps.db, req.actor.id, params.carrierId, params.code, body),
        () => `/v1/reference/service-points/${params.carrierId}/${params.code}`,
      ),
  }),
  operation({
    method: 'get',
    path: '/v1/reference/pledges',
    operationId: 'listPledges',
    summary: 'Pledges carriers signed, and the service points each covers',
    tags,
    access: read,
    query: RegistryListQuery,
    responses: { 200: { description: 'Every pledge (of one carrier, when asked)', schema: PledgeListSchema } },
    problems: [400],
    handler: async ({ query, res, deps }) => {
      res.json({ items: await listPledges(deps.db, query) });
    },
  }),
  operation({
    method: 'put',
    path: '/v1/reference/pledges/{id}',
    operationId: 'putPledge',
    summary: 'Record or correct a pledge (admin)',
    description: ADMIN,
    tags,
    access: admin,
    params: idParam,
    body: {
      schema: PledgeBody,
      required: true,
      example: {
        carrierId: 'VNP',
        signatory: 'Giám đốc Bưu điện tỉnh',
        signedOn: '2026-03-15',
        documentRef: '12/CK-BĐTH',
        servicePoints: ['TH-HH-01'],
      },
    },
    responses: upserted(PledgeSchema, 'pledge'),
    problems: [400, 403, 404, 409, 413, 415, 422],
    handler: async ({ params, body, req, res, deps }) =>
      applied(
        req,
        res,
        'Pledge',
        params.id,
        () => putPledge(deps.db, req.actor.id, params.id, body, new Date()),
        () => `/v1/reference/pledges/${params.id}`,
      ),
  }),
  operation({
    method: 'delete',
    path: '/v1/reference/pledges/{id}',
    operationId: 'deletePledge',
    summary: 'Remove a pledge recorded in error (admin)',
    description: ADMIN,
    tags,
    access: admin,
    params: idParam,
    responses: { 204: { description: 'Removed' } },
    problems: [400, 403, 404],
    handler: async ({ params, req, res, deps }) =>
      applied(req, res, 'Pledge', params.id, () => deletePledge(deps.db, req.actor.id, params.id)),
  }),
];
