import { agencyProvinceRefusal, canAdminister } from '../../domain/access.js';
import { carrierExists } from '../../prisma/carriers.js';
import { createPrincipal, issueKey, keySummary, listPrincipals, principalExists, revokeKey } from '../../prisma/principals.js';
import { agencyProvince } from '../../prisma/reference/reads.js';
import { allow, location, operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';
import { KeyBody, PrincipalBody } from '../schemas/requests.js';
import { CreatedKeySchema, CreatedPrincipalSchema, PrincipalListSchema } from '../schemas/responses.js';

const admin = allow(canAdminister, 'manage principals and keys');

const principalJson = (p: {
  id: string;
  name: string;
  role: string;
  carrierId: string | null;
  agencyId: string | null;
  provinceCode: string | null;
  title: string | null;
  createdAt: Date;
  disabledAt: Date | null;
}) => ({
  id: p.id,
  name: p.name,
  role: p.role,
  carrierId: p.carrierId,
  agencyId: p.agencyId,
  provinceCode: p.provinceCode,
  title: p.title,
  createdAt: p.createdAt.toISOString(),
  disabledAt: p.disabledAt?.toISOString() ?? null,
});

/** Principals and their API keys: administrators only. */
export const principalOperations: Operation[] = [
  operation({
    method: 'post',
    path: '/v1/principals',
    operationId: 'createPrincipal',
    summary: 'Create a principal and its first API key (admin)',
    tags: ['Principals'],
    access: admin,
    body: { schema: PrincipalBody, required: true, example: { name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' } },
    responses: {
      201: {
        description: 'Created; the key’s token is shown this once',
        schema: CreatedPrincipalSchema,
        headers: location('The principal'),
      },
    },
    problems: [400, 403, 413, 415, 422],
    handler: async ({ body, req, res, deps: { db } }) => {
      if (body.carrierId && !(await carrierExists(db, body.carrierId)))
        throw problem(422, 'unknown-reference', 'Unknown carrier', `No carrier ${body.carrierId}.`);
      if (body.agencyId) {
        const province = await agencyProvince(db, body.agencyId);
        if (province === undefined) throw problem(422, 'unknown-reference', 'Unknown agency', `No agency ${body.agencyId}.`);
        const wrong = agencyProvinceRefusal(body, { id: body.agencyId, provinceCode: province });
        if (wrong)
          throw problem(422, 'implausible-value', 'Implausible value', '1 field(s) cannot be true in the body.', {
            errors: [{ in: 'body', field: 'provinceCode', message: wrong, code: 'implausible' }],
          });
      }
      const { principal, keyId, token } = await createPrincipal(db, body, 'initial');
      req.log.info({ principalId: principal.id, role: principal.role }, 'principal created');
      res
        .status(201)
        .location(`/v1/principals/${principal.id}`)
        .json({ ...principalJson(principal), key: { id: keyId, token, note: 'Shown once; store it now.' } });
    },
  }),
  operation({
    method: 'get',
    path: '/v1/principals',
    operationId: 'listPrincipals',
    summary: 'Principals and their keys (admin; never secrets)',
    tags: ['Principals'],
    access: admin,
    responses: { 200: { description: 'Every principal', schema: PrincipalListSchema } },
    problems: [400, 403],
    handler: async ({ res, deps: { db } }) => {
      const rows = await listPrincipals(db);
      res.json({ items: rows.map((p) => ({ ...principalJson(p), keys: p.keys.map(keySummary) })) });
    },
  }),
  operation({
    method: 'post',
    path: '/v1/principals/{id}/keys',
    operationId: 'issueKey',
    summary: 'Issue another key for a principal (rotation; admin)',
    tags: ['Principals'],
    access: admin,
    params: { id: { description: 'Principal id' } },
    body: { schema: KeyBody, required: true },
    responses: { 201: { description: 'Issued; the token is shown this once', schema: CreatedKeySchema } },
    problems: [400, 403, 404, 413, 415],
    handler: async ({ params, body, res, deps: { db } }) => {
      if (!(await principalExists(db, params.id))) throw problem(404, 'not-found', 'Principal not found', `No principal ${params.id}.`);
      const { key, token } = await issueKey(db, params.id, body.name);
      res.status(201).json({ ...keySummary(key), token, note: 'Shown once; store it now.' });
    },
  }),
  operation({
    method: 'delete',
    path: '/v1/keys/{id}',
    operationId: 'revokeKey',
    summary: 'Revoke a key at once (admin; revoking twice is harmless)',
    tags: ['Principals'],
    access: admin,
    params: { id: { description: 'Key id' } },
    responses: { 204: { description: 'Revoked' } },
    problems: [400, 403, 404],
    handler: async ({ params, res, deps: { db } }) => {
      if (!(await revokeKey(db, params.id))) throw problem(404, 'not-found', 'Key not found', `No key ${params.id}.`);
      res.status(204).end();
    },
  }),
];
