/**
 * The payload codec's decode endpoint (Temporal's codec-server protocol, platform/codec-server.ts):
 * what Temporal holds of a case is sealed (AES-256-GCM), and the Temporal UI or CLI, pointed at
 * this endpoint, shows it in clear to managers (inspection, as canReadWorkflowHistory) and to no
 * one else. Nothing is encoded here: payloads are sealed by the workers and the API's client.
 */
import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';
import { canReadWorkflowHistory } from '../../domain/access.js';
import { codecServerResponse } from '../../platform/codec-server.js';
import { allow, operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';

const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');
const PayloadJson = z
  .object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() })
  .strict()
  .meta({ id: 'PayloadJson', description: 'A Temporal Payload in proto JSON: metadata values and data in base64' });
const PayloadsBody = z.object({ payloads: z.array(PayloadJson).max(1000) }).strict();
const PayloadsSchema = z
  .object({ payloads: z.array(PayloadJson) })
  .strict()
  .meta({ id: 'Payloads' });

/** The client's codecs as one, decoding in reverse order of encoding. */
const chain = (codecs: readonly PayloadCodec[]): PayloadCodec => ({
  encode: async (p: Payload[]) => {
    for (const c of codecs) p = await c.encode(p);
    return p;
  },
  decode: async (p: Payload[]) => {
    for (const c of [...codecs].reverse()) p = await c.decode(p);
    return p;
  },
});

export const codecOperations: Operation[] = [
  operation({
    method: 'post',
    path: '/v1/codec/decode',
    operationId: 'decodePayloads',
    summary: 'Decode sealed Temporal payloads (codec server for the Temporal UI; managers)',
    description:
      'Temporal’s codec-server protocol: set this API’s `/v1/codec` as the codec endpoint of the Temporal UI. ' +
      'A payload sealed with a key this deployment no longer holds is 422.',
    tags: ['Operations'],
    access: allow(canReadWorkflowHistory, 'decode workflow payloads'),
    body: { schema: PayloadsBody, required: true },
    responses: { 200: { description: 'The payloads in clear, in the same order', schema: PayloadsSchema } },
    problems: [400, 403, 413, 415, 422],
    handler: async ({ body, res, deps }) => {
      const codecs = deps.temporal.client.options.loadedDataConverter.payloadCodecs;
      const answer = await codecServerResponse(chain(codecs), '/decode', body);
      if (answer.status !== 200) throw problem(422, 'undecodable-payload', 'Payload cannot be decoded', answer.body.detail);
      res.json(answer.body);
    },
  }),
];
