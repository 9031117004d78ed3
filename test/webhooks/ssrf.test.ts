// Issue 19, defect 5: a webhook URL is judged by the address it connects to, not by its text.
// A local resolver answers every name with an internal address. Only loopback answers are ever
// connected to (a local TCP server counts the connections that slip through); the other ranges
// are checked on the lookup itself, which opens no socket.
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { createLogger } from '../../platform/logger.js';
import type { Db } from '../../prisma/client.js';
import { addressRefusal, urlRefusal } from '../../webhooks/urls.js';
import { AddressRefusedError, guardedAgent, guardedLookup, type Resolve } from '../../webhooks/guarded-agent.js';
import { DEFAULT_BACKOFF } from '../../webhooks/backoff.js';
import { sendDue, type SenderOptions } from '../../webhooks/sender.js';
import { migratedDatabase } from '../support/db.js';

const family = (address: string) => (address.includes(':') ? 6 : 4);
/** A resolver that answers from a table, as a hostile DNS zone would. */
const resolverOf =
  (table: Record<string, string[]>): Resolve =>
  async (hostname) => {
    const answer = table[hostname.replace(/\.$/, '')];
    if (!answer) throw Object.assign(new Error(`no such name ${hostname}`), { code: 'ENOTFOUND' });
    return answer.map((address): LookupAddress => ({ address, family: family(address) }));
  };

/** The forms from the issue, each answered with the internal address it would reach in a deployment. */
const HOSTILE: Record<string, string[]> = {
  localhost: ['127.0.0.1', '::1'],
  'hooks.10.0.0.1.nip.io': ['10.0.0.1'],
  'metadata.google.internal': ['169.254.169.254'],
  postgres: ['172.18.0.2'],
  '169.254.169.254.nip.io': ['169.254.169.254'],
  'shared.example.com': ['100.64.0.10'],
  'bench.example.com': ['198.18.0.1'],
  'zero.example.com': ['0.1.2.3'],
  'multicast.example.com': ['224.0.0.251'],
  'mapped.example.com': ['::ffff:10.0.0.1'],
  'nat64.example.com': ['64:ff9b::a9fe:a9fe'],
  'ula.example.com': ['fd00:ec2::254'],
  'mixed.example.com': ['93.184.215.14', '10.0.0.1'], // one bad answer spoils the name (no rebinding by order)
};

const lookupOnce = (resolve: Resolve, host: string, allowInsecureLocalhost = false) =>
  new Promise<{ err: Error | null; addresses: LookupAddress[] }>((done) =>
    guardedLookup(resolve, { allowInsecureLocalhost })(host, { all: true }, (err, addresses) =>
      done({ err, addresses: (addresses as unknown as LookupAddress[]) ?? [] }),
    ),
  );

describe('addresses a webhook may connect to', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.9.9.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'shared (100.64.0.0/10)'],
    ['100.100.100.200', 'shared (100.64.0.0/10)'],
    ['198.18.0.1', 'reserved'],
    ['198.19.255.255', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'NAT64'],
    ['64:ff9b:1::a00:1', 'NAT64'],
    ['2002:a00:1::', '6to4'],
    ['fd00:ec2::254', 'unique local'],
    ['168.63.129.16', 'cloud platform service'],
  ])('%s is refused (%s)', (address, kind) => {
    expect(addressRefusal(address)).toContain(kind);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '100.63.255.255', '198.20.0.1'])(
    '%s, public unicast, passes',
    (address) => expect(addressRefusal(address)).toBeNull(),
  );

  it('lets loopback through only for local development', () => {
    expect(addressRefusal('127.0.0.1', { allowInsecureLocalhost: true })).toBeNull();
    expect(addressRefusal('10.0.0.1', { allowInsecureLocalhost: true })).toContain('private');
  });
});

describe('receiver URLs as text (checked again at connect time)', () => {
  it.each([
    ['https://localhost./', 'loopback'],
    ['https://LOCALHOST../x', 'loopback'],
    ['https://api.localhost/', 'loopback'],
    ['https://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['https://postgres:5432/', 'fully qualified'],
    ['https://temporal.internal/', 'fully qualified'],
    ['https://0.0.0.0/', 'loopback, private'],
    ['https://[::ffff:169.254.169.254]/', 'loopback, private'],
    ['https://[64:ff9b::a9fe:a9fe]/', 'loopback, private'],
  ])('%s is refused', (url, why) => {
    expect(urlRefusal(url, { allowInsecureLocalhost: false })).toContain(why);
  });

  it('cannot tell wildcard DNS names from public ones: those are refused when they resolve', () => {
    expect(urlRefusal('https://hooks.10.0.0.1.nip.io/', {})).toBeNull();
    expect(urlRefusal('https://169.254.169.254.nip.io/', {})).toBeNull();
  });
});

describe('the lookup of the guarded agent', () => {
  const resolve = resolverOf(HOSTILE);
  it.each(Object.keys(HOSTILE))('refuses %s', async (host) => {
    const { err } = await lookupOnce(resolve, host);
    expect(err).toBeInstanceOf(AddressRefusedError);
    expect(err!.message).toContain(`${host} resolves to`);
  });

  it('answers a public name with its addresses, and localhost only in local development', async () => {
    const ok = resolverOf({ 'hooks.carrier.vn': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'], ...HOSTILE });
    expect((await lookupOnce(ok, 'hooks.carrier.vn')).addresses.map((a) => a.address)).toEqual([
      '93.184.215.14',
      '2606:2800:21f:cb07:6820:80da:af6b:8b2c',
    ]);
    expect((await lookupOnce(ok, 'localhost', true)).err).toBeNull();
    expect((await lookupOnce(ok, 'hooks.10.0.0.1.nip.io', true)).err).toBeInstanceOf(AddressRefusedError);
  });
});

describe('connections through the guarded agent', () => {
  let trap: Server;
  let port: number;
  let connections = 0;
  beforeAll(async () => {
    trap = createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => trap.listen(0, '127.0.0.1', () => r()));
    port = (trap.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => trap.close(() => r())));

  // every hostile name answered with a loopback form, where the trap listens
  const loopbackResolver = resolverOf({
    localhost: ['127.0.0.1'],
    'hooks.127.0.0.1.nip.io': ['127.0.0.1'],
    'metadata.google.internal': ['127.0.0.1'],
    postgres: ['127.0.0.1'],
    '169.254.169.254.nip.io': ['::ffff:127.0.0.1'],
    'hooks.example.com': ['127.0.0.1'],
  });

  it.each([
    'https://localhost.:PORT/',
    'https://hooks.127.0.0.1.nip.io:PORT/',
    'https://metadata.google.internal:PORT/',
    'https://postgres:PORT/',
    'https://169.254.169.254.nip.io:PORT/',
    'https://127.0.0.1:PORT/',
    'http://[::ffff:127.0.0.1]:PORT/',
  ])('%s never opens a connection', async (form) => {
    const before = connections;
    const agent = guardedAgent({ resolve: loopbackResolver });
    const failure = await request(form.replace('PORT', String(port)), { method: 'POST', body: '{}', dispatcher: agent }).catch(
      (e: Error) => e,
    );
    await agent.close();
    expect(failure).toBeInstanceOf(AddressRefusedError);
    expect(connections).toBe(before);
  });
});

describe('the sender', () => {
  let db: Db;
  let receiver: HttpServer;
  let port: number;
  const hits: string[] = [];
  beforeAll(async () => {
    ({ db } = await migratedDatabase());
    receiver = createHttpServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/moved') res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
      else res.writeHead(204).end();
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    port = (receiver.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  const options = (over: Partial<SenderOptions>): SenderOptions => ({
    backoff: DEFAULT_BACKOFF,
    maxAttempts: 3,
    timeoutMs: 5000,
    batchSize: 10,
    allowInsecureLocalhost: false,
    ...over,
  });
  async function deliverOnce(url: string, o: SenderOptions) {
    const endpoint = await db.webhookEndpoint.create({
      data: {
        ownerType: 'carrier',
        ownerId: 'VNP',
        url,
        secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
        eventTypes: [],
        createdBy: 't',
      },
    });
    const delivery = await db.webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        eventId: BigInt(Date.now()),
        caseId: 'c',
        eventType: 'DETECTED',
        payload: { hello: 1 },
        status: 'PENDING',
      },
    });
    await sendDue(db, createLogger('silent'), o, new AbortController().signal);
    return db.webhookAttempt.findFirstOrThrow({ where: { deliveryId: delivery.id } });
  }

  it('records a name that resolves inside as a failed attempt, and sends nothing', async () => {
    const resolve = resolverOf({ 'hooks.carrier.vn': ['127.0.0.1'] });
    const attempt = await deliverOnce(`https://hooks.carrier.vn:${port}/in`, options({ resolve }));
    expect(attempt.statusCode).toBeNull();
    expect(attempt.error).toContain('not sent: hooks.carrier.vn resolves to 127.0.0.1 is a loopback address');
    expect(hits).toEqual([]);
  });

  it('delivers to localhost in local development, and does not follow a redirect', async () => {
    const resolve = resolverOf({ localhost: ['127.0.0.1'] });
    const ok = await deliverOnce(`http://localhost:${port}/ok`, options({ resolve, allowInsecureLocalhost: true }));
    expect(ok.statusCode).toBe(204);
    const moved = await deliverOnce(`http://localhost:${port}/moved`, options({ resolve, allowInsecureLocalhost: true }));
    expect(moved.statusCode).toBe(302);
    expect(moved.error).toContain('not followed');
    expect(hits).toEqual(['/ok', '/moved']);
  });
});
