/**
 * The token prompt of `webex.signIn`: a password input with a link to where tokens come from.
 */
import type { Prompts } from '../extensionServices';
import * as vscode from 'vscode';

/** A sign-in the user can fix (a refused or malformed token): shown as is, nothing stored. */
export class SignInError extends Error {
  constructor(
    message: string,
    readonly trackingId?: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/** Why a pasted string cannot be a token, checked before it is sent anywhere. */
export function tokenProblem(token: string): string | undefined {
  if (token === '') {
    return 'Paste a Webex access token.';
  }
  if (/\s/.test(token)) {
    return 'An access token has no spaces or line breaks; paste just the token.';
  }
  return undefined;
}

/** Asks for the token; undefined when cancelled. */
export function promptForToken(prompts: Prompts, baseUrl: string): Promise<string | undefined> {
  const host = safeHost(baseUrl);
  return prompts.input({
    title: vscode.l10n.t('Sign in to Webex'),
    prompt:
      vscode.l10n.t('Paste an access token for {0}: your personal access token from developer.webex.com (valid 12 hours) or a bot token. It is stored only in VS Code\'s secret storage.', host),
    placeHolder: vscode.l10n.t('Access token'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => tokenProblem(value.trim().replace(/^Bearer\s+/i, '')),
  });
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
