// Acceptance: an authorisation matrix covers every endpoint × role × own/foreign scope and
// asserts the status code of each cell.
//
// The rules (issue): a carrier sees and acts only on its own cases; an officer only on cases
// routed to its agency (KT1 cases only for the KT1 focal point, its police and managers);
// managers read within their scope; a foreign case is 404, a forbidden action 403, an action
// the caller may take but not in this state 409. Expectations are written out by hand, cell by
// cell, rather than computed from domain/access.ts, so the matrix checks the policy instead of
// restating it.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { ACTION_ENDPOINTS, type ActionEndpoint } from '../../api/resources/case-action-table.js';
import { OPERATIONS } from '../../api/operations.js';
import { issueKey, revokeKey } from '../../prisma/principals.js';
import { generateReport } from '../../prisma/reports.js';
import { putLicence, putServicePoint } from '../../prisma/registry-admin.js';
import { apiHarness, call, detectionBody, actionKey } from '../support/api.js';

// ---------------------------------------------------------------------------------------------
// Callers

const CALLERS = {
  vnp: 'carrier VNP',
  vtp: 'carrier VTP',
  thQltt: 'officer TH-QLTT',
  hnQltt: 'officer HN-QLTT',
  thPolice: 'officer TH-POLICE',
  kt1: 'officer NATIONAL-KT1',
  thDept: 'manager TH-DEPT (TH)',
  hnDept: 'manager HN-DEPT (HN)',
  thPoliceMgr: 'manager TH-POLICE (TH)',
  thQlttMgr: 'manager TH-QLTT (TH), the lead agency’s',
  national: 'national manager',
  admin: 'admin',
  anonymous: 'no key',
  revoked: 'revoked key',
  disabled: 'disabled principal',
} as const;
type Caller = keyof typeof CALLERS;
const ALL = Object.keys(CALLERS) as Caller[];
const UNAUTHENTICATED: readonly Caller[] = ['anonymous', 'revoked', 'disabled'];

// ---------------------------------------------------------------------------------------------
// Cases, each opened by carrier VNP in Thanh Hóa

const CASES = {
  A: 'A: VNP COUNTERFEIT TH, NOTIFIED (lead TH-QLTT + TH-DEPT)',
  B: 'B: VNP COUNTERFEIT TH, ACKNOWLEDGED by TH-QLTT',
  K: 'K: VNP KT1 TH, NOTIFIED (lead NATIONAL-KT1 + TH-POLICE)',
} as const;
type CaseKey = keyof typeof CASES;

/** Who can see each case; everyone else authenticated gets 404. */
const SEES: Record<CaseKey, readonly Caller[]> = {
  A: ['vnp', 'thQltt', 'thDept', 'thPoliceMgr', 'thQlttMgr', 'national', 'admin'],
  B: ['vnp', 'thQltt', 'thDept', 'thPoliceMgr', 'thQlttMgr', 'national', 'admin'],
  K: ['vnp', 'kt1', 'thPolice', 'thDept', 'thPoliceMgr', 'admin'],
};

// ---------------------------------------------------------------------------------------------
// Action expectations: for each case, each action endpoint, each caller who can see the case
// and may act (admins only add notes, other actions 403; foreign callers: 404; no valid key: 401).
// FRESH = 200 on a case of its own in the same state, since the step changes the case.

const FRESH = 'fresh' as const;
type Expect = number | typeof FRESH;
type ActorExpect = Partial<Record<Caller, Expect>>;

/** Carrier VNP gets `carrier`, every visible agency caller `agencies`, except `over`. */
const split = (k: CaseKey, carrier: Expect, agencies: Expect, over: ActorExpect = {}): ActorExpect =>
  Object.fromEntries(SEES[k].filter((c) => c !== 'admin').map((c) => [c, over[c] ?? (c === 'vnp' ? carrier : agencies)]));
/** A lead-agency step none can take in this state: the carrier is never allowed (403), agencies are, later (409). */
const agencyLater = (k: CaseKey) => split(k, 403, 409);
/** A carrier-only step: agencies 403, the carrier `carrier`. */
const carrierOnly = (k: CaseKey, carrier: Expect) => split(k, carrier, 403);

const ACTIONS: Record<CaseKey, Record<ActionEndpoint, ActorExpect>> = {
  // NOTIFIED: nobody has acknowledged, the hold is not confirmed.
  A: {
    'hold-confirmation': carrierOnly('A', FRESH),
    // a manager acts for its own routed agency as its officers do (domain/access.ts PARTY_ROLES)
    acknowledgement: split('A', 403, 403, { thQltt: FRESH, thDept: FRESH, thQlttMgr: FRESH }), // TH-POLICE manager & national: not routed
    assignment: split('A', 403, 403, { thQltt: 409, thQlttMgr: 409 }), // within the lead agency, once it has acknowledged
    'information-requests': agencyLater('A'),
    'information-responses': carrierOnly('A', 409), // nothing was asked
    verification: agencyLater('A'),
    routing: agencyLater('A'),
    // the lead must acknowledge first (409); a routed non-lead or unrouted agency never may (403)
    'deadline-extensions': split('A', 403, 403, { thQltt: 409, thQlttMgr: 409 }),
    'violation-record': agencyLater('A'),
    'sanction-proposal': agencyLater('A'),
    'sanction-decision': agencyLater('A'),
    'decision-service': agencyLater('A'),
    payments: agencyLater('A'),
    'payment-relief': agencyLater('A'),
    enforcement: agencyLater('A'),
    release: carrierOnly('A', 409),
    referral: agencyLater('A'),
    'referral-return': agencyLater('A'),
    notes: split('A', 200, 200, { thQltt: 409 }), // the routed officer acknowledges first; managers note as oversight
    evidence: split('A', 200, 403, { thQltt: 409, thDept: 409, thQlttMgr: 409 }), // routed agencies after acknowledging
  },
  // ACKNOWLEDGED: TH-QLTT (lead) has acknowledged, TH-DEPT has not.
  B: {
    'hold-confirmation': carrierOnly('B', FRESH),
    acknowledgement: split('B', 403, 403, { thQltt: 409, thDept: FRESH, thQlttMgr: 409 }), // TH-QLTT: already acknowledged
    assignment: split('B', 403, 403, { thQltt: FRESH, thQlttMgr: FRESH }),
    'information-requests': split('B', 403, 403, { thQltt: FRESH, thDept: 409, thQlttMgr: FRESH }),
    'information-responses': carrierOnly('B', 409),
    verification: split('B', 403, 403, { thQltt: FRESH, thQlttMgr: FRESH }),
    routing: split('B', 403, 403, { thQltt: FRESH, thDept: 409, thQlttMgr: FRESH }),
    'deadline-extensions': split('B', 403, 403, { thQltt: FRESH, thQlttMgr: FRESH }),
    'violation-record': agencyLater('B'),
    'sanction-proposal': agencyLater('B'),
    'sanction-decision': agencyLater('B'),
    'decision-service': agencyLater('B'),
    payments: agencyLater('B'),
    'payment-relief': agencyLater('B'),
    enforcement: agencyLater('B'),
    release: carrierOnly('B', 409),
    referral: agencyLater('B'),
    'referral-return': agencyLater('B'),
    notes: split('B', 200, 200),
    evidence: split('B', 200, 403, { thQltt: 200, thDept: 409, thQlttMgr: 200 }),
  },
  // KT1, NOTIFIED: routed to the KT1 focal point (lead) and TH-POLICE only.
  K: {
    'hold-confirmation': carrierOnly('K', FRESH),
    acknowledgement: split('K', 403, FRESH, { thDept: 403 }), // TH-DEPT sees it (oversight) but is not routed
    assignment: split('K', 403, 403, { kt1: 409 }),
    'information-requests': agencyLater('K'),
    'information-responses': carrierOnly('K', 409),
    verification: agencyLater('K'),
    routing: agencyLater('K'),
    'deadline-extensions': split('K', 403, 403, { kt1: 409 }),
    'violation-record': agencyLater('K'),
    'sanction-proposal': agencyLater('K'),
    'sanction-decision': agencyLater('K'),
    'decision-service': agencyLater('K'),
    payments: agencyLater('K'),
    'payment-relief': agencyLater('K'),
    enforcement: agencyLater('K'),
    release: carrierOnly('K', 409),
    referral: agencyLater('K'),
    'referral-return': agencyLater('K'),
    notes: split('K', 200, 409, { thDept: 200, thPoliceMgr: 200 }), // routed officers acknowledge first; managers note as oversight
    evidence: split('K', 200, 409, { thDept: 403 }),
  },
};

/** A body each action endpoint's schema accepts (deadline-extensions is filled in at run time). */
const ACTION_BODY: Record<ActionEndpoint, () => unknown> = {
  'hold-confirmation': () => ({ holdRecordRef: 'BB-MATRIX-1' }),
  acknowledgement: () => ({}),
  assignment: () => ({}), // the caller takes the case
  'information-requests': () => ({ question: 'Người gửi là ai?' }),
  'information-responses': () => ({ answer: 'Cửa hàng X, Hoằng Hóa' }),
  verification: () => ({ outcome: 'started' }),
  routing: () => ({ agencyId: 'TH-CUSTOMS', reason: 'Có dấu hiệu nhập lậu' }),
  'deadline-extensions': () => ctx.extension,
  'violation-record': () => ({ recordNumber: 'BBVP-MATRIX', seized: true }),
  'sanction-proposal': () => ({
    offenceCode: 'POST_PROHIBITED_ITEM',
    amountVnd: 15_000_000,
    violator: 'ORGANISATION',
    legalArticle: 'NĐ 15/2020, Điều 9 khoản 1 điểm a',
  }),
  'sanction-decision': () => ({ outcome: 'approve', decisionNumber: 'QD-MATRIX' }),
  'decision-service': () => ({ method: 'IN_PERSON' }),
  payments: () => ({ amountVnd: 1_000_000 }),
  'payment-relief': () => ({ relief: 'postponement', until: '2027-03-01', requestRef: 'DON-MATRIX-1', reason: 'Khó khăn đặc biệt' }),
  enforcement: () => ({ step: 'start' }),
  release: () => ({}),
  referral: () => ({ reason: 'Dấu hiệu tội phạm' }),
  'referral-return': () => ({ reason: 'Không khởi tố' }),
  notes: () => ({ text: 'Ghi chú kiểm tra phân quyền' }),
  evidence: () => ({ evidence: [{ ref: 'photo-matrix.jpg', description: 'Ảnh bổ sung' }] }),
};

// ---------------------------------------------------------------------------------------------
// Run-time state

let h: Awaited<ReturnType<typeof apiHarness>>;
const ctx = {
  tokens: {} as Record<Caller, string | null>,
  cases: {} as Record<CaseKey, string>,
  /** A principal whose keys the admin endpoints issue and revoke. */
  target: '',
  /** An officer whose console password the admin cells set. */
  person: '',
  extension: {} as { clock: string; extension: string; reason: string },
  /** An agency of the past whose row the reference-data cells rename. */
  oldAgency: 'MATRIX-OLD-HN-QLTT',
  /** A tip TH-POLICE recorded (the tip cells read it). */
  tip: '',
};
let seq = 0;
const unique = (p: string) => `${p}-${process.pid}-${++seq}`;

type Res = Awaited<ReturnType<typeof call>>;
const req = (caller: Caller, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  call(h.base, ctx.tokens[caller], method, path, body, headers);

/** Opens a case as carrier VNP and brings it to the state of `k`. */
async function openCase(k: CaseKey): Promise<string> {
  const r = await req('vnp', 'POST', '/v1/cases', detectionBody(unique('MX'), k === 'K' ? { kt1: true } : {}), {
    'idempotency-key': unique('matrix-open'),
  });
  expect(r.status, r.text).toBe(201);
  if (k === 'B') {
    const ack = await req('thQltt', 'POST', `/v1/cases/${r.body.id}/acknowledgement`, {}, actionKey());
    expect(ack.status, ack.text).toBe(200);
    expect(ack.body.status).toBe('ACKNOWLEDGED');
  }
  return r.body.id as string;
}

beforeAll(async () => {
  // the matrix sends hundreds of refused keys from one address: the throttle of failed
  // authentications would answer them 429 (it has its own test, test/e2e/http-hardening.test.ts)
  h = await apiHarness({ authFailuresPerMinute: 0 });
  const make = async (c: Caller, p: Parameters<typeof h.principal>[0]) => {
    ctx.tokens[c] = (await h.principal(p)).token;
  };
  await Promise.all([
    make('vnp', { name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' }),
    make('vtp', { name: 'Viettel Post integration', role: 'carrier', carrierId: 'VTP' }),
    make('thQltt', { name: 'QLTT Thanh Hóa', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH', title: 'TEAM_LEAD' }),
    make('hnQltt', { name: 'QLTT Hà Nội', role: 'officer', agencyId: 'HN-QLTT', provinceCode: 'HN', title: 'TEAM_LEAD' }),
    make('thPolice', { name: 'Công an Thanh Hóa', role: 'officer', agencyId: 'TH-POLICE', provinceCode: 'TH' }),
    make('kt1', { name: 'Cục Bưu điện Trung ương', role: 'officer', agencyId: 'NATIONAL-KT1' }),
    make('thDept', { name: 'Sở KH&CN Thanh Hóa', role: 'manager', agencyId: 'TH-DEPT', provinceCode: 'TH' }),
    make('hnDept', { name: 'Sở KH&CN Hà Nội', role: 'manager', agencyId: 'HN-DEPT', provinceCode: 'HN' }),
    make('thPoliceMgr', { name: 'Lãnh đạo Công an Thanh Hóa', role: 'manager', agencyId: 'TH-POLICE', provinceCode: 'TH' }),
    make('thQlttMgr', { name: 'Lãnh đạo QLTT Thanh Hóa', role: 'manager', agencyId: 'TH-QLTT', provinceCode: 'TH' }),
    make('national', { name: 'Bộ KH&CN', role: 'manager' }),
    make('admin', { name: 'Administrator', role: 'admin' }),
  ]);
  ctx.tokens.anonymous = null;
  const revoked = await h.db.principal.create({ data: { name: 'VNPost old key', role: 'carrier', carrierId: 'VNP' } });
  const rk = await issueKey(h.db, revoked.id, 'old');
  await revokeKey(h.db, rk.key.id);
  ctx.tokens.revoked = rk.token;
  const disabled = await h.db.principal.create({
    data: { name: 'VNPost former', role: 'carrier', carrierId: 'VNP', disabledAt: new Date() },
  });
  ctx.tokens.disabled = (await issueKey(h.db, disabled.id, 'key')).token;
  ctx.target = (await h.db.principal.create({ data: { name: 'Key target', role: 'carrier', carrierId: 'VTP' } })).id;
  ctx.person = (
    await h.db.principal.create({ data: { name: 'Người được đặt mật khẩu', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' } })
  ).id;
  await h.db.agency.create({
    data: {
      id: ctx.oldAgency,
      kind: 'QLTT',
      provinceCode: 'HN',
      name: 'Chi cục QLTT Hà Nội (cũ)',
      validFrom: new Date('1980-01-01'),
      validTo: new Date('1981-01-01'),
    },
  });

  const [a, b, k] = await Promise.all([openCase('A'), openCase('B'), openCase('K')]);
  ctx.cases = { A: a, B: b, K: k };
  // an extension the lead may still apply on B (for the deadline-extensions cells)
  const detail = await req('thQltt', 'GET', `/v1/cases/${b}`);
  const open = (detail.body.deadlines as { clock: string; availableExtensions: string[] }[]).find((d) => d.availableExtensions.length > 0);
  expect(open, 'a running clock with an extension left on B').toBeDefined();
  ctx.extension = { clock: open!.clock, extension: open!.availableExtensions[0]!, reason: 'Cần giám định' };
  const tip = await req('thPolice', 'POST', '/v1/tips', { source: 'Công an huyện', content: 'Tin báo kiểm tra phân quyền' }, actionKey());
  expect(tip.status, tip.text).toBe(201);
  ctx.tip = tip.body.id as string;
});

// ---------------------------------------------------------------------------------------------
// The table

interface Cell {
  name: string;
  caller: Caller;
  status: number;
  /** The problem type's last path segment, where it says something. */
  type?: string;
  run: () => Promise<Res>;
  check?: (r: Res) => void | Promise<void>;
}

const cell = (endpoint: string, caller: Caller, status: number, run: () => Promise<Res>, more: Partial<Cell> = {}): Cell => ({
  name: `${endpoint} · ${CALLERS[caller]} → ${status}`,
  caller,
  status,
  type: status === 401 ? 'unauthorized' : undefined,
  run,
  ...more,
});

/** An endpoint on a case: 401 without a valid key, 404 for whoever cannot see the case, else `visible`. */
function caseCells(
  k: CaseKey,
  endpoint: string,
  path: () => string,
  visible: (c: Caller) => { status: number; type?: string },
  method = 'GET',
  body?: () => unknown,
): Cell[] {
  return ALL.map((c) => {
    const e = UNAUTHENTICATED.includes(c)
      ? { status: 401, type: 'unauthorized' }
      : SEES[k].includes(c)
        ? visible(c)
        : { status: 404, type: 'case-not-found' };
    return cell(
      `${method} ${endpoint.replace('{id}', `{${k}}`)}`,
      c,
      e.status,
      () => req(c, method, path(), body?.(), method === 'POST' ? actionKey() : undefined),
      { type: e.type },
    );
  });
}

function actionCells(k: CaseKey, endpoint: ActionEndpoint): Cell[] {
  const expected = ACTIONS[k][endpoint];
  return caseCells(
    k,
    `/v1/cases/{id}/${endpoint}`,
    () => `/v1/cases/${ctx.cases[k]}/${endpoint}`,
    (c) => {
      // admins administer: of the actions, the state machine lets them (as oversight) add notes only
      if (c === 'admin') return endpoint === 'notes' ? { status: 200 } : { status: 403, type: 'action-refused' };
      const e = expected[c];
      if (e === undefined) throw new Error(`no expectation for ${c} on ${k}/${endpoint}`);
      return e === FRESH || e === 200 ? { status: 200 } : { status: e, type: 'action-refused' };
    },
    'POST',
    () => ACTION_BODY[endpoint](),
  ).map((x) =>
    expected[x.caller] === FRESH
      ? {
          ...x,
          name: x.name.replace(' → 200', ' → 200 (on a fresh case)'),
          run: async () => req(x.caller, 'POST', `/v1/cases/${await openCase(k)}/${endpoint}`, ACTION_BODY[endpoint](), actionKey()),
        }
      : x,
  );
}

const everyone = (
  endpoint: string,
  status: (c: Caller) => number,
  run: (c: Caller) => () => Promise<Res>,
  more: (c: Caller) => Partial<Cell> = () => ({}),
) => ALL.map((c) => cell(endpoint, c, UNAUTHENTICATED.includes(c) ? 401 : status(c), run(c), more(c)));
const adminOnly = (
  endpoint: string,
  adminStatus: number,
  run: (c: Caller) => () => Promise<Res>,
  more: (c: Caller) => Partial<Cell> = () => ({}),
) =>
  everyone(
    endpoint,
    (c) => (c === 'admin' ? adminStatus : 403),
    run,
    (c) => ({ ...(c !== 'admin' && !UNAUTHENTICATED.includes(c) ? { type: 'forbidden' } : {}), ...more(c) }),
  );

const PUBLIC_READS = ['/healthz', '/readyz', '/metrics', '/v1/openapi.json', '/docs'];
const TABLE: Record<string, Cell[]> = {
  'health and documentation': PUBLIC_READS.flatMap((path) => ALL.map((c) => cell(`GET ${path}`, c, 200, () => req(c, 'GET', path)))),
  'case intake and lists': [
    ...everyone(
      'POST /v1/cases',
      (c) => (c === 'vnp' || c === 'vtp' ? 201 : 403),
      (c) => () => req(c, 'POST', '/v1/cases', detectionBody(unique('MX-INTAKE')), { 'idempotency-key': unique('matrix-intake') }),
      (c) => ({
        ...(c !== 'vnp' && c !== 'vtp' && !UNAUTHENTICATED.includes(c) ? { type: 'forbidden' } : {}),
        check: (r) => {
          if (r.status === 201) expect(r.body.carrierId).toBe(c === 'vnp' ? 'VNP' : 'VTP'); // always the caller's own carrier
        },
      }),
    ),
    ...everyone(
      'GET /v1/cases (sees exactly the cases it may)',
      () => 200,
      (c) => () => req(c, 'GET', '/v1/cases?limit=200'),
      (c) => ({
        check: (r) => {
          if (r.status !== 200) return;
          const ids = (r.body.items as { id: string }[]).map((i) => i.id);
          for (const k of Object.keys(CASES) as CaseKey[])
            expect(ids.includes(ctx.cases[k]), `${CALLERS[c]} lists ${k}`).toBe(SEES[k].includes(c));
          if (c === 'vnp') expect(r.body.items.every((i: { carrierId: string }) => i.carrierId === 'VNP')).toBe(true);
          if (c === 'vtp') expect(r.body.items.every((i: { carrierId: string }) => i.carrierId === 'VTP')).toBe(true);
        },
      }),
    ),
  ],
  carriers: [
    ...adminOnly(
      'POST /v1/carriers',
      201,
      (c) => () => req(c, 'POST', '/v1/carriers', { id: unique('C').replaceAll('-', '_'), name: 'Matrix carrier' }),
    ),
    ...adminOnly('GET /v1/carriers', 200, (c) => () => req(c, 'GET', '/v1/carriers')),
  ],
  principals: [
    ...adminOnly(
      'POST /v1/principals',
      201,
      (c) => () => req(c, 'POST', '/v1/principals', { name: unique('Matrix principal'), role: 'carrier', carrierId: 'VNP' }),
    ),
    ...adminOnly('GET /v1/principals', 200, (c) => () => req(c, 'GET', '/v1/principals')),
    ...adminOnly(
      'POST /v1/principals/{id}/keys',
      201,
      (c) => () => req(c, 'POST', `/v1/principals/${ctx.target}/keys`, { name: unique('rotation') }),
    ),
    ...adminOnly('PUT /v1/principals/{id}/password', 200, (c) => () => {
      const username = unique('matrix.person').toLowerCase();
      return req(c, 'PUT', `/v1/principals/${ctx.person}/password`, { username, password: 'một câu mật khẩu đủ dài' });
    }),
    ...ALL.map((c) => {
      let keyId = '';
      const status = UNAUTHENTICATED.includes(c) ? 401 : c === 'admin' ? 204 : 403;
      return cell(
        'DELETE /v1/keys/{id}',
        c,
        status,
        async () => {
          keyId = (await issueKey(h.db, ctx.target, unique('to-revoke'))).key.id;
          return req(c, 'DELETE', `/v1/keys/${keyId}`);
        },
        {
          type: status === 403 ? 'forbidden' : status === 401 ? 'unauthorized' : undefined,
          check: async () => {
            const key = await h.db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
            expect(key.revokedAt !== null, 'revoked').toBe(status === 204);
          },
        },
      );
    }),
  ],
};

// Reference data: every role reads it, only admins change it (rows far from today, so no case
// of this file is affected), admins and managers read the change log.
const REFERENCE_LISTS = ['holidays', 'deadline-policies', 'fine-schedule', 'authority-caps', 'agencies', 'categories'];
const upper = (p: string) => unique(p).replaceAll('-', '_').toUpperCase();
TABLE['reference data'] = [
  ...REFERENCE_LISTS.flatMap((list) =>
    everyone(
      `GET /v1/reference/${list}`,
      () => 200,
      (c) => () => req(c, 'GET', `/v1/reference/${list}`),
    ),
  ),
  ...adminOnly(
    'PUT /v1/reference/holidays/{date}',
    201,
    (c) => () => req(c, 'PUT', '/v1/reference/holidays/2031-01-06', { name: 'Ngày nghỉ kiểm tra phân quyền' }),
  ),
  ...ALL.map((c) => {
    const status = UNAUTHENTICATED.includes(c) ? 401 : c === 'admin' ? 204 : 403;
    const date = new Date(Date.UTC(2032, 0, 5 + ALL.indexOf(c))); // a day of its own per caller
    return cell(
      'DELETE /v1/reference/holidays/{date}',
      c,
      status,
      async () => {
        await h.db.holiday.upsert({ where: { date }, create: { date, year: 2032, name: 'Ngày nghỉ sẽ bị xóa' }, update: {} });
        return req(c, 'DELETE', `/v1/reference/holidays/${date.toISOString().slice(0, 10)}`);
      },
      {
        type: status === 403 ? 'forbidden' : status === 401 ? 'unauthorized' : undefined,
        check: async () => expect((await h.db.holiday.findUnique({ where: { date } })) === null, 'deleted').toBe(status === 204),
      },
    );
  }),
  ...adminOnly(
    'PATCH /v1/reference/deadline-policies/{clock}',
    200,
    (c) => () =>
      req(c, 'PATCH', '/v1/reference/deadline-policies/TEMPORARY_SEIZURE', { legalBasis: `LHAV Art. 125(8) (${unique('matrix')})` }),
  ),
  ...adminOnly(
    'PUT /v1/reference/fine-schedule/{id}',
    201,
    (c) => () =>
      req(c, 'PUT', `/v1/reference/fine-schedule/${unique('MATRIX')}`, {
        offenceCode: upper('MATRIX_OFFENCE'),
        decree: 'Decree 15/2020/NĐ-CP',
        effectiveFrom: '2026-07-01',
        field: 'POSTAL',
        sanctioningLimitationYears: 1,
        minVnd: 1_000_000,
        maxVnd: 2_000_000,
        legalBasis: 'Matrix',
        descriptionVi: 'Vi phạm kiểm tra phân quyền',
        descriptionEn: 'Authorisation matrix offence',
        verify: true,
      }),
  ),
  ...adminOnly(
    'PUT /v1/reference/authority-caps/{id}',
    201,
    (c) => () =>
      req(c, 'PUT', `/v1/reference/authority-caps/${unique('MATRIX')}`, {
        agencyKind: 'QLTT',
        title: upper('MATRIX_TITLE'),
        capVnd: 1_000_000,
        legalBasis: 'Matrix',
        verify: true,
      }),
  ),
  ...adminOnly(
    'POST /v1/reference/agencies',
    201,
    (c) => () =>
      req(c, 'POST', '/v1/reference/agencies', {
        id: upper('MATRIX'),
        kind: 'QLTT',
        provinceCode: 'HN',
        name: 'Chi cục QLTT cũ',
        validFrom: '1990-01-01',
        validTo: '1991-01-01',
      }),
  ),
  ...adminOnly(
    'PATCH /v1/reference/agencies/{id}',
    200,
    (c) => () => req(c, 'PATCH', `/v1/reference/agencies/${ctx.oldAgency}`, { nameEn: unique('Former QLTT') }),
  ),
  ...everyone(
    'GET /v1/reference/changes',
    (c) => (c === 'admin' || CALLERS[c].startsWith('manager') || c === 'national' ? 200 : 403),
    (c) => () => req(c, 'GET', '/v1/reference/changes'),
    (c) =>
      c === 'admin' || CALLERS[c].startsWith('manager') || c === 'national' || UNAUTHENTICATED.includes(c) ? {} : { type: 'forbidden' },
  ),
];

// Incidents: managers and admins read them (no incident here: the list is empty, an id is 404),
// only admins retry; test/e2e/incidents.test.ts proves who sees which incident.
const oversight = (c: Caller) => c === 'admin' || CALLERS[c].startsWith('manager') || c === 'national';
const forbiddenUnless = (ok: (c: Caller) => boolean) => (c: Caller) => (ok(c) || UNAUTHENTICATED.includes(c) ? {} : { type: 'forbidden' });
TABLE.incidents = [
  ...everyone(
    'GET /v1/incidents',
    (c) => (oversight(c) ? 200 : 403),
    (c) => () => req(c, 'GET', '/v1/incidents'),
    forbiddenUnless(oversight),
  ),
  ...everyone(
    'GET /v1/incidents/{id}',
    (c) => (oversight(c) ? 404 : 403),
    (c) => () => req(c, 'GET', '/v1/incidents/no-such-incident'),
    (c) => (oversight(c) ? { type: 'incident-not-found' } : forbiddenUnless(oversight)(c)),
  ),
  ...everyone(
    'POST /v1/incidents/{id}/retry',
    (c) => (c === 'admin' ? 404 : 403),
    (c) => () => req(c, 'POST', '/v1/incidents/no-such-incident/retry'),
    (c) => (c === 'admin' ? { type: 'incident-not-found' } : forbiddenUnless((x) => x === 'admin')(c)),
  ),
];

// The codec endpoint decodes what Temporal holds sealed: managers only (test/e2e/codec-endpoint.test.ts decodes a KT1 case)
const managers = (c: Caller) => CALLERS[c].startsWith('manager') || c === 'national';
TABLE.codec = everyone(
  'POST /v1/codec/decode',
  (c) => (managers(c) ? 200 : 403),
  (c) => () => req(c, 'POST', '/v1/codec/decode', { payloads: [] }),
  forbiddenUnless(managers),
);

// Reports (issue 15): carriers read none (403); each other reader the scopes and KT1 variants the
// access rules give, anything else 404. Three reports of a year long past, stored once.
const REPORTS = {
  thExcluded: { scope: { kind: 'PROVINCE', provinceCode: 'TH' }, kt1: 'EXCLUDED' },
  thIncluded: { scope: { kind: 'PROVINCE', provinceCode: 'TH' }, kt1: 'INCLUDED' },
  nationalKt1: { scope: { kind: 'NATIONAL' }, kt1: 'ONLY' },
} as const;
type ReportKey = keyof typeof REPORTS;
const REPORT_READERS: Record<ReportKey, readonly Caller[]> = {
  thExcluded: ['thQltt', 'thPolice', 'thDept', 'thPoliceMgr', 'thQlttMgr', 'national', 'admin'],
  thIncluded: ['thDept', 'admin'],
  nationalKt1: ['kt1', 'admin'],
};
const CARRIERS: readonly Caller[] = ['vnp', 'vtp'];
let reportIds: Promise<Record<ReportKey, string>> | undefined;
const storedReports = () =>
  (reportIds ??= (async () => {
    const ids = {} as Record<ReportKey, string>;
    for (const [k, r] of Object.entries(REPORTS) as [ReportKey, (typeof REPORTS)[ReportKey]][]) {
      const request = { ...r, period: { kind: 'YEAR' as const, year: 2001 } };
      ids[k] = (await generateReport(h.db, { request, at: new Date().toISOString(), trigger: 'API', requestedBy: 'matrix' })).id;
    }
    return ids;
  })());
const reportStatus = (c: Caller, readers: readonly Caller[], ok: number) =>
  CARRIERS.includes(c) ? { status: 403, type: 'forbidden' } : readers.includes(c) ? { status: ok } : { status: 404, type: 'not-found' };
const reportCells = (endpoint: string, readers: readonly Caller[], ok: number, run: (c: Caller) => () => Promise<Res>) =>
  ALL.map((c) => {
    const e = UNAUTHENTICATED.includes(c) ? { status: 401 } : reportStatus(c, readers, ok);
    return cell(endpoint, c, e.status, run(c), 'type' in e ? { type: e.type } : {});
  });
// who may generate the Thanh Hóa report (in the fullest variant they may read), and in which
const GENERATES: Partial<Record<Caller, string>> = {
  thQltt: 'EXCLUDED',
  thPolice: 'EXCLUDED',
  kt1: 'ONLY',
  thDept: 'INCLUDED',
  thPoliceMgr: 'EXCLUDED',
  thQlttMgr: 'EXCLUDED',
  national: 'EXCLUDED',
  admin: 'INCLUDED',
};
TABLE.reports = [
  ...(Object.keys(REPORTS) as ReportKey[]).flatMap((k) =>
    reportCells(
      `GET /v1/reports/{id} (${k})`,
      REPORT_READERS[k],
      200,
      (c) => async () => req(c, 'GET', `/v1/reports/${(await storedReports())[k]}`),
    ),
  ),
  ...everyone(
    'GET /v1/reports (lists exactly the reports it may read)',
    (c) => (CARRIERS.includes(c) ? 403 : 200),
    (c) => async () => {
      await storedReports();
      return req(c, 'GET', '/v1/reports?year=2001&limit=200');
    },
    (c) => ({
      ...(CARRIERS.includes(c) ? { type: 'forbidden' } : {}),
      check: async (r: Res) => {
        if (r.status !== 200) return;
        const ids = await storedReports();
        const expected = (Object.keys(REPORTS) as ReportKey[]).filter((k) => REPORT_READERS[k].includes(c)).map((k) => ids[k]);
        expect(r.body.items.map((x: { id: string }) => x.id).sort()).toEqual(expected.sort());
      },
    }),
  ),
  ...everyone(
    'POST /v1/reports (TH, 2002)',
    (c) => (GENERATES[c] ? 202 : 403),
    (c) => () =>
      req(
        c,
        'POST',
        '/v1/reports',
        { scope: REPORTS.thExcluded.scope, period: { kind: 'YEAR', year: 2002 } },
        { 'idempotency-key': unique('matrix-report') },
      ),
    (c) => ({
      ...(GENERATES[c] || UNAUTHENTICATED.includes(c) ? {} : { type: 'forbidden' }),
      check: (r: Res) => {
        if (r.status === 202) expect(r.body.variants).toEqual([GENERATES[c]]);
      },
    }),
  ),
  ...reportCells('GET /v1/reports/runs/{id} (TH 2002 EXCLUDED)', REPORT_READERS.thExcluded, 200, (c) => async () => {
    const started = await req(
      'thQltt',
      'POST',
      '/v1/reports',
      { scope: REPORTS.thExcluded.scope, period: { kind: 'YEAR', year: 2002 } },
      {
        'idempotency-key': unique('matrix-run'),
      },
    );
    return req(c, 'GET', started.body.links.self);
  }),
];

// The carrier registry: every role reads it, only admins change it (rows long past, so no case
// of this file is affected); a carrier's compliance summary: the carrier, national managers, admins.
let licenceYear = 1950; // each licence a year of its own: a carrier's licences may not overlap
const oldLicence = (n: string) => ({
  carrierId: 'VTP',
  kind: 'LICENCE' as const,
  number: n,
  issuingAuthority: 'Bộ Thông tin và Truyền thông',
  issuedOn: `${++licenceYear}-01-01`,
  validTo: `${licenceYear}-06-30`,
  scope: 'INTER_PROVINCIAL' as const,
  provinceCode: null,
});
const registryId = (p: string) => unique(p).replaceAll('_', '-');
// a point, closed long ago, for the pledges to cover
let pledgePoint: Promise<unknown> | undefined;
const oldPledge = async (documentRef: string) => {
  await (pledgePoint ??= putServicePoint(h.db, 'matrix', 'VTP', 'MX-POINT', {
    name: 'Điểm phục vụ đã đóng',
    address: 'Thôn 1',
    provinceCode: 'TH',
    commune: 'Xã cũ',
    communeLevel: false,
    remote: false,
    validFrom: '1990-01-01',
    validTo: '1991-01-01',
  }));
  return { carrierId: 'VTP', signatory: 'Giám đốc', signedOn: '1990-06-01', documentRef, servicePoints: ['MX-POINT'] };
};
TABLE['carrier registry'] = [
  ...['licences', 'service-points', 'pledges'].flatMap((list) =>
    everyone(
      `GET /v1/reference/${list}`,
      () => 200,
      (c) => () => req(c, 'GET', `/v1/reference/${list}`),
    ),
  ),
  ...adminOnly(
    'PUT /v1/reference/licences/{id}',
    201,
    (c) => () => req(c, 'PUT', `/v1/reference/licences/${registryId('MX-GP')}`, oldLicence(unique('GP'))),
  ),
  ...ALL.map((c) => {
    const status = UNAUTHENTICATED.includes(c) ? 401 : c === 'admin' ? 204 : 403;
    const id = registryId('MX-DEL');
    return cell(
      'DELETE /v1/reference/licences/{id}',
      c,
      status,
      async () => {
        await putLicence(h.db, 'matrix', id, oldLicence(id));
        return req(c, 'DELETE', `/v1/reference/licences/${id}`);
      },
      {
        type: status === 403 ? 'forbidden' : status === 401 ? 'unauthorized' : undefined,
        check: async () => expect((await h.db.carrierLicence.findUnique({ where: { id } })) === null, 'deleted').toBe(status === 204),
      },
    );
  }),
  ...adminOnly(
    'PUT /v1/reference/service-points/{carrierId}/{code}',
    201,
    (c) => () =>
      req(c, 'PUT', `/v1/reference/service-points/VTP/${registryId('MX-SP')}`, {
        name: 'Điểm phục vụ đã đóng',
        address: 'Thôn 1',
        provinceCode: 'TH',
        commune: 'Xã cũ',
        validFrom: '1990-01-01',
        validTo: '1991-01-01',
      }),
  ),
  ...adminOnly(
    'PUT /v1/reference/pledges/{id}',
    201,
    (c) => async () => req(c, 'PUT', `/v1/reference/pledges/${registryId('MX-CK')}`, await oldPledge(unique('CK'))),
  ),
  ...ALL.map((c) => {
    const status = UNAUTHENTICATED.includes(c) ? 401 : c === 'admin' ? 204 : 403;
    const id = registryId('MX-CKD');
    return cell(
      'DELETE /v1/reference/pledges/{id}',
      c,
      status,
      async () => {
        expect((await req('admin', 'PUT', `/v1/reference/pledges/${id}`, await oldPledge(id))).status).toBe(201);
        return req(c, 'DELETE', `/v1/reference/pledges/${id}`);
      },
      { type: status === 403 ? 'forbidden' : status === 401 ? 'unauthorized' : undefined },
    );
  }),
  ...everyone(
    'GET /v1/carriers/{id}/compliance (VNP)',
    (c) => (['vnp', 'national', 'admin'].includes(c) ? 200 : 404),
    (c) => () => req(c, 'GET', '/v1/carriers/VNP/compliance'),
    (c) => (['vnp', 'national', 'admin'].includes(c) || UNAUTHENTICATED.includes(c) ? {} : { type: 'not-found' }),
  ),
];

for (const k of Object.keys(CASES) as CaseKey[]) {
  TABLE[CASES[k]] = [
    ...caseCells(
      k,
      '/v1/cases/{id}',
      () => `/v1/cases/${ctx.cases[k]}`,
      () => ({ status: 200 }),
    ),
    ...caseCells(
      k,
      '/v1/cases/{id}/history',
      () => `/v1/cases/${ctx.cases[k]}/history`,
      () => ({ status: 200 }),
    ),
    // Temporal's own history is for managers (inspection), not for parties to the case nor admins
    ...caseCells(
      k,
      '/v1/cases/{id}/history?source=temporal',
      () => `/v1/cases/${ctx.cases[k]}/history?source=temporal`,
      (c) => (CALLERS[c].startsWith('manager') || c === 'national' ? { status: 200 } : { status: 403, type: 'forbidden' }),
    ),
    ...ACTION_ENDPOINTS.flatMap((e) => actionCells(k, e)),
  ];
}

// Agencies' own ways in (TH §7(b), CT 28 §8) and tips (TH §5(b), §6): officers of a competent
// agency (not the KT1 focal point) open them in their own province; carriers, managers and
// administrators never do. Tips are read by their agency's officers and the province's managers.
const TH_AGENCY_OFFICERS: readonly Caller[] = ['thQltt', 'thPolice'];
const STOP_BODY = {
  carrierId: 'VNP',
  trackingNumber: 'EE123456789VN',
  provinceCode: 'TH',
  categoryCode: 'BANNED_TRADE',
  reason: 'Kiểm tra phân quyền',
  legalBasis: 'Chỉ thị UBND tỉnh Thanh Hóa, mục 7 điểm b',
};
const FINDING_BODY = {
  carrierId: 'VNP',
  provinceCode: 'TH',
  finding: 'NOT_NOTIFIED',
  description: 'Kiểm tra phân quyền',
  legalBasis: 'Chỉ thị 28/CT-BTTTT mục 8',
};
const openedOnlyBy = (allowed: readonly Caller[], status: number) => (c: Caller) => ({
  ...(!allowed.includes(c) && !UNAUTHENTICATED.includes(c) ? { type: 'forbidden' } : {}),
  check: (r: Res) => {
    if (r.status === 201 && r.body.origin) expect(r.body).toMatchObject({ carrierId: 'VNP', leadAgencyId: r.body.origin.agencyId });
    expect(r.status === status).toBe(allowed.includes(c));
  },
});
const TIP_READERS: readonly Caller[] = ['thQltt', 'hnQltt', 'thPolice', 'thDept', 'hnDept', 'thPoliceMgr', 'thQlttMgr', 'national'];
/** Who reads the TH-POLICE tip: its agency, the province's managers, national managers. */
const TIP_SEES: readonly Caller[] = ['thPolice', 'thDept', 'thPoliceMgr', 'thQlttMgr', 'national'];
TABLE['agency cases and tips'] = [
  ...everyone(
    'POST /v1/emergency-stops',
    (c) => (TH_AGENCY_OFFICERS.includes(c) ? 201 : 403), // HN-QLTT: not its province; KT1: not competent
    (c) => () => req(c, 'POST', '/v1/emergency-stops', STOP_BODY, { 'idempotency-key': unique('matrix-stop') }),
    openedOnlyBy(TH_AGENCY_OFFICERS, 201),
  ),
  ...everyone(
    'POST /v1/inspection-findings',
    (c) => (TH_AGENCY_OFFICERS.includes(c) ? 201 : 403),
    (c) => () => req(c, 'POST', '/v1/inspection-findings', FINDING_BODY, { 'idempotency-key': unique('matrix-inspection') }),
    openedOnlyBy(TH_AGENCY_OFFICERS, 201),
  ),
  ...everyone(
    'POST /v1/tips',
    (c) => (['thQltt', 'hnQltt', 'thPolice'].includes(c) ? 201 : 403), // each in its own province
    (c) => () => req(c, 'POST', '/v1/tips', { source: 'Người dân', content: 'Tin báo' }, { 'idempotency-key': unique('matrix-tip') }),
    openedOnlyBy(['thQltt', 'hnQltt', 'thPolice'], 201),
  ),
  ...everyone(
    'GET /v1/tips',
    (c) => (TIP_READERS.includes(c) ? 200 : 403),
    (c) => () => req(c, 'GET', '/v1/tips?limit=200'),
    (c) => ({
      ...(!TIP_READERS.includes(c) && !UNAUTHENTICATED.includes(c) ? { type: 'forbidden' } : {}),
      check: (r) => {
        if (r.status !== 200) return;
        expect(
          r.body.items.some((x: { id: string }) => x.id === ctx.tip),
          `${CALLERS[c]} lists the TH-POLICE tip`,
        ).toBe(TIP_SEES.includes(c));
      },
    }),
  ),
  ...everyone(
    'GET /v1/tips/{id}',
    (c) => (TIP_SEES.includes(c) ? 200 : TIP_READERS.includes(c) ? 404 : 403),
    (c) => () => req(c, 'GET', `/v1/tips/${ctx.tip}`),
    (c) => ({
      type: UNAUTHENTICATED.includes(c) || TIP_SEES.includes(c) ? undefined : TIP_READERS.includes(c) ? 'not-found' : 'forbidden',
    }),
  ),
];

// ---------------------------------------------------------------------------------------------

/**
 * Operations whose every role × own/foreign cell needs a set-up of its own (a signed-in session,
 * a delivery, another owner's endpoint): the file named proves their 401/403/404 cells.
 */
const COVERED_ELSEWHERE: Record<string, string> = {
  'POST /v1/session': 'test/e2e/console-session.test.ts',
  'GET /v1/session': 'test/e2e/console-session.test.ts',
  'DELETE /v1/session': 'test/e2e/console-session.test.ts',
  'GET /v1/cases/{id}/assignees': 'test/e2e/assignment.test.ts',
  'GET /v1/dashboard': 'test/e2e/dashboard.test.ts',
  'GET /v1/notifications': 'test/e2e/notifications.test.ts',
  'POST /v1/notifications/read-all': 'test/e2e/notifications.test.ts',
  'POST /v1/notifications/{id}/read': 'test/e2e/notifications.test.ts',
  'POST /v1/webhook-endpoints': 'test/webhooks/webhooks.test.ts',
  'GET /v1/webhook-endpoints': 'test/webhooks/webhooks.test.ts',
  'GET /v1/webhook-endpoints/{id}': 'test/webhooks/webhooks.test.ts',
  'DELETE /v1/webhook-endpoints/{id}': 'test/webhooks/webhooks.test.ts',
  'GET /v1/webhook-deliveries': 'test/webhooks/webhooks.test.ts',
  'GET /v1/webhook-deliveries/{id}': 'test/webhooks/webhooks.test.ts',
  'POST /v1/webhook-deliveries/{id}/replay': 'test/webhooks/webhooks.test.ts',
};

/** `METHOD /path/{param}` of a cell, whatever case or query it names. */
const operationOf = (c: Cell) =>
  c.name
    .split(' · ')[0]!
    .replace(/ \(.*\)$/, '')
    .replace(/\?.*$/, '')
    .replace(/\{[ABK]\}/, '{id}');

it('covers every operation of the API, and every action endpoint on every case', () => {
  for (const k of Object.keys(CASES) as CaseKey[]) expect(Object.keys(ACTIONS[k]).sort()).toEqual([...ACTION_ENDPOINTS].sort());
  const inMatrix = new Set(Object.values(TABLE).flatMap((cells) => cells.map(operationOf)));
  for (const o of OPERATIONS) {
    const key = `${o.method.toUpperCase()} ${o.path}`;
    const elsewhere = COVERED_ELSEWHERE[key];
    if (elsewhere) {
      expect(inMatrix.has(key), `${key} is in the matrix: take it off COVERED_ELSEWHERE`).toBe(false);
      expect(existsSync(elsewhere) && readFileSync(elsewhere, 'utf8').includes(o.path.split('/{')[0]!), `${elsewhere} calls ${key}`).toBe(
        true,
      );
    } else expect(inMatrix.has(key), `${key} has no cell in the matrix`).toBe(true);
  }
  // and every cell of the matrix is an operation the API has
  const declared = new Set(OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`));
  for (const op of inMatrix) expect(declared.has(op), `${op} is not an operation of the API`).toBe(true);
});

for (const [section, cells] of Object.entries(TABLE)) {
  describe(section, () => {
    it.each(cells.map((c) => [c.name, c] as const))('%s', async (_, { run, status, type, check }) => {
      const r = await run();
      expect(r.status, r.text.slice(0, 500)).toBe(status);
      if (type) expect(String(r.body?.type)).toBe(`https://postwatch.dev/problems/${type}`);
      if (status >= 400) expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      await check?.(r);
    });
  });
}

it('left the shared cases in the state the cells assumed', async () => {
  const [a, b, k] = await Promise.all((['A', 'B', 'K'] as const).map((key) => req('admin', 'GET', `/v1/cases/${ctx.cases[key]}`)));
  expect(a!.body).toMatchObject({ status: 'NOTIFIED', acknowledgements: [] });
  expect(b!.body.status).toBe('ACKNOWLEDGED');
  expect(b!.body.acknowledgements.map((x: { agencyId: string }) => x.agencyId)).toEqual(['TH-QLTT']);
  expect(k!.body).toMatchObject({ status: 'NOTIFIED', acknowledgements: [], agencyIds: ['NATIONAL-KT1', 'TH-POLICE'] });
  for (const c of [a, b, k]) expect(c!.body.flags.holdConfirmed).toBe(false);
});
