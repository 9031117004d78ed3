// Issue 19, defect 7: who may act on a case is said once (domain/access.ts PARTY_ROLES, the table
// in docs/domain-model.md, "Who may act"). A manager acts for its own agency on a case routed to
// it, as its officers do; deciding takes an authority title, whoever holds it, never the proposer;
// beyond its agency a manager only adds notes. And a person bound to an agency takes its province.
import { beforeAll, describe, expect, it } from 'vitest';
import { act, apiHarness, call, detectionBody } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
const t: Record<string, string> = {};
let seq = 0;

beforeAll(async () => {
  h = await apiHarness();
  const make = async (k: string, p: Parameters<typeof h.principal>[0]) => void (t[k] = (await h.principal(p)).token);
  await Promise.all([
    make('vnp', { name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' }),
    // the lead agency's managers: one without a title, one holding the Chi cục trưởng's
    make('lead', { name: 'Phó Chi cục trưởng QLTT Thanh Hóa', role: 'manager', agencyId: 'TH-QLTT', provinceCode: 'TH' }),
    make('chief', {
      name: 'Chi cục trưởng QLTT Thanh Hóa',
      role: 'manager',
      agencyId: 'TH-QLTT',
      provinceCode: 'TH',
      title: 'DEPARTMENT_HEAD',
    }),
    // a routed agency that is not the lead, and an agency the case is not routed to
    make('dept', { name: 'Sở KH&CN Thanh Hóa', role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'TH' }),
    make('police', { name: 'Lãnh đạo Công an Thanh Hóa', role: 'manager', agencyId: 'TH-POLICE', provinceCode: 'TH' }),
    make('admin', { name: 'Quản trị', role: 'admin' }),
  ]);
});

const actAs = (who: string, id: string, endpoint: string, body: unknown = {}) => act(h, t[who]!, id, endpoint, body);
const proposal = {
  offenceCode: 'POST_PROHIBITED_ITEM',
  amountVnd: 15_000_000,
  violator: 'ORGANISATION',
  legalArticle: 'NĐ 15/2020, Điều 9 khoản 1 điểm a',
};

/** A case of carrier VNP routed to TH-QLTT (lead) and TH-DEPT, taken by the lead's untitled manager to a proposed sanction. */
async function proposedByManager(): Promise<string> {
  const opened = await call(h.base, t.vnp!, 'POST', '/v1/cases', detectionBody(`MGR-${process.pid}-${++seq}`), {
    'idempotency-key': `manager-rule-${process.pid}-${seq}`,
  });
  expect(opened.status, opened.text).toBe(201);
  const id = opened.body.id as string;
  for (const [endpoint, body] of [
    ['acknowledgement', {}],
    ['verification', { outcome: 'started' }],
    ['verification', { outcome: 'violation', against: 'SENDER', summary: 'Hàng giả nhãn hiệu' }],
    ['violation-record', { recordNumber: `BBVP-${seq}`, seized: true }],
    ['sanction-proposal', proposal],
  ] as const) {
    const r = await actAs('lead', id, endpoint, body);
    expect(r.status, `${endpoint}: ${r.text}`).toBe(200);
  }
  return id;
}

describe('a manager of the lead agency', () => {
  it('leads the case as its officers do: acknowledges, verifies, records and proposes', async () => {
    const id = await proposedByManager();
    const c = await call(h.base, t.lead!, 'GET', `/v1/cases/${id}`);
    expect(c.body.status).toBe('SANCTION_PROPOSED');
  });

  it('decides only holding an authority title, and never on its own proposal', async () => {
    const id = await proposedByManager();
    const decide = (who: string) => actAs(who, id, 'sanction-decision', { outcome: 'approve', decisionNumber: `QĐ-${seq}` });
    // the proposer holds no title: no authority (the title is asked before four eyes)
    const own = await decide('lead');
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('NO_SANCTIONING_AUTHORITY');
    const approved = await decide('chief');
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.status).toBe('DECIDED');
  });

  it('with a title, still not on its own proposal (four eyes)', async () => {
    const opened = await proposedByManager();
    // the titled manager proposes again after a send-back, then may not decide it
    const back = await actAs('chief', opened, 'sanction-decision', { outcome: 'sendBack', reason: 'Cần xem lại mức phạt' });
    expect(back.status, back.text).toBe(200);
    expect((await actAs('chief', opened, 'sanction-proposal', proposal)).status).toBe(200);
    const own = await actAs('chief', opened, 'sanction-decision', { outcome: 'approve', decisionNumber: 'QĐ-OWN' });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FOUR_EYES');
  });
});

describe('a manager beyond the lead agency', () => {
  it('of a routed agency takes none of the lead’s steps, and adds notes', async () => {
    const id = await proposedByManager();
    const decided = await actAs('dept', id, 'sanction-decision', { outcome: 'approve', decisionNumber: 'QĐ-DEPT' });
    expect(decided.status).toBe(403);
    expect(decided.body.code).toBe('NOT_LEAD_AGENCY');
    expect((await actAs('dept', id, 'notes', { text: 'Sở theo dõi' })).status).toBe(200);
  });

  it('of an agency the case is not routed to only adds notes (oversight), as an administrator does', async () => {
    const id = await proposedByManager();
    for (const who of ['police', 'admin']) {
      const decided = await actAs(who, id, 'sanction-decision', { outcome: 'approve', decisionNumber: 'QĐ-X' });
      expect(decided.status, who).toBe(403);
      expect(decided.body.allowedActions, who).toEqual(['addNote']);
      expect((await actAs(who, id, 'notes', { text: 'Ghi chú giám sát' })).status, who).toBe(200);
    }
  });
});

describe('a person bound to an agency', () => {
  const create = (body: Record<string, unknown>) => call(h.base, t.admin!, 'POST', '/v1/principals', { name: `P-${++seq}`, ...body });

  it('is refused at creation when the province is not the agency’s, with 422 naming provinceCode', async () => {
    for (const body of [
      { role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'HN' },
      { role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'HN' },
      { role: 'officer', agencyId: 'NATIONAL-KT1', provinceCode: 'TH' },
      // without a province a manager's scope is national: not for a provincial agency's manager
      { role: 'manager', agencyId: 'TH-DEPT' },
    ]) {
      const r = await create(body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.errors).toEqual([{ in: 'body', field: 'provinceCode', message: expect.any(String), code: 'implausible' }]);
    }
    expect(await h.db.principal.count({ where: { name: { startsWith: 'P-' } } })).toBe(0);
  });

  it('is created with the agency’s province, or none for an officer', async () => {
    for (const body of [
      { role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' },
      { role: 'officer', agencyId: 'TH-QLTT' },
      { role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'TH' },
      { role: 'officer', agencyId: 'NATIONAL-KT1' },
    ]) {
      const r = await create(body);
      expect(r.status, `${JSON.stringify(body)}: ${r.text}`).toBe(201);
    }
  });
});
