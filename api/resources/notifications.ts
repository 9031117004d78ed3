import { noticeAddressesOf } from '../../domain/notice-access.js';
import { markAllRead, markRead, noticeOf, noticePage, unreadCount, type NoticeCursor, type NoticeRow } from '../../prisma/notifications.js';
import { operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';
import { MarkedReadSchema, NotificationListQuery, NotificationPageSchema, NotificationSchema } from '../schemas/console.js';

const noticeJson = (n: NoticeRow) => ({
  id: n.id,
  caseId: n.caseId,
  caseNumber: n.caseNumber,
  seq: n.seq,
  recipient: n.recipient,
  kind: n.kind,
  payload: n.payload,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
  links: { case: `/v1/cases/${n.caseId}` },
});

const encodeCursor = (n: NoticeRow) => Buffer.from(JSON.stringify({ at: n.createdAt.toISOString(), id: n.id })).toString('base64url');

function decodeCursor(raw: string): NoticeCursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof c.id === 'string' && !c.id.includes('\u0000') && typeof c.at === 'string' && !Number.isNaN(Date.parse(c.at)))
      return { at: new Date(c.at).toISOString(), id: c.id };
  } catch {
    /* fall through */
  }
  throw problem(400, 'invalid-cursor', 'Invalid cursor', 'The cursor is malformed; start again without it.');
}

/** The caller's and its agency's notices, newest first, and marking them read (each person for themselves). */
export const notificationOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/v1/notifications',
    operationId: 'listNotifications',
    summary: 'The caller’s and its agency’s notices, newest first, with the unread count',
    description: 'Read receipts are per person: one officer reading an agency notice leaves it unread for the others.',
    tags: ['Console'],
    access: 'key',
    query: NotificationListQuery,
    responses: { 200: { description: 'A page of notices', schema: NotificationPageSchema } },
    problems: [400],
    handler: async ({ query: q, req, res, deps: { db } }) => {
      const addresses = noticeAddressesOf(req.actor);
      const after = q.cursor ? decodeCursor(q.cursor) : null;
      const [rows, unread] = await Promise.all([
        noticePage(db, { principalId: req.actor.id, addresses, unreadOnly: q.unread ?? false, after, limit: q.limit + 1 }),
        unreadCount(db, req.actor.id, addresses),
      ]);
      const page = rows.slice(0, q.limit);
      const nextQuery = { ...(q.unread !== undefined ? { unread: String(q.unread) } : {}), limit: String(q.limit) };
      const next =
        rows.length > q.limit ? `/v1/notifications?${new URLSearchParams({ ...nextQuery, cursor: encodeCursor(page.at(-1)!) })}` : null;
      res.setHeader('Cache-Control', 'no-store');
      res.json({ items: page.map(noticeJson), unreadCount: unread, next });
    },
  }),
  operation({
    method: 'post',
    path: '/v1/notifications/read-all',
    operationId: 'markAllNotificationsRead',
    summary: 'Mark every notice of the caller read',
    tags: ['Console'],
    access: 'key',
    responses: { 200: { description: 'How many were marked', schema: MarkedReadSchema } },
    problems: [403],
    handler: async ({ req, res, deps: { db } }) => {
      const addresses = noticeAddressesOf(req.actor);
      const marked = await markAllRead(db, req.actor.id, addresses);
      res.json({ marked, unreadCount: await unreadCount(db, req.actor.id, addresses) });
    },
  }),
  operation({
    method: 'post',
    path: '/v1/notifications/{id}/read',
    operationId: 'markNotificationRead',
    summary: 'Mark one notice read (reading it twice keeps the first time)',
    tags: ['Console'],
    access: 'key',
    params: { id: { description: 'Notification id' } },
    responses: { 200: { description: 'The notice, read', schema: NotificationSchema } },
    problems: [403, 404],
    handler: async ({ params, req, res, deps: { db } }) => {
      if (!(await markRead(db, req.actor.id, noticeAddressesOf(req.actor), params.id)))
        throw problem(404, 'not-found', 'Notification not found', `No notification ${params.id} is addressed to you.`);
      res.json(noticeJson((await noticeOf(db, req.actor.id, params.id))!));
    },
  }),
];
