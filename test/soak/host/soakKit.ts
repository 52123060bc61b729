/**
 * The scripted user's hands inside the extension host: the extension's testing API, conversation
 * tabs (driven through ConversationPanel.receive exactly as the page posts), commands with scripted
 * prompts, the local Webex's fault controls, and the record of every prompt and notification the
 * user saw (ScriptedPrompts keeps them only until its next reset).
 */
import * as vscode from 'vscode';
import type { RequestMessage, ResponseMessage } from '../../../src/webviews/conversation/protocol';
import { CONVERSATION_TEST_HOOKS_COMMAND, type ConversationTestHooks } from '../../../src/webviews/conversation/conversationWebview';
import type { ConversationPanel } from '../../../src/webviews/conversation/conversationPanel';
import type { AskedPrompt, ScriptedAnswer } from '../../../src/commands/scriptedPrompts';
import { sleep } from '../../bench/host/hostKit';
import { Rest } from '../../integration/fixtures/localWebex';
import { freshSession, testing, type Testing } from '../../integration/fixtures/signedIn';

export { record, sleep } from '../../bench/host/hostKit';

/** The soak's user at work: signed in as `email` on a fresh session, with the tab's hooks and the REST API as them. */
export async function signedInUser(email: string): Promise<{ t: Testing; hooks: ConversationTestHooks; user: User; rest: Rest }> {
  const t = await testing();
  const hooks = await threadHooks();
  await freshSession(t, email);
  return { t, hooks, user: new User(t), rest: await Rest.as(email) };
}

export async function threadHooks(): Promise<ConversationTestHooks> {
  const hooks = await vscode.commands.executeCommand<ConversationTestHooks | undefined>(CONVERSATION_TEST_HOOKS_COMMAND);
  if (!hooks) {
    throw new Error(`${CONVERSATION_TEST_HOOKS_COMMAND} exists only under WEBEX_TEST=1`);
  }
  return hooks;
}

/** The user's side of the prompts: answers in, everything shown kept across ScriptedPrompts resets. */
export class User {
  /** Every prompt and notification shown so far. */
  readonly seen: AskedPrompt[] = [];
  /** Prompts that came unanswered or answers never used, with the command that caused them. */
  readonly surprises: string[] = [];
  private nextRequest = 1;

  constructor(readonly t: Testing) {}

  /** Runs a command with these answers queued; returns what was shown while it ran. */
  async command(answers: ScriptedAnswer[], command: string, ...args: unknown[]): Promise<AskedPrompt[]> {
    const { prompts } = this.t;
    prompts.reset();
    prompts.enqueue(...answers);
    try {
      await vscode.commands.executeCommand(command, ...args);
    } finally {
      // Notifications are not awaited by the commands that show them: give them a moment to land.
      await sleep(20);
    }
    return this.collect(command);
  }

  /** Moves what ScriptedPrompts saw into `seen` and notes surprises (without failing the soak). */
  collect(context: string): AskedPrompt[] {
    const { prompts } = this.t;
    const shown = [...prompts.asked];
    this.seen.push(...shown);
    try {
      prompts.assertDone();
    } catch (error) {
      this.surprises.push(`${context}: ${error instanceof Error ? error.message : String(error)}`);
    }
    prompts.reset();
    return shown;
  }

  errorNotifications(): AskedPrompt[] {
    return this.seen.filter((p) => p.kind === 'notify' && p.severity === 'error');
  }

  /** Posts a request the way the page does; resolves the host's response. */
  async ask(panel: ConversationPanel, request: Omit<RequestMessage, 'type' | 'requestId'>): Promise<ResponseMessage> {
    const response = await panel.receive({ type: 'request', requestId: this.nextRequest++, ...request });
    if (!response) {
      throw new Error('the host left a request unanswered');
    }
    return response;
  }
}

/** Opens (or reveals) a space's tab and waits for its load to end, whatever the outcome. */
export async function openSpace(hooks: ConversationTestHooks, roomId: string): Promise<ConversationPanel> {
  await vscode.commands.executeCommand('webex.openSpace', roomId);
  const panel = hooks.panel(roomId);
  if (!panel) {
    throw new Error('webex.openSpace opened no tab');
  }
  await panel.loading;
  return panel;
}

export async function closeAllTabs(hooks: ConversationTestHooks): Promise<void> {
  for (const panel of hooks.panels()) {
    panel.panel.dispose();
  }
  await sleep(50);
}
