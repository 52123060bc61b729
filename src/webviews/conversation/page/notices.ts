/**
 * The page's notices: the banner above the log (signed out, could not load, bot mode), the line
 * at the start of the log (loading, beginning of the conversation) and the toast for failed
 * requests.
 */
import type { InitMessage } from '../protocol';
import { codicon, div, text } from './dom';
import * as l10n from '@vscode/l10n';

/** Fills the banner for the conversation's state; hides it when there is nothing to say. */
export function renderBanner(banner: HTMLElement, init: InitMessage | undefined, signIn: () => void): void {
  const parts: Node[] = [];
  if (init?.status === 'signedOut') {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button primary small';
    button.textContent = l10n.t('Sign In');
    button.addEventListener('click', signIn);
    parts.push(codicon('account'), text(l10n.t('Sign in to Webex to read this space.')), button);
  } else if (init?.status === 'error') {
    parts.push(codicon('warning'), text(init.error ?? l10n.t('Could not load this space.')));
  } else if (init?.mentionsOnly) {
    parts.push(codicon('hubot'), text(l10n.t('Signed in as a bot: only the messages of this space that mention the bot are shown.')));
  }
  banner.replaceChildren(...parts);
  banner.hidden = parts.length === 0;
  banner.className = `banner ${init?.status === 'error' ? 'error' : ''}`;
}

/** The line above the oldest message: loading, or the beginning of the conversation. */
export function renderLogStart(
  logStart: HTMLElement,
  state: { status: InitMessage['status']; loadingOlder: boolean; hasOlder: boolean; empty: boolean },
): void {
  if (state.status === 'loading' || state.loadingOlder) {
    logStart.replaceChildren(
      codicon('loading codicon-modifier-spin'),
      text(state.status === 'loading' ? l10n.t('Loading messages…') : l10n.t('Loading older messages…')),
    );
  } else if (state.status === 'ready' && !state.hasOlder) {
    logStart.replaceChildren(text(state.empty ? l10n.t('No messages yet. Say hello!') : l10n.t('This is the beginning of the conversation.')));
  } else {
    logStart.replaceChildren();
  }
}

/** A short-lived alert over the log (a request the host refused). */
export class Toast {
  readonly element: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.element = div('toast');
    this.element.setAttribute('role', 'alert');
    this.element.hidden = true;
  }

  show(message: string): void {
    this.element.textContent = message;
    this.element.hidden = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.element.hidden = true;
    }, 8000);
  }
}
