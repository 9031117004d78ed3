// The payload codec (issue 19, defect 6) on its own: sealing, key rotation, payloads older than
// the codec, and Temporal's codec-server protocol.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { ConfigError, loadConfig } from '../../platform/config.js';
import { codecServerResponse } from '../../platform/codec-server.js';
import {
  AesGcmPayloadCodec,
  ENCRYPTED_ENCODING,
  newCodecKeyEntry,
  parseCodecKeys,
  PayloadDecodeError,
} from '../../platform/payload-codec.js';

const key = (id: string) => ({ id, key: randomBytes(32) });
const k1 = key('k1');
const k2 = key('k2');
const secret = { description: 'KT1: 3 kiện linh kiện quân dụng', kt1: true };
const plain = (v: unknown) => defaultPayloadConverter.toPayload(v);
const value = (p: Payload) => defaultPayloadConverter.fromPayload(p);
const text = (p: Payload) => Buffer.from(p.data ?? []).toString('latin1') + JSON.stringify(p.metadata);
const b64 = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

describe('the AES-256-GCM payload codec', () => {
  it('seals the whole payload and opens it again', async () => {
    const codec = new AesGcmPayloadCodec([k1]);
    const [sealed] = await codec.encode([plain(secret)]);
    expect(Buffer.from(sealed!.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(sealed!.metadata!['encryption-key-id']!).toString()).toBe('k1');
    expect(text(sealed!)).not.toContain('linh kiện');
    expect(text(sealed!)).not.toContain('json/plain'); // the inner encoding is sealed too
    expect(value((await codec.decode([sealed!]))[0]!)).toEqual(secret);
  });

  it('never seals two payloads alike (a fresh nonce each time)', async () => {
    const codec = new AesGcmPayloadCodec([k1]);
    const [a, b] = await codec.encode([plain(secret), plain(secret)]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('passes payloads written before the codec existed through unchanged', async () => {
    const old = plain(secret);
    expect(await new AesGcmPayloadCodec([k1]).decode([old])).toEqual([old]);
  });

  it('rotates: the new key seals, the old one still opens old histories, and a dropped key is named', async () => {
    const before = await new AesGcmPayloadCodec([k1]).encode([plain(secret)]);
    const rotated = new AesGcmPayloadCodec([k2, k1]);
    expect(value((await rotated.decode(before))[0]!)).toEqual(secret);
    const [after] = await rotated.encode([plain(secret)]);
    expect(Buffer.from(after!.metadata!['encryption-key-id']!).toString()).toBe('k2');
    const dropped = new AesGcmPayloadCodec([k2]);
    expect(value((await dropped.decode([after!]))[0]!)).toEqual(secret);
    await expect(dropped.decode(before)).rejects.toThrow(
      new PayloadDecodeError('payload sealed with key "k1", which PAYLOAD_CODEC_KEYS does not hold'),
    );
  });

  it('refuses altered data, and a different key under the same id', async () => {
    const [sealed] = await new AesGcmPayloadCodec([k1]).encode([plain(secret)]);
    const altered = Buffer.from(sealed!.data!);
    altered[20]! ^= 1;
    await expect(new AesGcmPayloadCodec([k1]).decode([{ ...sealed!, data: altered }])).rejects.toBeInstanceOf(PayloadDecodeError);
    await expect(new AesGcmPayloadCodec([key('k1')]).decode([sealed!])).rejects.toThrow(/does not authenticate/);
  });
});

describe('PAYLOAD_CODEC_KEYS', () => {
  it('reads id:base64 entries, the current key first', () => {
    const a = newCodecKeyEntry();
    const b = newCodecKeyEntry();
    const keys = parseCodecKeys(`${a}, ${b}`);
    expect(keys.map((k) => k.id)).toEqual([a.split(':')[0], b.split(':')[0]]);
    expect(keys.every((k) => k.key.length === 32)).toBe(true);
    expect(loadConfig({ PAYLOAD_CODEC_KEYS: a }).PAYLOAD_CODEC_KEYS![0]!.id).toBe(a.split(':')[0]);
  });

  it.each([
    ['k1', /entry 1 must be id:base64key/],
    [`k1:${randomBytes(16).toString('base64')}`, /key "k1" must be 32 bytes/],
    [`k1:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`, /key id "k1" appears twice/],
  ])('names the problem in %s without showing a key', (value, message) => {
    expect(() => loadConfig({ PAYLOAD_CODEC_KEYS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ PAYLOAD_CODEC_KEYS: value })).toThrow(/PAYLOAD_CODEC_KEYS:/);
    expect(() => loadConfig({ PAYLOAD_CODEC_KEYS: value })).toThrow(message);
  });
});

describe("Temporal's codec-server protocol", () => {
  const codec = new AesGcmPayloadCodec([k2, k1]);

  it('encodes and decodes {payloads: [...]} in proto JSON', async () => {
    const encoded = await codecServerResponse(codec, '/encode', { payloads: [b64(plain(secret))] });
    expect(encoded.status).toBe(200);
    const sealed = (encoded.body as { payloads: { metadata: Record<string, string>; data: string }[] }).payloads;
    expect(Buffer.from(sealed[0]!.metadata.encoding!, 'base64').toString()).toBe(ENCRYPTED_ENCODING);
    const decoded = await codecServerResponse(codec, '/v1/codec/decode', { payloads: sealed });
    expect(decoded).toEqual({ status: 200, body: { payloads: [b64(plain(secret))] } });
  });

  it('answers problems for a wrong path, a malformed body and a payload it cannot open', async () => {
    expect((await codecServerResponse(codec, '/compress', { payloads: [] })).status).toBe(404);
    const bad = await codecServerResponse(codec, '/decode', { payloads: [{ data: 'not base64!' }] });
    expect(bad).toMatchObject({ status: 400, body: { type: 'invalid-body', detail: expect.stringContaining('payloads.0.data') } });
    expect((await codecServerResponse(codec, '/decode', {})).status).toBe(400);
    const [foreign] = await new AesGcmPayloadCodec([key('k9')]).encode([plain(secret)]);
    const refused = await codecServerResponse(codec, '/decode', { payloads: [b64(foreign!)] });
    expect(refused).toMatchObject({ status: 422, body: { type: 'undecodable-payload', detail: expect.stringContaining('"k9"') } });
  });
});
