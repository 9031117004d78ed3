import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataConverter } from '@temporalio/common';
import { ConfigError } from './config.js';
import { AesGcmPayloadCodec, newCodecKeyEntry, parseCodecKeys, type CodecKey } from './payload-codec.js';

/** File of `npm start`'s own keys beside its other secrets (DATA_DIR/pg-password). */
export const EMBEDDED_KEYS_FILE = 'payload-codec-keys';

/**
 * The keys of one-machine `npm start`: PAYLOAD_CODEC_KEYS, else DATA_DIR/payload-codec-keys,
 * made on first start. Every process of the scaled-out deployment must hold the same keys,
 * so there they come only from PAYLOAD_CODEC_KEYS (see `standaloneCodecKeys`).
 */
export function embeddedCodecKeys(cfg: { PAYLOAD_CODEC_KEYS?: CodecKey[] }, dataDir: string): CodecKey[] {
  if (cfg.PAYLOAD_CODEC_KEYS) return cfg.PAYLOAD_CODEC_KEYS;
  const file = join(dataDir, EMBEDDED_KEYS_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, newCodecKeyEntry() + '\n', { mode: 0o600, flag: 'wx' });
  }
  try {
    return parseCodecKeys(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file}: ${(e as Error).message}`);
  }
}

/** PAYLOAD_CODEC_KEYS, which a standalone API, worker or script cannot do without. */
export function standaloneCodecKeys(cfg: { PAYLOAD_CODEC_KEYS?: CodecKey[] }): CodecKey[] {
  if (cfg.PAYLOAD_CODEC_KEYS) return cfg.PAYLOAD_CODEC_KEYS;
  throw new ConfigError(
    'PAYLOAD_CODEC_KEYS: required outside `npm start` (every API and worker process must hold the same keys); ' +
      'make one with `npm run admin -- new-payload-key`',
  );
}

/** The data converter of every Temporal client and worker Postwatch creates: payloads sealed by the codec. */
export const caseDataConverter = (keys: readonly CodecKey[]): DataConverter => ({ payloadCodecs: [new AesGcmPayloadCodec(keys)] });
