import { canReadWorkflowHistory } from '../../domain/access.js';
import { historyPage } from '../../prisma/case-events/history.js';
import { operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';
import { HistoryQuery } from '../schemas/requests.js';
import { HistoryPageSchema, TemporalHistorySchema } from '../schemas/responses.js';
import { caseIdParam, findVisibleCase } from './case-lookup.js';

interface Change {
  old: unknown;
  new: unknown;
}

// A cell a spreadsheet would read as a formula (= + - @, or a tab or return before one) is
// prefixed with an apostrophe: officers' free text reaches this file (OWASP "CSV injection").
const FORMULA = /^[=+\-@\t\r]/;

const csvCell = (v: unknown) => {
  const raw = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  const s = FORMULA.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** An event's payload without what the from, to and changes columns already show; null when nothing is left. */
function detailsOf(payload: unknown): Record<string, unknown> | null {
  if (!payload || typeof payload !== 'object') return null;
  const { from: _from, to: _to, changes: _changes, ...rest } = payload as Record<string, unknown>;
  return Object.keys(rest).length > 0 ? rest : null;
}

/** The case's timeline from the audit log (or, for managers, Temporal's own event history). */
export const historyOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/v1/cases/{id}/history',
    operationId: 'getCaseHistory',
    summary: 'The case’s history: its audit log (JSON or CSV), or Temporal’s event history',
    description: '`source=temporal` is for managers. CSV is UTF-8 with a BOM (Excel), and names the next page in a `Link` header.',
    tags: ['Cases'],
    access: 'key',
    params: { id: caseIdParam },
    query: HistoryQuery,
    responses: {
      200: {
        description: 'The history page',
        content: { 'application/json': { anyOf: [HistoryPageSchema, TemporalHistorySchema] }, 'text/csv': { type: 'string' } },
        headers: { Link: { description: 'CSV only: `<next>; rel="next"` when there is a next page', schema: { type: 'string' } } },
      },
    },
    problems: [400, 403, 404],
    handler: async ({ params, query: q, req, res, deps }) => {
      const row = await findVisibleCase(deps.db, req.actor, params.id);
      if (q.source === 'temporal') {
        if (!canReadWorkflowHistory(req.actor)) throw problem(403, 'forbidden', 'Forbidden', 'The Temporal history is for managers.');
        const runs = [];
        for await (const run of deps.temporal.client.workflow.list({ query: `WorkflowId = "${row.id}"` })) {
          const history = await deps.temporal.client.workflow.getHandle(row.id, run.runId).fetchHistory();
          runs.push({ runId: run.runId, status: run.status.name, startTime: run.startTime, events: history.events ?? [] });
        }
        res.json({ caseId: row.id, number: row.number, runs });
        return;
      }
      const events = await historyPage(deps.db, row.id, { after: q.after, limit: q.limit });
      const items = events.map((e) => {
        const p = (e.payload ?? {}) as { from?: string; to?: string; changes?: Record<string, Change> };
        return {
          seq: e.seq,
          at: e.at.toISOString(),
          type: e.type,
          actor: { id: e.actorId, role: e.actorRole, agencyId: e.actorAgencyId },
          from: p.from ?? null,
          to: p.to ?? null,
          // a field set for the first time has no old value in the event: the answer says null
          changes: Object.fromEntries(Object.entries(p.changes ?? {}).map(([k, c]) => [k, { old: c.old ?? null, new: c.new ?? null }])),
          reason: e.reason,
          payload: e.payload,
          hash: e.hash,
        };
      });
      const next =
        events.length === q.limit
          ? `/v1/cases/${row.id}/history?${new URLSearchParams({ format: q.format, limit: String(q.limit), after: String(events.at(-1)!.seq) })}`
          : null;
      if (q.format === 'csv') {
        // details: what the event says beyond its transition (the detection's facts, a note, a question, an answer)
        const header = ['seq', 'at', 'type', 'actor_role', 'actor_id', 'actor_agency', 'from', 'to', 'changes', 'reason', 'details'];
        const lines = items.map((i) =>
          [i.seq, i.at, i.type, i.actor.role, i.actor.id, i.actor.agencyId, i.from, i.to, i.changes, i.reason, detailsOf(i.payload)]
            .map(csvCell)
            .join(','),
        );
        res.type('text/csv; charset=utf-8').attachment(`${row.number}-history.csv`);
        if (next) res.setHeader('Link', `<${next}>; rel="next"`);
        res.send('\uFEFF' + [header.join(','), ...lines].join('\r\n') + '\r\n'); // BOM: Excel reads Vietnamese correctly
        return;
      }
      res.json({ caseId: row.id, number: row.number, events: items, next });
    },
  }),
];
