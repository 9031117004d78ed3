// Issue 16, the managers' dashboard: charts (ECharts) of open cases by status and lead agency,
// overdue by agency, compliance and sanctions by month, each figure a link to the cases behind it;
// within the manager's province only, and not offered to officers. Scanned with axe-core.
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../domain/messages/index.js';
import { apiHarness, call, detectionBody } from '../support/api.js';
import { browserHarness, expectAccessible, screenshot } from '../support/browser.js';
import { person, signInToConsole } from '../support/console.js';

const vi = catalogue('vi');
const eventually = <T>(f: () => Promise<T> | T) => expect.poll(f, { timeout: 20_000, interval: 100 });

let h: Awaited<ReturnType<typeof apiHarness>>;
let b: Awaited<ReturnType<typeof browserHarness>>;
let manager: Awaited<ReturnType<typeof person>>;
let officer: Awaited<ReturnType<typeof person>>;
const numbers: Record<string, string> = {};

beforeAll(async () => {
  h = await apiHarness();
  b = await browserHarness();
  const admin = (await h.principal({ name: 'Quản trị', role: 'admin' })).token;
  const carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  manager = await person(h, admin, { name: 'Lãnh đạo Sở', role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'TH', username: 'lanh.dao' });
  officer = await person(h, admin, { name: 'Cán bộ QLTT', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH', username: 'can.bo' });
  const cases = { qltt1: {}, qltt2: {}, police: { categoryCode: 'NARCOTICS' }, hanoi: { provinceCode: 'HN' } };
  for (const [k, over] of Object.entries(cases)) {
    const r = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody(`DASHB-${k}`, over), { 'idempotency-key': `dashb-${k}` });
    expect(r.status).toBe(201);
    numbers[k] = r.body.number;
  }
});

describe('the dashboard', () => {
  it('charts the manager’s figures, each linking to the cases behind it', async () => {
    const { page, problems } = await b.page();
    await signInToConsole(page, h.base, manager.username);
    await page.getByRole('link', { name: vi.ui.navDashboard }).click();
    await page.getByRole('heading', { name: vi.ui.dashboardTitle }).waitFor();
    for (const title of ['chartOpenByStatus', 'chartOpenByAgency', 'chartCompliance', 'chartSanctions'] as const)
      await page.getByRole('img', { name: vi.ui[title] }).locator('canvas').first().waitFor();
    // nothing is overdue yet: said, rather than an empty chart
    await eventually(() => page.locator('section[aria-labelledby="overdue-by-agency"] p').textContent()).toBe(vi.ui.noFigures);
    const byStatus = page.locator('section[aria-labelledby="open-by-status"]');
    await eventually(() => byStatus.locator('tbody').textContent()).toBe(`${vi.status.NOTIFIED}3`);
    const byAgency = page.locator('section[aria-labelledby="open-by-agency"] tbody');
    await eventually(() => byAgency.locator('tr').count()).toBe(2);
    expect(await byAgency.textContent()).not.toMatch(/Hà Nội/);
    await expectAccessible(page, 'dashboard');
    await screenshot(page, 'dashboard');

    // the market management figure lists its two cases, and only those
    const qltt = byAgency.getByRole('row').filter({ hasText: '2' }).getByRole('link');
    const agencyName = (await qltt.textContent())!;
    await qltt.click();
    await page.getByRole('heading', { name: vi.ui.inboxTitle }).waitFor();
    const main = page.locator('main');
    await eventually(() => main.textContent()).toContain(numbers.qltt1);
    expect(await main.textContent()).toContain(numbers.qltt2);
    expect(await main.textContent()).not.toContain(numbers.police);
    expect(await page.locator('.listed-by').textContent()).toBe(vi.ui.listedBy.replace('{filter}', agencyName));
    expect(problems).toEqual([]);
  });

  it('is not offered to an officer, whom the API refuses it', async () => {
    const { page } = await b.page();
    await signInToConsole(page, h.base, officer.username);
    expect(await page.getByRole('link', { name: vi.ui.navDashboard }).count()).toBe(0);
    await page.goto(`${h.base}/console/dashboard`);
    await eventually(() => page.getByRole('alert').textContent()).toBe(vi.problem.forbidden);
  });
});
