/**
 * The command line of `npm start` (test/demo/start.ts). Pure: parsing and usage text only, so it is
 * unit-tested without starting anything.
 */

export const DEFAULT_API = 'local';

export interface DemoOptions {
  /** `undefined`: start the local Webex with the demo account; otherwise the REST base URL to use. */
  api?: string;
  /** The VS Code (code-server) port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Desktop VS Code (`code` on PATH) instead of code-server in the browser. */
  desktop: boolean;
  /** Package the extension and install the VSIX, instead of loading the development folder. */
  vsix: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm start [-- options]

Starts a local Webex with a demo account and a real VS Code with this extension, and prints the
address to open and the token to sign in with. Ctrl+C stops everything.

Options:
  --api <url>   Use a real Webex instead of the local one, e.g. https://webexapis.com/v1
                (or https://api-usgov.webex.com/v1 for the FedRAMP cloud). Sign in with your own token.
  --port <n>    Port of VS Code on 127.0.0.1 (default: a free port).
  --desktop     Open desktop VS Code (the \`code\` command) instead of VS Code in the browser.
  --vsix        Package the extension (npm run package) and install the VSIX, as a user would,
                instead of loading this folder as a development extension.
  --help        Show this text.
`;

/** Parses `argv` (without node and script); throws an Error with a readable message on bad input. */
export function parseDemoOptions(argv: readonly string[]): DemoOptions {
  const options: DemoOptions = { port: 0, desktop: false, vsix: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') {
        throw new Error(`${flag} needs a value`);
      }
      return v;
    };
    switch (flag) {
      case '--api': {
        const api = value();
        options.api = api === DEFAULT_API ? undefined : checkApi(api);
        break;
      }
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535) {
          throw new Error(`--port must be a number from 0 to 65535, not "${raw}"`);
        }
        options.port = port;
        break;
      }
      case '--desktop':
        options.desktop = true;
        break;
      case '--vsix':
        options.vsix = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`Unknown option ${flag}`);
    }
  }
  return options;
}

/** An http(s) URL without a trailing slash; the extension itself refuses anything else (config/settings.ts). */
function checkApi(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--api must be a URL such as https://webexapis.com/v1, not "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`--api must be an http(s) URL, not "${raw}"`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error('--api must not carry credentials; sign in inside VS Code instead');
  }
  return url.toString().replace(/\/+$/, '');
}
