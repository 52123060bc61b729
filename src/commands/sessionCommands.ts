/**
 * Sign in, sign out and refresh.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { WebexSession } from '../auth/session';
import { TeamMembersNode } from '../views/teams/teamsProvider';
import { isSignInMethod } from '../auth/accounts/signInMethods';
import { CommandId } from './commandIds';

export function registerSessionCommands(services: ExtensionServices, session: WebexSession): vscode.Disposable {
  return vscode.Disposable.from(
    // An optional argument skips the question of how to sign in: 'oauth' | 'token' | 'bot'.
    vscode.commands.registerCommand(CommandId.signIn, async (method?: unknown) => {
      await session.promptSignIn(isSignInMethod(method) ? method : undefined);
    }),
    vscode.commands.registerCommand(CommandId.signOut, async () => {
      await session.ready();
      const account = session.account;
      if (!account) {
        void services.prompts.notify('info', vscode.l10n.t('You are not signed in to Webex.'));
        return;
      }
      await session.signOut();
      void services.prompts.notify('info', vscode.l10n.t('Signed out of Webex ({0}).', account.displayName));
    }),
    vscode.commands.registerCommand(CommandId.refresh, async (node?: unknown) => {
      await session.ready();
      if (!session.client) {
        return; // Signed out: the views show the welcome; nothing to reload.
      }
      if (node instanceof TeamMembersNode) {
        // Only that team's members (refresh(node) clears only that node's cache).
        try {
          await services.members.reload({ kind: 'team', id: node.teamId });
        } catch (error) {
          services.errors.show(error, 'Could not reload the team’s members');
        }
        return;
      }
      await refreshAll(services);
    }),
  );
}

/** Reloads what the views show: spaces and teams, and the members of the selected space or team. */
export async function refreshAll(services: ExtensionServices): Promise<void> {
  const target = services.selection.target;
  try {
    await vscode.window.withProgress({ location: { viewId: 'webex.spaces' } }, async () => {
      await Promise.all([
        services.spaces.refresh(),
        target ? services.members.reload({ kind: target.kind, id: target.id }) : undefined,
      ]);
    });
  } catch (error) {
    services.errors.show(error, 'Could not refresh Webex');
  }
}
