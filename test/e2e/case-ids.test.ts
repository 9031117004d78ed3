// Issue 19, defect 2: case (workflow) ids cannot collide across carriers. The id used to be
// `case-<carrierId>-<carrierRef>`, and both parts may contain `-`: carrier X-Y's reference 1 met
// carrier X's reference Y-1. Cases opened under that form keep their ids and are still found.
import { beforeAll, expect, it } from 'vitest';
import { openCase } from '../../workflows/definitions.js';
import { apiHarness, call, detectionBody, act } from '../support/api.js';
import { detection } from '../support/cases.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
const t: Record<string, string> = {};

beforeAll(async () => {
  h = await apiHarness();
  await h.db.carrier.createMany({
    data: [
      { id: 'X-Y', name: 'Carrier X-Y' },
      { id: 'X', name: 'Carrier X' },
    ],
  });
  t.xy = (await h.principal({ name: 'X-Y integration', role: 'carrier', carrierId: 'X-Y' })).token;
  t.x = (await h.principal({ name: 'X integration', role: 'carrier', carrierId: 'X' })).token;
  t.vnp = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  t.admin = (await h.principal({ name: 'Quản trị', role: 'admin' })).token;
});

it('opens carrier X-Y’s reference 1 and carrier X’s reference Y-1 as two cases, each visible only to its carrier', async () => {
  const first = await call(h.base, t.xy!, 'POST', '/v1/cases', detectionBody('1'), { 'idempotency-key': 'ids-xy-0001' });
  const second = await call(h.base, t.x!, 'POST', '/v1/cases', detectionBody('Y-1'), { 'idempotency-key': 'ids-x-00001' });
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  expect(second.status, JSON.stringify(second.body)).toBe(201);
  expect(first.body.id).toBe('case:X-Y:1');
  expect(second.body.id).toBe('case:X:Y-1');
  expect(first.body.number).not.toBe(second.body.number);
  expect((await call(h.base, t.xy!, 'GET', `/v1/cases/${first.body.id}`)).body.carrierRef).toBe('1');
  expect((await call(h.base, t.x!, 'GET', `/v1/cases/${first.body.id}`)).status).toBe(404);
  expect((await call(h.base, t.x!, 'GET', `/v1/cases/${second.body.id}`)).body.carrierRef).toBe('Y-1');
});

it('still finds a case opened under the old id form, and refuses its carrier reference as used', async () => {
  // a case started before the new form: its workflow (and so its record) carries the old id
  const legacyId = 'case-VNP-OLD-1';
  const handle = await h.temporal.client.workflow.start('caseWorkflow', {
    taskQueue: h.temporal.taskQueue,
    workflowId: legacyId,
    args: [{ detection: { ...detection('OLD-1'), reportedBy: { id: 'legacy', role: 'carrier', carrierId: 'VNP' } } }],
  });
  await handle.executeUpdate(openCase);
  const found = await call(h.base, t.vnp!, 'GET', `/v1/cases/${legacyId}`);
  expect(found.status).toBe(200);
  expect(found.body.id).toBe(legacyId);
  expect((await act(h, t.vnp!, legacyId, 'notes', { text: 'vẫn hoạt động' })).status).toBe(200);
  const again = await call(h.base, t.vnp!, 'POST', '/v1/cases', detectionBody('OLD-1'), { 'idempotency-key': 'ids-old-0001' });
  expect(again.status).toBe(409);
  expect(again.body.case).toBe(`/v1/cases/${legacyId}`);
});

it('documents the id as it is', async () => {
  const doc = (await call(h.base, null, 'GET', '/v1/openapi.json')).body;
  const id = doc.paths['/v1/cases/{id}'].get.parameters.find((p: { name: string }) => p.name === 'id');
  expect(id.description).toContain('case:<carrierId>:<carrierRef>');
  expect(id.description).not.toContain('`<carrier>:<carrierRef>`');
});
