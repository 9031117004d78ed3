// Issue 15 over HTTP: administrators keep the carrier registry (licences, service points,
// pledges), every change logged; a refused change is a problem and changes nothing; a carrier
// reads its own compliance summary, counted from the event log.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, call, detectionBody, act } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
const t: Record<string, string> = {};
const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
let seq = 0;
const open = async (carrier: string, over: Record<string, unknown> = {}) => {
  const r = await call(h.base, t[carrier]!, 'POST', '/v1/cases', detectionBody(`REG-${carrier}-${++seq}`, over), {
    'idempotency-key': `e2e-registry-${process.pid}-${seq}`,
  });
  expect(r.status, r.text).toBe(201);
  return r.body;
};
const licence = {
  carrierId: 'VTP',
  kind: 'LICENCE',
  number: '12/GP-BTTTT',
  issuingAuthority: 'Bộ Thông tin và Truyền thông',
  issuedOn: '2020-01-01',
  validTo: '2029-12-31',
  scope: 'INTER_PROVINCIAL',
};
const point = {
  name: 'Bưu cục Hoằng Hóa',
  address: 'Thị trấn Bút Sơn',
  provinceCode: 'TH',
  commune: 'Bút Sơn',
  communeLevel: true,
  validFrom: '2020-01-01',
};

beforeAll(async () => {
  h = await apiHarness();
  const make = async (name: string, p: Parameters<typeof h.principal>[0]) => {
    t[name] = (await h.principal(p)).token;
  };
  await Promise.all([
    make('vnp', { name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' }),
    make('vtp', { name: 'Viettel Post integration', role: 'carrier', carrierId: 'VTP' }),
    make('thDept', { name: 'Sở KH&CN Thanh Hóa', role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'TH' }),
    make('national', { name: 'Bộ KH&CN', role: 'manager' }),
    make('admin', { name: 'Administrator', role: 'admin' }),
  ]);
});

describe('the carrier registry', () => {
  it('records a licence (201, then 200), lists it, logs it, and refuses bad changes with nothing changed', async () => {
    const put = await call(h.base, t.admin!, 'PUT', '/v1/reference/licences/VTP-GP-12', licence);
    expect(put.status, put.text).toBe(201);
    expect(put.headers.get('location')).toBe('/v1/reference/licences/VTP-GP-12');
    expect(put.body).toEqual({ id: 'VTP-GP-12', ...licence, provinceCode: null });
    expect((await call(h.base, t.admin!, 'PUT', '/v1/reference/licences/VTP-GP-12', licence)).status).toBe(200);
    const list = await call(h.base, t.vtp!, 'GET', '/v1/reference/licences?carrierId=VTP');
    expect(list.body.items.map((l: { id: string }) => l.id)).toEqual(['VTP-GP-12']);
    const changes = await call(h.base, t.admin!, 'GET', '/v1/reference/changes?table=CarrierLicence');
    expect(changes.body.items.filter((c: { key: string }) => c.key === 'VTP-GP-12')).toHaveLength(1); // the repeat changed nothing

    expect((await call(h.base, t.thDept!, 'PUT', '/v1/reference/licences/VTP-GP-13', licence)).status).toBe(403);
    const backwards = await call(h.base, t.admin!, 'PUT', '/v1/reference/licences/VTP-GP-13', { ...licence, validTo: '2019-01-01' });
    expect(backwards.status).toBe(422);
    expect(backwards.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await call(h.base, t.admin!, 'PUT', '/v1/reference/licences/VTP-GP-13', { ...licence, kind: 'PERMIT' })).status).toBe(400);
    expect((await call(h.base, t.admin!, 'GET', '/v1/reference/licences?carrierId=VTP')).body.items).toHaveLength(1);
    expect((await call(h.base, t.admin!, 'DELETE', '/v1/reference/licences/NO-SUCH')).status).toBe(404);
  });

  it('registers a service point and a pledge that covers it; removes the pledge', async () => {
    const sp = await call(h.base, t.admin!, 'PUT', '/v1/reference/service-points/VNP/TH-HH-01', point);
    expect(sp.status, sp.text).toBe(201);
    expect(sp.body).toMatchObject({ carrierId: 'VNP', code: 'TH-HH-01', communeLevel: true, remote: false, validTo: null });
    const points = await call(h.base, t.thDept!, 'GET', '/v1/reference/service-points?provinceCode=TH');
    expect(points.body.items.map((p: { code: string }) => p.code)).toContain('TH-HH-01');
    const pledge = {
      carrierId: 'VNP',
      signatory: 'Giám đốc Bưu điện tỉnh',
      signedOn: `${year}-01-02`,
      documentRef: '01/CK',
      servicePoints: ['TH-HH-01'],
    };
    const put = await call(h.base, t.admin!, 'PUT', '/v1/reference/pledges/VNP-TH-1', pledge);
    expect(put.status, put.text).toBe(201);
    expect(put.body).toEqual({ id: 'VNP-TH-1', ...pledge });
    const unknownPoint = await call(h.base, t.admin!, 'PUT', '/v1/reference/pledges/VNP-TH-2', { ...pledge, servicePoints: ['NOWHERE'] });
    expect(unknownPoint.status).toBe(422);
    expect((await call(h.base, t.vnp!, 'GET', '/v1/reference/pledges?carrierId=VNP')).body.items).toHaveLength(1);
    expect((await call(h.base, t.admin!, 'DELETE', '/v1/reference/pledges/VNP-TH-1')).status).toBe(204);
    expect((await call(h.base, t.admin!, 'GET', '/v1/reference/pledges')).body.items).toEqual([]);
  });

  it('opens a case at a registered point as registered, free text as not', async () => {
    const registered = await open('vnp', { servicePoint: 'TH-HH-01' });
    expect(registered.servicePoint).toEqual({
      given: 'TH-HH-01',
      registered: { code: 'TH-HH-01', name: point.name, provinceCode: 'TH', communeLevel: true, remote: false },
    });
    expect((await open('vnp', { servicePoint: 'Quầy tạm chợ Bút Sơn' })).servicePoint.registered).toBeNull();
  });
});

describe('GET /v1/carriers/{id}/compliance', () => {
  it('counts a carrier’s cases, holds and licence findings; only it, national managers and admins read it', async () => {
    await call(h.base, t.admin!, 'DELETE', '/v1/reference/licences/VTP-GP-12'); // VTP unlicensed from here on
    const unlicensed = await open('vtp');
    expect(unlicensed.licenceFinding).toMatchObject({ kind: 'NO_VALID_LICENCE', carrierId: 'VTP' });
    const held = await open('vtp');
    const hold = await act(h, t.vtp!, held.id, 'hold-confirmation', { holdRecordRef: 'BB-REG-1' });
    expect(hold.status, hold.text).toBe(200);
    const own = await call(h.base, t.vtp!, 'GET', '/v1/carriers/VTP/compliance');
    expect(own.status, own.text).toBe(200);
    expect(own.body).toMatchObject({
      carrierId: 'VTP',
      from: `${year}-01-01`,
      detected: 2,
      holdsConfirmed: 1,
      holdsConfirmedOnTime: 1,
      holdsMissed: 0,
      licenceFindings: 2,
      validLicences: [],
    });
    // licensed again: a new case is no finding, the old ones stay counted
    expect((await call(h.base, t.admin!, 'PUT', '/v1/reference/licences/VTP-GP-12', licence)).status).toBe(201);
    expect((await open('vtp')).licenceFinding).toBeUndefined();
    const after = await call(h.base, t.national!, 'GET', '/v1/carriers/VTP/compliance');
    expect(after.body).toMatchObject({ detected: 3, licenceFindings: 2 });
    expect(after.body.validLicences.map((l: { id: string }) => l.id)).toEqual(['VTP-GP-12']);
    const past = await call(h.base, t.admin!, 'GET', `/v1/carriers/VTP/compliance?from=${year - 1}-01-01&to=${year - 1}-12-31`);
    expect(past.body).toMatchObject({ detected: 0, licenceFindings: 0 });
    expect((await call(h.base, t.vnp!, 'GET', '/v1/carriers/VTP/compliance')).status).toBe(404);
    expect((await call(h.base, t.thDept!, 'GET', '/v1/carriers/VTP/compliance')).status).toBe(404);
    expect((await call(h.base, t.admin!, 'GET', '/v1/carriers/VTP/compliance?from=2026-05-01&to=2026-04-01')).status).toBe(400);
  });
});
