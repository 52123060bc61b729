// The conversation page's entry point (bundled for the browser by esbuild.js into dist/webview/conversation.js).
// First: the translations, before any module builds a string.
import './l10n';
import { ConversationApp } from './app';
import { HostChannel } from './hostChannel';

function start(): void {
  // Marks of the page's start (the benchmark splits the open time with them; cheap otherwise).
  performance.mark('webex:script');
  // The nonce of this script is the one the highlighter's chunks must carry (the CSP's script-src).
  const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
  const root = document.getElementById('app');
  if (!root) {
    return;
  }
  // Host messages arrive only after `ready` (posted below), so `app` exists by then.
  const host = new HostChannel((message) => app.handle(message));
  const app = new ConversationApp(root, host, { chunkBase: root.dataset.chunks, nonce, cardsBase: root.dataset.cards });
  // The handshake: the host posts nothing before this.
  host.post({ type: 'ready' });
  performance.mark('webex:ready');
}

start();
