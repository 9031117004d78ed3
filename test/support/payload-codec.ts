import { createHash } from 'node:crypto';
import { parseCodecKeys } from '../../platform/payload-codec.js';
import { caseDataConverter } from '../../platform/payload-keys.js';

/** A fixed test key (never a deployment's): derived, so recorded histories stay decodable. */
const testKey = (id: string) => `${id}:${createHash('sha256').update(`postwatch test payload key ${id}`).digest('base64')}`;

/** PAYLOAD_CODEC_KEYS of the tests, for processes started as deployed (worker/main.ts, api/server.ts). */
export const TEST_CODEC_KEYS_ENV = testKey('test-1');
export const TEST_CODEC_KEYS = parseCodecKeys(TEST_CODEC_KEYS_ENV);
/** The data converter of every test client and worker: payloads sealed as in production. */
export const testDataConverter = caseDataConverter(TEST_CODEC_KEYS);
export { testKey };
