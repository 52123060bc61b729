/**
 * `webex.switchAccount`: the account switcher in the Spaces view's title. Lists the accounts signed
 * in for the current cloud (yourself, your bot, …), marks the current one, and offers to add another.
 * The views, commands and conversations then act as the chosen account.
 */
import * as vscode from 'vscode';
import type { Prompts } from '../../extensionServices';
import type { AccountInfo } from '../../services/accounts/accountRecords';
import { CommandId } from '../../commands/commandIds';

/** What the switcher needs of the session. */
export interface AccountSwitching {
  readonly account: AccountInfo | undefined;
  ready(): Promise<void>;
  /** The accounts signed in for the configured API base URL. */
  accounts(): Promise<AccountInfo[]>;
  switchAccount(accountId: string): Promise<void>;
  promptSignIn(): Promise<unknown>;
}

export const ADD_ACCOUNT_LABEL = vscode.l10n.t('Add another account…');

interface AccountItem extends vscode.QuickPickItem {
  accountId?: string;
}

export function describeAccount(account: AccountInfo): string {
  return account.personType === 'bot' ? 'Bot' : account.kind === 'oauth' ? 'Signed in with OAuth' : 'Access token';
}

export function registerAccountCommands(prompts: Prompts, session: AccountSwitching): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.switchAccount, async (accountId?: unknown) => {
    await session.ready();
    if (typeof accountId === 'string') {
      await session.switchAccount(accountId);
      return;
    }
    const current = session.account?.id;
    const items: AccountItem[] = (await session.accounts()).map((a) => ({
      label: a.displayName,
      description: [a.email, a.id === current ? 'current' : undefined].filter(Boolean).join(' · '),
      detail: describeAccount(a),
      iconPath: new vscode.ThemeIcon(a.id === current ? 'check' : a.personType === 'bot' ? 'hubot' : 'account'),
      accountId: a.id,
    }));
    items.push({ label: ADD_ACCOUNT_LABEL, iconPath: new vscode.ThemeIcon('add') });
    const chosen = await prompts.pick(items, { title: vscode.l10n.t('Webex accounts'), placeHolder: vscode.l10n.t('Choose the account the views and commands use') });
    if (!chosen) {
      return;
    }
    if (chosen.accountId === undefined) {
      await session.promptSignIn();
    } else if (chosen.accountId !== current) {
      await session.switchAccount(chosen.accountId);
    }
  });
}
