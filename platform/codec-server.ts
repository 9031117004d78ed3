import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';
import { PayloadDecodeError } from './payload-codec.js';

/**
 * Temporal's codec-server protocol without the HTTP: `POST …/encode` and `POST …/decode` take and
 * answer `{"payloads": [{"metadata": {"k": base64}, "data": base64}]}` (Payloads in proto JSON).
 * The Temporal UI and CLI call it to show sealed payloads to people allowed to read them; the
 * route that serves it decides who that is.
 */
const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');
const Body = z.object({
  payloads: z
    .array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() }))
    .max(1000, 'at most 1000 payloads a request'),
});

export interface CodecProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

export type CodecResponse = { status: 200; body: { payloads: ProtoJsonPayload[] } } | { status: 400 | 404 | 422; body: CodecProblem };

interface ProtoJsonPayload {
  metadata: Record<string, string>;
  data: string;
}

const toPayload = (p: z.infer<typeof Body>['payloads'][number]): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});

const toJson = (p: Payload): ProtoJsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

const problem = (status: 400 | 404 | 422, type: string, title: string, detail: string): CodecResponse => ({
  status,
  body: { type, title, status, detail },
});

/** Answers one codec-server request; `path` ends with /encode or /decode. */
export async function codecServerResponse(codec: PayloadCodec, path: string, body: unknown): Promise<CodecResponse> {
  const op = /\/(encode|decode)\/?$/.exec(path)?.[1] as 'encode' | 'decode' | undefined;
  if (!op) return problem(404, 'not-found', 'Không có thao tác này / No such codec operation', `${path}: use …/encode or …/decode`);
  const parsed = Body.safeParse(body);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return problem(400, 'invalid-body', 'Nội dung không hợp lệ / Invalid codec request', detail);
  }
  try {
    const payloads = await codec[op](parsed.data.payloads.map(toPayload));
    return { status: 200, body: { payloads: payloads.map(toJson) } };
  } catch (e) {
    if (e instanceof PayloadDecodeError)
      return problem(422, 'undecodable-payload', 'Không giải mã được / Payload cannot be decoded', e.message);
    throw e;
  }
}
