// Acceptance (issue 16): GET /v1/notifications gives the caller's own and its agency's notices,
// newest first, with the unread count and keyset pagination; marking read (one and all) is per
// person, and nobody reads or marks another agency's notices.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, call, detectionBody } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
let qltt1: string;
let qltt2: string;
let police: string;
const numbers: string[] = [];

beforeAll(async () => {
  h = await apiHarness();
  const carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  qltt1 = (await h.principal({ name: 'QLTT 1', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' })).token;
  qltt2 = (await h.principal({ name: 'QLTT 2', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' })).token;
  police = (await h.principal({ name: 'Công an', role: 'officer', agencyId: 'TH-POLICE', provinceCode: 'TH' })).token;
  for (const n of [1, 2, 3]) {
    const r = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody(`NOTICE-${n}`), { 'idempotency-key': `notice-case-000${n}` });
    expect(r.status).toBe(201);
    numbers.push(r.body.number);
  }
});

describe('GET /v1/notifications', () => {
  it('lists the agency’s notices newest first, with the unread count, a page at a time', async () => {
    const first = await call(h.base, qltt1, 'GET', '/v1/notifications?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.unreadCount).toBe(3);
    expect(first.body.items.map((n: any) => n.caseNumber)).toEqual([numbers[2], numbers[1]]);
    expect(first.body.items[0]).toMatchObject({ kind: 'AGENCIES_NOTIFIED', recipient: 'agency:TH-QLTT', readAt: null });
    expect(first.body.items[0].links.case).toBe(`/v1/cases/${first.body.items[0].caseId}`);
    const second = await call(h.base, qltt1, 'GET', first.body.next);
    expect(second.body.items.map((n: any) => n.caseNumber)).toEqual([numbers[0]]);
    expect(second.body.next).toBeNull();
    expect((await call(h.base, qltt1, 'GET', '/v1/notifications?cursor=not-a-cursor')).status).toBe(400);
  });

  it('shows nobody another agency’s notices (COUNTERFEIT cases go to market management and the department)', async () => {
    const other = await call(h.base, police, 'GET', '/v1/notifications');
    expect(other.body).toMatchObject({ items: [], unreadCount: 0, next: null });
    const someone = (await call(h.base, qltt1, 'GET', '/v1/notifications')).body.items[0].id;
    expect((await call(h.base, police, 'POST', `/v1/notifications/${encodeURIComponent(someone)}/read`)).status).toBe(404);
  });

  it('marks read per person: one officer reading leaves it unread for a colleague; reading twice keeps the first time', async () => {
    const list = await call(h.base, qltt1, 'GET', '/v1/notifications');
    const id = list.body.items[0].id;
    const read = await call(h.base, qltt1, 'POST', `/v1/notifications/${encodeURIComponent(id)}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const again = await call(h.base, qltt1, 'POST', `/v1/notifications/${encodeURIComponent(id)}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await call(h.base, qltt1, 'GET', '/v1/notifications')).body.unreadCount).toBe(2);
    expect((await call(h.base, qltt2, 'GET', '/v1/notifications')).body.unreadCount).toBe(3);
    const unread = await call(h.base, qltt1, 'GET', '/v1/notifications?unread=true');
    expect(unread.body.items.map((n: any) => n.id)).not.toContain(id);
    expect(unread.body.items).toHaveLength(2);
  });

  it('marks all read, for the caller only', async () => {
    const all = await call(h.base, qltt2, 'POST', '/v1/notifications/read-all');
    expect(all.body).toEqual({ marked: 3, unreadCount: 0 });
    expect((await call(h.base, qltt2, 'POST', '/v1/notifications/read-all')).body).toEqual({ marked: 0, unreadCount: 0 });
    expect((await call(h.base, qltt1, 'GET', '/v1/notifications')).body.unreadCount).toBe(2);
  });
});
