/**
 * Replay: the bytes of a received delivery sent again to a URL, signed afresh with the webhook's
 * secret (developer.webex.com, "Receive and verify webhooks": HMAC-SHA1 of the raw body).
 */
import { checkTargetUrl } from '../../webex/webhooks';
import { signBody } from './signature';

export interface ReplayResult {
  status: number;
}

export async function replayDelivery(
  body: Buffer,
  url: string,
  secret: string | undefined,
  fetchFn: typeof fetch = globalThis.fetch,
  timeoutMs = 10_000,
): Promise<ReplayResult> {
  const target = checkTargetUrl(url);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (secret !== undefined) {
    headers['X-Spark-Signature'] = signBody(secret, body);
  }
  const res = await fetchFn(target, { method: 'POST', headers, body: new Uint8Array(body), redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  await res.arrayBuffer().catch(() => undefined);
  return { status: res.status };
}
