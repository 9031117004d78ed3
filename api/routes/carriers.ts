import { Router } from 'express';
import { z } from 'zod';
import { canAdminister } from '../../domain/access.js';
import type { ApiDeps } from '../app.js';
import { allow } from '../auth.js';
import { problem } from '../problems.js';
import { parse } from '../validate.js';

/** POST /v1/carriers: the carriers whose systems open cases (licence details are optional). */
export const CarrierBody = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '1-32 letters, digits, - or _'),
    name: z.string().trim().min(1).max(200),
    kt1: z.boolean().default(false),
    licenceNumber: z.string().trim().min(1).max(64).optional(),
    licenceValidTo: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    complianceContact: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

const carrierJson = (c: {
  id: string;
  name: string;
  kt1: boolean;
  licenceNumber: string | null;
  licenceValidTo: Date | null;
  complianceContact: string | null;
  createdAt: Date;
}) => ({
  ...c,
  licenceValidTo: c.licenceValidTo?.toISOString().slice(0, 10) ?? null,
  createdAt: c.createdAt.toISOString(),
});

/** Carriers, registered by administrators before their principals. */
export function carrierRoutes({ db }: ApiDeps): Router {
  const r = Router();
  const admin = allow(canAdminister, 'register carriers');
  r.post('/v1/carriers', admin, async (req, res) => {
    const b = parse(CarrierBody, req.body, 'body');
    if (await db.carrier.findUnique({ where: { id: b.id } }))
      throw problem(409, 'conflict', 'Carrier exists', `Carrier ${b.id} is already registered.`);
    const c = await db.carrier.create({
      data: { ...b, licenceValidTo: b.licenceValidTo ? new Date(`${b.licenceValidTo}T00:00:00Z`) : null },
    });
    res.status(201).location(`/v1/carriers/${c.id}`).json(carrierJson(c));
  });
  r.get('/v1/carriers', admin, async (_req, res) => {
    res.json({ items: (await db.carrier.findMany({ orderBy: { id: 'asc' } })).map(carrierJson) });
  });
  return r;
}
