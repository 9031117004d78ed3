import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';

const { temporal } = proto; // CommonJS package: named ESM imports fail at run time
const ProtoPayload = temporal.api.common.v1.Payload;

/** The `encoding` of a sealed payload; anything else passes through (histories older than the codec). */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
const IV_BYTES = 12; // GCM's standard nonce
const TAG_BYTES = 16;

/** One AES-256 key and the id written beside every payload it seals. */
export interface CodecKey {
  id: string;
  key: Buffer;
}

/** A payload the codec cannot open: unknown key id, tampered or truncated data. */
export class PayloadDecodeError extends Error {}

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null | undefined) => (b ? new TextDecoder().decode(b) : undefined);

/**
 * Seals every workflow and activity payload with AES-256-GCM under the first key; opens
 * payloads sealed by any key it holds, so a rotated-out key keeps old histories readable.
 * The whole payload (metadata and data) is sealed, and the key id is bound as associated data.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;
  private readonly current: CodecKey;

  constructor(keys: readonly CodecKey[]) {
    if (keys.length === 0) throw new Error('the payload codec needs at least one key');
    for (const k of keys) if (k.key.length !== 32) throw new Error(`payload key "${k.id}" must be 32 bytes (AES-256)`);
    this.current = keys[0]!;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.seal(p));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => (text(p.metadata?.encoding) === ENCRYPTED_ENCODING ? this.open(p) : p));
  }

  private seal(p: Payload): Payload {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(utf8(this.current.id));
    const plain = ProtoPayload.encode(p).finish();
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return { metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID]: utf8(this.current.id) }, data: sealed };
  }

  private open(p: Payload): Payload {
    const id = text(p.metadata?.[KEY_ID]) ?? '';
    const key = this.byId.get(id);
    if (!key) throw new PayloadDecodeError(`payload sealed with key "${id}", which PAYLOAD_CODEC_KEYS does not hold`);
    const data = Buffer.from(p.data ?? []);
    if (data.length < IV_BYTES + TAG_BYTES) throw new PayloadDecodeError(`payload sealed with key "${id}" is truncated`);
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(utf8(id));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    try {
      const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return ProtoPayload.decode(plain);
    } catch {
      throw new PayloadDecodeError(`payload sealed with key "${id}" does not authenticate (altered, or another key of that id)`);
    }
  }
}

const KEY_ENTRY = /^([A-Za-z0-9._-]{1,64}):([A-Za-z0-9+/_-]+={0,2})$/;

/**
 * Reads `id:base64key[,id:base64key…]`, the current key first (PAYLOAD_CODEC_KEYS). Throws
 * a message that says what is wrong with which entry, never the key itself.
 */
export function parseCodecKeys(value: string): CodecKey[] {
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('must hold at least one key, id:base64key');
  const keys = entries.map((entry, i) => {
    const m = KEY_ENTRY.exec(entry);
    if (!m) throw new Error(`entry ${i + 1} must be id:base64key (id of letters, digits, . _ -)`);
    const key = Buffer.from(m[2]!, 'base64'); // Node reads the URL-safe alphabet too
    if (key.length !== 32) throw new Error(`key "${m[1]}" must be 32 bytes, base64 (e.g. \`openssl rand -base64 32\`), not ${key.length}`);
    return { id: m[1]!, key };
  });
  const ids = keys.map((k) => k.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`key id "${twice}" appears twice`);
  return keys;
}

/** A new key entry for PAYLOAD_CODEC_KEYS, its id naming the day it was made. */
export function newCodecKeyEntry(now = new Date()): string {
  const id = `k${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(2).toString('hex')}`;
  return `${id}:${randomBytes(32).toString('base64')}`;
}
