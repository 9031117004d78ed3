// The admin CLI keeps the carrier registry (issue 15) as the API does: the same bodies and rules,
// every change in the change log, the CLI's exit codes for a refusal (3 invalid, 4 not found, 5 refused).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../prisma/client.js';
import { seedForCases } from '../support/cases.js';
import { adminCli } from '../support/admin-cli.js';
import { migratedDatabase } from '../support/db.js';

let db: Db;
let url: string;
const admin = (...args: string[]) => adminCli(url, ...args);

beforeAll(async () => {
  ({ db, url } = await migratedDatabase());
  await seedForCases(db);
});

const licence = {
  carrierId: 'VTP',
  kind: 'NOTIFICATION',
  number: '7/XN-BTTTT',
  issuingAuthority: 'Bộ Thông tin và Truyền thông',
  issuedOn: '2021-05-01',
  scope: 'PROVINCIAL',
  provinceCode: 'TH',
};

describe('npm run admin: the carrier registry', { timeout: 240_000 }, () => {
  it('records licences, service points and pledges, lists them, and refuses what the API refuses', async () => {
    const put = await admin('put-licence', '--id', 'VTP-XN-7', '--json', JSON.stringify(licence));
    expect(put.code, put.stderr).toBe(0);
    expect(put.stdout).toMatch(/licence VTP-XN-7/);
    const point = {
      name: 'Bưu cục Sầm Sơn',
      address: 'Phường Trường Sơn',
      provinceCode: 'TH',
      commune: 'Trường Sơn',
      remote: true,
      validFrom: '2021-01-01',
    };
    expect((await admin('put-service-point', '--carrier', 'VTP', '--code', 'TH-SS-01', '--json', JSON.stringify(point))).code).toBe(0);
    const pledge = {
      carrierId: 'VTP',
      signatory: 'Giám đốc chi nhánh',
      signedOn: '2026-02-01',
      documentRef: '3/CK',
      servicePoints: ['TH-SS-01'],
    };
    expect((await admin('put-pledge', '--id', 'VTP-TH-1', '--json', JSON.stringify(pledge))).code).toBe(0);

    expect((await admin('list-licences', '--carrier', 'VTP')).stdout).toMatch(/VTP-XN-7 {2}VTP {2}NOTIFICATION/);
    expect((await admin('list-service-points', '--province', 'TH')).stdout).toMatch(/VTP\/TH-SS-01 {2}TH {2}Bưu cục Sầm Sơn {2}remote/);
    expect((await admin('list-pledges')).stdout).toMatch(/VTP-TH-1 {2}VTP {2}2026-02-01 {2}3\/CK {2}1 point\(s\)/);
    expect(await db.referenceChange.count({ where: { table: { in: ['CarrierLicence', 'ServicePoint', 'Pledge'] } } })).toBe(3);

    const bad = await admin('put-licence', '--id', 'VTP-XN-8', '--json', JSON.stringify({ ...licence, kind: 'PERMIT' }));
    expect(bad.code).toBe(3);
    const backwards = await admin('put-licence', '--id', 'VTP-XN-8', '--json', JSON.stringify({ ...licence, validTo: '2020-01-01' }));
    expect(backwards.code).toBe(5);
    expect(backwards.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect((await admin('delete-pledge', '--id', 'NO-SUCH')).code).toBe(4);
    expect((await admin('delete-pledge', '--id', 'VTP-TH-1')).code).toBe(0);
    expect((await admin('list-pledges')).stdout.trim()).toBe('(none)');
    expect(await db.carrierLicence.count({ where: { id: 'VTP-XN-8' } })).toBe(0);
  });
});
