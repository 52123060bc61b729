/**
 * The one seam for templates in the preview: the card file's text and, when there is one, its
 * sibling data file's text → the card to show. For now it only parses the card's JSON (the data is
 * not applied); the templating (`adaptivecards-templating`, run in the extension host) plugs in here.
 */
export type Expanded = { ok: true; card: unknown } | { ok: false; error: string };

export function expandForPreview(cardText: string, dataText: string | undefined): Expanded {
  void dataText; // templating is wired in here later (see the module comment)
  try {
    return { ok: true, card: JSON.parse(cardText) as unknown };
  } catch (error) {
    return { ok: false, error: `The card is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
