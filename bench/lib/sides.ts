/**
 * The two sides every Temporal benchmark compares: Postwatch over HTTP, and the bare baseline
 * through the Temporal client on the same servers. Each opens uniquely numbered cases and
 * keeps their ids, so the action benchmark can act on cases that are really open.
 */
import { WithStartWorkflowOperation } from '@temporalio/client';
import { actBare, BARE_TASK_QUEUE, openBare } from '../bare/definitions.js';
import type { bareCase } from '../bare/workflows.js';
import type { Deployment } from './deployment.js';
import { BENCH_CARRIER, PROVINCES } from './deployment.js';
import type { Request } from './load.js';

export interface OpenedCase {
  id: string;
  province: string;
}

export interface Side {
  name: 'bare Temporal' | 'Postwatch';
  /** Opens the side's next case (numbered by the side itself, so runs never reuse a reference). */
  open: Request;
  /** One action on the next case opened that no one has acted on yet. */
  act: Request;
  opened: OpenedCase[];
}

/** What a carrier reports (the README's example), in one of the seeded provinces. */
export function report(carrierRef: string, provinceCode: string, detectedAt?: string) {
  return {
    carrierRef,
    trackingNumber: 'EE123456789VN',
    servicePoint: 'Bưu cục thử tải',
    provinceCode,
    stage: 'ACCEPTANCE',
    categoryCode: 'COUNTERFEIT',
    description: '20 túi xách giả nhãn hiệu',
    evidence: [{ ref: 'photo-1.jpg', description: 'Ảnh kiện hàng' }],
    ...(detectedAt ? { detectedAt } : {}),
  };
}

const provinceOf = (n: number) => PROVINCES[n % PROVINCES.length]!;

async function send(d: Deployment, method: 'POST', path: string, token: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await d.http.request({
    method,
    path,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, text };
}

/** `tag` keeps the references of separate runs on one database apart. */
export function postwatchSide(d: Deployment, tag: string): Side {
  const opened: OpenedCase[] = [];
  let seq = 0;
  let acted = 0;
  return {
    name: 'Postwatch',
    opened,
    async open() {
      const n = seq++;
      const ref = `${tag}-${n}`;
      const province = provinceOf(n);
      const r = await send(d, 'POST', '/v1/cases', d.carrierToken, report(ref, province), { 'idempotency-key': `key-${ref}` });
      if (r.status !== 201) throw new Error(`POST /v1/cases ${r.status}: ${r.text.slice(0, 200)}`);
      opened.push({ id: (JSON.parse(r.text) as { id: string }).id, province });
    },
    async act() {
      const c = opened[acted++];
      if (!c) throw new Error('no open case left to act on');
      const r = await send(d, 'POST', `/v1/cases/${c.id}/acknowledgement`, d.officerTokens[c.province]!, {});
      if (r.status !== 200) throw new Error(`POST acknowledgement ${r.status}: ${r.text.slice(0, 200)}`);
    },
  };
}

export function bareSide(d: Deployment, tag: string): Side {
  const opened: OpenedCase[] = [];
  const client = d.temporal.client.workflow;
  let seq = 0;
  let acted = 0;
  return {
    name: 'bare Temporal',
    opened,
    async open() {
      const n = seq++;
      const ref = `${tag}-${n}`;
      const province = provinceOf(n);
      const id = `bare-${BENCH_CARRIER}-${ref}`;
      const startWorkflowOperation = new WithStartWorkflowOperation<typeof bareCase>('bareCase', {
        workflowId: id,
        taskQueue: BARE_TASK_QUEUE,
        args: [{ id, report: { ...report(ref, province), carrierId: BENCH_CARRIER } }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      await client.executeUpdateWithStart(openBare, { startWorkflowOperation });
      opened.push({ id, province });
    },
    async act() {
      const c = opened[acted++];
      if (!c) throw new Error('no open case left to act on');
      await client.getHandle(c.id).executeUpdate(actBare, { args: [1] });
    },
  };
}
