/**
 * Tips from other bodies (Thanh Hóa directive §5(b), §6): an officer records who said what, and
 * may open an emergency stop or an inspection finding from it (their `tipId`). Read within the
 * caller's scope (domain/access.ts tipScope); the content is stored sealed (api/http/sealed-text.ts).
 */
import type { Client } from '@temporalio/client';
import { canOpenAgencyCases, canReadTips, tipScope } from '../../domain/access.js';
import { provinceExists } from '../../prisma/reference/reads.js';
import { recordTip, tipInScope, tipsIn, type TipRow } from '../../prisma/tips.js';
import { idempotent, requestFingerprint } from '../http/idempotency.js';
import { keyedId } from '../http/keyed-ids.js';
import { allow, location, operation, type Operation } from '../http/operation.js';
import { nextPageLink } from '../http/pagination.js';
import { problem } from '../http/problems.js';
import { openText, sealText } from '../http/sealed-text.js';
import { TipBody, TipListQuery, TipPageSchema, TipSchema } from '../schemas/agency-cases.js';
import { IdempotencyKeyHeader } from '../schemas/requests.js';
import { replayedHeader } from './case-responses.js';

async function tipResource(client: Client, t: TipRow) {
  return {
    id: t.id,
    agencyId: t.agencyId,
    provinceCode: t.provinceCode,
    source: t.source,
    content: await openText(client, t.content),
    recordedBy: t.recordedBy,
    recordedAt: t.recordedAt.toISOString(),
    cases: t.cases,
  };
}

// keyset cursor: the last tip's recording instant and id
const encodeTipCursor = (t: TipRow) => Buffer.from(`${t.recordedAt.toISOString()}|${t.id}`).toString('base64url');
function decodeTipCursor(cursor: string): { recordedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const recordedAt = new Date(at ?? '');
  if (!id || Number.isNaN(recordedAt.getTime()))
    throw problem(400, 'invalid-cursor', 'Invalid cursor', 'The cursor is not one this list gave.');
  return { recordedAt, id };
}

const notFound = (id: string) => problem(404, 'not-found', 'Not found', `No tip ${id} is visible to you.`);

export const tipOperations: Operation[] = [
  operation({
    method: 'post',
    path: '/v1/tips',
    operationId: 'recordTip',
    summary: 'Record a tip from another body (TH §5(b), §6)',
    description: 'The content is stored sealed. Idempotent per Idempotency-Key: a retry gets the same tip.',
    tags: ['Cases'],
    access: allow(canOpenAgencyCases, 'record tips'),
    headers: {
      'Idempotency-Key': { schema: IdempotencyKeyHeader, required: true, description: 'A unique key per tip; retry with the same key' },
    },
    body: {
      schema: TipBody,
      required: true,
      example: { source: 'Công an huyện Hoằng Hóa', content: 'Một kiện hàng gửi từ bưu cục Hoằng Hóa có thể chứa pháo nổ' },
    },
    responses: {
      201: {
        description: 'The tip was recorded (or, on a replay, had been)',
        schema: TipSchema,
        headers: { ...location('The tip'), 'Idempotent-Replayed': replayedHeader },
      },
    },
    problems: [400, 403, 409, 413, 415, 422, 503],
    handler: async ({ headers, body, req, res, deps }) => {
      const actor = req.actor;
      const key = headers['Idempotency-Key'];
      const provinceCode = body.provinceCode ?? actor.provinceCode;
      if (!provinceCode) throw problem(422, 'unknown-reference', 'Province required', 'A national agency’s officer names the province.');
      if (actor.provinceCode && provinceCode !== actor.provinceCode)
        throw problem(403, 'forbidden', 'Forbidden', `The officer's agency acts in ${actor.provinceCode}, not ${provinceCode}.`);
      const result = await idempotent(
        deps.db,
        { principalId: actor.id, key, fingerprint: requestFingerprint('POST', '/v1/tips', body), staleMs: deps.idempotencyStaleMs },
        async () => {
          if (!(await provinceExists(deps.db, provinceCode)))
            throw problem(422, 'unknown-reference', 'Unknown province', `provinceCode ${provinceCode} is not in the reference data.`);
          const tip = await recordTip(deps.db, {
            id: keyedId('tip', actor.id, key),
            agencyId: actor.agencyId!,
            provinceCode,
            source: body.source,
            content: await sealText(deps.temporal.client, body.content),
            recordedBy: actor.id,
          });
          return { status: 201, body: await tipResource(deps.temporal.client, tip) };
        },
      );
      if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res
        .status(result.status)
        .location(`/v1/tips/${(result.body as { id: string }).id}`)
        .json(result.body);
    },
  }),
  operation({
    method: 'get',
    path: '/v1/tips',
    operationId: 'listTips',
    summary: 'The tips in the caller’s scope, newest first',
    description: 'Officers: their agency’s; managers: their province’s (national managers: all). Keyset-paginated; follow `next`.',
    tags: ['Cases'],
    access: allow(canReadTips, 'read tips'),
    query: TipListQuery,
    responses: { 200: { description: 'A page of tips', schema: TipPageSchema } },
    problems: [400, 403, 503],
    handler: async ({ query: q, req, res, deps }) => {
      const rows = await tipsIn(deps.db, tipScope(req.actor)!, q.limit, q.cursor ? decodeTipCursor(q.cursor) : undefined);
      const last = rows.length === q.limit ? rows.at(-1) : undefined;
      res.json({
        items: await Promise.all(rows.map((t) => tipResource(deps.temporal.client, t))),
        next: last ? nextPageLink('/v1/tips', req.query, 'cursor', encodeTipCursor(last)) : null,
      });
    },
  }),
  operation({
    method: 'get',
    path: '/v1/tips/{id}',
    operationId: 'getTip',
    summary: 'One tip, with the cases opened from it',
    tags: ['Cases'],
    access: allow(canReadTips, 'read tips'),
    params: { id: { description: 'The tip’s id' } },
    responses: { 200: { description: 'The tip', schema: TipSchema } },
    problems: [400, 403, 404, 503],
    handler: async ({ params, req, res, deps }) => {
      const tip = await tipInScope(deps.db, tipScope(req.actor)!, params.id);
      if (!tip) throw notFound(params.id);
      res.json(await tipResource(deps.temporal.client, tip));
    },
  }),
];
