/**
 * The contract between the page and its highlighter chunks (esbuild.js builds them apart from the
 * page bundle, as IIFE scripts the page loads with its nonce when a block needs them): each chunk
 * hands what it carries to the registry the page put on `globalThis` before loading it.
 */
import type { HLJSApi, LanguageFn } from 'highlight.js';

export const REGISTRY_GLOBAL = 'webexHighlight';

export interface HighlightRegistry {
  /** highlight.js's core, from `highlight-core.js`. */
  core(hljs: HLJSApi): void;
  /** One grammar, from `highlight-<name>.js`. */
  grammar(name: string, language: LanguageFn): void;
}

/** The file of a chunk, inside dist/webview/. */
export function chunkFile(name: string): string {
  return `highlight-${name}.js`;
}
