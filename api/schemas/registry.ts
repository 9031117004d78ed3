/** The carrier registry's bodies and answers (licences, service points, pledges), as zod schemas. */
import { z } from 'zod';
import { LICENCE_KINDS, LICENCE_SCOPES, REGISTRY_CODE } from '../../domain/registry-rules.js';
import { isoDate, provinceCode, text } from './fields.js';

const code = z.string().regex(REGISTRY_CODE, '1-64 letters, digits, . _ or -, starting with a letter or digit');
export const registryCodeSchema = code;

export const LicenceSchema = z
  .object({
    id: z.string(),
    carrierId: z.string(),
    kind: z
      .enum(LICENCE_KINDS)
      .meta({ description: 'LICENCE: giấy phép bưu chính; NOTIFICATION: văn bản xác nhận thông báo hoạt động bưu chính' }),
    number: z.string(),
    issuingAuthority: z.string(),
    issuedOn: isoDate,
    validTo: isoDate.nullable().meta({ description: 'The last valid day, as printed; null: no end date' }),
    scope: z.enum(LICENCE_SCOPES),
    provinceCode: z.string().nullable().meta({ description: 'The province of a PROVINCIAL licence' }),
  })
  .strict()
  .meta({
    id: 'CarrierLicence',
    description: 'A licence or notification of postal activity (Law on Post 2010 Art. 21–25, Decree 47/2011)',
  });

export const LicenceBody = z
  .object({
    carrierId: z.string().min(1).max(64),
    kind: z.enum(LICENCE_KINDS),
    number: text(100),
    issuingAuthority: text(300),
    issuedOn: isoDate,
    validTo: isoDate.nullable().default(null),
    scope: z.enum(LICENCE_SCOPES),
    provinceCode: provinceCode.nullable().default(null),
  })
  .strict()
  .meta({ id: 'CarrierLicenceBody' });

export const ServicePointSchema = z
  .object({
    carrierId: z.string(),
    code: z.string(),
    name: z.string(),
    address: z.string(),
    provinceCode: z.string(),
    commune: z.string(),
    communeLevel: z.boolean().meta({ description: 'A commune-level point (Directive 28 §1: extra vigilance)' }),
    remote: z.boolean().meta({ description: 'In a remote area (vùng sâu, vùng xa)' }),
    validFrom: isoDate,
    validTo: isoDate.nullable().meta({ description: 'Open during [validFrom, validTo); null: still open' }),
  })
  .strict()
  .meta({ id: 'ServicePoint' });

export const ServicePointBody = z
  .object({
    name: text(300),
    address: text(500),
    provinceCode,
    commune: text(200),
    communeLevel: z.boolean().default(false),
    remote: z.boolean().default(false),
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
  })
  .strict()
  .meta({ id: 'ServicePointBody' });

export const PledgeSchema = z
  .object({
    id: z.string(),
    carrierId: z.string(),
    signatory: z.string(),
    signedOn: isoDate,
    documentRef: z.string(),
    servicePoints: z.array(z.string()).meta({ description: 'Codes of the carrier’s service points the pledge covers' }),
  })
  .strict()
  .meta({
    id: 'Pledge',
    description: '“Nói không với việc chấp nhận, vận chuyển và phát hàng lậu, hàng cấm qua đường bưu chính” (Directive 28 §8)',
  });

export const PledgeBody = z
  .object({
    carrierId: z.string().min(1).max(64),
    signatory: text(300),
    signedOn: isoDate,
    documentRef: text(200),
    servicePoints: z.array(code).max(10_000),
  })
  .strict()
  .meta({ id: 'PledgeBody' });

export const RegistryListQuery = z.object({ carrierId: z.string().max(64).optional() }).strict();
export const ServicePointListQuery = z.object({ carrierId: z.string().max(64).optional(), provinceCode: provinceCode.optional() }).strict();

const listOf = (item: z.ZodType, id: string) =>
  z
    .object({ items: z.array(item) })
    .strict()
    .meta({ id });
export const LicenceListSchema = listOf(LicenceSchema, 'CarrierLicenceList');
export const ServicePointListSchema = listOf(ServicePointSchema, 'ServicePointList');
export const PledgeListSchema = listOf(PledgeSchema, 'PledgeList');
