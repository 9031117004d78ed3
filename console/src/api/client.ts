/**
 * The API as the console calls it: same origin, the session cookie sent by the browser, the
 * session's CSRF token on every state-changing request, problems thrown as ApiProblem.
 */
import { ApiProblem, type ProblemBody } from './problem.js';

let csrfToken: string | null = null;

/** Set from the session (sign-in, or GET /v1/session on load); cleared on sign-out. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** Called when any request answers 401: the session has ended. */
let onSignedOut: () => void = () => {};
export const whenSignedOut = (f: () => void) => {
  onSignedOut = f;
};

export async function api<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiProblem(0, null);
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    if (res.status === 401 && path !== '/v1/session') onSignedOut();
    throw new ApiProblem(res.status, json as ProblemBody | null);
  }
  return json as T;
}

/** A query string from the set values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
