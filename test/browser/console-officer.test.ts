// Acceptance (issue 16), first slice: a carrier opens a case through the API; an officer signs in
// to the console (keyboard only), sees the notification with its unread badge, reads it, opens
// the case, acknowledges it and starts verification with the forms, sees the API's validation
// message beside a field and a refused action's reason; each page passes an axe-core scan, and
// none breaks the console's CSP. Labels are checked in Vietnamese, then in English.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../domain/messages/index.js';
import { apiHarness, call, detectionBody, act } from '../support/api.js';
import { browserHarness, expectAccessible, screenshot } from '../support/browser.js';
import { PASSWORD, person } from '../support/console.js';

/** Polls until the page shows it; a loaded machine may take seconds to answer an action. */
const eventually = <T>(f: () => Promise<T> | T) => expect.poll(f, { timeout: 20_000, interval: 100 });

const vi = catalogue('vi');
const en = catalogue('en');

let h: Awaited<ReturnType<typeof apiHarness>>;
let b: Awaited<ReturnType<typeof browserHarness>>;
let officer: Awaited<ReturnType<typeof person>>;
let carrier: string;
let number: string;

async function openCase(ref: string) {
  const r = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody(ref), { 'idempotency-key': `browser-${ref}` });
  expect(r.status).toBe(201);
  return r.body as { id: string; number: string };
}

beforeAll(async () => {
  h = await apiHarness();
  b = await browserHarness();
  const admin = (await h.principal({ name: 'Quản trị', role: 'admin' })).token;
  carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  officer = await person(h, admin, {
    name: 'Nguyễn Văn An',
    role: 'officer',
    agencyId: 'TH-QLTT',
    provinceCode: 'TH',
    title: 'TEAM_LEAD',
    username: 'nguyen.van.an',
  });
  number = (await openCase('BROWSER-1')).number;
});

/** Signs in with the keyboard only: tab to each field, type, Enter. */
async function signInByKeyboard(page: Page) {
  await page.goto(`${h.base}/console/`);
  await page.getByRole('heading', { name: vi.ui.signInTitle }).waitFor();
  await page.keyboard.press('Tab'); // the username field comes first
  await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
  await page.keyboard.type(officer.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
}

describe('an officer works a new case in the console', () => {
  it('signs in, reads the notification, acknowledges and starts verification', async () => {
    const { page, problems } = await b.page();
    await page.goto(`${h.base}/console/`);
    await page.getByRole('heading', { name: vi.ui.signInTitle }).waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');

    // a wrong password is said in Vietnamese, with the API's reason
    await page.getByLabel(vi.ui.username).fill(officer.username);
    await page.getByLabel(vi.ui.password).fill('không phải mật khẩu này');
    await page.getByRole('button', { name: vi.ui.signIn }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe(vi.problem['sign-in-failed']);

    await signInByKeyboard(page);
    await page.getByRole('heading', { name: vi.ui.inboxTitle }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(number) });
    await row.waitFor();
    await eventually(() => row.textContent()).toContain(vi.status.NOTIFIED);
    // the nearest deadline: the carrier's hold confirmation (24 hours), with what its miss sets off
    await eventually(() => row.textContent()).toContain(`${vi.clock.HOLD_CONFIRMATION} ·`);
    await eventually(() => row.textContent()).toContain(vi.escalation.CARRIER_COMPLIANCE);
    await expectAccessible(page, 'inbox');
    await screenshot(page, 'inbox');

    // the unread badge, then the notice itself
    const badge = page.getByTestId('unread-badge');
    await eventually(() => badge.textContent()).toContain(vi.ui.unreadCount.replace('{count}', '1'));
    await page.getByRole('link', { name: new RegExp(vi.ui.navNotifications) }).click();
    await page.getByRole('heading', { name: vi.ui.notificationsTitle }).waitFor();
    const notice = page.getByRole('listitem').filter({ hasText: number });
    await eventually(() => notice.textContent()).toContain(vi.event.AGENCIES_NOTIFIED);
    await eventually(() => notice.textContent()).toContain(vi.ui.unread);
    await expectAccessible(page, 'notifications');
    await screenshot(page, 'notifications');
    await notice.getByRole('button', { name: vi.ui.markRead }).click();
    await eventually(() => notice.textContent()).toContain(vi.ui.read);
    await eventually(() => badge.count()).toBe(0);
    const read = await call(h.base, officer.token, 'GET', '/v1/notifications');
    expect(read.body.unreadCount).toBe(0);
    expect(read.body.items[0].readAt).not.toBeNull();

    // the notice links to its case
    await notice.getByRole('link', { name: vi.ui.openCase.replace('{number}', number) }).click();
    await page.getByRole('heading', { name: vi.ui.caseTitle.replace('{number}', number) }).waitFor();
    await page.getByRole('heading', { name: vi.action.acknowledge, level: 3 }).waitFor();
    await expectAccessible(page, 'case page');

    // acknowledge, then start verification: each form comes from the actions allowed now
    await page.locator('[data-action="acknowledge"]').getByRole('button', { name: vi.action.acknowledge }).click();
    await page.getByRole('heading', { name: vi.action.startVerification, level: 3 }).waitFor();
    await eventually(() => page.locator('.status-line').textContent()).toBe(vi.status.ACKNOWLEDGED);
    // the API's validation message beside the field: a note with no text (notes are open to an agency once it has acknowledged)
    const note = page.locator('[data-action="addNote"]');
    await note.getByRole('button', { name: vi.action.addNote }).click();
    const textField = note.getByLabel(vi.ui.fieldText);
    await eventually(() => textField.getAttribute('aria-invalid')).toBe('true');
    await eventually(() => note.locator('.field-error').textContent()).toBe(vi.validation.required);
    expect(await textField.getAttribute('aria-describedby')).toBe(await note.locator('.field-error').getAttribute('id'));

    await page.locator('[data-action="startVerification"]').getByRole('button', { name: vi.action.startVerification }).click();
    await eventually(() => page.locator('.status-line').textContent()).toBe(vi.status.UNDER_VERIFICATION);
    await eventually(() => page.locator('ol.timeline').textContent()).toContain(vi.event.VERIFICATION_STARTED);
    const timeline = (await page.locator('ol.timeline').textContent()) ?? '';
    for (const e of ['DETECTED', 'AGENCIES_NOTIFIED', 'ACKNOWLEDGED', 'VERIFICATION_STARTED'] as const)
      expect(timeline).toContain(vi.event[e]);
    expect(timeline).toContain(`${vi.status.ACKNOWLEDGED} → ${vi.status.UNDER_VERIFICATION}`);
    await eventually(() => page.locator('section[aria-labelledby="clocks"]').textContent()).toContain(vi.clock.VERIFICATION);
    await expectAccessible(page, 'case page after verification started');
    await screenshot(page, 'case-page');

    const c = await call(h.base, officer.token, 'GET', `/v1/cases/${number}`);
    expect(c.body.status).toBe('UNDER_VERIFICATION');
    expect(c.body.acknowledgements.map((a: { agencyId: string }) => a.agencyId)).toContain('TH-QLTT');
    expect(problems).toEqual([]);
  });

  it('shows a refused action’s reason (the case moved on in another tab)', async () => {
    const other = await openCase('BROWSER-2');
    const { page, problems } = await b.page();
    await signInByKeyboard(page);
    await page.getByRole('heading', { name: vi.ui.inboxTitle }).waitFor();
    await page.goto(`${h.base}/console/cases/${other.number}`);
    const form = page.locator('[data-action="acknowledge"]');
    await form.waitFor();
    // meanwhile the officer acknowledges through the API (another tab, another system)
    expect((await act(h, officer.token, other.id, 'acknowledgement', {})).status).toBe(200);
    await form.getByRole('button', { name: vi.action.acknowledge }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe(vi.ui.actionRefused.replace('{reason}', vi.refusal.ALREADY_ACKNOWLEDGED));
    expect(problems).toEqual([]);
  });

  it('switches to English and back, remembering the choice', async () => {
    const { page } = await b.page();
    await signInByKeyboard(page);
    await page.getByRole('heading', { name: vi.ui.inboxTitle }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi-VN');
    await page.getByRole('button', { name: vi.ui.switchLanguage }).click();
    await page.getByRole('heading', { name: en.ui.inboxTitle }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: en.ui.inboxTitle }).waitFor();
    await page.getByRole('link', { name: en.ui.navReference }).click();
    await page.getByRole('heading', { name: en.ui.referenceDeadlines }).waitFor();
    await expectAccessible(page, 'reference data (English)');
    await page.getByRole('button', { name: en.ui.switchLanguage }).click();
    await page.getByRole('heading', { name: vi.ui.referenceDeadlines }).waitFor();
    await eventually(() => page.locator('#ref-deadlines').locator('..').textContent()).toContain(vi.clock.AGENCY_ACKNOWLEDGEMENT);
    await expectAccessible(page, 'reference data');
    await screenshot(page, 'reference');
  });

  it('sends a signed-out visitor to sign in, and serves the console with a strict CSP and cached assets', async () => {
    const res = await fetch(`${h.base}/console/cases/anything`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const js = await fetch(h.base + asset!);
    expect(js.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect((await fetch(`${h.base}/console/assets/missing-0000.js`)).status).toBe(404);
    const { page } = await b.page();
    await page.goto(`${h.base}/console/notifications`);
    await page.getByRole('heading', { name: vi.ui.signInTitle }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
  });
});
