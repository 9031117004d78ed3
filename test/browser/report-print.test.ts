// Issue 15, acceptance 4: the printable report, as GET /v1/reports/{id}?format=html serves it,
// renders in headless Chromium without scripts: the national emblem line, the title, every
// section's table, inline SVG charts, the signature block; laid out for A4 when printed; in
// Vietnamese, and in English with `lang=en`. `npm run console:screenshots` saves them as
// docs/screenshots/report-print.png and report-print-en.png.
import { beforeAll, expect, it } from 'vitest';
import { apiHarness, call, detectionBody } from '../support/api.js';
import { browserHarness, screenshot } from '../support/browser.js';
import { generatedReport } from '../support/report-runs.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
let browser: Awaited<ReturnType<typeof browserHarness>>;
let manager: string;
const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

beforeAll(async () => {
  [h, browser] = await Promise.all([apiHarness(), browserHarness()]);
  manager = (await h.principal({ name: 'Sở KH&CN Thanh Hóa', role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token;
  for (const [carrierId, n] of [
    ['VNP', 3],
    ['VTP', 2],
  ] as const) {
    const carrier = (await h.principal({ name: carrierId, role: 'carrier', carrierId })).token;
    for (let i = 0; i < n; i++) {
      const category = i % 2 ? 'COUNTERFEIT' : 'SMUGGLED';
      const r = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody(`PRINT-${carrierId}-${i}`, { categoryCode: category }), {
        'idempotency-key': `print-${carrierId}-${i}-${process.pid}`,
      });
      expect(r.status, r.text).toBe(201);
    }
  }
});

const PAGES = {
  vi: {
    query: '',
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    heading: 'BÁO CÁO',
    screenshot: 'report-print',
  },
  en: {
    query: '&lang=en',
    nation: 'SOCIALIST REPUBLIC OF VIET NAM',
    motto: 'Independence - Freedom - Happiness',
    heading: 'REPORT',
    screenshot: 'report-print-en',
  },
} as const;

it.each(['vi', 'en'] as const)('renders the printable report (%s) in Chromium, with no script, and saves a screenshot', async (lang) => {
  const want = PAGES[lang];
  const id = await generatedReport(
    h.base,
    manager,
    { scope: { kind: 'PROVINCE', provinceCode: 'TH' }, period: { kind: 'RANGE', from: `${year}-01-01`, to: `${year}-12-31` } },
    `print-report-${process.pid}`,
  );
  const html = await call(h.base, manager, 'GET', `/v1/reports/${id}?format=html${want.query}`);
  expect(html.status).toBe(200);
  const { page, problems } = await browser.page();
  await page.setContent(html.text, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  await expect.poll(() => page.locator('.head').innerText()).toContain(want.nation);
  expect(await page.locator('.head').innerText()).toContain(want.motto);
  expect(await page.locator('h1').innerText()).toBe(want.heading);
  expect(await page.locator('section').count()).toBeGreaterThanOrEqual(12);
  expect(await page.locator('figure svg').count()).toBeGreaterThan(0);
  expect(await page.locator('.sign').innerText()).not.toBe('');
  // the charts are drawn: a bar for each of this period's categories
  const bars = await page.locator('figure svg rect').count();
  expect(bars).toBeGreaterThan(2);
  // it prints on A4 without running off the page's width (170 mm text block)
  const width = await page.evaluate(() => document.body.getBoundingClientRect().width);
  expect(width).toBeLessThanOrEqual((170 / 25.4) * 96 + 1);
  expect(problems).toEqual([]);
  await screenshot(page, want.screenshot);
});
