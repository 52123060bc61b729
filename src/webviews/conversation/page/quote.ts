/**
 * What Quote puts into the composer: a mention of the author (the composer's own mention markup,
 * mentions/mentionModel.ts, so Webex notifies them) and the message's lines as a markdown block
 * quote (`> …`, CommonMark "Block quotes"). Nothing is shortened: a quote of a long message still
 * meets the composer's byte limit (7439 bytes, POST /messages), which says so before anything is sent.
 */
import { mentionMarkup } from './mentions/mentionModel';
import type { MessageView } from '../protocol';

export function quoteMarkdown(message: MessageView, author: { id: string; displayName: string; email?: string }): string {
  const source = (message.markdown ?? message.text ?? '').replace(/\r\n?/g, '\n').trimEnd();
  const lines = source === '' ? [message.files.length > 0 ? '(a file)' : ''] : source.split('\n');
  const quoted = lines.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
  return `${mentionMarkup({ kind: 'person', person: author })}\n${quoted}\n\n`;
}
