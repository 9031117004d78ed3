/**
 * Reference data: the request bodies and queries the API accepts (strict objects: unknown fields
 * are refused) and the rows it answers with, as zod schemas for validation and the OpenAPI
 * document. Field values come from the domain's own lists (domain/reference-rules.ts); the rules
 * between fields (min ≤ max, periods, overlaps) are checked there too and answer 409 or 422.
 */
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar.js';
import { AGENCY_KINDS, CALENDAR_DAY_KINDS, CLOCK_UNITS, ESCALATION_TARGETS, OFFENCE_FIELDS } from '../../domain/reference-rules.js';
import type {
  AgencyJson,
  AuthorityCapJson,
  CategoryJson,
  DeadlinePolicyJson,
  FineRuleJson,
  HolidayJson,
  ReferenceChangeJson,
} from '../../prisma/reference/json.js';
import { REFERENCE_TABLES } from '../../prisma/reference/json.js';
import { instant, isoDate, provinceCode, text, upperCode, vnd } from './fields.js';
import { clockId } from './vocabulary.js';

const code = upperCode('POST_PROHIBITED_ITEM');
export const referenceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, '1-100 letters, digits, _ . : or -, starting with a letter or digit');
/** A real calendar date YYYY-MM-DD, in years the data can mean (1900-2200). */
export const calendarDateSchema = z.iso
  .date({ error: 'a date YYYY-MM-DD', abort: true })
  .refine((d) => isIsoDate(d) && d >= '1900-01-01' && d <= '2200-12-31', 'a date from 1900 to 2200');
const date = calendarDateSchema;
const limitValue = z.number().int().min(1).max(100_000);
const atLeastOneField = (o: Record<string, unknown>) => Object.values(o).some((v) => v !== undefined);
const NOTHING_TO_CHANGE = { message: 'name at least one field to change' };

// ---- requests ----

/** GET /v1/reference/holidays */
export const HolidayListQuery = z
  .object({ year: z.coerce.number().int().min(1900).max(2200).optional().meta({ description: 'Only this year' }) })
  .strict();

/** PUT /v1/reference/holidays/{date} */
export const HolidayBody = z
  .object({
    name: text(300),
    kind: z
      .enum(CALENDAR_DAY_KINDS)
      .default('HOLIDAY')
      .meta({ description: 'HOLIDAY: a day off; MAKE_UP_WORKDAY: a Saturday or Sunday worked instead (hoán đổi)' }),
  })
  .strict();

export const ClockExtensionInput = z
  .object({
    code,
    limitValue,
    unit: z.enum(CLOCK_UNITS),
    basis: text(1000),
    verify: z.boolean().default(false),
  })
  .strict();

/** PATCH /v1/reference/deadline-policies/{clock} */
export const DeadlinePolicyPatchBody = z
  .object({
    limitValue: limitValue.optional(),
    unit: z.enum(CLOCK_UNITS).optional(),
    legalBasis: text(1000).optional(),
    escalationChain: z.array(z.enum(ESCALATION_TARGETS)).min(1).max(10).optional().meta({ description: 'Level 1 first' }),
    extensions: z.array(ClockExtensionInput).max(10).optional().meta({ description: 'Replaces the whole list' }),
    verify: z.boolean().optional(),
  })
  .strict()
  .refine(atLeastOneField, NOTHING_TO_CHANGE);

/** PUT /v1/reference/fine-schedule/{id} */
export const FineRuleBody = z
  .object({
    offenceCode: code,
    decree: text(300),
    effectiveFrom: date,
    effectiveTo: date.nullable().default(null).meta({ description: 'First day no longer in force; null: open-ended' }),
    minVnd: vnd,
    maxVnd: vnd,
    extraPenalties: z
      .array(code)
      .max(20)
      .default([])
      .meta({ description: 'Extra penalties the decree provides (LHAV Art. 21), e.g. CONFISCATION' }),
    remedialMeasures: z
      .array(code)
      .max(20)
      .default([])
      .meta({ description: 'Remedial measures it provides (LHAV Art. 28), e.g. FORCED_DESTRUCTION' }),
    field: z.enum(OFFENCE_FIELDS).meta({ description: 'The field of the offence: POSTAL, TRADE or CUSTOMS' }),
    sanctioningLimitationYears: z
      .number()
      .int()
      .min(1)
      .max(2)
      .meta({ description: 'Sanctioning limitation of the field (LHAV Art. 6): 1 or 2 years' }),
    legalBasis: text(1000),
    descriptionVi: text(2000),
    descriptionEn: text(2000),
    verify: z.boolean().meta({ description: 'true while the figures come from a secondary source' }),
  })
  .strict();

/** PUT /v1/reference/authority-caps/{id} */
export const AuthorityCapBody = z
  .object({
    agencyKind: z.enum(AGENCY_KINDS),
    title: code,
    titleVi: z.string().trim().max(300).default(''),
    capVnd: vnd.meta({ description: 'Most this title may fine one individual; organisations twice' }),
    legalBasis: text(1000),
    verify: z.boolean(),
  })
  .strict();

/** GET /v1/reference/agencies */
export const AgencyListQuery = z
  .object({
    province: provinceCode.optional(),
    kind: z.enum(AGENCY_KINDS).optional(),
    validOn: date.optional().meta({ description: 'Only agencies valid on this day' }),
  })
  .strict();

/** POST /v1/reference/agencies */
export const AgencyBody = z
  .object({
    id: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{0,63}$/, 'upper-case letters, digits, - or _, e.g. TH-QLTT-2027'),
    kind: z.enum(AGENCY_KINDS),
    provinceCode: provinceCode.nullable().default(null).meta({ description: 'null for the national kinds (INSPECTORATE, KT1)' }),
    name: text(300),
    nameEn: text(300).nullable().default(null),
    validFrom: date,
    validTo: date.nullable().default(null).meta({ description: 'First day no longer valid; null: open-ended' }),
  })
  .strict();

/** PATCH /v1/reference/agencies/{id} */
export const AgencyPatchBody = z
  .object({
    validTo: date
      .nullable()
      .optional()
      .meta({ description: 'First day no longer valid (a reorganisation closes the row); null re-opens it' }),
    name: text(300).optional(),
    nameEn: text(300).nullable().optional(),
  })
  .strict()
  .refine(atLeastOneField, NOTHING_TO_CHANGE);

/** GET /v1/reference/changes */
export const ReferenceChangeListQuery = z
  .object({
    table: z.enum(REFERENCE_TABLES).optional(),
    key: z.string().min(1).max(100).optional().meta({ description: 'The changed row’s key: a date, a clock or an id' }),
    before: z.coerce
      .number()
      .int()
      .min(1)
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .meta({ description: 'Changes older than this change id' }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

// ---- responses ----

export const HolidaySchema = z
  .object({ date: isoDate, year: z.number().int(), name: z.string(), kind: z.enum(CALENDAR_DAY_KINDS) })
  .strict()
  .meta({ id: 'CalendarDay', description: 'A holiday, or a weekend day worked to make up for a bridged holiday' });

const ClockExtensionSchema = z
  .object({ code: z.string(), limitValue: z.number().int(), unit: z.enum(CLOCK_UNITS), basis: z.string(), verify: z.boolean() })
  .strict()
  .meta({ id: 'ClockExtension', description: 'An extension the law allows: its limit replaces the clock’s, counted from the same start' });

export const DeadlinePolicySchema = z
  .object({
    clock: clockId,
    startsAt: z.string().meta({ description: 'The event the clock counts from' }),
    limitValue: z.number().int(),
    unit: z.enum(CLOCK_UNITS),
    legalBasis: z.string(),
    escalationChain: z.array(z.enum(ESCALATION_TARGETS)),
    extensions: z.array(ClockExtensionSchema),
    verify: z.boolean().meta({ description: 'The figure comes from a secondary source: check it against the official text' }),
  })
  .strict()
  .meta({ id: 'DeadlinePolicy' });

export const FineRuleSchema = z
  .object({
    id: z.string(),
    offenceCode: z.string(),
    decree: z.string(),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    minVnd: z.number().int(),
    maxVnd: z.number().int(),
    extraPenalties: z.array(z.string()),
    remedialMeasures: z.array(z.string()),
    field: z.enum(OFFENCE_FIELDS),
    sanctioningLimitationYears: z.number().int(),
    legalBasis: z.string(),
    descriptionVi: z.string(),
    descriptionEn: z.string(),
    verify: z.boolean(),
  })
  .strict()
  .meta({
    id: 'FineRule',
    description: 'One offence as one decree fines it (organisation rates), in force during [effectiveFrom, effectiveTo)',
  });

export const AuthorityCapSchema = z
  .object({
    id: z.string(),
    agencyKind: z.enum(AGENCY_KINDS),
    title: z.string(),
    titleVi: z.string(),
    capVnd: z.number().int(),
    legalBasis: z.string(),
    verify: z.boolean(),
  })
  .strict()
  .meta({ id: 'AuthorityCap' });

export const AgencySchema = z
  .object({
    id: z.string(),
    kind: z.enum(AGENCY_KINDS),
    provinceCode: z.string().nullable(),
    name: z.string(),
    nameEn: z.string().nullable(),
    validFrom: isoDate,
    validTo: isoDate.nullable(),
  })
  .strict()
  .meta({ id: 'Agency', description: 'An agency as named during [validFrom, validTo); a reorganisation closes the row and adds one' });

export const CategorySchema = z
  .object({
    code: z.string(),
    labelVi: z.string(),
    labelEn: z.string(),
    primaryAgency: z.enum(AGENCY_KINDS),
    alsoNotify: z.array(z.enum(AGENCY_KINDS)),
    offenceCode: z.string(),
  })
  .strict()
  .meta({ id: 'ItemCategory' });

export const ReferenceChangeSchema = z
  .object({
    id: z.number().int(),
    at: instant,
    actorId: z.string().meta({ description: 'The principal who made it, or cli:<user> for the operator CLI' }),
    table: z.enum(REFERENCE_TABLES),
    key: z.string(),
    before: z.unknown().meta({ description: 'The row before, as this API shows it; null when the change created it' }),
    after: z.unknown().meta({ description: 'The row after; null when the change deleted it' }),
    casesMoved: z
      .array(
        z
          .object({
            caseId: z.string(),
            number: z.string(),
            moves: z.array(z.object({ clock: z.string(), oldDueAt: instant, newDueAt: instant }).strict()),
          })
          .strict(),
      )
      .nullable()
      .meta({ description: 'A calendar correction: the running cases whose clocks it moved, old → new due instant; null otherwise' }),
  })
  .strict()
  .meta({ id: 'ReferenceChange' });

const list = <S extends z.ZodType>(item: S, id: string) =>
  z
    .object({ items: z.array(item) })
    .strict()
    .meta({ id });
export const HolidayListSchema = list(HolidaySchema, 'CalendarDayList');
export const DeadlinePolicyListSchema = list(DeadlinePolicySchema, 'DeadlinePolicyList');
export const FineRuleListSchema = list(FineRuleSchema, 'FineRuleList');
export const AuthorityCapListSchema = list(AuthorityCapSchema, 'AuthorityCapList');
export const AgencyListSchema = list(AgencySchema, 'AgencyList');
export const CategoryListSchema = list(CategorySchema, 'ItemCategoryList');
export const ReferenceChangePageSchema = z
  .object({ items: z.array(ReferenceChangeSchema), next: z.string().nullable().meta({ description: 'The next (older) page, or null' }) })
  .strict()
  .meta({ id: 'ReferenceChangePage', description: 'Newest change first' });

// ---- drift checks: the schemas and the rows the handlers return must describe the same JSON ----
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertSame = <T extends true>(_: T) => {};
assertSame<Same<z.infer<typeof HolidaySchema>, HolidayJson>>(true);
assertSame<Same<z.infer<typeof FineRuleSchema>, FineRuleJson>>(true);
assertSame<Same<z.infer<typeof AuthorityCapSchema>, AuthorityCapJson>>(true);
assertSame<Same<z.infer<typeof AgencySchema>, AgencyJson>>(true);
assertSame<Same<z.infer<typeof CategorySchema>, CategoryJson>>(true);
assertSame<Same<Omit<z.infer<typeof DeadlinePolicySchema>, 'startsAt'>, Omit<DeadlinePolicyJson, 'startsAt'>>>(true);
assertSame<Same<keyof z.infer<typeof ReferenceChangeSchema>, keyof ReferenceChangeJson>>(true);
