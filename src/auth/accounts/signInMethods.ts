/**
 * The three ways `webex.signIn` offers: an OAuth integration (acts as you, refreshed for weeks), a
 * pasted personal access token (12 hours), or a bot token (acts as the bot, which in group spaces
 * sees only messages that mention it: developer.webex.com, "Bots" guide).
 */
import type { Prompts } from '../../extensionServices';
import { tokenProblem } from '../signInPrompt';
import * as vscode from 'vscode';

export type SignInMethod = 'oauth' | 'token' | 'bot';

export const SIGN_IN_METHOD_LABELS: Readonly<Record<SignInMethod, string>> = Object.freeze({
  oauth: vscode.l10n.t('Sign in with Webex (OAuth)'),
  token: vscode.l10n.t('Paste an access token'),
  bot: vscode.l10n.t('Use a bot token'),
});

interface MethodItem extends vscode.QuickPickItem {
  method: SignInMethod;
}

export function isSignInMethod(value: unknown): value is SignInMethod {
  return value === 'oauth' || value === 'token' || value === 'bot';
}

/** Asks how to sign in; undefined when cancelled. */
export async function chooseSignInMethod(prompts: Prompts): Promise<SignInMethod | undefined> {
  const items: MethodItem[] = [
    {
      method: 'oauth',
      label: SIGN_IN_METHOD_LABELS.oauth,
      detail: vscode.l10n.t('With your own Webex integration (client ID and secret). Stays signed in: tokens are refreshed for you.'),
    },
    {
      method: 'token',
      label: SIGN_IN_METHOD_LABELS.token,
      detail: vscode.l10n.t('A personal access token from developer.webex.com. It expires after 12 hours.'),
    },
    {
      method: 'bot',
      label: SIGN_IN_METHOD_LABELS.bot,
      detail: vscode.l10n.t('Act as your bot. In group spaces a bot sees only the messages that mention it.'),
    },
  ];
  const chosen = await prompts.pick(items, { title: vscode.l10n.t('Sign in to Webex'), placeHolder: vscode.l10n.t('How do you want to sign in?'), ignoreFocusOut: true });
  return chosen?.method;
}

/** Asks for a bot's access token (password input); undefined when cancelled. */
export function promptForBotToken(prompts: Prompts, baseUrl: string): Promise<string | undefined> {
  let host = baseUrl;
  try {
    host = new URL(baseUrl).host;
  } catch {
    // Shown as configured.
  }
  return prompts.input({
    title: vscode.l10n.t('Sign in to Webex as a bot'),
    prompt: vscode.l10n.t('Paste the bot\'s access token for {0} (developer.webex.com → My Webex Apps → your bot). It is stored only in VS Code\'s secret storage.', host),
    placeHolder: vscode.l10n.t('Bot access token'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => tokenProblem(value.trim().replace(/^Bearer\s+/i, '')),
  });
}
