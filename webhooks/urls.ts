import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface UrlPolicy {
  /** Lets http://localhost and http://127.0.0.1 (and [::1]) through: tests and local development only. */
  allowInsecureLocalhost?: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
/** Names of cloud metadata services, refused as text before any lookup (they also resolve to refused addresses). */
const METADATA_HOSTS = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);
/** A public-looking address that is a platform service (Azure's wire server); the other clouds' are in refused ranges. */
const PLATFORM_ADDRESSES = new Set(['168.63.129.16']);

/** A host name as the resolver sees it: no brackets, no trailing root dot, lower case. */
export const normalHost = (host: string) =>
  host
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '')
    .toLowerCase();

/**
 * Why a webhook must not connect to this address, or null when it may: only ordinary
 * public unicast passes. Refused: loopback, private, link-local, 0.0.0.0/8, 100.64/10,
 * 198.18/15 and the other reserved blocks, multicast, broadcast, and IPv6 forms that
 * reach IPv4 (mapped, NAT64, 6to4, Teredo) or the local network (ULA, link-local).
 */
export function addressRefusal(address: string, policy: UrlPolicy = {}): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  if (range === 'loopback' && policy.allowInsecureLocalhost) return null;
  if (range !== 'unicast') return `${address} is a ${RANGE_NAMES[range] ?? range} address`;
  if (PLATFORM_ADDRESSES.has(ip.toString())) return `${address} is a cloud platform service address`;
  return null;
}

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'unspecified (0.0.0.0/8, ::)',
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'private (unique local)',
  linkLocal: 'link-local',
  carrierGradeNat: 'shared (100.64.0.0/10)',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'reserved (benchmarking, documentation or future use)',
  rfc6052: 'NAT64 (64:ff9b::/96, 64:ff9b:1::/48)',
  rfc6145: 'IPv4-translated',
  '6to4': '6to4',
  teredo: 'Teredo',
};

/** Why this host name is refused as text, before any lookup (the connection is checked again). */
function hostNameRefusal(host: string): string | null {
  const h = normalHost(host);
  if (h === 'localhost' || h.endsWith('.localhost')) return 'the URL must not point at a loopback, private or link-local address';
  if (METADATA_HOSTS.has(h)) return 'the URL must not point at a cloud metadata service';
  if (isIP(h)) return addressRefusal(h) && 'the URL must not point at a loopback, private or link-local address';
  if (!h.includes('.') || h.endsWith('.internal') || h.endsWith('.local'))
    return 'the URL must name a public host (a fully qualified domain name)';
  return null;
}

/** Null when a receiver URL is acceptable as text, otherwise why not (shown to the caller). */
export function urlRefusal(raw: string, policy: UrlPolicy): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'not a valid absolute URL';
  }
  if (u.username || u.password) return 'credentials in the URL are not allowed';
  if (u.hash) return 'a fragment (#...) is not allowed';
  const localDev = policy.allowInsecureLocalhost && LOOPBACK_HOSTS.has(u.hostname);
  if (u.protocol === 'http:' && localDev) return null;
  if (u.protocol !== 'https:') return 'the URL must use https';
  if (localDev) return null;
  return hostNameRefusal(u.hostname);
}

/** True for the loopback names WEBHOOKS_ALLOW_INSECURE_LOCALHOST lets through. */
export const isLocalDevHost = (host: string, policy: UrlPolicy) =>
  !!policy.allowInsecureLocalhost && LOOPBACK_HOSTS.has(host.replace(/\.+$/, '').toLowerCase());
