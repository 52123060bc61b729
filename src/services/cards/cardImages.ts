/**
 * Remote images of cards, fetched by the extension for the page (whose CSP allows no remote
 * images): http(s) only, WITHOUT the Webex token or any credentials (the URL is the card sender's
 * choice and usually not a Webex host), at most {@link MAX_IMAGE_BYTES}, an `image/*` content type
 * only, a few at a time, and cached per URL for the window's life.
 */

/** Bytes of one card image (Webex publishes no limit for card images; ours, [UNVERIFIED] against Webex). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Images fetched at the same time. */
export const IMAGE_CONCURRENCY = 3;
const CACHE_ENTRIES = 200;
const TIMEOUT_MS = 15_000;

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

export class CardImages {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly fetchFn: FetchFn = (url, init) => fetch(url, init)) {}

  /** A `data:` URL of the image, or undefined when it is not an allowed image. */
  load(url: string): Promise<string | undefined> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return Promise.resolve(undefined);
    }
    if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username !== '' || parsed.password !== '') {
      return Promise.resolve(undefined);
    }
    const key = parsed.href;
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.queued(() => this.fetchImage(key));
      this.cache.set(key, entry);
      if (this.cache.size > CACHE_ENTRIES) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) {
          this.cache.delete(oldest);
        }
      }
    }
    return entry;
  }

  private async queued<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= IMAGE_CONCURRENCY) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      return await job();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private async fetchImage(url: string): Promise<string | undefined> {
    try {
      // No Authorization header, no cookies: never the token to a non-Webex host.
      const res = await this.fetchFn(url, { method: 'GET', credentials: 'omit', redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
      const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
      const declared = Number(res.headers.get('content-length') ?? 'NaN');
      if (!res.ok || !/^image\/[a-z0-9.+-]+$/.test(type) || declared > MAX_IMAGE_BYTES || !res.body) {
        await res.body?.cancel().catch(() => undefined);
        return undefined;
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          break;
        }
        size += value.byteLength;
        if (size > MAX_IMAGE_BYTES) {
          await reader.cancel().catch(() => undefined);
          return undefined;
        }
        chunks.push(value);
      }
      return `data:${type};base64,${Buffer.concat(chunks).toString('base64')}`;
    } catch {
      return undefined;
    }
  }
}
