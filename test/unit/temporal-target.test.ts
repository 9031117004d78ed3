// An external Temporal over TLS, mTLS or with an API key, configured as the Temporal SDK's
// environment configuration reads it (issue 14, "operations users expect").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { externalTemporalTarget } from '../../platform/temporal-target.js';

const dir = mkdtempSync(join(tmpdir(), 'postwatch-tls-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const CERT = '-----BEGIN CERTIFICATE-----\nMIIBclient\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIBkey\n-----END PRIVATE KEY-----\n';
const CA = '-----BEGIN CERTIFICATE-----\nMIIBca\n-----END CERTIFICATE-----\n';
const target = (env: Record<string, string>) =>
  externalTemporalTarget(loadConfig({ TEMPORAL_CONFIG_FILE: join(dir, 'none.toml'), ...env }), {}, env);

describe('an external Temporal', () => {
  it('connects in plain gRPC when nothing asks for TLS', () => {
    expect(target({ TEMPORAL_ADDRESS: 'temporal:7233' }).connection).toEqual({ address: 'temporal:7233' });
  });

  it('with an API key: TLS on, the key sent (Temporal Cloud)', () => {
    const t = target({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'ns.acct', TEMPORAL_API_KEY: 'secret-key' });
    expect(t.connection).toMatchObject({ address: 'ns.acct.tmprl.cloud:7233', apiKey: 'secret-key' });
    expect(t.connection.tls).toBeTruthy();
    expect(t.namespace).toBe('ns.acct');
  });

  it('with mTLS: the client certificate and key, a private CA and the server name', () => {
    const t = target({
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      TEMPORAL_TLS_CLIENT_CERT_PATH: file('client.pem', CERT),
      TEMPORAL_TLS_CLIENT_KEY_PATH: file('client.key', KEY),
      TEMPORAL_TLS_SERVER_CA_CERT_DATA: CA,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.example.vn',
    });
    const tls = t.connection.tls as {
      clientCertPair?: { crt: Buffer; key: Buffer };
      serverRootCACertificate?: Buffer;
      serverNameOverride?: string;
    };
    expect(Buffer.from(tls.clientCertPair!.crt).toString()).toBe(CERT);
    expect(Buffer.from(tls.clientCertPair!.key).toString()).toBe(KEY);
    expect(Buffer.from(tls.serverRootCACertificate!).toString()).toBe(CA);
    expect(tls.serverNameOverride).toBe('temporal.example.vn');
  });

  it('reads a TOML profile under the variables, and gRPC headers from TEMPORAL_GRPC_META_*', () => {
    const toml = file('temporal.toml', '[profile.prod]\naddress = "prod.example.vn:7233"\nnamespace = "cases"\n[profile.prod.tls]\n');
    const t = target({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: 'prod', TEMPORAL_GRPC_META_X_TENANT: 'vnpost' });
    expect(t.connection.address).toBe('prod.example.vn:7233');
    expect(t.namespace).toBe('cases');
    expect(t.connection.tls).toBeTruthy();
    expect(t.connection.metadata).toEqual({ 'x-tenant': 'vnpost' });
  });

  it('TEMPORAL_TLS=false turns TLS off; a bad value is named at start', () => {
    expect(target({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: 'false' }).connection.tls).toBeFalsy();
    expect(() => loadConfig({ TEMPORAL_TLS: 'maybe' })).toThrow(/TEMPORAL_TLS:/);
  });
});
