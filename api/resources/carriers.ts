import { canAdminister } from '../../domain/access.js';
import { carrierExists, createCarrier, listCarriers } from '../../prisma/carriers.js';
import { allow, location, operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';
import { CarrierBody } from '../schemas/requests.js';
import { CarrierListSchema, CarrierSchema } from '../schemas/responses.js';

const admin = allow(canAdminister, 'register carriers');

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
export const carrierOperations: Operation[] = [
  operation({
    method: 'post',
    path: '/v1/carriers',
    operationId: 'registerCarrier',
    summary: 'Register a carrier (admin), before its principals',
    tags: ['Principals'],
    access: admin,
    body: { schema: CarrierBody, required: true, example: { id: 'VNP', name: 'Tổng công ty Bưu điện Việt Nam' } },
    responses: { 201: { description: 'Registered', schema: CarrierSchema, headers: location('The carrier') } },
    problems: [400, 403, 409, 413, 415],
    handler: async ({ body: b, res, deps: { db } }) => {
      if (await carrierExists(db, b.id)) throw problem(409, 'conflict', 'Carrier exists', `Carrier ${b.id} is already registered.`);
      const c = await createCarrier(db, b);
      res.status(201).location(`/v1/carriers/${c.id}`).json(carrierJson(c));
    },
  }),
  operation({
    method: 'get',
    path: '/v1/carriers',
    operationId: 'listCarriers',
    summary: 'Registered carriers (admin)',
    tags: ['Principals'],
    access: admin,
    responses: { 200: { description: 'Every carrier', schema: CarrierListSchema } },
    problems: [400, 403],
    handler: async ({ res, deps: { db } }) => {
      res.json({ items: (await listCarriers(db)).map(carrierJson) });
    },
  }),
];
