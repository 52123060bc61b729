/**
 * The Preview Card webview's protocol (host: cardPreview.ts; page: page/previewMain.ts). The host
 * posts the card as JSON text (data, never HTML) with the document's problems; the page posts only
 * `ready` and the http(s) links it asks to open, checked by the host against this table. A submit is
 * shown in the page (the `inputs` a bot would get) and never leaves it.
 *
 * Free of `vscode` and Node imports: it is bundled into the page.
 */
import { object, string, type Infer } from '../shared/schema';

export interface PreviewProblem {
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
}

export interface PreviewCardMessage {
  type: 'card';
  fileName: string;
  /** The card's JSON text, or undefined when it could not be read (`error` says why). */
  cardJson?: string;
  error?: string;
  problems: PreviewProblem[];
}

export type PreviewHostMessage = PreviewCardMessage;

const PAGE_MESSAGES = {
  ready: object({}),
  openLink: object({ href: string }),
};

type PageType = keyof typeof PAGE_MESSAGES;
export type PreviewPageMessage = { [K in PageType]: { type: K } & Infer<(typeof PAGE_MESSAGES)[K]> }[PageType];

export function parsePreviewPageMessage(value: unknown): PreviewPageMessage | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(PAGE_MESSAGES, type)) {
    return undefined;
  }
  const parsed = PAGE_MESSAGES[type as PageType].parse(value, type);
  return parsed.ok ? ({ type, ...parsed.value } as PreviewPageMessage) : undefined;
}
