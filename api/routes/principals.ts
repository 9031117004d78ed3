import { Router } from 'express';
import { canAdminister } from '../../domain/access.js';
import { createPrincipal, issueKey, keySummary, revokeKey } from '../../prisma/principals.js';
import type { ApiDeps } from '../app.js';
import { allow } from '../auth.js';
import { problem } from '../problems.js';
import { KeyBody, PrincipalBody } from '../schemas.js';
import { parse } from '../validate.js';

/** Principals and their API keys: administrators only. */
export function principalRoutes({ db }: ApiDeps): Router {
  const r = Router();
  const admin = allow(canAdminister, 'manage principals and keys');

  r.post('/v1/principals', admin, async (req, res) => {
    const body = parse(PrincipalBody, req.body, 'body');
    if (body.carrierId && !(await db.carrier.findUnique({ where: { id: body.carrierId } })))
      throw problem(422, 'unknown-reference', 'Unknown carrier', `No carrier ${body.carrierId}.`);
    if (body.agencyId && !(await db.agency.findUnique({ where: { id: body.agencyId } })))
      throw problem(422, 'unknown-reference', 'Unknown agency', `No agency ${body.agencyId}.`);
    const { principal, keyId, token } = await createPrincipal(db, body, 'initial');
    req.log.info({ principalId: principal.id, role: principal.role }, 'principal created');
    res
      .status(201)
      .location(`/v1/principals/${principal.id}`)
      .json({ ...principalJson(principal), key: { id: keyId, token, note: 'Shown once; store it now.' } });
  });

  r.get('/v1/principals', admin, async (_req, res) => {
    const rows = await db.principal.findMany({ include: { keys: { orderBy: { createdAt: 'asc' } } }, orderBy: { createdAt: 'asc' } });
    res.json({ items: rows.map((p) => ({ ...principalJson(p), keys: p.keys.map(keySummary) })) });
  });

  r.post('/v1/principals/:id/keys', admin, async (req, res) => {
    const body = parse(KeyBody, req.body, 'body');
    if (!(await db.principal.findUnique({ where: { id: req.params.id as string } })))
      throw problem(404, 'not-found', 'Principal not found', `No principal ${req.params.id}.`);
    const { key, token } = await issueKey(db, req.params.id as string, body.name);
    res.status(201).json({ ...keySummary(key), token, note: 'Shown once; store it now.' });
  });

  r.delete('/v1/keys/:id', admin, async (req, res) => {
    if (!(await revokeKey(db, req.params.id as string))) throw problem(404, 'not-found', 'Key not found', `No key ${req.params.id}.`);
    res.status(204).end();
  });
  return r;
}

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
