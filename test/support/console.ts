import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { catalogue } from '../../domain/messages/index.js';
import { call } from './api.js';

/** Test helpers for people using the console: an officer with a password, and requests made with a session cookie. */

export const PASSWORD = 'một câu mật khẩu thật dài';

/** An officer (or other person) with an API key and a console password, set by an administrator through the API. */
export async function person(
  h: { base: string; principal: (p: any) => Promise<{ id: string; token: string }> },
  adminToken: string,
  p: { name: string; role: 'officer' | 'manager' | 'admin'; agencyId?: string; provinceCode?: string; title?: string; username: string },
) {
  const { username, ...principal } = p;
  const created = await h.principal(principal);
  const set = await call(h.base, adminToken, 'PUT', `/v1/principals/${created.id}/password`, { username, password: PASSWORD });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  return { ...created, username };
}

/** The cookie a response sets, as a Cookie request header. */
export const cookieOf = (res: { headers: Headers }) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

/** Signs in over HTTP; returns the cookie header and the session's CSRF token. */
export async function signIn(base: string, username: string, password = PASSWORD) {
  const res = await call(base, null, 'POST', '/v1/session', { username, password });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { cookie: cookieOf(res), csrf: res.body.csrfToken as string, res };
}

/** A request as the console makes it: the session cookie, the CSRF token when given, and `headers` (an action's Idempotency-Key). */
export const asSession = (
  base: string,
  s: { cookie: string; csrf?: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => call(base, null, method, path, body, { ...headers, cookie: s.cookie, ...(s.csrf ? { 'x-csrf-token': s.csrf } : {}) });

/** Signs in through the console's form and waits for the inbox. */
export async function signInToConsole(page: Page, base: string, username: string, password = PASSWORD) {
  const vi = catalogue('vi');
  await page.goto(`${base}/console/`);
  await page.getByLabel(vi.ui.username).fill(username);
  await page.getByLabel(vi.ui.password).fill(password);
  await page.getByRole('button', { name: vi.ui.signIn }).click();
  await page.getByRole('heading', { name: vi.ui.inboxTitle }).waitFor();
}
