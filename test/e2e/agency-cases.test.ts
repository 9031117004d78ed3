// Acceptance (issue 17, "More ways into the pipeline"), over HTTP: an agency's emergency stop and
// an inspection finding, each taken to closure, the tip one came from, and what the carrier sees
// of them (its list, the case, its notices) and does not (the tip, opening them).
import { beforeAll, describe, expect, it } from 'vitest';
import { actionKey, apiHarness, call } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
const t: Record<string, string> = {};

beforeAll(async () => {
  h = await apiHarness();
  const make = async (k: string, p: Parameters<typeof h.principal>[0]) => {
    t[k] = (await h.principal(p)).token;
  };
  await Promise.all([
    make('carrier', { name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' }),
    make('police', { name: 'Công an Thanh Hóa', role: 'officer', agencyId: 'TH-POLICE', provinceCode: 'TH' }),
    make('hnQltt', { name: 'QLTT Hà Nội', role: 'officer', agencyId: 'HN-QLTT', provinceCode: 'HN' }),
    make('qltt', { name: 'QLTT Thanh Hóa', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' }),
    make('dept', { name: 'Thanh tra viên Sở', role: 'officer', agencyId: 'TH-DEPT', provinceCode: 'TH', title: 'TEAM_LEAD' }),
    make('deptDirector', { name: 'Giám đốc Sở', role: 'officer', agencyId: 'TH-DEPT', provinceCode: 'TH', title: 'DIRECTOR' }),
    make('deptManager', { name: 'Lãnh đạo Sở', role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'TH' }),
    make('admin', { name: 'Administrator', role: 'admin' }),
  ]);
});

const post = (token: string, path: string, body: unknown, key = actionKey()) => call(h.base, token, 'POST', path, body, key);
const get = (token: string, path: string) => call(h.base, token, 'GET', path);
const enc = encodeURIComponent;

const STOP = {
  carrierId: 'VNP',
  trackingNumber: 'EE987654321VN',
  provinceCode: 'TH',
  categoryCode: 'BANNED_TRADE',
  reason: 'Nghi vận chuyển pháo nổ',
  legalBasis: 'Chỉ thị UBND tỉnh Thanh Hóa, mục 7 điểm b',
};
const FINDING = {
  carrierId: 'VNP',
  provinceCode: 'TH',
  finding: 'NOT_INSPECTED',
  description: 'Bưu cục Hoằng Hóa không kiểm tra nội dung bưu gửi trước khi chấp nhận',
  legalBasis: 'Chỉ thị 28/CT-BTTTT mục 8; Luật Bưu chính',
  servicePoint: 'Bưu cục Hoằng Hóa',
};

async function step(token: string, id: string, path: string, body: unknown, status?: string) {
  const r = await post(token, `/v1/cases/${enc(id)}/${path}`, body);
  expect(r.status, r.text).toBe(200);
  if (status) expect(r.body.status).toBe(status);
  return r.body;
}

describe('TH §5(b), §6 and §7(b): a tip becomes an emergency stop', () => {
  it('TH §7(b): request → carrier notified → hold confirmed → verification → cleared and closed; the carrier sees its case, not the tip', async () => {
    const tip = await post(t.police!, '/v1/tips', {
      source: 'Công an huyện Hoằng Hóa',
      content: 'Kiện hàng EE987654321VN có thể chứa pháo',
    });
    expect(tip.status, tip.text).toBe(201);
    expect(tip.body).toMatchObject({
      agencyId: 'TH-POLICE',
      provinceCode: 'TH',
      content: 'Kiện hàng EE987654321VN có thể chứa pháo',
      cases: [],
    });
    // sealed where it is stored: the database holds no clear text
    const stored = await h.db.tip.findUniqueOrThrow({ where: { id: tip.body.id } });
    expect(Buffer.from(stored.content).toString('utf8')).not.toContain('pháo');

    const key = { 'idempotency-key': 'th-police-stop-0001' };
    const opened = await post(t.police!, '/v1/emergency-stops', { ...STOP, tipId: tip.body.id }, key);
    expect(opened.status, opened.text).toBe(201);
    const id = opened.body.id as string;
    expect(opened.body).toMatchObject({
      status: 'DETECTED',
      carrierId: 'VNP',
      leadAgencyId: 'TH-POLICE',
      origin: { kind: 'EMERGENCY_STOP', agencyId: 'TH-POLICE', reason: STOP.reason, legalBasis: STOP.legalBasis },
    });
    expect(opened.body.deadlines.map((d: { clock: string }) => d.clock)).toContain('HOLD_CONFIRMATION');
    expect(opened.headers.get('location')).toBe(`/v1/cases/${id}`);
    // a retry with the key is the same case, never a second
    const again = await post(t.police!, '/v1/emergency-stops', { ...STOP, tipId: tip.body.id }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(id);
    expect(await h.db.case.count({ where: { tipId: tip.body.id } })).toBe(1);

    // the carrier: the case is in its list and readable, with the request; its notice says what to hold
    const list = await get(t.carrier!, '/v1/cases?limit=200');
    expect(list.body.items.find((c: { id: string }) => c.id === id)).toMatchObject({
      origin: 'EMERGENCY_STOP',
      trackingNumber: STOP.trackingNumber,
    });
    const seen = await get(t.carrier!, `/v1/cases/${enc(id)}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toContain('confirmHold');
    expect(JSON.stringify(seen.body)).not.toContain(tip.body.id);
    const notices = await get(t.carrier!, '/v1/notifications');
    expect(notices.body.items.find((n: { caseId: string }) => n.caseId === id)).toMatchObject({
      kind: 'DETECTED',
      payload: { origin: 'EMERGENCY_STOP', trackingNumber: STOP.trackingNumber, reason: STOP.reason },
    });
    const history = await get(t.carrier!, `/v1/cases/${enc(id)}/history`);
    expect(history.status).toBe(200);
    expect(history.text).not.toContain(tip.body.id);
    // …and not the tip, nor may it open such cases
    expect((await get(t.carrier!, `/v1/tips/${tip.body.id}`)).status).toBe(403);
    expect((await get(t.carrier!, '/v1/tips')).status).toBe(403);
    expect((await post(t.carrier!, '/v1/emergency-stops', STOP)).status).toBe(403);
    // the other agencies hear of it once the item is held
    expect((await get(t.qltt!, `/v1/notifications`)).body.items.some((n: { caseId: string }) => n.caseId === id)).toBe(false);

    await step(t.carrier!, id, 'hold-confirmation', { holdRecordRef: 'BB-STOP-01' }, 'NOTIFIED');
    await expect
      .poll(async () => (await get(t.qltt!, '/v1/notifications')).body.items.some((n: { caseId: string }) => n.caseId === id))
      .toBe(true);
    await step(t.police!, id, 'acknowledgement', {}, 'ACKNOWLEDGED');
    await step(t.police!, id, 'verification', { outcome: 'started' }, 'UNDER_VERIFICATION');
    await step(t.police!, id, 'verification', { outcome: 'cleared', reason: 'Không phát hiện pháo nổ' }, 'CLEARED');
    const closed = await step(t.carrier!, id, 'release', {}, 'CLOSED');
    expect(closed.outcome).toBe('CLEARED');

    const events = (await get(t.police!, `/v1/cases/${enc(id)}/history`)).body.events.map((e: { type: string }) => e.type);
    expect(events).toEqual([
      'DETECTED',
      'HOLD_CONFIRMED',
      'AGENCIES_NOTIFIED',
      'ACKNOWLEDGED',
      'VERIFICATION_STARTED',
      'CLEARED',
      'RELEASED',
    ]);
    // the tip names the case opened from it, for its agency
    const read = await get(t.police!, `/v1/tips/${tip.body.id}`);
    expect(read.body.cases).toEqual([{ id, number: opened.body.number, origin: 'EMERGENCY_STOP' }]);
    expect((await get(t.deptManager!, '/v1/tips')).body.items.map((x: { id: string }) => x.id)).toContain(tip.body.id);
    expect((await get(t.qltt!, `/v1/tips/${tip.body.id}`)).status).toBe(404); // another agency's tip
  });

  it('TH §7(b): bad input changes nothing: problem+json, and no case', async () => {
    const before = await h.db.case.count();
    const missing = await post(t.police!, '/v1/emergency-stops', { ...STOP, reason: undefined });
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await post(t.police!, '/v1/emergency-stops', { ...STOP, carrierId: 'NOPE' })).body.type).toMatch(/unknown-reference$/);
    expect((await post(t.police!, '/v1/emergency-stops', { ...STOP, tipId: 'tip-none' })).status).toBe(422);
    expect((await post(t.hnQltt!, '/v1/emergency-stops', STOP)).status).toBe(403); // a provincial agency acts in its province
    expect((await post(t.admin!, '/v1/emergency-stops', STOP)).status).toBe(403);
    expect((await post(t.police!, '/v1/emergency-stops', STOP, {})).status).toBe(400); // the Idempotency-Key is required
    expect(await h.db.case.count()).toBe(before);
  });
});

describe('CT 28 §3, §5, §8; TH §1(b), §2(b): an inspection finding against a carrier', () => {
  it('CT 28 §8: violation confirmed → record → sanction → decision → served → paid (closed); the carrier sees the case against it', async () => {
    const opened = await post(t.dept!, '/v1/inspection-findings', FINDING, { 'idempotency-key': 'th-dept-inspection-0001' });
    expect(opened.status, opened.text).toBe(201);
    const id = opened.body.id as string;
    expect(opened.body).toMatchObject({
      status: 'VIOLATION_CONFIRMED',
      leadAgencyId: 'TH-DEPT',
      trackingNumber: '',
      violation: { against: 'CARRIER' },
      origin: { kind: 'INSPECTION', finding: 'NOT_INSPECTED', legalBasis: FINDING.legalBasis },
    });
    expect(opened.body.allowedActions).toContain('recordViolation');

    const seen = await get(t.carrier!, `/v1/cases/${enc(id)}`);
    expect(seen.body).toMatchObject({ status: 'VIOLATION_CONFIRMED', violation: { against: 'CARRIER' }, origin: { kind: 'INSPECTION' } });
    expect(seen.body.allowedActions).not.toContain('confirmHold');
    expect((await get(t.carrier!, '/v1/cases?limit=200')).body.items.map((c: { id: string }) => c.id)).toContain(id);
    const notice = (await get(t.carrier!, '/v1/notifications')).body.items.find((n: { caseId: string }) => n.caseId === id);
    expect(notice).toMatchObject({ kind: 'DETECTED', payload: { origin: 'INSPECTION', finding: 'NOT_INSPECTED' } });
    const refused = await post(t.carrier!, `/v1/cases/${enc(id)}/violation-record`, { recordNumber: 'X', seized: false });
    expect(refused.status).toBe(403);
    expect((await post(t.carrier!, '/v1/inspection-findings', FINDING)).status).toBe(403);

    await step(t.dept!, id, 'violation-record', { recordNumber: 'BBVP-TT-01', seized: false }, 'VIOLATION_RECORDED');
    await step(
      t.dept!,
      id,
      'sanction-proposal',
      {
        offenceCode: 'POST_FAILED_TO_SUSPEND_NOTIFY',
        amountVnd: 15_000_000,
        violator: 'ORGANISATION',
        extraPenalties: [],
        legalArticle: 'Luật Bưu chính Điều 14; Chỉ thị 28/CT-BTTTT mục 1',
      },
      'SANCTION_PROPOSED',
    );
    await step(t.deptDirector!, id, 'sanction-decision', { outcome: 'approve', decisionNumber: 'QĐ-TT-01' }, 'DECIDED');
    await step(t.dept!, id, 'decision-service', { method: 'IN_PERSON' }, 'DECISION_SERVED');
    const paid = await step(t.dept!, id, 'payments', { amountVnd: 15_000_000, receiptRef: 'KB-TT-01' });
    expect(paid).toMatchObject({ status: 'CLOSED', outcome: 'PAID' });

    const carrierHistory = await get(t.carrier!, `/v1/cases/${enc(id)}/history`);
    expect(carrierHistory.body.events.map((e: { type: string }) => e.type)).toEqual([
      'DETECTED',
      'VIOLATION_RECORDED',
      'SANCTION_PROPOSED',
      'SANCTION_DECIDED',
      'DECISION_SERVED',
      'PAYMENT_RECORDED',
      'CLOSED',
    ]);
    const row = await h.db.case.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ origin: 'INSPECTION', status: 'CLOSED', outcome: 'PAID', paidVnd: 15_000_000n });
  });
});
