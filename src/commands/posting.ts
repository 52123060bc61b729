/**
 * The commands' one way to post (Post Message, Direct Message, Send Selection, Send File): through
 * the outbox (services/outbox/postOutbox.ts), so a post Webex did not confirm is looked for before
 * the same content goes there again, with progress, and the user's word where only they can look.
 */
import type { ExtensionServices } from '../extensionServices';
import type { WebexClient } from '../webex/client';
import type { MessageCreateParams } from '../webex/messages';
import { userMessage } from '../services/common/errorText';
import { UnconfirmedLookError, type PostOutcome } from '../services/outbox/postOutbox';
import { withProgress } from './progress';
import * as vscode from 'vscode';

export interface PostOnceOptions {
  /** The progress notification's title ("Posting to Backend…"). */
  progress: string;
  /** Where it goes, as the user knows it ("Backend", "lena@example.com"). */
  destinationName: string;
  /** Inside a progress the caller shows already (several files): its cancellation, and no other progress. */
  signal?: AbortSignal;
}

/**
 * Posts `params` once; undefined when the user cancelled the look or chose not to post after a
 * look that failed. Failures of the post itself are thrown, for the caller to offer what fits.
 */
export async function postOnce(
  services: ExtensionServices,
  client: WebexClient,
  params: MessageCreateParams,
  options: PostOnceOptions,
): Promise<PostOutcome | undefined> {
  const run = (title: string, postAnyway: boolean): Promise<PostOutcome> =>
    options.signal
      ? services.outbox.post(client, params, { signal: options.signal, postAnyway })
      : withProgress(title, (signal) => services.outbox.post(client, params, { signal, postAnyway }));
  const title = services.outbox.isUnconfirmed(params) ? `Looking for your earlier message in ${options.destinationName}…` : options.progress;
  let outcome: PostOutcome;
  try {
    outcome = await run(title, false);
  } catch (error) {
    if (!(error instanceof UnconfirmedLookError)) {
      throw error;
    }
    if (error.cancelled) {
      return undefined;
    }
    services.log.warn(`Could not look for the unconfirmed message: ${userMessage(error.cause)}`);
    const post = await services.prompts.confirm(vscode.l10n.t('Your earlier message to {0} may have arrived. Post it anyway?', options.destinationName), {
      detail:
        vscode.l10n.t('Webex did not confirm it, and the conversation could not be checked just now ({0}). Look in Webex first: if it is there, posting again sends it twice.', userMessage(error.cause)),
      action: vscode.l10n.t('Post Anyway'),
    });
    if (!post) {
      return undefined;
    }
    outcome = await run(options.progress, true);
  }
  services.log.info(`Posted message ${outcome.message.id}`);
  if (outcome.arrivedEarlier) {
    void services.prompts.notify('info', vscode.l10n.t('Your message to {0} had arrived after all; it was not posted again.', options.destinationName));
  }
  return outcome;
}
