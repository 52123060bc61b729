// The highlighter chunk (dist/webview/highlight-core.js, built by esbuild.js): highlight.js's core
// without grammars, handed to the page's registry (chunkApi.ts). Grammars come in their own chunks.
import hljs from 'highlight.js/lib/core';
import { REGISTRY_GLOBAL, type HighlightRegistry } from './chunkApi';

(globalThis as Record<string, unknown> & { [REGISTRY_GLOBAL]?: HighlightRegistry })[REGISTRY_GLOBAL]?.core(hljs);
