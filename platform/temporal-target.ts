import { loadClientConnectConfig } from '@temporalio/envconfig';
import type { DataConverter } from '@temporalio/common';
import type { TLSConfig } from '@temporalio/client';
import type { Config } from './config.js';

/** Where and how every Temporal client and worker of this process connects. */
export interface TemporalTarget {
  connection: { address: string; tls?: TLSConfig | boolean; apiKey?: string; metadata?: Record<string, string> };
  namespace: string;
  dataConverter: DataConverter;
}

const SDK_VARIABLES = [
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_API_KEY',
  'TEMPORAL_TLS',
  'TEMPORAL_TLS_CLIENT_CERT_PATH',
  'TEMPORAL_TLS_CLIENT_CERT_DATA',
  'TEMPORAL_TLS_CLIENT_KEY_PATH',
  'TEMPORAL_TLS_CLIENT_KEY_DATA',
  'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
  'TEMPORAL_TLS_SERVER_CA_CERT_DATA',
  'TEMPORAL_TLS_SERVER_NAME',
  'TEMPORAL_PROFILE',
  'TEMPORAL_CONFIG_FILE',
] as const;

/**
 * An external Temporal, configured the way the SDK's environment configuration is
 * (@temporalio/envconfig): a TOML profile (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE) under the
 * variables; TEMPORAL_API_KEY turns TLS on; mTLS from TEMPORAL_TLS_CLIENT_CERT_* / _KEY_*;
 * a private CA and SNI name; gRPC headers from TEMPORAL_GRPC_META_*.
 */
export function externalTemporalTarget(cfg: Config, dataConverter: DataConverter, env: NodeJS.ProcessEnv = process.env): TemporalTarget {
  const vars: Record<string, string> = {};
  for (const name of SDK_VARIABLES) {
    const v = cfg[name];
    // a default (the namespace's) must not hide the profile's own value: only what was set counts
    if (v !== undefined && env[name]) vars[name] = String(v);
  }
  for (const [name, v] of Object.entries(env)) if (name.startsWith('TEMPORAL_GRPC_META_') && v) vars[name] = v;
  const { connectionOptions, namespace } = loadClientConnectConfig({ overrideEnvVars: vars });
  const { address, tls, apiKey, metadata } = connectionOptions;
  if (!address) throw new Error('TEMPORAL_ADDRESS: no address in the environment or the Temporal profile');
  return {
    connection: {
      address,
      ...(tls !== undefined && tls !== null ? { tls } : {}),
      ...(typeof apiKey === 'string' ? { apiKey } : {}),
      ...(metadata ? { metadata: Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, String(v)])) } : {}),
    },
    namespace: namespace ?? cfg.TEMPORAL_NAMESPACE,
    dataConverter,
  };
}

/** The embedded dev server of `npm start`: plain gRPC on loopback. */
export const embeddedTemporalTarget = (address: string, namespace: string, dataConverter: DataConverter): TemporalTarget => ({
  connection: { address },
  namespace,
  dataConverter,
});
