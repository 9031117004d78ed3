/**
 * Sensitive text the API stores itself (a tip's content), sealed as every case payload is in
 * Temporal: the client's own data converter and payload codec (AES-256-GCM, PAYLOAD_CODEC_KEYS),
 * so the database holds ciphertext and a key rotation keeps old rows readable.
 */
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import proto from '@temporalio/proto';

const ProtoPayload = proto.temporal.api.common.v1.Payload; // CommonJS package: named ESM imports fail at run time

/** The text as a sealed, proto-encoded Payload. */
export async function sealText(client: Client, text: string): Promise<Uint8Array> {
  const { payloadConverter, payloadCodecs } = client.options.loadedDataConverter;
  let payloads: Payload[] = [payloadConverter.toPayload(text)];
  for (const codec of payloadCodecs) payloads = await codec.encode(payloads);
  return ProtoPayload.encode(payloads[0]!).finish();
}

/** The text a sealed Payload holds. */
export async function openText(client: Client, sealed: Uint8Array): Promise<string> {
  const { payloadConverter, payloadCodecs } = client.options.loadedDataConverter;
  let payloads: Payload[] = [ProtoPayload.decode(sealed)];
  for (const codec of [...payloadCodecs].reverse()) payloads = await codec.decode(payloads);
  return payloadConverter.fromPayload<string>(payloads[0]!);
}
