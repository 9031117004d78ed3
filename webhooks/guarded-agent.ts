/**
 * The HTTP agent webhooks are sent through. A URL that reads well can still reach inside
 * (`localhost.`, `*.nip.io`, `metadata.google.internal`, a compose service name), so the check
 * that counts is made where the connection is opened: on every address the name resolves to,
 * at connect time, by the same resolution the socket then uses (no second lookup to rebind).
 */
import { promises as dns, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { addressRefusal, isLocalDevHost, normalHost, type UrlPolicy } from './urls.js';

/** Resolves a host name to every address it has (the system resolver by default). */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** A connection refused because of where it would go; the delivery fails without being sent. */
export class AddressRefusedError extends Error {
  readonly code = 'ERR_WEBHOOK_ADDRESS_REFUSED';
}

/** The socket's `lookup`: resolves once, refuses the name if any of its addresses is refused. */
export function guardedLookup(resolve: Resolve, policy: UrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const allowLoopback = isLocalDevHost(hostname, policy);
    resolve(hostname)
      .then((all) => {
        for (const a of all) {
          const why = addressRefusal(a.address, { allowInsecureLocalhost: allowLoopback });
          if (why) throw new AddressRefusedError(`${hostname} resolves to ${why}: webhooks go to public addresses only`);
        }
        const wanted = options.family ? all.filter((a) => a.family === options.family) : all;
        if (wanted.length === 0) throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, ''));
  };
}

/**
 * An undici Agent whose every connection passes the address check. IP literals never reach a
 * lookup, so they are checked here directly. Redirects are never followed (undici's default).
 */
export function guardedAgent(policy: UrlPolicy & { resolve?: Resolve; connectTimeoutMs?: number } = {}): Agent {
  const connect = buildConnector({
    lookup: guardedLookup(policy.resolve ?? systemResolve, policy),
    timeout: policy.connectTimeoutMs ?? 10_000,
  });
  return new Agent({
    connect(opts, callback) {
      const host = normalHost(opts.hostname);
      if (isIP(host)) {
        const why = addressRefusal(host, { allowInsecureLocalhost: isLocalDevHost(host, policy) });
        if (why) return callback(new AddressRefusedError(`${why}: webhooks go to public addresses only`), null);
      }
      return connect(opts, callback);
    },
  });
}
