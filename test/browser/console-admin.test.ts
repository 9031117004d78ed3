// Issue 16, administration in the console: carriers, principals and their keys, passwords. A new
// key's token is shown once; a revoked key stops working; a password set here signs the person in.
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../domain/messages/index.js';
import { apiHarness, call } from '../support/api.js';
import { browserHarness, expectAccessible, screenshot } from '../support/browser.js';
import { person, signIn, signInToConsole } from '../support/console.js';

const vi = catalogue('vi');
const eventually = <T>(f: () => Promise<T> | T) => expect.poll(f, { timeout: 20_000, interval: 100 });
const NEW_PASSWORD = 'mật khẩu mới đủ dài cho cán bộ';

let h: Awaited<ReturnType<typeof apiHarness>>;
let b: Awaited<ReturnType<typeof browserHarness>>;
let admin: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  h = await apiHarness();
  b = await browserHarness();
  const first = (await h.principal({ name: 'Quản trị gốc', role: 'admin' })).token;
  admin = await person(h, first, { name: 'Quản trị viên', role: 'admin', username: 'quan.tri' });
});

describe('administration', () => {
  it('adds a carrier and an officer, shows the key once, sets a password and revokes a key', async () => {
    const { page, problems } = await b.page();
    await signInToConsole(page, h.base, admin.username);
    await page.getByRole('link', { name: vi.ui.navAdmin }).click();
    await page.getByRole('heading', { name: vi.ui.adminTitle, level: 1 }).waitFor();
    await expectAccessible(page, 'administration');

    const carrier = page.locator('section', { has: page.getByRole('heading', { name: vi.ui.adminCreateCarrier }) }).last();
    await carrier.getByLabel(vi.ui.colCode).fill('GHN');
    await carrier.getByLabel(vi.ui.colName).fill('Công ty Giao Hàng Nhanh');
    await carrier.getByRole('button', { name: vi.ui.adminCreateCarrier }).click();
    await eventually(() => page.locator('p.done').textContent()).toBe(vi.ui.carrierCreated.replace('{name}', 'Công ty Giao Hàng Nhanh'));

    const create = page.locator('section', { has: page.getByRole('heading', { name: vi.ui.adminCreatePrincipal }) }).last();
    await create.getByRole('button', { name: vi.ui.adminCreatePrincipal }).click(); // nothing filled: the API's messages beside the fields
    await eventually(() => create.locator('.field-error').first().textContent()).toBe(vi.validation.required);
    await create.getByLabel(vi.ui.colName).fill('Hoàng Văn Em');
    await create.getByLabel(vi.ui.colRole).selectOption({ label: vi.role.officer });
    await create.getByLabel(vi.ui.fieldAgencyId).fill('TH-QLTT');
    await create.getByLabel(vi.ui.province).fill('TH');
    await create.getByRole('button', { name: vi.ui.adminCreatePrincipal }).click();
    await eventually(() => page.locator('p.done').textContent()).toMatch(/pw_/);
    const token = /(pw_\S+)/.exec((await page.locator('p.done').textContent())!)![1]!;
    expect((await call(h.base, token, 'GET', '/v1/cases')).status).toBe(200);

    const password = page.locator('section', { has: page.getByRole('heading', { name: vi.ui.adminSetPassword }) }).last();
    await password.getByLabel(vi.ui.fieldPerson).selectOption({ label: 'Hoàng Văn Em' });
    await password.getByLabel(vi.ui.username).fill('hoang.van.em');
    await password.getByLabel(vi.ui.password).fill(NEW_PASSWORD);
    await password.getByRole('button', { name: vi.ui.adminSetPassword }).click();
    await eventually(() => page.locator('p.done').textContent()).toBe(vi.ui.passwordSet.replace('{name}', 'Hoàng Văn Em'));
    await signIn(h.base, 'hoang.van.em', NEW_PASSWORD);

    const row = page.getByRole('row', { name: /Hoàng Văn Em/ });
    await row.getByRole('button', { name: new RegExp(`^${vi.ui.revokeKey}`) }).click();
    await eventually(() => page.locator('p.done').textContent()).toBe(vi.ui.keyRevoked);
    await eventually(async () => (await call(h.base, token, 'GET', '/v1/cases')).status).toBe(401);
    await expectAccessible(page, 'administration after changes');
    await screenshot(page, 'admin');
    expect(problems).toEqual([]);
  });
});
