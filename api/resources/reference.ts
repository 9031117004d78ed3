import type { Request, Response } from 'express';
import type { z } from 'zod';
import { canAdminister, canReadReference, canReadReferenceChanges } from '../../domain/access.js';
import { createAgency, patchAgency } from '../../prisma/reference/agencies.js';
import { deleteCalendarDay, putCalendarDay } from '../../prisma/reference/calendar.js';
import { listReferenceChanges, ReferenceRefusal, type ChangeOutcome } from '../../prisma/reference/change-log.js';
import { patchDeadlinePolicy } from '../../prisma/reference/deadline-policies.js';
import { putAuthorityCap, putFineRule } from '../../prisma/reference/fines.js';
import { listAgencies, listCalendarDays } from '../../prisma/reference/reads.js';
import { reachingRunningCases } from './calendar-corrections.js';
import { AUTHORITY_CAPS, CATEGORIES, DEADLINE_POLICIES, FINE_SCHEDULE, type AnyReferenceList } from './reference-lists.js';
import { allow, location, operation, type Operation, type Reply } from '../http/operation.js';
import { nextPageLink } from '../http/pagination.js';
import { HttpProblem, problem } from '../http/problems.js';
import {
  AgencyBody,
  AgencyListQuery,
  AgencyListSchema,
  AgencyPatchBody,
  AgencySchema,
  AuthorityCapBody,
  AuthorityCapSchema,
  calendarDateSchema,
  DeadlinePolicyPatchBody,
  DeadlinePolicySchema,
  FineRuleBody,
  FineRuleSchema,
  HolidayBody,
  HolidayListQuery,
  HolidayListSchema,
  HolidaySchema,
  ReferenceChangeListQuery,
  ReferenceChangePageSchema,
  referenceIdSchema,
} from '../schemas/reference.js';

/** A refused change as an RFC 9457 problem: 404 unknown row, 409 conflicting rows, 422 broken rule. */
function refusalProblem(e: ReferenceRefusal): HttpProblem {
  const errors = e.violations.map((v) => ({ in: 'body', field: v.field, message: v.message }));
  switch (e.reason) {
    case 'not-found':
      return problem(404, 'not-found', 'Not found', e.message);
    case 'conflict':
      return problem(409, 'reference-conflict', 'Conflicts with other reference data', e.message, { conflictsWith: e.conflictsWith });
    case 'unknown-reference':
      return problem(422, 'unknown-reference', 'Unknown reference', e.message, { errors });
    case 'invariant':
      return problem(422, 'reference-invariant', 'Breaks a rule of the reference data', e.message, { errors });
  }
}

/**
 * Runs a change and answers with the row after it; a change that changed something is logged
 * (who, which row, before → after) at info, next to its ReferenceChange row.
 */
export async function applied<T>(
  req: Request,
  res: Response,
  table: string,
  key: string,
  run: () => Promise<ChangeOutcome<T>>,
  created?: (o: ChangeOutcome<T>) => string,
): Promise<void> {
  let outcome: ChangeOutcome<T>;
  try {
    outcome = await run();
  } catch (e) {
    if (e instanceof ReferenceRefusal) throw refusalProblem(e);
    throw e;
  }
  if (outcome.change)
    req.log.info(
      { referenceChange: { id: outcome.change.id, actorId: req.actor.id, table, key, before: outcome.before, after: outcome.after } },
      `reference data changed: ${table} ${key}`,
    );
  if (outcome.after === null) {
    res.status(204).end();
    return;
  }
  const location = outcome.before === null ? created?.(outcome) : undefined;
  if (location) res.status(201).location(location);
  res.json(outcome.after);
}

const read = allow(canReadReference, 'read the reference data');
const admin = allow(canAdminister, 'change the reference data');
const tags = ['Reference data'];

/** A list of reference rows that every role reads. */
const referenceRead = ({ path, operationId, summary, schema, list }: AnyReferenceList): Operation =>
  operation({
    method: 'get',
    path,
    operationId,
    summary,
    tags,
    access: read,
    responses: { 200: { description: 'Every row', schema } },
    problems: [400],
    handler: async ({ res, deps }) => {
      res.json({ items: await list(deps.db) });
    },
  });

const upserted = (schema: z.ZodType, what: string): Record<number, Reply> => ({
  200: { description: `The ${what} after the change (replaced, or unchanged)`, schema },
  201: { description: `The ${what}, created`, schema, headers: location(`The ${what}`) },
});
const REACHES_RUNNING_CASES =
  'Administrators only. Each change is logged (GET /v1/reference/changes). Running cases take the corrected calendar in a durable run started at once (one per change; the request does not wait for it): their running clocks are recomputed, each moved clock is recorded on the case (CALENDAR_CORRECTED, old → new due instant), and once every running case has taken it the change log names the cases it moved (casesMoved, null until then). Repeating the request after a failure starts the run if it never started.';
const APPLIES_TO_NEW_CASES =
  'Administrators only. Each change is logged (GET /v1/reference/changes); running cases keep the reference data they opened with, so it applies to cases opened after it.';

/**
 * The administered reference data (docs/domain-model.md, "Reference data"): every role reads it; only
 * administrators change it. Cases keep the snapshot they opened with, so a correction applies
 * to the cases opened after it.
 */
export const referenceOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/v1/reference/holidays',
    operationId: 'listHolidays',
    summary: 'The working-day calendar: holidays and make-up working days',
    tags,
    access: read,
    query: HolidayListQuery,
    responses: { 200: { description: 'Every row', schema: HolidayListSchema } },
    problems: [400],
    handler: async ({ query, res, deps }) => {
      res.json({ items: await listCalendarDays(deps.db, query.year) });
    },
  }),
  operation({
    method: 'put',
    path: '/v1/reference/holidays/{date}',
    operationId: 'putHoliday',
    summary: 'Add or correct a day of the calendar (admin)',
    description: REACHES_RUNNING_CASES,
    tags,
    access: admin,
    params: { date: { description: 'The day, YYYY-MM-DD (Vietnam local date)', schema: calendarDateSchema } },
    body: { schema: HolidayBody, required: true, example: { name: 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)', kind: 'HOLIDAY' } },
    responses: upserted(HolidaySchema, 'calendar day'),
    problems: [400, 403, 413, 415, 422],
    handler: async ({ params: { date }, body, req, res, deps }) => {
      await applied(
        req,
        res,
        'Holiday',
        date,
        () => reachingRunningCases(deps, req.actor, date, () => putCalendarDay(deps.db, req.actor.id, date, body)),
        () => `/v1/reference/holidays/${date}`,
      );
    },
  }),
  operation({
    method: 'delete',
    path: '/v1/reference/holidays/{date}',
    operationId: 'deleteHoliday',
    summary: 'Remove a day from the calendar (admin)',
    description: REACHES_RUNNING_CASES,
    tags,
    access: admin,
    params: { date: { description: 'The day, YYYY-MM-DD', schema: calendarDateSchema } },
    responses: { 204: { description: 'Removed' } },
    problems: [400, 403, 404],
    handler: async ({ params: { date }, req, res, deps }) => {
      await applied(req, res, 'Holiday', date, async () =>
        reachingRunningCases(deps, req.actor, date, () => deleteCalendarDay(deps.db, req.actor.id, date)),
      );
    },
  }),
  referenceRead(DEADLINE_POLICIES),
  operation({
    method: 'patch',
    path: '/v1/reference/deadline-policies/{clock}',
    operationId: 'patchDeadlinePolicy',
    summary: 'Correct a clock’s limit, legal basis, escalation chain or extensions (admin)',
    description:
      `${APPLIES_TO_NEW_CASES} A limit stays within about five years, a chain names at least one level, and every extension must be longer than the clock; ` +
      'PAYMENT keeps ENFORCEMENT and the limitations keep CLOSE_EXPIRED as their last level (422 otherwise).',
    tags,
    access: admin,
    params: { clock: { description: 'The clock, e.g. AGENCY_ACKNOWLEDGEMENT' } },
    body: { schema: DeadlinePolicyPatchBody, required: true, example: { limitValue: 2, legalBasis: 'Policy (corrected)' } },
    responses: { 200: { description: 'The row after the change', schema: DeadlinePolicySchema } },
    problems: [400, 403, 404, 413, 415, 422],
    handler: async ({ params: { clock }, body, req, res, deps }) => {
      await applied(req, res, 'DeadlinePolicy', clock, () => patchDeadlinePolicy(deps.db, req.actor.id, clock, body));
    },
  }),
  referenceRead(FINE_SCHEDULE),
  operation({
    method: 'put',
    path: '/v1/reference/fine-schedule/{id}',
    operationId: 'putFineRule',
    summary: 'Add or correct a fine rule (admin)',
    description: `${APPLIES_TO_NEW_CASES} minVnd ≤ maxVnd, effectiveFrom < effectiveTo, known extra penalties and remedial measures, a field and its limitation (422); two rules of one offence may not be in force on the same day (409).`,
    tags,
    access: admin,
    params: { id: { description: 'Rule id, e.g. D15-2020:POST_IMPORT_BANNED_ITEM', schema: referenceIdSchema } },
    body: {
      schema: FineRuleBody,
      required: true,
      example: {
        offenceCode: 'POST_IMPORT_BANNED_ITEM',
        decree: 'Decree 15/2020/NĐ-CP as amended by Decree 14/2022/NĐ-CP',
        effectiveFrom: '2020-04-15',
        effectiveTo: null,
        minVnd: 10_000_000,
        maxVnd: 20_000_000,
        extraPenalties: [],
        remedialMeasures: ['FORCED_RE_EXPORT'],
        field: 'POSTAL',
        sanctioningLimitationYears: 1,
        legalBasis: 'Decree 15/2020/NĐ-CP Art. 9(1)(c); forced re-export Art. 9(4)(b)',
        descriptionVi: 'Gửi từ nước ngoài về Việt Nam vật phẩm, hàng hóa cấm nhập khẩu',
        descriptionEn: 'Sending into Viet Nam items it bans from import',
        verify: true,
      },
    },
    responses: upserted(FineRuleSchema, 'fine rule'),
    problems: [400, 403, 409, 413, 415, 422],
    handler: async ({ params: { id }, body, req, res, deps }) => {
      await applied(
        req,
        res,
        'FineSchedule',
        id,
        () => putFineRule(deps.db, req.actor.id, id, body),
        () => `/v1/reference/fine-schedule/${encodeURIComponent(id)}`,
      );
    },
  }),
  referenceRead(AUTHORITY_CAPS),
  operation({
    method: 'put',
    path: '/v1/reference/authority-caps/{id}',
    operationId: 'putAuthorityCap',
    summary: 'Add or correct an authority cap (admin)',
    description: `${APPLIES_TO_NEW_CASES} An agency kind and title have one cap at most (409).`,
    tags,
    access: admin,
    params: { id: { description: 'Cap id, e.g. QLTT:TEAM_LEAD', schema: referenceIdSchema } },
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
    handler: async ({ params: { id }, body, req, res, deps }) => {
      await applied(
        req,
        res,
        'AuthorityCap',
        id,
        () => putAuthorityCap(deps.db, req.actor.id, id, body),
        () => `/v1/reference/authority-caps/${encodeURIComponent(id)}`,
      );
    },
  }),
  operation({
    method: 'get',
    path: '/v1/reference/agencies',
    operationId: 'listAgencies',
    summary: 'Competent agencies with their periods of validity',
    tags,
    access: read,
    query: AgencyListQuery,
    responses: { 200: { description: 'Every row', schema: AgencyListSchema } },
    problems: [400],
    handler: async ({ query: q, res, deps }) => {
      res.json({ items: await listAgencies(deps.db, { provinceCode: q.province, kind: q.kind, validOn: q.validOn }) });
    },
  }),
  operation({
    method: 'post',
    path: '/v1/reference/agencies',
    operationId: 'createAgency',
    summary: 'Add an agency, e.g. the successor after a reorganisation (admin)',
    description:
      `${APPLIES_TO_NEW_CASES} Close the predecessor first (PATCH its validTo): two agencies of one kind may not serve one province on the same day (409). ` +
      'validFrom < validTo, and only the national kinds (INSPECTORATE, KT1) have no province (422).',
    tags,
    access: admin,
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
    responses: { 201: { description: 'Added', schema: AgencySchema, headers: location('The agency') } },
    problems: [400, 403, 409, 413, 415, 422],
    handler: async ({ body, req, res, deps }) => {
      await applied(
        req,
        res,
        'Agency',
        body.id,
        () => createAgency(deps.db, req.actor.id, body),
        () => `/v1/reference/agencies/${body.id}`,
      );
    },
  }),
  operation({
    method: 'patch',
    path: '/v1/reference/agencies/{id}',
    operationId: 'patchAgency',
    summary: 'Rename an agency, or close its period of validity (admin)',
    description: `${APPLIES_TO_NEW_CASES} validTo must be after validFrom (422) and may not re-open an overlap with another agency (409).`,
    tags,
    access: admin,
    params: { id: { description: 'Agency id, e.g. TH-QLTT' } },
    body: { schema: AgencyPatchBody, required: true, example: { validTo: '2027-01-01' } },
    responses: { 200: { description: 'The agency after the change', schema: AgencySchema } },
    problems: [400, 403, 404, 409, 413, 415, 422],
    handler: async ({ params: { id }, body, req, res, deps }) => {
      await applied(req, res, 'Agency', id, () => patchAgency(deps.db, req.actor.id, id, body));
    },
  }),
  referenceRead(CATEGORIES),
  operation({
    method: 'get',
    path: '/v1/reference/changes',
    operationId: 'listReferenceChanges',
    summary: 'The log of reference-data changes, newest first (admins and managers)',
    description: 'Who changed which row, when, from what to what. Append-only.',
    tags,
    access: allow(canReadReferenceChanges, 'read the log of reference-data changes'),
    query: ReferenceChangeListQuery,
    responses: { 200: { description: 'A page of changes', schema: ReferenceChangePageSchema } },
    problems: [400, 403],
    handler: async ({ query, req, res, deps }) => {
      const { items, more } = await listReferenceChanges(deps.db, query);
      const last = items.at(-1);
      res.json({ items, next: more && last ? nextPageLink('/v1/reference/changes', req.query, 'before', String(last.id)) : null });
    },
  }),
];
