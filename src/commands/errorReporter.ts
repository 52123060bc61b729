/**
 * Shows failures: what failed, the server's own words, and "Copy Tracking ID" so a support case can
 * be traced (every Webex response carries a `TrackingID` header, developer.webex.com/errors.html).
 * Quiet where the user already knows: cancellations, and failures that end the session (the session
 * asks once to sign in again). The same failure repeated within a few seconds (a view and a command
 * both failing the same way) is shown once.
 */
import * as vscode from 'vscode';
import { WebexApiError, WebexInputError } from '../webex/errors';
import type { ErrorReporter, Prompts } from '../extensionServices';
import { SignInError } from '../auth/signInPrompt';
import { endsSession } from '../auth/sessionEnded';
import { trackingIdOf, userMessage } from '../services/common/errorText';

const REPEAT_WINDOW_MS = 5_000;
export const COPY_TRACKING_ID = vscode.l10n.t('Copy Tracking ID');

export class WindowErrorReporter implements ErrorReporter {
  private readonly recent = new Map<string, number>();

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly prompts: Prompts,
  ) {}

  show(error: unknown, what: string): void {
    if (isQuiet(error)) {
      this.log.debug(`${what}: ${describe(error)} (not shown)`);
      return;
    }
    const text = `${what}: ${userMessage(error)}`;
    const trackingId = trackingIdOf(error);
    this.log.error(`${text}${trackingId ? ` (TrackingID ${trackingId})` : ''}`);
    const now = Date.now();
    const last = this.recent.get(text);
    this.recent.set(text, now);
    for (const [key, at] of this.recent) {
      if (now - at > REPEAT_WINDOW_MS) {
        this.recent.delete(key);
      }
    }
    if (last !== undefined && now - last < REPEAT_WINDOW_MS) {
      return;
    }
    const severity = error instanceof WebexInputError || error instanceof SignInError ? 'warning' : 'error';
    const actions = trackingId ? [COPY_TRACKING_ID] : [];
    void this.prompts.notify(severity, text, ...actions).then(async (choice) => {
      if (choice === COPY_TRACKING_ID && trackingId) {
        await vscode.env.clipboard.writeText(trackingId);
      }
    });
  }

  async offer(error: unknown, what: string, ...actions: string[]): Promise<string | undefined> {
    const text = `${what}: ${userMessage(error)}`;
    const trackingId = trackingIdOf(error);
    this.log.error(`${text}${trackingId ? ` (TrackingID ${trackingId})` : ''}`);
    const choice = await this.prompts.notify('error', text, ...actions, ...(trackingId ? [COPY_TRACKING_ID] : []));
    if (choice === COPY_TRACKING_ID && trackingId) {
      await vscode.env.clipboard.writeText(trackingId);
      return undefined;
    }
    return choice;
  }
}

/** True for failures that need no message: the user cancelled, or the session ended (it says so itself). */
export function isQuiet(error: unknown): boolean {
  return (
    endsSession(error) || error instanceof vscode.CancellationError || (error instanceof WebexApiError && error.kind === 'aborted')
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
