import { expect } from 'vitest';
import { call } from './api.js';

/** Polls a report run over HTTP until it has completed; returns the run. */
export async function completedRun(base: string, token: string, location: string) {
  for (let i = 0; i < 600; i++) {
    const r = await call(base, token, 'GET', location);
    expect(r.status, r.text).toBe(200);
    if (r.body.status === 'COMPLETED') return r.body;
    expect(r.body.status).toBe('RUNNING');
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`run ${location} did not complete`);
}

/** Asks for a report (POST /v1/reports), waits for its run, and returns the stored report's id. */
export async function generatedReport(base: string, token: string, body: unknown, idempotencyKey: string): Promise<string> {
  const r = await call(base, token, 'POST', '/v1/reports', body, { 'idempotency-key': idempotencyKey });
  expect(r.status, r.text).toBe(202);
  const run = await completedRun(base, token, r.headers.get('location')!);
  expect(run.reports).toHaveLength(1);
  return run.reports[0].id as string;
}
