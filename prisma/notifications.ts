import type { Tx } from './client.js';
import type { Notification, Prisma } from './generated/client.js';
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
