import { Router, type Request, type Response } from 'express';
import { canAdminister, canReadReference, canReadReferenceChanges } from '../../domain/access.js';
import { createAgency, patchAgency } from '../../prisma/reference/agencies.js';
import { deleteCalendarDay, putCalendarDay } from '../../prisma/reference/calendar.js';
import { listReferenceChanges, ReferenceRefusal, type ChangeOutcome } from '../../prisma/reference/change-log.js';
import { patchDeadlinePolicy } from '../../prisma/reference/deadline-policies.js';
import { putAuthorityCap, putFineRule } from '../../prisma/reference/fines.js';
import {
  listAgencies,
  listAuthorityCaps,
  listCalendarDays,
  listCategories,
  listDeadlinePolicies,
  listFineRules,
} from '../../prisma/reference/reads.js';
import type { ApiDeps } from '../app.js';
import { allow } from '../auth.js';
import { HttpProblem, problem } from '../problems.js';
import {
  AgencyBody,
  AgencyListQuery,
  AgencyPatchBody,
  AuthorityCapBody,
  calendarDateSchema,
  DeadlinePolicyPatchBody,
  FineRuleBody,
  HolidayBody,
  HolidayListQuery,
  ReferenceChangeListQuery,
  referenceIdSchema,
} from '../reference-schemas.js';
import { parse } from '../validate.js';

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
async function applied<T>(
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

/**
 * The administered reference data (domain.md sections 2, 3, 5, 6): every role reads it; only
 * administrators change it. Cases keep the snapshot they opened with, so a correction applies
 * to the cases opened after it.
 */
export function referenceRoutes({ db }: ApiDeps): Router {
  const r = Router();
  const read = allow(canReadReference, 'read the reference data');
  const admin = allow(canAdminister, 'change the reference data');
  const actorOf = (req: Request) => req.actor.id;

  r.get('/v1/reference/holidays', read, async (req, res) => {
    const q = parse(HolidayListQuery, req.query, 'query');
    res.json({ items: await listCalendarDays(db, q.year) });
  });
  r.put('/v1/reference/holidays/:date', admin, async (req, res) => {
    const date = parse(calendarDateSchema, req.params.date, 'path');
    const body = parse(HolidayBody, req.body, 'body');
    await applied(
      req,
      res,
      'Holiday',
      date,
      () => putCalendarDay(db, actorOf(req), date, body),
      () => `/v1/reference/holidays/${date}`,
    );
  });
  r.delete('/v1/reference/holidays/:date', admin, async (req, res) => {
    const date = parse(calendarDateSchema, req.params.date, 'path');
    await applied(req, res, 'Holiday', date, () => deleteCalendarDay(db, actorOf(req), date));
  });

  r.get('/v1/reference/deadline-policies', read, async (_req, res) => {
    res.json({ items: await listDeadlinePolicies(db) });
  });
  r.patch('/v1/reference/deadline-policies/:clock', admin, async (req, res) => {
    const clock = req.params.clock as string;
    const body = parse(DeadlinePolicyPatchBody, req.body, 'body');
    await applied(req, res, 'DeadlinePolicy', clock, () => patchDeadlinePolicy(db, actorOf(req), clock, body));
  });

  r.get('/v1/reference/fine-schedule', read, async (_req, res) => {
    res.json({ items: await listFineRules(db) });
  });
  r.put('/v1/reference/fine-schedule/:id', admin, async (req, res) => {
    const id = parse(referenceIdSchema, req.params.id, 'path');
    const body = parse(FineRuleBody, req.body, 'body');
    await applied(
      req,
      res,
      'FineSchedule',
      id,
      () => putFineRule(db, actorOf(req), id, body),
      () => `/v1/reference/fine-schedule/${encodeURIComponent(id)}`,
    );
  });

  r.get('/v1/reference/authority-caps', read, async (_req, res) => {
    res.json({ items: await listAuthorityCaps(db) });
  });
  r.put('/v1/reference/authority-caps/:id', admin, async (req, res) => {
    const id = parse(referenceIdSchema, req.params.id, 'path');
    const body = parse(AuthorityCapBody, req.body, 'body');
    await applied(
      req,
      res,
      'AuthorityCap',
      id,
      () => putAuthorityCap(db, actorOf(req), id, body),
      () => `/v1/reference/authority-caps/${encodeURIComponent(id)}`,
    );
  });

  r.get('/v1/reference/agencies', read, async (req, res) => {
    const q = parse(AgencyListQuery, req.query, 'query');
    res.json({ items: await listAgencies(db, { provinceCode: q.province, kind: q.kind, validOn: q.validOn }) });
  });
  r.post('/v1/reference/agencies', admin, async (req, res) => {
    const body = parse(AgencyBody, req.body, 'body');
    await applied(
      req,
      res,
      'Agency',
      body.id,
      () => createAgency(db, actorOf(req), body),
      () => `/v1/reference/agencies/${body.id}`,
    );
  });
  r.patch('/v1/reference/agencies/:id', admin, async (req, res) => {
    const id = req.params.id as string;
    const body = parse(AgencyPatchBody, req.body, 'body');
    await applied(req, res, 'Agency', id, () => patchAgency(db, actorOf(req), id, body));
  });

  r.get('/v1/reference/categories', read, async (_req, res) => {
    res.json({ items: await listCategories(db) });
  });

  r.get('/v1/reference/changes', allow(canReadReferenceChanges, 'read the log of reference-data changes'), async (req, res) => {
    const q = parse(ReferenceChangeListQuery, req.query, 'query');
    const { items, more } = await listReferenceChanges(db, q);
    const last = items.at(-1);
    const next = more && last ? `/v1/reference/changes?${new URLSearchParams({ ...stringify(req.query), before: String(last.id) })}` : null;
    res.json({ items, next });
  });
  return r;
}

const stringify = (q: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(q).filter(([k, v]) => k !== 'before' && typeof v === 'string')) as Record<string, string>;
