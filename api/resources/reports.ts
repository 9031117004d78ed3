import { canReadReports, reportReadership } from '../../domain/report-access.js';
import { readableReportPage, type ReportCursor } from '../../prisma/report-lists.js';
import { allow, operation, type Operation } from '../http/operation.js';
import { nextPageLink } from '../http/pagination.js';
import { problem } from '../http/problems.js';
import { ReportIdParam, ReportListQuery, ReportPageSchema, ReportReadQuery, ReportSchema } from '../schemas/reports.js';
import { formatOf, localeOf, sendReport } from './report-formats.js';
import { findReadableReport, reportIdParam, reportLinks } from './report-lookup.js';

const readers = allow(canReadReports, 'read reports (a carrier reads its compliance summary)');

const encodeCursor = (c: ReportCursor) => Buffer.from(JSON.stringify([c.generatedAt, c.id])).toString('base64url');

function decodeCursor(raw: string): ReportCursor {
  try {
    const [generatedAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof generatedAt === 'string' &&
      !Number.isNaN(Date.parse(generatedAt)) &&
      typeof id === 'string' &&
      /^rpt_[0-9a-f]{24}$/.test(id)
    )
      return { generatedAt, id };
  } catch {
    /* fall through */
  }
  throw problem(400, 'invalid-cursor', 'Invalid cursor', 'The cursor is malformed; start again without it.');
}

/** Stored reports: the list of those the caller may read, and one in JSON, printable HTML or CSV. */
export const reportOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/v1/reports',
    operationId: 'listReports',
    summary: 'Stored reports the caller may read, newest first',
    description:
      'Keyset-paginated; follow `next`. Managers read their province (national managers every scope; KT1 variants only where the access rules allow), officers their agency’s province, the inspectorate and the KT1 focal point nationally.',
    tags: ['Reports'],
    access: readers,
    query: ReportListQuery,
    responses: { 200: { description: 'A page of reports', schema: ReportPageSchema } },
    problems: [400, 403],
    handler: async ({ query: q, req, res, deps }) => {
      const { limit, cursor, ...filter } = q;
      const page = await readableReportPage(deps.db, reportReadership(req.actor), filter, {
        after: cursor ? decodeCursor(cursor) : null,
        limit,
      });
      res.json({
        items: page.rows.map((r) => ({ ...r, links: reportLinks(r.id) })),
        next: page.next ? nextPageLink('/v1/reports', req.query, 'cursor', encodeCursor(page.next)) : null,
      });
    },
  }),
  operation({
    method: 'get',
    path: '/v1/reports/{id}',
    operationId: 'getReport',
    summary: 'A stored report: JSON, the printable page (HTML) or CSV',
    description:
      'CSV is UTF-8 with a BOM, one file per table: `table=<id>` gives one, otherwise a zip of all. Headers are Vietnamese; `lang=en` or `Accept-Language: en` gives English. The HTML page is the Vietnamese administrative report, printable without scripts; `lang=en` or `Accept-Language: en` gives it in English.',
    tags: ['Reports'],
    access: readers,
    params: { id: { ...reportIdParam, schema: ReportIdParam } },
    query: ReportReadQuery,
    responses: {
      200: {
        description: 'The report',
        content: {
          'application/json': ReportSchema,
          'text/html': { type: 'string' },
          'text/csv': { type: 'string' },
          'application/zip': { type: 'string', format: 'binary' },
        },
      },
    },
    problems: [400, 403, 404],
    handler: async ({ params, query: q, req, res, deps }) => {
      const report = await findReadableReport(deps.db, req.actor, params.id);
      await sendReport(deps.db, res, report, { format: formatOf(req, q.format), locale: localeOf(req, q.lang), table: q.table });
    },
  }),
];
