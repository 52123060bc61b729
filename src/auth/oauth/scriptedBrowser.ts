/**
 * The browser of the OAuth sign-in, replaceable in integration tests (exported from activate() only
 * when WEBEX_TEST=1, next to ScriptedPrompts): a test plays the user on the consent page over plain
 * HTTP instead of a real browser tab. Without a handler it records the URL and opens nothing.
 */
export type BrowserHandler = (url: string) => Promise<boolean> | boolean;

export class ScriptedBrowser {
  /** Every URL the extension asked to open, in order (authorize URLs: no secret in them). */
  readonly opened: string[] = [];
  private handler: BrowserHandler | undefined;

  /** Handles the URLs opened from now on (undefined: record only). */
  onOpen(handler: BrowserHandler | undefined): void {
    this.handler = handler;
  }

  reset(): void {
    this.opened.length = 0;
    this.handler = undefined;
  }

  /** What the extension calls instead of `env.openExternal`; false = "the browser did not open". */
  async open(url: string): Promise<boolean> {
    this.opened.push(url);
    return this.handler ? this.handler(url) : true;
  }
}
