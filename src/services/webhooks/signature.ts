/**
 * `X-Spark-Signature`: the hex HMAC-SHA1 of the raw body bytes keyed with the webhook's secret
 * (developer.webex.com, "Receive and verify webhooks"). Verification is over the bytes as received:
 * JSON parsed and serialised again can differ in spacing, key order or escapes, so it must never be
 * used. Comparison is timing-safe.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-spark-signature';

/** The signature Webex would send for these bytes. */
export function signBody(secret: string, body: Uint8Array): string {
  return createHmac('sha1', secret).update(body).digest('hex');
}

/** A secret the receiver knows, with the webhook it belongs to. */
export interface KnownSecret {
  webhookId: string;
  webhookName: string;
  secret: string;
}

export type Verification =
  | { verified: true; webhookId: string; webhookName: string }
  | { verified: false; reason: string; webhookName?: string };

function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.trim().toLowerCase(), 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch is a mismatch (the length is not secret).
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks a delivery. `webhookId` is the envelope's `id` when the body could be read as one; its
 * secret is tried first, then (for a webhook we do not know by id) every known secret.
 */
export function verifySignature(
  body: Uint8Array,
  header: string | undefined,
  secrets: readonly KnownSecret[],
  webhookId?: string,
): Verification {
  const own = webhookId === undefined ? undefined : secrets.find((s) => s.webhookId === webhookId);
  if (header === undefined || header.trim() === '') {
    return { verified: false, reason: 'no X-Spark-Signature header', webhookName: own?.webhookName };
  }
  if (own) {
    return sameHex(signBody(own.secret, body), header)
      ? { verified: true, webhookId: own.webhookId, webhookName: own.webhookName }
      : { verified: false, reason: `the signature does not match the secret of "${own.webhookName}"`, webhookName: own.webhookName };
  }
  if (secrets.length === 0) {
    return { verified: false, reason: 'no webhook secret is known here' };
  }
  for (const s of secrets) {
    if (sameHex(signBody(s.secret, body), header)) {
      return { verified: true, webhookId: s.webhookId, webhookName: s.webhookName };
    }
  }
  return { verified: false, reason: 'the signature matches none of the known webhook secrets' };
}
