import type { Licence, Pledge, ServicePoint } from '../../domain/registry-rules.js';
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
import {
  LicenceBody,
  LicenceListSchema,
  LicenceSchema,
  PledgeBody,
  PledgeListSchema,
  PledgeSchema,
  RegistryListQuery,
  ServicePointBody,
  ServicePointListQuery,
  ServicePointListSchema,
  ServicePointSchema,
} from '../schemas/registry.js';
import { collection, type KeyPart, type ListFilter } from './administered.js';

const byId = (help: string): { id: KeyPart } => ({ id: { description: 'The id the administrator chose', option: 'id <id>', help } });
const byCarrier: ListFilter = { option: 'carrier <id>', help: 'only this carrier', field: 'carrierId' };
const byProvince: ListFilter = { option: 'province <code>', help: 'only this province', field: 'provinceCode' };

const LICENCES = collection({
  noun: 'licence',
  plural: 'licences',
  table: 'CarrierLicence',
  key: byId('the licence'),
  row: LicenceSchema,
  rows: LicenceListSchema,
  body: LicenceBody,
  query: RegistryListQuery,
  filters: [byCarrier],
  api: {
    list: { summary: 'Carriers’ licences and notifications of postal activity', answer: 'Every licence (of one carrier, when asked)' },
    put: {
      summary: 'Record or correct a licence or notification (admin)',
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
    delete: {
      summary: 'Remove a licence recorded in error (admin)',
      note: 'A licence that ended is corrected with its validTo, not removed.',
    },
  },
  cli: {
    put: 'records or corrects a licence or notification of postal activity (the body of PUT /v1/reference/licences/{id})',
    delete: 'removes a licence recorded in error (one that ended is corrected with its validTo)',
    list: 'lists the licences and notifications',
    line: (l: Licence) => [l.id, l.carrierId, l.kind, l.number, l.issuedOn, l.validTo ?? 'no end', l.scope].join('  '),
  },
  list: listLicences,
  put: (db, actorId, { id }, body) => putLicence(db, actorId, id, body),
  remove: (db, actorId, { id }) => deleteLicence(db, actorId, id),
});

const SERVICE_POINTS = collection({
  noun: 'service point',
  plural: 'service points',
  table: 'ServicePoint',
  key: {
    carrierId: { description: 'The carrier', option: 'carrier <id>', help: 'the carrier' },
    code: {
      description: 'The point’s code, as the carrier reports it',
      option: 'code <code>',
      help: 'the point, as the carrier reports it',
    },
  },
  row: ServicePointSchema,
  rows: ServicePointListSchema,
  body: ServicePointBody,
  query: ServicePointListQuery,
  filters: [byCarrier, byProvince],
  api: {
    list: { summary: 'Carriers’ registered service points', answer: 'Every service point (of one carrier or province, when asked)' },
    put: {
      summary: 'Register or correct a service point (admin); closing it is setting validTo',
      note: "Intake accepts the code as a case's servicePoint.",
      example: {
        name: 'Bưu điện văn hóa xã Hoằng Đạo',
        address: 'Thôn 3, xã Hoằng Đạo',
        provinceCode: 'TH',
        commune: 'Hoằng Đạo',
        communeLevel: true,
        validFrom: '2020-01-01',
      },
    },
  },
  cli: {
    put: 'registers or corrects a service point (the body of PUT /v1/reference/service-points/{carrier}/{code})',
    list: 'lists the registered service points',
    line: (p: ServicePoint) =>
      [
        `${p.carrierId}/${p.code}`,
        p.provinceCode,
        p.name,
        p.communeLevel ? 'commune-level' : '',
        p.remote ? 'remote' : '',
        p.validTo ? `closed ${p.validTo}` : '',
      ]
        .filter(Boolean)
        .join('  '),
  },
  list: listServicePoints,
  put: (db, actorId, { carrierId, code }, body) => putServicePoint(db, actorId, carrierId, code, body),
});

const PLEDGES = collection({
  noun: 'pledge',
  plural: 'pledges',
  table: 'Pledge',
  key: byId('the pledge'),
  row: PledgeSchema,
  rows: PledgeListSchema,
  body: PledgeBody,
  query: RegistryListQuery,
  filters: [byCarrier],
  api: {
    list: { summary: 'Pledges carriers signed, and the service points each covers', answer: 'Every pledge (of one carrier, when asked)' },
    put: {
      summary: 'Record or correct a pledge (admin)',
      example: {
        carrierId: 'VNP',
        signatory: 'Giám đốc Bưu điện tỉnh',
        signedOn: '2026-03-15',
        documentRef: '12/CK-BĐTH',
        servicePoints: ['TH-HH-01'],
      },
    },
    delete: { summary: 'Remove a pledge recorded in error (admin)' },
  },
  cli: {
    put: 'records or corrects a pledge (the body of PUT /v1/reference/pledges/{id})',
    delete: 'removes a pledge recorded in error',
    list: 'lists the pledges and the points each covers',
    line: (p: Pledge) => [p.id, p.carrierId, p.signedOn, p.documentRef, `${p.servicePoints.length} point(s)`].join('  '),
  },
  list: listPledges,
  put: (db, actorId, { id }, body) => putPledge(db, actorId, id, body, new Date()),
  remove: (db, actorId, { id }) => deletePledge(db, actorId, id),
});

/**
 * The carrier registry (issue 15): licences and notifications of postal activity, service points,
 * pledges. Every role reads it; administrators change it, through prisma/registry-admin.ts, over
 * the API (./registry.ts) or the CLI (scripts/admin/registry-commands.ts).
 */
export const REGISTRY_COLLECTIONS = [LICENCES, SERVICE_POINTS, PLEDGES];
