// prisma/principals.ts and prisma/carriers.ts: who holds a key, as the API's authentication reads it.
import { beforeAll, describe, expect, it } from 'vitest';
import { carrierExists, createCarrier, listCarriers, putCarrier } from '../../prisma/carriers.js';
import { pingDb, type Db } from '../../prisma/client.js';
import { createPrincipal, issueKey, keyHolder, listPrincipals, noteKeyUse, principalExists, revokeKey } from '../../prisma/principals.js';
import { agencyExists, categoryExists, provinceExists } from '../../prisma/reference/reads.js';
import { seedForCases } from '../support/cases.js';
import { migratedDatabase } from '../support/db.js';

let db: Db;
beforeAll(async () => {
  ({ db } = await migratedDatabase());
  await seedForCases(db);
}, 120_000);

describe('principals and keys', () => {
  it('knows an officer by its key: agency kind and the authority cap of its title', async () => {
    const { principal, token } = await createPrincipal(
      db,
      { name: 'Cán bộ Công an', role: 'officer', agencyId: 'TH-POLICE', provinceCode: 'TH', title: 'DIRECTOR' },
      'first',
    );
    const cap = await db.authorityCap.findFirstOrThrow({ where: { agencyKind: 'POLICE', title: 'DIRECTOR' } });
    expect(await keyHolder(db, token)).toMatchObject({
      lastUsedAt: null,
      actor: {
        id: principal.id,
        role: 'officer',
        carrierId: null,
        agencyId: 'TH-POLICE',
        agencyKind: 'POLICE',
        provinceCode: 'TH',
        title: 'DIRECTOR',
        authorityCapVnd: Number(cap.capVnd),
      },
    });
  });

  it('gives a title without a cap, and a carrier, no sanctioning authority', async () => {
    const officer = await createPrincipal(db, { name: 'o', role: 'officer', agencyId: 'TH-QLTT', title: 'NO_SUCH_TITLE' }, 'k');
    expect((await keyHolder(db, officer.token))!.actor).toMatchObject({ agencyKind: 'QLTT', authorityCapVnd: null });
    const carrier = await createPrincipal(db, { name: 'c', role: 'carrier', carrierId: 'VNP' }, 'k');
    expect((await keyHolder(db, carrier.token))!.actor).toMatchObject({ carrierId: 'VNP', agencyKind: null, authorityCapVnd: null });
  });

  it('knows no unknown key, no revoked key and no key of a disabled principal', async () => {
    const { principal, keyId, token } = await createPrincipal(db, { name: 'm', role: 'manager', provinceCode: 'TH' }, 'k');
    const second = await issueKey(db, principal.id, 'rotation');
    expect(await keyHolder(db, 'pw_00000000_unknown')).toBeNull();
    expect(await revokeKey(db, keyId)).toBe(true);
    expect(await keyHolder(db, token)).toBeNull();
    expect((await keyHolder(db, second.token))?.keyId).toBe(second.key.id);
    await db.principal.update({ where: { id: principal.id }, data: { disabledAt: new Date() } });
    expect(await keyHolder(db, second.token)).toBeNull();
  });

  it('notes a key’s use at most once a minute', async () => {
    const { keyId, token } = await createPrincipal(db, { name: 'a', role: 'admin' }, 'k');
    const t0 = new Date('2026-03-02T03:00:00.000Z');
    await noteKeyUse(db, { keyId, lastUsedAt: null }, t0);
    const used = await keyHolder(db, token);
    expect(used!.lastUsedAt).toEqual(t0);
    await noteKeyUse(db, used!, new Date(t0.getTime() + 59_000));
    expect((await keyHolder(db, token))!.lastUsedAt).toEqual(t0);
    await noteKeyUse(db, used!, new Date(t0.getTime() + 61_000));
    expect((await keyHolder(db, token))!.lastUsedAt).toEqual(new Date(t0.getTime() + 61_000));
  });

  it('lists principals oldest first with their keys, and tells which exist', async () => {
    const all = await listPrincipals(db);
    expect(all.map((p) => p.createdAt.getTime())).toEqual([...all.map((p) => p.createdAt.getTime())].sort((a, b) => a - b));
    const rotated = all.find((p) => p.keys.length === 2)!;
    expect(rotated.keys.map((k) => k.name)).toEqual(['k', 'rotation']);
    expect(await principalExists(db, rotated.id)).toBe(true);
    expect(await principalExists(db, '00000000-0000-0000-0000-000000000000')).toBe(false);
  });
});

describe('carriers and reference lookups', () => {
  it('registers a carrier with its licence day, lists carriers by id, and tells which exist', async () => {
    const c = await createCarrier(db, {
      id: 'GHN',
      name: 'Giao Hàng Nhanh',
      kt1: false,
      licenceNumber: 'L-1',
      licenceValidTo: '2030-12-31',
    });
    expect(c).toMatchObject({ id: 'GHN', licenceValidTo: new Date('2030-12-31T00:00:00.000Z'), complianceContact: null });
    expect((await listCarriers(db)).map((x) => x.id)).toEqual(['GHN', 'VNP', 'VTP']);
    expect(await carrierExists(db, 'GHN')).toBe(true);
    expect(await carrierExists(db, 'NOPE')).toBe(false);
    await putCarrier(db, { id: 'GHN', name: 'Công ty Giao Hàng Nhanh', kt1: true });
    await putCarrier(db, { id: 'J&T', name: 'J&T Express', kt1: false });
    expect(await listCarriers(db)).toMatchObject([
      { id: 'GHN', name: 'Công ty Giao Hàng Nhanh', kt1: true, licenceNumber: 'L-1' },
      { id: 'J&T', kt1: false },
      { id: 'VNP' },
      { id: 'VTP' },
    ]);
  });

  it('tells which categories, provinces and agencies the reference data has', async () => {
    expect([await categoryExists(db, 'COUNTERFEIT'), await categoryExists(db, 'NOPE')]).toEqual([true, false]);
    expect([await provinceExists(db, 'TH'), await provinceExists(db, 'XX')]).toEqual([true, false]);
    expect([await agencyExists(db, 'NATIONAL-KT1'), await agencyExists(db, 'XX-POLICE')]).toEqual([true, false]);
    await expect(pingDb(db)).resolves.toBeUndefined();
  });
});
