/**
 * The services object `activate()` builds and passes down to every UI folder (no global locator,
 * no module-level state or service locator). The names are a contract with the conversation
 * webview: add members, never rename them.
 */
import type * as vscode from 'vscode';
import type { WebexClient } from './webex/client';
import type { Person } from './webex/types';
import type { SpacesStore } from './services/sidebar/spacesStore';
import type { MembersStore } from './services/sidebar/membersStore';
import type { SpaceSelection } from './services/sidebar/selection';
import type { AccountInfo } from './services/accounts/accountRecords';
import type { LiveUpdates } from './services/live/liveUpdates';
import type { PostOutbox } from './services/outbox/postOutbox';
import type { KeyValueStorage } from './services/storage/keyValueStorage';

/** Where the session stands; `unknown` until the secret has been read (lazily, never in activate). */
export type SessionState = 'unknown' | 'signedOut' | 'signedIn';

/** The current Webex account and its client. */
export interface Session {
  /** Undefined when signed out (or before the secret was read: call `ready()` or `requireClient()`). */
  readonly client: WebexClient | undefined;
  readonly me: Person | undefined;
  /** A bot token (`type: bot`, developer.webex.com "Bots"): in group spaces it sees only messages that mention it. */
  readonly isBot: boolean;
  readonly state: SessionState;
  /** The stored account (id, cloud, who), without any token. */
  readonly account: AccountInfo | undefined;
  /** Fires on sign-in, sign-out, expiry, a new client (settings/proxy change) or another window's change. */
  readonly onDidChange: vscode.Event<void>;
  /** Reads the stored account once (the first caller pays; everyone else awaits the same promise). */
  ready(): Promise<void>;
  /** The client, offering sign-in when signed out; undefined if the user declines or cancels. */
  requireClient(): Promise<WebexClient | undefined>;
  /** The accounts signed in for the configured cloud, in sign-in order (no tokens). */
  accounts(): Promise<AccountInfo[]>;
  /** A client acting as one of those accounts without switching to it (Send Card as a bot); undefined when its secret is gone. */
  clientOf(account: AccountInfo): Promise<WebexClient | undefined>;
}

/**
 * Every input box, quick pick, confirmation and notification goes through here, so integration
 * tests can script them (ScriptedPrompts) while users get vscode.window's.
 */
export interface Prompts {
  /** Resolves undefined when cancelled. */
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** Resolves undefined when cancelled. */
  pick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Promise<T | undefined>;
  /** A modal confirmation; true only if the `action` button was chosen. */
  confirm(message: string, options: { detail?: string; action: string }): Promise<boolean>;
  /** A non-modal notification with optional action buttons; resolves the chosen action, if any. */
  notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined>;
}

/** Shows failures to the user: the server's words, "Copy Tracking ID", and no storms. */
export interface ErrorReporter {
  /**
   * `what` says what failed ("Could not post the message"). 401s are left to the session (one
   * "sign in again" prompt); cancellations say nothing; the same failure repeated within a few
   * seconds is shown once.
   */
  show(error: unknown, what: string): void;
  /**
   * Shows a failure the user must decide about (never collapsed, shown even for 401s), with these
   * actions besides "Copy Tracking ID"; resolves the action chosen (undefined when dismissed).
   * E.g. a failed post offers "Edit and Retry" so nothing the user wrote is lost.
   */
  offer(error: unknown, what: string, ...actions: string[]): Promise<string | undefined>;
}

/** The whole object handed to UI folders. */
export interface ExtensionServices {
  readonly context: vscode.ExtensionContext;
  /**
   * `context.globalState` as this window last wrote it: use this, not `context.globalState`, so a
   * quick second update is never lost (services/storage/settledStorage.ts).
   */
  readonly state: KeyValueStorage;
  /** The one "Webex" channel: requests and events, never the token or message bodies. */
  readonly log: vscode.LogOutputChannel;
  readonly session: Session;
  /** Cached rooms (most recently active first) and teams, for the current account. */
  readonly spaces: SpacesStore;
  /** Cached memberships of spaces and teams, loaded when asked for. */
  readonly members: MembersStore;
  readonly errors: ErrorReporter;
  readonly prompts: Prompts;
  /** The space (or team) selected or opened last; the Members view follows it. */
  readonly selection: SpaceSelection;
  /** Live updates: new and deleted messages, unread marks, mention/direct counts, connection status. */
  readonly live: LiveUpdates;
  /** Posts from commands that never land twice; the conversation tab's queue uses the same rule. */
  readonly outbox: PostOutbox;
}
