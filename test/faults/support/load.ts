// What the drills' clients do, and what they saw: cases taken from intake to closure by clients that
// retry as the API tells them (same Idempotency-Key, Retry-After), and probes that keep asking
// while a dependency is down. Every answer is recorded with its status, duration and content type.
import { randomBytes } from 'node:crypto';
import { detectionBody } from '../../support/api.js';
import type { Cluster } from './cluster.js';

export interface Answer {
  what: string;
  status: number; // 0: no answer (connection refused or reset: the API process was down)
  ms: number;
  problemJson: boolean;
  type?: string;
}

/** Every answer of a drill, and the figures the closing note gives. */
export class Answers {
  readonly all: Answer[] = [];
  add(a: Answer) {
    this.all.push(a);
  }
  figures() {
    const by = (f: (a: Answer) => boolean) => this.all.filter(f).length;
    return {
      requests: this.all.length,
      '2xx': by((a) => a.status >= 200 && a.status < 300),
      '503': by((a) => a.status === 503),
      '500': by((a) => a.status === 500),
      otherNon2xx: by((a) => a.status >= 300 && a.status !== 503 && a.status !== 500),
      noAnswer: by((a) => a.status === 0),
      slowestMs: Math.max(0, ...this.all.map((a) => a.ms)),
      slowest503Ms: Math.max(0, ...this.all.filter((a) => a.status === 503).map((a) => a.ms)),
    };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One request; a refused connection is recorded as status 0 rather than thrown. */
export async function ask(
  answers: Answers,
  what: string,
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; retryAfter: number }> {
  const started = Date.now();
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    const problemJson = /^application\/problem\+json/.test(res.headers.get('content-type') ?? '');
    answers.add({ what, status: res.status, ms: Date.now() - started, problemJson, type: json?.type?.split('/').pop() });
    return { status: res.status, body: json, retryAfter: Number(res.headers.get('retry-after') ?? 0) };
  } catch (e) {
    if ((e as Error).name === 'TimeoutError') throw e; // a hang: the drill fails on it
    answers.add({ what, status: 0, ms: Date.now() - started, problemJson: false });
    return { status: 0, body: null, retryAfter: 0 };
  }
}

/**
 * A request retried the way a client should: on 503, 409 request-in-flight, 429 and no answer,
 * again with the same Idempotency-Key after Retry-After (at most 2 s here); any other answer is final.
 */
export async function untilAnswered(
  answers: Answers,
  what: string,
  c: Cluster,
  token: string,
  method: string,
  path: string,
  body: unknown,
  key: string,
  giveUpMs = 240_000,
) {
  const deadline = Date.now() + giveUpMs;
  for (;;) {
    const r = await ask(answers, what, c.base, token, method, path, body, { 'idempotency-key': key });
    const retry =
      r.status === 0 || r.status === 503 || r.status === 429 || (r.status === 409 && r.body?.type?.endsWith('request-in-flight'));
    if (!retry) return r;
    if (Date.now() > deadline) throw new Error(`${what}: still ${r.status} after ${giveUpMs / 1000} s`);
    await sleep(Math.min(2, Math.max(r.retryAfter, 0.2)) * 1000);
  }
}

/** The steps of one case, intake to closure: hold, both agencies' acknowledgements, verification, release. */
export async function runCase(answers: Answers, c: Cluster, ref: string): Promise<{ id: string; finalStatus: number[] }> {
  const { carrier, dept, qltt } = c.tokens;
  const opened = await untilAnswered(answers, 'intake', c, carrier, 'POST', '/v1/cases', detectionBody(ref), `open-${ref}`);
  if (opened.status !== 201) throw new Error(`intake ${ref}: ${opened.status} ${JSON.stringify(opened.body)}`);
  const id: string = opened.body.id;
  const steps: [string, string, unknown][] = [
    [carrier, 'hold-confirmation', { holdRecordRef: `BB-${ref}` }],
    [dept, 'acknowledgement', {}],
    [qltt, 'acknowledgement', {}],
    [qltt, 'verification', { outcome: 'started' }],
    [qltt, 'verification', { outcome: 'cleared', reason: 'Không có vi phạm' }],
    [carrier, 'release', {}],
  ];
  const finalStatus: number[] = [];
  for (const [i, [token, path, body]] of steps.entries()) {
    const r = await untilAnswered(answers, path, c, token, 'POST', `/v1/cases/${id}/${path}`, body, `${ref}-step-${i}`);
    finalStatus.push(r.status);
  }
  return { id, finalStatus };
}

/** Runs `n` cases, `parallel` at a time, with refs `prefix-<i>`. */
export async function runCases(answers: Answers, c: Cluster, prefix: string, n: number, parallel: number) {
  const results: { id: string; finalStatus: number[] }[] = [];
  let next = 0;
  let failed = false; // one runner's failure stops the others, so no case runs on into the next drill
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n && !failed) {
        const i = next++;
        results[i] = await runCase(answers, c, `${prefix}-${i}`).catch((e: unknown) => {
          failed = true;
          throw e;
        });
      }
    }),
  );
  return results;
}

/** Asks every 250 ms, until stopped: a case read, a note (a fresh key each) and an intake (a fresh reference each). */
export function probe(answers: Answers, c: Cluster, caseId: string) {
  let on = true;
  const loop = (async () => {
    while (on) {
      const tag = randomBytes(4).toString('hex');
      await Promise.all([
        ask(answers, 'probe read', c.base, c.tokens.dept, 'GET', `/v1/cases/${caseId}`),
        ask(
          answers,
          'probe note',
          c.base,
          c.tokens.dept,
          'POST',
          `/v1/cases/${caseId}/notes`,
          { text: 'Kiểm tra' },
          { 'idempotency-key': `probe-${tag}` },
        ),
        ask(answers, 'probe intake', c.base, c.tokens.carrier, 'POST', '/v1/cases', detectionBody(`PROBE-${tag}`), {
          'idempotency-key': `probe-${tag}`,
        }),
      ]);
      await sleep(250);
    }
  })();
  return async () => {
    on = false;
    await loop;
  };
}
