// A payload of a recorded history as JSON holds it (base64 fields), opened by the tests' codec when
// it is sealed: histories recorded before the codec (v1-v4) are in clear, later ones sealed.
import { ENCRYPTED_ENCODING } from '../../platform/payload-codec.js';
import { testDataConverter } from '../support/payload-codec.js';

export type JsonPayload = { metadata?: Record<string, string>; data: string };
const bytes = (b64: string) => Buffer.from(b64, 'base64');

/** The JSON value a recorded payload carries. */
export async function openPayload(p: JsonPayload): Promise<unknown> {
  const payload = { metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, bytes(v)])), data: bytes(p.data) };
  const sealed = payload.metadata.encoding?.toString() === ENCRYPTED_ENCODING;
  const [plain] = sealed ? await testDataConverter.payloadCodecs![0]!.decode([payload]) : [payload];
  return JSON.parse(Buffer.from(plain!.data!).toString('utf8'));
}
