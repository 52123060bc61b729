/**
 * A card template (`${…}` expressions, `$data`, `$when`) expanded with its data, by Microsoft's
 * `adaptivecards-templating` (adaptivecards.io/templating). The library and its expression engine
 * are large, so they load only when a template is expanded: the dynamic import below is kept out
 * of dist/extension.js by esbuild.js (a chunk of its own, dist/cardTemplating.js).
 */

/**
 * Expands `cardText` with `dataText` (the JSON of a sibling `<name>.data.json`, or undefined
 * when there is none: the card is expanded with no data, so its `${…}` stay as written).
 * Never throws: JSON that does not parse and expressions that do not evaluate are an `error`.
 */
export async function expandCardTemplate(cardText: string, dataText: string | undefined): Promise<{ card: unknown } | { error: string }> {
  const card = parseJson(cardText, 'The card');
  if ('error' in card) {
    return card;
  }
  const data = dataText === undefined ? { value: {} } : parseJson(dataText, 'The data file');
  if ('error' in data) {
    return data;
  }
  if (!hasTemplateSyntax(cardText)) {
    return { card: card.value }; // Nothing to expand: no need to load the engine.
  }
  try {
    const { Template } = await import('adaptivecards-templating');
    const expanded: unknown = new Template(card.value).expand({ $root: data.value });
    return { card: expanded };
  } catch (error) {
    return { error: `The template could not be expanded: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** True when the card uses templating: an expression `${…}`, or a `$data`/`$when` property. */
export function hasTemplateSyntax(cardText: string): boolean {
  return cardText.includes('${') || /"\$(?:data|when)"\s*:/.test(cardText);
}

function parseJson(text: string, what: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
