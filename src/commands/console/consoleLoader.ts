/**
 * Registers the API console's commands at activation and loads the console itself
 * (`dist/console.js`, consoleCommands.ts) only when one runs or a request file opens: its parser,
 * catalog and editor features stay out of dist/extension.js and out of activation.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import type { ClientFactory } from '../../config/clientFactory';
import { CommandId } from '../commandIds';
import type * as ConsoleModule from './consoleCommands';
import type { ConsoleSession } from './consoleIdentities';
import { REQUEST_LANGUAGE, RESPONSE_SCHEME } from './consoleIds';

const CONSOLE_COMMANDS = [
  CommandId.sendRequest,
  CommandId.newRequest,
  CommandId.requestNextPage,
  CommandId.copyRequestAsCurl,
  CommandId.saveResponse,
  CommandId.copyId,
  CommandId.openInApiConsole,
];

/** dist/console.js, built beside dist/extension.js by esbuild.js. */
function loadBundle(): typeof ConsoleModule {
  // A computed path, so esbuild leaves the console out of this bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, 'console.js')) as typeof ConsoleModule;
}

export function registerConsoleLoader(services: ExtensionServices, session: ConsoleSession, createClient: ClientFactory, load = loadBundle): vscode.Disposable {
  let feature: ConsoleModule.ConsoleFeature | undefined;
  const get = (): ConsoleModule.ConsoleFeature => (feature ??= load().createConsole(services, session, createClient));
  const wanted = (doc: vscode.TextDocument): boolean => doc.languageId === REQUEST_LANGUAGE || doc.uri.scheme === RESPONSE_SCHEME;
  // Request files already open at startup: after activation, never during it.
  const startup = setTimeout(() => {
    if (vscode.workspace.textDocuments.some(wanted)) {
      get();
    }
  }, 0);
  return vscode.Disposable.from(
    ...CONSOLE_COMMANDS.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => get().run(id, args))),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (wanted(doc)) {
        get();
      }
    }),
    { dispose: () => clearTimeout(startup) },
    {
      dispose: () => {
        feature?.dispose();
      },
    },
  );
}
