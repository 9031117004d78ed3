// Acceptance 1 (issue 16): a case from intake to closure using only the console. A carrier opens
// it through the API (its systems have no console); then two officers of different agencies and
// a manager, each in a browser of their own: sign-in, the notification seen and read,
// acknowledgements, the case taken ("nhận xử lý"), verification, the violation and its record,
// the proposal by one officer, four eyes refusing him the decision, the decision by the manager,
// service and payment, which closes the case. Every page is scanned with axe-core.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../domain/messages/index.js';
import { apiHarness, call, detectionBody, act } from '../support/api.js';
import { browserHarness, expectAccessible, screenshot } from '../support/browser.js';
import { person, signInToConsole } from '../support/console.js';

const vi = catalogue('vi');
const eventually = <T>(f: () => Promise<T> | T) => expect.poll(f, { timeout: 20_000, interval: 100 });

let h: Awaited<ReturnType<typeof apiHarness>>;
let b: Awaited<ReturnType<typeof browserHarness>>;
let people: Record<'an' | 'chi' | 'dung', Awaited<ReturnType<typeof person>>>;
let kase: { id: string; number: string };

beforeAll(async () => {
  h = await apiHarness();
  b = await browserHarness();
  const admin = (await h.principal({ name: 'Quản trị', role: 'admin' })).token;
  const carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  people = {
    // market management leads COUNTERFEIT cases; the provincial department is told as well
    an: await person(h, admin, {
      name: 'Nguyễn Văn An',
      role: 'officer',
      agencyId: 'TH-QLTT',
      provinceCode: 'TH',
      title: 'TEAM_LEAD',
      username: 'an.qltt',
    }),
    chi: await person(h, admin, { name: 'Lê Thị Chi', role: 'officer', agencyId: 'TH-DEPT', provinceCode: 'TH', username: 'chi.so' }),
    dung: await person(h, admin, {
      name: 'Phạm Quốc Dũng',
      role: 'manager',
      agencyId: 'TH-QLTT',
      provinceCode: 'TH',
      title: 'DEPARTMENT_HEAD',
      username: 'dung.qltt',
    }),
  };
  const opened = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody('CLOSURE-1'), { 'idempotency-key': 'closure-case-1' });
  expect(opened.status).toBe(201);
  kase = opened.body;
  const held = await act(h, carrier, kase.id, 'hold-confirmation', { holdRecordRef: 'BB-TG-0001' });
  expect(held.status).toBe(200);
});

const form = (page: Page, action: string) => page.locator(`[data-action="${action}"]`);
const statusIs = (page: Page, status: keyof typeof vi.status) =>
  eventually(() => page.locator('.status-line').textContent()).toBe(vi.status[status]);

/** Submits an action's form, with the button that bears the action's name. */
async function submit(f: Locator, action: keyof typeof vi.action) {
  await f.getByRole('button', { name: vi.action[action] }).click();
}

/** Reads the case's notice from the notifications page, marks it read and opens the case from it. */
async function readNoticeAndOpen(page: Page, event: keyof typeof vi.event) {
  await page.getByRole('link', { name: new RegExp(vi.ui.navNotifications) }).click();
  await page.getByRole('heading', { name: vi.ui.notificationsTitle }).waitFor();
  const notice = page
    .getByRole('listitem')
    .filter({ hasText: vi.ui.notificationAbout.replace('{event}', vi.event[event]).replace('{number}', kase.number) });
  await eventually(() => notice.textContent()).toContain(vi.ui.unread);
  await expectAccessible(page, `notifications (${event})`);
  await notice.getByRole('button', { name: vi.ui.markRead }).click();
  await eventually(() => notice.textContent()).toContain(vi.ui.read);
  await notice.getByRole('link', { name: vi.ui.openCase.replace('{number}', kase.number) }).click();
  await page.getByRole('heading', { name: vi.ui.caseTitle.replace('{number}', kase.number) }).waitFor();
}

describe('a case from intake to closure in the console', () => {
  it('is acknowledged, taken, verified, recorded and proposed by the lead officer', async () => {
    const { page, problems } = await b.page();
    await signInToConsole(page, h.base, people.an.username);
    await eventually(() => page.getByTestId('unread-badge').textContent()).toContain(vi.ui.unreadCount.replace('{count}', '1'));
    const row = page.getByRole('row', { name: new RegExp(kase.number) });
    await eventually(() => row.textContent()).toContain(vi.ui.unassigned);
    await readNoticeAndOpen(page, 'AGENCIES_NOTIFIED');
    await eventually(() => page.getByTestId('unread-badge').count()).toBe(0);

    await submit(form(page, 'acknowledge'), 'acknowledge');
    await statusIs(page, 'ACKNOWLEDGED');
    // "nhận xử lý": the empty choice of the assignment form takes the case oneself
    const assign = form(page, 'assign');
    await eventually(() => assign.getByLabel(vi.ui.fieldAssignee).locator('option').allTextContents()).toEqual([
      vi.ui.takeCase,
      'Nguyễn Văn An',
      'Phạm Quốc Dũng',
    ]);
    await expectAccessible(page, 'case page, acknowledged');
    await submit(assign, 'assign');
    await eventually(() => page.locator('.assignee').textContent()).toContain('Nguyễn Văn An');

    await submit(form(page, 'startVerification'), 'startVerification');
    await statusIs(page, 'UNDER_VERIFICATION');
    const violation = form(page, 'confirmViolation');
    await violation.getByLabel(vi.ui.fieldAgainst).selectOption({ label: vi.violationParty.SENDER });
    await violation.getByLabel(vi.ui.fieldSummary).fill('20 túi xách giả nhãn hiệu, người gửi không chứng minh được nguồn gốc');
    await submit(violation, 'confirmViolation');
    await statusIs(page, 'VIOLATION_CONFIRMED');
    const record = form(page, 'recordViolation');
    await record.getByLabel(vi.ui.fieldRecordNumber).fill('BBVP-0001/QLTT');
    await record.getByLabel(vi.ui.fieldSeized).check();
    await submit(record, 'recordViolation');
    await statusIs(page, 'VIOLATION_RECORDED');

    // the proposal: a wrong amount is the API's refusal, shown above the button; then a right one
    const proposal = form(page, 'proposeSanction');
    await proposal.getByLabel(vi.ui.fieldOffenceCode).fill('POST_PROHIBITED_ITEM');
    await proposal.getByLabel(vi.ui.fieldViolator).selectOption({ label: vi.violator.ORGANISATION });
    await proposal.getByLabel(vi.ui.fieldAmountVnd).fill('90.000.000');
    await proposal.getByLabel(vi.ui.fieldLegalArticle).fill('Nghị định 15/2020/NĐ-CP, Điều 9 khoản 1 điểm a');
    await submit(proposal, 'proposeSanction');
    await eventually(() => proposal.getByRole('alert').textContent()).toBe(
      vi.ui.actionRefused.replace('{reason}', vi.refusal.AMOUNT_OUT_OF_RANGE),
    );
    await proposal.getByLabel(vi.ui.fieldAmountVnd).fill('15.000.000');
    await submit(proposal, 'proposeSanction');
    await statusIs(page, 'SANCTION_PROPOSED');

    // four eyes: the proposer has no decision form, and is told why
    await eventually(() => page.getByTestId('four-eyes').textContent()).toBe(vi.refusal.FOUR_EYES);
    expect(await form(page, 'decideSanction').count()).toBe(0);
    await expectAccessible(page, 'case page, proposed');
    expect(problems).toEqual([]);
  });

  it('is acknowledged by the department’s officer, who may not take it', async () => {
    const { page, problems } = await b.page();
    await signInToConsole(page, h.base, people.chi.username);
    await readNoticeAndOpen(page, 'AGENCIES_NOTIFIED');
    await submit(form(page, 'acknowledge'), 'acknowledge');
    await eventually(() => page.locator('section[aria-labelledby="agencies"]').textContent()).not.toContain(vi.ui.notAcknowledged);
    expect(await form(page, 'assign').count()).toBe(0);
    expect(await form(page, 'decideSanction').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('is decided by the manager, then served and paid, which closes it', async () => {
    const { page, problems } = await b.page();
    await signInToConsole(page, h.base, people.dung.username);
    await readNoticeAndOpen(page, 'SANCTION_PROPOSED');
    const decision = form(page, 'decideSanction');
    await decision.getByLabel(vi.ui.fieldDecisionOutcome).selectOption({ label: vi.decision.approve });
    await decision.getByLabel(vi.ui.fieldDecisionNumber).fill('QĐ-15/QĐ-XPHC');
    await expectAccessible(page, 'case page, decision form');
    await screenshot(page, 'case-page-decision');
    await submit(decision, 'decideSanction');
    await statusIs(page, 'DECIDED');
    expect(problems).toEqual([]);

    // the officer in charge serves the decision and records the payment
    const officer = await b.page();
    await signInToConsole(officer.page, h.base, people.an.username);
    await officer.page.getByRole('checkbox', { name: vi.ui.filterAssignedToMe }).check();
    await officer.page.getByRole('button', { name: vi.ui.searchButton }).click();
    const row = officer.page.getByRole('row', { name: new RegExp(kase.number) });
    await eventually(() => row.textContent()).toContain('Nguyễn Văn An');
    await expectAccessible(officer.page, 'inbox, assigned to me');
    await screenshot(officer.page, 'inbox-assigned');
    await row.getByRole('link', { name: kase.number }).click();
    const serve = form(officer.page, 'serveDecision');
    await serve.getByLabel(vi.ui.fieldServiceMethod).selectOption({ label: vi.serviceMethod.IN_PERSON });
    await submit(serve, 'serveDecision');
    await statusIs(officer.page, 'DECISION_SERVED');
    const pay = form(officer.page, 'recordPayment');
    await pay.getByLabel(vi.ui.fieldAmountVnd).fill('15.000.000');
    await pay.getByLabel(vi.ui.fieldReceiptRef).fill('KB-TH-0001');
    await submit(pay, 'recordPayment');
    await statusIs(officer.page, 'CLOSED');

    const timeline = officer.page.locator('ol.timeline');
    const events = [
      'DETECTED',
      'AGENCIES_NOTIFIED',
      'HOLD_CONFIRMED',
      'ACKNOWLEDGED',
      'ASSIGNED',
      'VERIFICATION_STARTED',
      'VIOLATION_CONFIRMED',
      'VIOLATION_RECORDED',
      'SANCTION_PROPOSED',
      'SANCTION_DECIDED',
      'DECISION_SERVED',
      'PAYMENT_RECORDED',
      'CLOSED',
    ] as const;
    for (const e of events) await eventually(() => timeline.textContent()).toContain(vi.event[e]);
    expect(await timeline.textContent()).toContain(`${vi.status.PAID} → ${vi.status.CLOSED}`);
    await expectAccessible(officer.page, 'case page, closed');
    expect(officer.problems).toEqual([]);

    const closed = await call(h.base, people.an.token, 'GET', `/v1/cases/${kase.id}`);
    expect(closed.body).toMatchObject({ status: 'CLOSED', outcome: 'PAID', assignee: { id: people.an.id } });
    expect(closed.body.decision).toMatchObject({ by: people.dung.id, outcome: 'approve' });
    expect(closed.body.proposal.by).toBe(people.an.id);
    expect(closed.body.acknowledgements.map((a: { agencyId: string }) => a.agencyId).sort()).toEqual(['TH-DEPT', 'TH-QLTT']);
  });
});
