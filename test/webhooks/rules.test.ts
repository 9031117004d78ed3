// The small pure rules of webhooks: who owns which endpoints, which URLs are accepted, the retry schedule.
import { describe, expect, it } from 'vitest';
import { canManageWebhooksOf, canView, webhookOwnerActor, webhookOwnersOf, type Actor } from '../../domain/access.js';
import type { CaseView } from '../../domain/case-view.js';
import { DEFAULT_BACKOFF, DEFAULT_MAX_ATTEMPTS, retryDelayMs } from '../../webhooks/backoff.js';
import { newSigningSecret, signatureHeaders } from '../../webhooks/signing.js';
import { urlRefusal } from '../../webhooks/urls.js';

const carrier: Actor = { id: 'c', role: 'carrier', carrierId: 'VNP' };
const officer: Actor = { id: 'o', role: 'officer', agencyId: 'TH-QLTT' };
const nationalManager: Actor = { id: 'm', role: 'manager', agencyId: null, provinceCode: null };
const admin: Actor = { id: 'a', role: 'admin' };

describe('webhook owners', () => {
  it('are the carrier of a carrier key, the agency of its people, anyone for admins', () => {
    expect(webhookOwnersOf(carrier)).toEqual([{ type: 'carrier', id: 'VNP' }]);
    expect(webhookOwnersOf(officer)).toEqual([{ type: 'agency', id: 'TH-QLTT' }]);
    expect(webhookOwnersOf(nationalManager)).toEqual([]);
    expect(webhookOwnersOf(admin)).toBe('all');
    for (const a of [carrier, officer])
      for (const o of webhookOwnersOf(a) as { type: 'carrier' | 'agency'; id: string }[]) expect(canManageWebhooksOf(a, o)).toBe(true);
  });

  it('see what their carrier or routed agency sees', () => {
    const view = {
      carrierId: 'VNP',
      agencyIds: ['TH-QLTT'],
      provinceCode: 'TH',
      leadAgencyId: 'TH-QLTT',
      flags: { restricted: true },
    } as CaseView;
    expect(canView(view, webhookOwnerActor({ type: 'carrier', id: 'VNP' }))).toBe(true);
    expect(canView(view, webhookOwnerActor({ type: 'carrier', id: 'VTP' }))).toBe(false);
    expect(canView(view, webhookOwnerActor({ type: 'agency', id: 'TH-QLTT' }))).toBe(true);
    expect(canView(view, webhookOwnerActor({ type: 'agency', id: 'TH-DEPT' }))).toBe(false); // an agency owner is not a manager
  });
});

describe('receiver URLs', () => {
  it.each([
    ['https://hooks.carrier.vn/postwatch', false, null],
    ['http://hooks.carrier.vn/postwatch', false, 'the URL must use https'],
    ['http://127.0.0.1:8080/x', false, 'the URL must use https'],
    ['http://127.0.0.1:8080/x', true, null],
    ['http://localhost/x', true, null],
    ['http://10.0.0.5/x', true, 'the URL must use https'],
    ['https://127.0.0.1/x', false, 'the URL must not point at a loopback, private or link-local address'],
    ['https://192.168.1.10/x', false, 'the URL must not point at a loopback, private or link-local address'],
    ['https://[::1]/x', false, 'the URL must not point at a loopback, private or link-local address'],
    ['https://[::ffff:10.0.0.1]/x', false, 'the URL must not point at a loopback, private or link-local address'],
    ['https://user:pw@hooks.carrier.vn/', false, 'credentials in the URL are not allowed'],
    ['ftp://hooks.carrier.vn/', false, 'the URL must use https'],
    ['hooks.carrier.vn', false, 'not a valid absolute URL'],
  ])('%s (localhost allowed: %s)', (url, allow, refusal) => {
    expect(urlRefusal(url, { allowInsecureLocalhost: allow })).toBe(refusal);
  });
});

describe('retry schedule', () => {
  it('grows by the factor, stays within ±20 %, is capped, and spans about a day by default', () => {
    expect(retryDelayMs(1, DEFAULT_BACKOFF, () => 0.5)).toBe(5_000);
    expect(retryDelayMs(2, DEFAULT_BACKOFF, () => 0.5)).toBe(20_000);
    expect(retryDelayMs(3, DEFAULT_BACKOFF, () => 0)).toBe(64_000);
    expect(retryDelayMs(3, DEFAULT_BACKOFF, () => 1)).toBe(96_000);
    expect(retryDelayMs(50, DEFAULT_BACKOFF, () => 0.5)).toBe(DEFAULT_BACKOFF.maxMs);
    let total = 0;
    for (let n = 1; n < DEFAULT_MAX_ATTEMPTS; n++) total += retryDelayMs(n, DEFAULT_BACKOFF, () => 0.5);
    expect(total / 3600_000).toBeGreaterThan(12);
    expect(total / 3600_000).toBeLessThan(30);
  });
});

describe('signing secrets', () => {
  it('are whsec_ and 32 random bytes, different every time, and sign with the three headers', () => {
    const a = newSigningSecret();
    expect(a).toMatch(/^whsec_/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(a);
    expect(Object.keys(signatureHeaders(a, 'id-1', 1, '{}'))).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    expect(() => signatureHeaders('plain', 'id-1', 1, '{}')).toThrow(/whsec_/);
  });
});
