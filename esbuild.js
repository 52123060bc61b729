// Bundles the extension (Node, CommonJS) and the webview page (browser, IIFE).
// Shape after microsoft/vscode-extension-samples `esbuild-sample`: one context per entry,
// `--production` minifies, `--watch` rebuilds and reports problems in VS Code's format.
const path = require('node:path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors as `file:line:col: error: text` so a problem matcher can read them in watch mode. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) {
        console.log('[watch] build started');
      }
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      if (watch) {
        console.log('[watch] build finished');
      }
    });
  },
};

/**
 * The extension bundles no HTTP library: it uses the extension host's global fetch, FormData, Blob
 * and WebSocket, which VS Code patches for its proxy settings and system certificates
 * (`http.fetchAdditionalSupport`, `http.webSocketAdditionalSupport`; src/webex/runtime.ts). Bundled,
 * npm undici alone would exceed dist/extension.js's budget of 250 KB minified; it stays a dev
 * dependency for the tests and the local Webex. An import of it that would end up in
 * dist/extension.js fails the build here (`import type` is erased before bundling and is fine).
 */
const forbidUndici = {
  name: 'forbid-undici',
  setup(build) {
    build.onResolve({ filter: /^undici(\/|$)/ }, (args) => ({
      errors: [
        {
          text:
            `${args.path} must not be bundled into the extension (imported by ${path.relative(process.cwd(), args.importer)}): ` +
            'use the runtime\'s fetch/FormData/Blob/WebSocket (src/webex/runtime.ts), which VS Code patches for its proxy settings.',
        },
      ],
    }));
  },
};

/**
 * The highlighter's chunks (src/webviews/conversation/page/code/highlighter.ts loads them when a
 * code block needs them): highlight.js's core in highlight-core.js and one highlight-<name>.js per
 * grammar of grammars.json, each an IIFE that hands what it carries to the page's registry
 * (chunkApi.ts). Apart from the page bundle, so highlighting costs nothing before the first page.
 */
const GRAMMARS = require('./src/webviews/conversation/page/code/grammars.json');
const grammarChunks = {
  name: 'highlight-grammars',
  setup(build) {
    build.onResolve({ filter: /^highlight-grammar:/ }, (args) => ({ path: args.path.slice('highlight-grammar:'.length), namespace: 'highlight-grammar' }));
    build.onLoad({ filter: /.*/, namespace: 'highlight-grammar' }, (args) => ({
      contents:
        `import grammar from 'highlight.js/lib/languages/${args.path}';\n` +
        `globalThis.webexHighlight && globalThis.webexHighlight.grammar(${JSON.stringify(args.path)}, grammar);\n`,
      resolveDir: __dirname,
      loader: 'js',
    }));
  },
};

/**
 * Card templating (src/services/cards/templating.ts) loads adaptivecards-templating and its
 * expression engine (about 950 KB minified) only when a template is expanded: in the extension
 * bundle its import becomes a require of dist/cardTemplating.js, a bundle of its own built below,
 * so none of it is read while the extension activates.
 */
const templatingChunk = {
  name: 'card-templating-chunk',
  setup(build) {
    build.onResolve({ filter: /^adaptivecards-templating$/ }, () => ({ path: './cardTemplating.js', external: true }));
  },
};

/**
 * Card authoring's rules, templates and starting points (src/services/cards/cardTools.ts, with
 * jsonc-parser) are dist/cardTools.js, required when a card file or command first needs them.
 */
const cardToolsChunk = {
  name: 'card-tools-chunk',
  setup(build) {
    build.onResolve({ filter: /\/services\/cards\/cardTools(\.js)?$/ }, () => ({ path: './cardTools.js', external: true }));
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // Non-ASCII text (quotes, arrows, ellipses in our messages) as UTF-8, not \u escapes: smaller bundles.
  charset: 'utf8',
  logLevel: 'silent',
  plugins: [problemMatcher],
};

/** What the extension's bundles share: Node, CommonJS, no undici, dynamic import() as require(). */
const nodeBundle = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow; its ESM build bundles.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // A dynamic import() of a chunk becomes require(): Node's import() of a CommonJS bundle sees
  // only its `default`, not the names esbuild exports through getters.
  supported: { 'dynamic-import': false },
};

async function main() {
  const contexts = await Promise.all([
    esbuild.context({
      ...nodeBundle,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      external: ['vscode'],
      plugins: [...common.plugins, forbidUndici, templatingChunk, cardToolsChunk],
    }),
    esbuild.context({
      ...nodeBundle,
      entryPoints: { cardTools: 'src/services/cards/cardTools.ts' },
      outdir: 'dist',
      plugins: [...common.plugins, forbidUndici, templatingChunk],
    }),
    esbuild.context({
      ...nodeBundle,
      entryPoints: { cardTemplating: 'node_modules/adaptivecards-templating/lib/adaptivecards-templating.js' },
      outdir: 'dist',
      plugins: [...common.plugins, forbidUndici],
    }),
    // The API console, loaded by src/commands/console/consoleLoader.ts when first used.
    esbuild.context({
      ...common,
      entryPoints: ['src/commands/console/consoleCommands.ts'],
      outfile: 'dist/console.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      plugins: [...common.plugins, forbidUndici],
    }),
    esbuild.context({
      ...common,
      // The codicon font ships beside the page: the webview cannot reach VS Code's own copy, and
      // its CSP allows fonts only from the extension (font-src webview.cspSource).
      entryPoints: { conversation: 'src/webviews/conversation/page/main.ts', codicon: 'node_modules/@vscode/codicons/dist/codicon.css' },
      // markdown-it's entity decoding from the browser's own table (page/htmlEntities.ts): 23 KB less.
      alias: { entities: './src/webviews/conversation/page/htmlEntities.ts' },
      outdir: 'dist/webview',
      loader: { '.ttf': 'file' },
      assetNames: '[name]',
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
    }),
    esbuild.context({
      ...common,
      entryPoints: {
        'highlight-core': 'src/webviews/conversation/page/code/highlightCore.ts',
        ...Object.fromEntries(GRAMMARS.map((name) => [`highlight-${name}`, `highlight-grammar:${name}`])),
      },
      outdir: 'dist/webview',
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      plugins: [...common.plugins, grammarChunks],
    }),
    // The card renderer (adaptivecards; src/webviews/conversation/page/cards/): its own chunk, loaded
    // by the conversation page and the Preview Card webview only when a card is on screen; and the
    // Preview Card page (src/webviews/cards/page/), which shares the conversation page's card code.
    esbuild.context({
      ...common,
      entryPoints: { cards: 'src/webviews/conversation/page/cards/cardChunk.ts', cardPreview: 'src/webviews/cards/page/previewMain.ts' },
      outdir: 'dist/webview',
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
    }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
