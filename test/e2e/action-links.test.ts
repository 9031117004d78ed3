// Integrators' stumble (issue 19): `allowedActions` named workflow actions, not endpoints, and the
// intake answered the carrier `allowedActions: []`. Each allowed action now comes with its request,
// and following it takes the action.
import { beforeAll, expect, it } from 'vitest';
import { apiHarness, call, detectionBody, actionKey } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
const t: Record<string, string> = {};

beforeAll(async () => {
  h = await apiHarness();
  t.carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  t.qltt = (await h.principal({ name: 'QLTT', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' })).token;
});

interface ActionLink {
  action: string;
  method: string;
  path: string;
  body?: Record<string, string>;
}
const linkOf = (body: { actions: ActionLink[] }, action: string) => body.actions.find((a) => a.action === action)!;

it('answers the intake with the carrier’s next steps and their requests', async () => {
  const r = await call(h.base, t.carrier!, 'POST', '/v1/cases', detectionBody('LINKS-1'), { 'idempotency-key': 'links-0001' });
  expect(r.status).toBe(201);
  expect(r.body.allowedActions).toContain('confirmHold');
  expect(r.body.actions.map((a: ActionLink) => a.action)).toEqual(r.body.allowedActions);
  expect(linkOf(r.body, 'confirmHold')).toEqual({
    action: 'confirmHold',
    method: 'POST',
    path: `/v1/cases/${r.body.id}/hold-confirmation`,
  });
  const held = await call(h.base, t.carrier!, 'POST', linkOf(r.body, 'confirmHold').path, { holdRecordRef: 'BB-LINKS-1' }, actionKey());
  expect(held.status, held.text).toBe(200);
  expect(held.body.flags.holdConfirmed).toBe(true);
});

it('lets an officer follow its links, the selecting body fields included', async () => {
  const opened = await call(h.base, t.carrier!, 'POST', '/v1/cases', detectionBody('LINKS-2'), { 'idempotency-key': 'links-0002' });
  const seen = await call(h.base, t.qltt!, 'GET', `/v1/cases/${opened.body.id}`);
  const ack = linkOf(seen.body, 'acknowledge');
  const acked = await call(h.base, t.qltt!, ack.method, ack.path, ack.body ?? {}, actionKey());
  expect(acked.status, acked.text).toBe(200);
  const start = linkOf(acked.body, 'startVerification');
  expect(start).toMatchObject({ path: `/v1/cases/${opened.body.id}/verification`, body: { outcome: 'started' } });
  const started = await call(h.base, t.qltt!, start.method, start.path, start.body, actionKey());
  expect(started.status, started.text).toBe(200);
  expect(started.body.status).toBe('UNDER_VERIFICATION');
});
