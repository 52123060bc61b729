/**
 * Words for failures, shared by notifications and tree error nodes (vscode-free).
 */

/** The message for people: the client's messages already quote the server ("Webex said: …"). */
export function userMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The Webex tracking id an error carries (WebexApiError, SignInError), if any. */
export function trackingIdOf(error: unknown): string | undefined {
  if (error instanceof Error && 'trackingId' in error) {
    const id = (error as { trackingId?: unknown }).trackingId;
    return typeof id === 'string' && id !== '' ? id : undefined;
  }
  return undefined;
}
