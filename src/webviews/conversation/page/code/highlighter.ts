/**
 * Highlights code blocks after the page is on screen, never before: a block is queued when it
 * scrolls into view (IntersectionObserver), and the queue is worked off in idle time
 * (requestIdleCallback), one slice of a block at a time (codeText.ts `planSlices`), so a 5,000-line
 * block never holds the page for long. highlight.js and its grammars are separate chunks
 * (esbuild.js) loaded with the page's nonce the first time a block needs them, from the extension's
 * own files only: a message chooses at most a name from languages.ts, never a URL.
 *
 * highlight.js escapes the text it is given and returns `<span class="hljs-…">` markup; that markup
 * still goes through the token sanitizer (sanitize.ts: only spans with highlight.js classes), and a
 * slice whose text would come out different is drawn plain instead. Results are kept by text, so a
 * block drawn again (a thread re-rendered, scrolled back into the window) is coloured at once.
 */
import * as l10n from '@vscode/l10n';
import type { HLJSApi, LanguageFn } from 'highlight.js';
import { chunkFile, REGISTRY_GLOBAL, type HighlightRegistry } from './chunkApi';
import { markInvisible } from './codeBlocks';
import { planSlices } from './codeText';
import { GRAMMARS, languageByKey } from './languages';

export interface HighlighterOptions {
  /** URL of the folder the chunks are in (ends with `/`); undefined: highlighting is off. */
  chunkBase: string | undefined;
  /** The nonce of this page load (the CSP runs only scripts that carry it). */
  nonce: string;
  /** The log the blocks scroll in. */
  scroller: HTMLElement;
  /** highlight.js markup → inert nodes (sanitize.ts). */
  tokens(html: string): DocumentFragment;
}

interface Job {
  block: HTMLElement;
  text: string;
  grammar: string;
  slices: Array<[number, number]>;
  next: number;
  out: DocumentFragment;
}

/** Highlighted blocks kept for drawing again, by total characters. */
const CACHE_CHARS = 2_000_000;
const IDLE_TIMEOUT_MS = 500;
/** Observed blocks beyond this many are checked for removed ones. */
const WATCHED_SWEEP = 300;

type IdleDeadline = { timeRemaining(): number };

function whenIdle(callback: (deadline: IdleDeadline) => void): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
  } else {
    setTimeout(() => callback({ timeRemaining: () => 8 }), 0);
  }
}

export class CodeHighlighter {
  private hljs: HLJSApi | undefined;
  private readonly waitingGrammars = new Map<string, LanguageFn>();
  private readonly registered = new Set<string>();
  private readonly failed = new Set<string>();
  private readonly loads = new Map<string, Promise<void>>();
  private readonly queue = new Set<HTMLElement>();
  private job: Job | undefined;
  private scheduled = false;
  private readonly cache = new Map<string, DocumentFragment>();
  private cacheChars = 0;
  private readonly observer: IntersectionObserver | undefined;
  /** Blocks observed and not seen yet; swept of removed ones (the timeline drops scrolled-away threads). */
  private readonly watched = new Set<HTMLElement>();
  private sweepScheduled = false;
  private marked = false;

  constructor(private readonly options: HighlighterOptions) {
    if (!options.chunkBase) {
      return;
    }
    const registry: HighlightRegistry = {
      core: (hljs) => this.onCore(hljs),
      grammar: (name, language) => this.onGrammar(name, language),
    };
    (globalThis as Record<string, unknown>)[REGISTRY_GLOBAL] = registry;
    this.observer = new IntersectionObserver((entries) => this.onVisible(entries), { root: options.scroller, rootMargin: '200px 0px' });
  }

  get enabled(): boolean {
    return this.observer !== undefined;
  }

  /** Watches the blocks under `root` that have a language and are not coloured yet. */
  observe(root: ParentNode): void {
    if (!this.observer) {
      return;
    }
    for (const block of root.querySelectorAll<HTMLElement>('.code-block[data-language]:not(.highlighted)')) {
      if (!this.fromCache(block)) {
        this.observer.observe(block);
        this.watched.add(block);
      }
    }
    if (this.watched.size > WATCHED_SWEEP && !this.sweepScheduled) {
      // After this render task: the timeline inserts what it renders in the same task, so a block
      // still out of the document then was dropped for good.
      this.sweepScheduled = true;
      setTimeout(() => this.sweep(), 0);
    }
  }

  private sweep(): void {
    this.sweepScheduled = false;
    for (const block of this.watched) {
      if (!block.isConnected) {
        this.observer?.unobserve(block);
        this.watched.delete(block);
      }
    }
  }

  private onVisible(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        const block = entry.target as HTMLElement;
        this.observer?.unobserve(block);
        this.watched.delete(block);
        this.queue.add(block);
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (!this.scheduled && (this.queue.size > 0 || this.job)) {
      this.scheduled = true;
      whenIdle((deadline) => {
        this.scheduled = false;
        this.work(deadline);
      });
    }
  }

  /** Highlights slices while the browser has time to spare (at least one slice per call). */
  private work(deadline: IdleDeadline): void {
    let first = true;
    while (first || deadline.timeRemaining() > 3) {
      first = false;
      const job = this.job ?? this.nextJob();
      if (!job) {
        break;
      }
      this.job = job;
      const [start, end] = job.slices[job.next++];
      job.out.append(this.highlightSlice(job.text.slice(start, end), job.grammar));
      if (job.next === job.slices.length) {
        this.job = undefined;
        this.finish(job);
      }
    }
    if (this.job || (this.queue.size > 0 && this.loads.size === 0)) {
      this.schedule();
    } else if (this.queue.size === 0 && this.loads.size === 0 && !this.marked) {
      // The blocks in view at first are coloured (the bench measures first page → this mark; once).
      this.marked = true;
      performance.mark('webex:highlighted');
    }
    // Otherwise blocks wait for a chunk; its load schedules the work again.
  }

  /** The next queued block that is still on the page and whose grammars are here (loading others). */
  private nextJob(): Job | undefined {
    for (const block of [...this.queue]) {
      const language = languageByKey(block.dataset.language ?? '');
      const code = block.querySelector('pre > code');
      if (!block.isConnected || !language || !code || block.classList.contains('highlighted') || this.fromCache(block)) {
        this.queue.delete(block);
        continue;
      }
      if (language.grammars.some((g) => this.failed.has(g))) {
        this.queue.delete(block);
        this.note(block, l10n.t('Not highlighted: the highlighter could not be loaded.'));
        continue;
      }
      if (!this.hljs || language.grammars.some((g) => !this.registered.has(g))) {
        // Stays queued; the load schedules the work again when it settles.
        this.load(language.grammars);
        continue;
      }
      this.queue.delete(block);
      const text = code.textContent ?? '';
      return { block, text, grammar: language.grammars[language.grammars.length - 1], slices: planSlices(text), next: 0, out: document.createDocumentFragment() };
    }
    return undefined;
  }

  private highlightSlice(text: string, grammar: string): Node {
    let nodes: DocumentFragment | undefined;
    try {
      const html = this.hljs?.highlight(text, { language: grammar, ignoreIllegals: true }).value;
      nodes = html === undefined ? undefined : this.options.tokens(html);
    } catch {
      nodes = undefined;
    }
    if (!nodes || nodes.textContent !== text) {
      // Never show other text than the sender's: plain is the fallback.
      nodes = document.createDocumentFragment();
      nodes.append(document.createTextNode(text));
    }
    markInvisible(nodes);
    return nodes;
  }

  private finish(job: Job): void {
    const key = `${job.block.dataset.language ?? ''}\n${job.text}`;
    this.cache.set(key, job.out);
    this.cacheChars += key.length;
    for (const [oldKey] of this.cache) {
      if (this.cacheChars <= CACHE_CHARS || oldKey === key) {
        break;
      }
      this.cache.delete(oldKey);
      this.cacheChars -= oldKey.length;
    }
    this.fromCache(job.block);
  }

  /** Colours a block from a finished result for the same text; false when there is none. */
  private fromCache(block: HTMLElement): boolean {
    const code = block.querySelector('pre > code');
    const text = code?.textContent ?? '';
    const done = this.cache.get(`${block.dataset.language ?? ''}\n${text}`);
    if (!code || !done) {
      return false;
    }
    code.replaceChildren(done.cloneNode(true));
    block.classList.add('highlighted');
    return true;
  }

  private note(block: HTMLElement, text: string): void {
    const head = block.querySelector(':scope > .code-header');
    if (head && !head.querySelector('.code-note')) {
      const note = document.createElement('span');
      note.className = 'code-note';
      note.textContent = text;
      head.querySelector('.code-toolbar')?.before(note);
    }
  }

  private load(grammars: readonly string[]): void {
    const names = ['core', ...grammars.filter((g) => GRAMMARS.includes(g))];
    const pending = names.filter((n) => (n === 'core' ? !this.hljs : !this.registered.has(n))).map((n) => this.loadChunk(n));
    void Promise.allSettled(pending).then(() => this.schedule());
  }

  private loadChunk(name: string): Promise<void> {
    const existing = this.loads.get(name);
    if (existing) {
      return existing;
    }
    const loading = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.nonce = this.options.nonce;
      script.src = new URL(chunkFile(name), this.options.chunkBase).toString();
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`${chunkFile(name)} did not load`)));
      document.head.append(script);
    }).then(
      () => {
        this.loads.delete(name);
      },
      () => {
        this.loads.delete(name);
        // Without the core no grammar can work.
        for (const failed of name === 'core' ? GRAMMARS : [name]) {
          this.failed.add(failed);
        }
      },
    );
    this.loads.set(name, loading);
    return loading;
  }

  private onCore(hljs: HLJSApi): void {
    if (this.hljs) {
      return;
    }
    this.hljs = hljs;
    for (const [name, language] of this.waitingGrammars) {
      this.register(name, language);
    }
    this.waitingGrammars.clear();
  }

  private onGrammar(name: string, language: LanguageFn): void {
    if (!GRAMMARS.includes(name) || this.registered.has(name)) {
      return;
    }
    if (this.hljs) {
      this.register(name, language);
    } else {
      this.waitingGrammars.set(name, language);
    }
  }

  private register(name: string, language: LanguageFn): void {
    this.hljs?.registerLanguage(name, language);
    this.registered.add(name);
  }
}
