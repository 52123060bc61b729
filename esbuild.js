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
 * The extension uses five things from undici (Agent, ProxyAgent, fetch, FormData, WebSocket), but
 * its index.js pulls in everything (mock agents, cache stores, interceptors, EventSource, cookies…).
 * This entry exports only those five, as ESM, so a new named import fails the build instead of being
 * undefined at runtime; and it drops the SIMD copy of llhttp (undici falls back to the plain build,
 * client-h1.js `lazyllhttp`). About 215 KB less in dist/extension.js, same behaviour.
 */
const slimUndici = {
  name: 'slim-undici',
  setup(build) {
    const undiciDir = path.dirname(require.resolve('undici/package.json'));
    build.onResolve({ filter: /^undici$/ }, () => ({ path: 'undici', namespace: 'slim-undici' }));
    build.onLoad({ filter: /.*/, namespace: 'slim-undici' }, () => ({
      resolveDir: undiciDir,
      loader: 'js',
      contents: [
        "import Dispatcher from './lib/dispatcher/dispatcher.js';",
        "import api from './lib/api/index.js';",
        "import AgentClass from './lib/dispatcher/agent.js';",
        "import ProxyAgentClass from './lib/dispatcher/proxy-agent.js';",
        "import fetchModule from './lib/web/fetch/index.js';",
        "import formDataModule from './lib/web/fetch/formdata.js';",
        "import webSocketModule from './lib/web/websocket/websocket.js';",
        '// As undici/index.js does: request(), connect() etc. on every dispatcher (ProxyAgent uses connect).',
        'Object.assign(Dispatcher.prototype, api);',
        'export const Agent = AgentClass;',
        'export const ProxyAgent = ProxyAgentClass;',
        'export const fetch = fetchModule.fetch;',
        'export const FormData = formDataModule.FormData;',
        'export const WebSocket = webSocketModule.WebSocket;',
      ].join('\n'),
    }));
    build.onLoad({ filter: /[\\/]undici[\\/]lib[\\/]llhttp[\\/]llhttp_simd-wasm\.js$/ }, () => ({
      loader: 'js',
      contents: 'module.exports = new Uint8Array(0); // not valid wasm: undici uses llhttp-wasm.js instead',
    }));
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcher],
};

async function main() {
  const contexts = await Promise.all([
    esbuild.context({
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      plugins: [...common.plugins, slimUndici],
    }),
    esbuild.context({
      ...common,
      // The codicon font ships beside the page: the webview cannot reach VS Code's own copy, and
      // its CSP allows fonts only from the extension (font-src webview.cspSource).
      entryPoints: { thread: 'src/webviews/thread/ui/main.ts', codicon: 'node_modules/@vscode/codicons/dist/codicon.css' },
      outdir: 'dist/webview',
      loader: { '.ttf': 'file' },
      assetNames: '[name]',
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
