/**
 * Names, types and sizes of the files of the messages a conversation shows, learned lazily: Webex
 * message objects carry only file URLs (the Message's `files` in the Webex messaging API) and a
 * content URL ends in an opaque id, so each file costs one `HEAD` (the client's
 * `messages.fileInfo`). This cache asks for each URL once, a few at a time, and reports each answer
 * as it comes; callers show the messages first and the names when they arrive. vscode-free; the
 * conversation tab owns one per loaded space.
 */

/** What is known of a file; every field is optional (a failed lookup leaves all of them out). */
export interface FileDetails {
  name?: string;
  contentType?: string;
  size?: number;
}

export interface FileDetailsOptions {
  /** One lookup (`HEAD`); rejects when the file cannot be described. */
  lookup(url: string, signal: AbortSignal): Promise<FileDetails>;
  /** A lookup finished (`details` is empty when it failed). Not called after dispose. */
  onResolved(url: string, details: FileDetails): void;
  /** Lookups at once (default 3): a page of messages with many files must not crowd out reading. */
  concurrency?: number;
  /** URLs remembered (default 1000), oldest forgotten first. */
  limit?: number;
}

export class FileDetailsCache {
  private readonly known = new Map<string, FileDetails>();
  private readonly waiting: string[] = [];
  private readonly queued = new Set<string>();
  private active = 0;
  private readonly abort = new AbortController();
  private readonly settled: Array<() => void> = [];

  constructor(private readonly options: FileDetailsOptions) {}

  /** What is known of `url`; undefined until its lookup finished. */
  get(url: string): FileDetails | undefined {
    return this.known.get(url);
  }

  /** Looks up the URLs not yet known or queued, in the order given; returns at once. */
  want(urls: Iterable<string>): void {
    for (const url of urls) {
      if (!this.known.has(url) && !this.queued.has(url) && !this.abort.signal.aborted) {
        this.queued.add(url);
        this.waiting.push(url);
      }
    }
    this.pump();
  }

  /** Resolves when no lookup is running or waiting (tests). */
  idle(): Promise<void> {
    if (this.active === 0 && this.waiting.length === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.settled.push(resolve));
  }

  /** Stops: lookups under way are aborted, waiting ones dropped, nothing more is reported. */
  dispose(): void {
    this.abort.abort();
    this.waiting.length = 0;
    this.queued.clear();
    this.pump();
  }

  private pump(): void {
    const concurrency = Math.max(1, this.options.concurrency ?? 3);
    while (this.active < concurrency && this.waiting.length > 0) {
      const url = this.waiting.shift() as string;
      this.active++;
      void this.run(url).finally(() => {
        this.active--;
        this.queued.delete(url);
        this.pump();
      });
    }
    if (this.active === 0 && this.waiting.length === 0) {
      for (const resolve of this.settled.splice(0)) {
        resolve();
      }
    }
  }

  private async run(url: string): Promise<void> {
    let details: FileDetails;
    try {
      details = await this.options.lookup(url, this.abort.signal);
    } catch {
      // Remembered as "nothing to say" so it is not asked again: the file keeps its generic name.
      details = {};
    }
    if (this.abort.signal.aborted) {
      return;
    }
    this.remember(url, details);
    this.options.onResolved(url, details);
  }

  private remember(url: string, details: FileDetails): void {
    this.known.set(url, details);
    const limit = this.options.limit ?? 1000;
    while (this.known.size > limit) {
      const oldest = this.known.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.known.delete(oldest);
    }
  }
}
