/** How long console sessions last and how many failed sign-ins are tolerated. */
export interface ConsoleOptions {
  /** A session ends after this long without a request (default 30 minutes). */
  idleMs?: number;
  /** A session ends this long after sign-in, however active (default 12 hours: one working day). */
  absoluteMs?: number;
  /** Failed sign-ins tolerated per username, and per address, within `failureWindowMs`. */
  maxFailuresPerAccount?: number;
  maxFailuresPerAddress?: number;
  failureWindowMs?: number;
  /** The built console (default console/dist). */
  distDir?: string;
}

export type SessionPolicy = Required<Omit<ConsoleOptions, 'distDir'>>;

const MINUTE = 60_000;

export const sessionPolicy = (o: ConsoleOptions = {}): SessionPolicy => ({
  idleMs: o.idleMs ?? 30 * MINUTE,
  absoluteMs: o.absoluteMs ?? 12 * 60 * MINUTE,
  maxFailuresPerAccount: o.maxFailuresPerAccount ?? 5,
  maxFailuresPerAddress: o.maxFailuresPerAddress ?? 20,
  failureWindowMs: o.failureWindowMs ?? 15 * MINUTE,
});

/** The session cookie: HttpOnly, SameSite=Strict, Secure when the request came over https. */
export const SESSION_COOKIE = 'pw_session';
export const CSRF_HEADER = 'x-csrf-token';
