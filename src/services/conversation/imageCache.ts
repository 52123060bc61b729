/**
 * The pictures of a conversation's image files, fetched by the extension (the page never sees a
 * file URL or the token): each URL at most once per session, a few at a time, up to a size cap, and
 * checked against its magic numbers (imageSniff.ts) before anything is shown. vscode-free; the
 * conversation tab owns one per loaded space.
 */
import { sniffImage, type ImageType } from './imageSniff';

/** What a file turned out to be. */
export type ImageResult =
  | { kind: 'image'; type: ImageType; data: Uint8Array }
  /** Larger than the cap: it stays a named attachment with its size. */
  | { kind: 'tooLarge'; size: number }
  /** Not a picture after all (its bytes are not PNG/JPEG/GIF/WebP) or it could not be fetched. */
  | { kind: 'broken'; reason: string };

export interface ImageCacheOptions {
  /** Downloads the file (GET with the token); rejects when it cannot. */
  fetch(url: string, signal: AbortSignal): Promise<Uint8Array>;
  /** The size cap in bytes (setting `webex.conversation.imageMaxBytes`). */
  maxBytes(): number;
  /** Downloads at once (default 3). */
  concurrency?: number;
  /** Total bytes kept (default 64 MB), oldest forgotten first. */
  keepBytes?: number;
}

export class ImageCache {
  private readonly results = new Map<string, Promise<ImageResult>>();
  private readonly sizes = new Map<string, number>();
  private readonly waiting: Array<() => void> = [];
  private active = 0;
  private peak = 0;
  private readonly abort = new AbortController();

  constructor(private readonly options: ImageCacheOptions) {}

  /**
   * The picture at `url`. `knownSize` (from the file's HEAD) refuses a too-large file before any
   * download; a file of unknown size is refused after it, by its length.
   */
  load(url: string, knownSize?: number): Promise<ImageResult> {
    const cap = this.options.maxBytes();
    if (knownSize !== undefined && knownSize > cap) {
      return Promise.resolve({ kind: 'tooLarge', size: knownSize });
    }
    const cached = this.results.get(url);
    if (cached) {
      return cached;
    }
    const result = this.run(url, cap);
    this.results.set(url, result);
    void result.then((r) => this.remember(url, r));
    return result;
  }

  /** The most downloads that ran at once so far (tests). */
  get peakConcurrency(): number {
    return this.peak;
  }

  dispose(): void {
    this.abort.abort();
    this.results.clear();
    this.sizes.clear();
    for (const wake of this.waiting.splice(0)) {
      wake();
    }
  }

  private async run(url: string, cap: number): Promise<ImageResult> {
    await this.slot();
    this.peak = Math.max(this.peak, this.active);
    try {
      if (this.abort.signal.aborted) {
        return { kind: 'broken', reason: 'The tab was closed.' };
      }
      const data = await this.options.fetch(url, this.abort.signal);
      if (data.length > cap) {
        return { kind: 'tooLarge', size: data.length };
      }
      const type = sniffImage(data);
      if (type === undefined) {
        return { kind: 'broken', reason: 'The file is not a PNG, JPEG, GIF or WebP picture.' };
      }
      return { kind: 'image', type, data };
    } catch (error) {
      // A failed download is not cached: the next time the message is on screen it is tried again.
      this.results.delete(url);
      return { kind: 'broken', reason: error instanceof Error ? error.message : 'The picture could not be downloaded.' };
    } finally {
      // The slot passes straight to the next waiting download, or is freed.
      const next = this.waiting.shift();
      if (next) {
        next();
      } else {
        this.active--;
      }
    }
  }

  /** Takes a download slot (synchronously when one is free, so a burst of loads cannot overshoot). */
  private slot(): Promise<void> {
    if (this.active < Math.max(1, this.options.concurrency ?? 3)) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private remember(url: string, result: ImageResult): void {
    if (result.kind !== 'image' || !this.results.has(url)) {
      return;
    }
    this.sizes.set(url, result.data.length);
    let total = 0;
    for (const size of this.sizes.values()) {
      total += size;
    }
    const keep = this.options.keepBytes ?? 64 * 1024 * 1024;
    for (const [oldest, size] of this.sizes) {
      if (total <= keep || oldest === url) {
        break;
      }
      this.sizes.delete(oldest);
      this.results.delete(oldest);
      total -= size;
    }
  }
}
