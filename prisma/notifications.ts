import type { Db, Tx } from './client.js';
import { Prisma, type Notification } from './generated/client.js';
import type { CaseEventDraft, Notice } from '../workflows/definitions.js';

export type NotificationRow = Notification;

/** Logs the notices of an event; ids are deterministic (caseId:seq:recipient), so a retried write never sends one twice. */
export async function logNotices(tx: Tx, e: CaseEventDraft, notices: Notice[]): Promise<void> {
  await tx.notification.createMany({
    data: notices.map((n) => ({
      id: `${e.caseId}:${e.seq}:${n.recipient}`,
      caseId: e.caseId,
      seq: e.seq,
      recipient: n.recipient,
      kind: n.kind,
      payload: n.payload as Prisma.InputJsonValue,
      createdAt: new Date(e.at),
    })),
    skipDuplicates: true,
  });
}

/** The notices logged for any of these events (the fan-out picks each event's own from them). */
export function noticesOfEvents(tx: Tx, events: { caseId: string; seq: number }[]): Promise<NotificationRow[]> {
  return tx.notification.findMany({
    where: { caseId: { in: [...new Set(events.map((e) => e.caseId))] }, seq: { in: [...new Set(events.map((e) => e.seq))] } },
  });
}

// ---- reading: each person's own and their agency's notices, with per-person read receipts ----

/** A notice as its reader sees it: with the case's number and whether this reader has read it. */
export interface NoticeRow {
  id: string;
  caseId: string;
  caseNumber: string | null;
  seq: number;
  recipient: string;
  kind: string;
  payload: unknown;
  createdAt: Date;
  readAt: Date | null;
}

// the reader's own read receipt and the case's number, joined onto each notice
const noticesAsReadBy = (principalId: string) => Prisma.sql`
  SELECT n.id, n."caseId", c.number AS "caseNumber", n.seq, n.recipient, n.kind, n.payload, n."createdAt", r."readAt"
  FROM "Notification" n
  LEFT JOIN "NotificationRead" r ON r."notificationId" = n.id AND r."principalId" = ${principalId}
  LEFT JOIN "Case" c ON c.id = n."caseId"`;

/** Where the previous page ended, newest first: (createdAt, id) of its last row. */
export interface NoticeCursor {
  /** ISO instant; the column holds UTC wall time, which a cast to timestamp reads from it. */
  at: string;
  id: string;
}

const unreadBy = (principalId: string) =>
  Prisma.sql`NOT EXISTS (SELECT 1 FROM "NotificationRead" r WHERE r."notificationId" = n.id AND r."principalId" = ${principalId})`;

/** A page of the notices addressed to `addresses`, newest first; reads are per person. */
export async function noticePage(
  db: Db,
  q: { principalId: string; addresses: string[]; unreadOnly: boolean; after: NoticeCursor | null; limit: number },
): Promise<NoticeRow[]> {
  const conditions = [
    Prisma.sql`n.recipient = ANY(${q.addresses}::text[])`,
    ...(q.unreadOnly ? [unreadBy(q.principalId)] : []),
    ...(q.after ? [Prisma.sql`(n."createdAt", n.id) < (${q.after.at}::timestamp, ${q.after.id})`] : []),
  ];
  return db.$queryRaw<NoticeRow[]>`
    ${noticesAsReadBy(q.principalId)}
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY n."createdAt" DESC, n.id DESC
    LIMIT ${q.limit}`;
}

/** How many of the notices addressed to `addresses` this person has not read. */
export async function unreadCount(db: Db, principalId: string, addresses: string[]): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Notification" n WHERE n.recipient = ANY(${addresses}::text[]) AND ${unreadBy(principalId)}`;
  return Number(rows[0]?.n ?? 0);
}

/** Marks one notice read by this person, if it is addressed to them; reading twice keeps the first time. */
export async function markRead(db: Db, principalId: string, addresses: string[], id: string): Promise<boolean> {
  const notice = await db.notification.findFirst({ where: { id, recipient: { in: addresses } }, select: { id: true } });
  if (!notice) return false;
  await db.notificationRead.createMany({ data: [{ notificationId: id, principalId }], skipDuplicates: true });
  return true;
}

/** Marks every unread notice of this person read; returns how many. */
export async function markAllRead(db: Db, principalId: string, addresses: string[]): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "NotificationRead" ("notificationId", "principalId", "readAt")
    SELECT n.id, ${principalId}, now() FROM "Notification" n
    WHERE n.recipient = ANY(${addresses}::text[]) AND ${unreadBy(principalId)}
    ON CONFLICT DO NOTHING`;
}

/** One notice as this person sees it. */
export async function noticeOf(db: Db, principalId: string, id: string): Promise<NoticeRow | null> {
  const rows = await db.$queryRaw<NoticeRow[]>`
    ${noticesAsReadBy(principalId)}
    WHERE n.id = ${id}`;
  return rows[0] ?? null;
}
