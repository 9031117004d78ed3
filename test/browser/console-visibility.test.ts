// Acceptance 2 (issue 16): an officer never sees another agency's or another province's case, nor
// a KT1 case he may not see, in any console view — the inbox (every filter, search by number and
// by tracking number, closed cases included), the case page opened by address, the notifications
// and the assignment list. Two officers of one province, of two agencies, each see their own only.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../domain/messages/index.js';
import { apiHarness, call, detectionBody, actionKey, act } from '../support/api.js';
import { browserHarness, expectAccessible } from '../support/browser.js';
import { asSession, person, signIn, signInToConsole } from '../support/console.js';

const vi = catalogue('vi');
const eventually = <T>(f: () => Promise<T> | T) => expect.poll(f, { timeout: 20_000, interval: 100 });

// each case its own tracking number, so that a search by it names one case
const CASES = {
  qltt: { ref: 'VIS-QLTT', over: { trackingNumber: 'EE100000001VN' } }, // COUNTERFEIT, TH: TH-QLTT leads, TH-DEPT told
  hanoi: { ref: 'VIS-HN', over: { trackingNumber: 'EE100000002VN', provinceCode: 'HN' } }, // another province's market management
  police: { ref: 'VIS-POLICE', over: { trackingNumber: 'EE100000003VN', categoryCode: 'NARCOTICS' } }, // TH-POLICE leads
  kt1: { ref: 'VIS-KT1', over: { trackingNumber: 'EE100000004VN', kt1: true } }, // the KT1 focal point and TH-POLICE only
} as const;
type CaseKey = keyof typeof CASES;

/** What each officer may see; every other case must stay invisible to them everywhere. */
const SEES = { qlttOfficer: ['qltt'], policeOfficer: ['police', 'kt1'] } as const satisfies Record<string, readonly CaseKey[]>;
type Officer = keyof typeof SEES;

let h: Awaited<ReturnType<typeof apiHarness>>;
let b: Awaited<ReturnType<typeof browserHarness>>;
const cases = {} as Record<CaseKey, { id: string; number: string; trackingNumber: string }>;
const officers = {} as Record<Officer, Awaited<ReturnType<typeof person>>>;

beforeAll(async () => {
  h = await apiHarness();
  b = await browserHarness();
  const admin = (await h.principal({ name: 'Quản trị', role: 'admin' })).token;
  const carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  officers.qlttOfficer = await person(h, admin, {
    name: 'Cán bộ QLTT',
    role: 'officer',
    agencyId: 'TH-QLTT',
    provinceCode: 'TH',
    username: 'vis.qltt',
  });
  officers.policeOfficer = await person(h, admin, {
    name: 'Cán bộ Công an',
    role: 'officer',
    agencyId: 'TH-POLICE',
    provinceCode: 'TH',
    username: 'vis.police',
  });
  for (const [key, { ref, over }] of Object.entries(CASES) as [CaseKey, (typeof CASES)[CaseKey]][]) {
    const r = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody(ref, over), { 'idempotency-key': `visibility-${ref}` });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    cases[key] = { id: r.body.id, number: r.body.number, trackingNumber: over.trackingNumber };
  }
  // the KT1 case taken further by the police, so that it has events and notices there to be leaked
  const police = officers.policeOfficer.token;
  expect((await act(h, police, cases.kt1.id, 'acknowledgement', {})).status).toBe(200);
});

const hidden = (o: Officer) => (Object.keys(CASES) as CaseKey[]).filter((k) => !(SEES[o] as readonly CaseKey[]).includes(k));

/** The case numbers the inbox shows with these filters in its address. */
async function inboxNumbers(page: Page, params: string): Promise<string> {
  await page.goto(`${h.base}/console/?${params}`);
  await page.getByRole('heading', { name: vi.ui.inboxTitle }).waitFor();
  await eventually(() => page.locator('table, p[role="status"]').filter({ hasNotText: vi.ui.loading }).count()).toBeGreaterThan(0);
  return (await page.locator('main').textContent()) ?? '';
}

describe.each(Object.keys(SEES) as Officer[])('the %s sees only the cases routed to its agency', (o) => {
  it('in the inbox, whatever the filter or search', async () => {
    const { page, problems } = await b.page();
    await signInToConsole(page, h.base, officers[o].username);
    for (const k of SEES[o]) await eventually(() => page.locator('main').textContent()).toContain(cases[k].number);
    const views = ['', 'closed=true', 'overdue=false', 'clock=HOLD_CONFIRMATION', 'category=COUNTERFEIT', 'status=NOTIFIED', 'mine=true'];
    for (const k of hidden(o)) views.push(`q=${cases[k].number}`, `q=${cases[k].trackingNumber}`, `q=EE1000`);
    for (const view of views) {
      const text = await inboxNumbers(page, view);
      for (const k of hidden(o)) {
        expect(text, `${o}, inbox ?${view}`).not.toContain(cases[k].number);
        expect(text, `${o}, inbox ?${view}`).not.toContain(cases[k].trackingNumber);
      }
    }
    await expectAccessible(page, `inbox of the ${o}`);
    expect(problems).toEqual([]);
  });

  it('nor on a case page opened by its address or id, nor in the notifications', async () => {
    const { page, problems } = await b.page();
    await signInToConsole(page, h.base, officers[o].username);
    for (const k of hidden(o)) {
      for (const ref of [cases[k].number, cases[k].id]) {
        await page.goto(`${h.base}/console/cases/${encodeURIComponent(ref)}`);
        await eventually(() => page.getByRole('alert').textContent()).toContain(vi.problem['case-not-found']);
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text).not.toContain(cases[k].trackingNumber);
        expect(await page.locator('ol.timeline').count()).toBe(0);
      }
    }
    await expectAccessible(page, `a hidden case's page, for the ${o}`);
    await page.goto(`${h.base}/console/notifications`);
    await page.getByRole('heading', { name: vi.ui.notificationsTitle }).waitFor();
    for (const k of SEES[o]) await eventually(() => page.locator('ul.notices').textContent()).toContain(cases[k].number);
    const notices = (await page.locator('main').textContent()) ?? '';
    for (const k of hidden(o)) expect(notices).not.toContain(cases[k].number);
    expect(problems).toEqual([]);

    // what the console asks the API behind those views answers the same way
    const s = await signIn(h.base, officers[o].username);
    for (const k of hidden(o)) {
      for (const path of [`/v1/cases/${cases[k].id}`, `/v1/cases/${cases[k].id}/history`, `/v1/cases/${cases[k].id}/assignees`])
        expect((await asSession(h.base, s, 'GET', path)).status, `${o} ${path}`).toBe(404);
      const assign = await asSession(h.base, s, 'POST', `/v1/cases/${cases[k].id}/assignment`, {}, actionKey());
      expect(assign.status).toBe(404);
    }
  });
});
