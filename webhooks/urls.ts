import { isIP } from 'node:net';

export interface UrlPolicy {
  /** Lets http://localhost and http://127.0.0.1 (and [::1]) through: tests and local development only. */
  allowInsecureLocalhost?: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Literal addresses a webhook must not reach: loopback, private, link-local (cloud metadata), unspecified. */
function isInternalAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const v = isIP(h);
  if (v === 4) {
    const [a, b] = h.split('.').map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (v === 6)
    return h === '::' || h === '::1' || h.startsWith('fc') || h.startsWith('fd') || h.startsWith('fe80') || h.startsWith('::ffff:');
  return false;
}

/** Null when a receiver URL is acceptable, otherwise why not (shown to the caller). */
export function urlRefusal(raw: string, policy: UrlPolicy): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'not a valid absolute URL';
  }
  if (u.username || u.password) return 'credentials in the URL are not allowed';
  if (u.hash) return 'a fragment (#...) is not allowed';
  if (u.protocol === 'http:' && policy.allowInsecureLocalhost && LOOPBACK_HOSTS.has(u.hostname)) return null;
  if (u.protocol !== 'https:') return 'the URL must use https';
  if (isInternalAddress(u.hostname) && !(policy.allowInsecureLocalhost && LOOPBACK_HOSTS.has(u.hostname)))
    return 'the URL must not point at a loopback, private or link-local address';
  return null;
}
