/**
 * What Webex does with an Adaptive Card, written once for the rules, Send Card and the schema.
 *
 * Source: ../shared/webex/WEBEX_API_NOTES.md §9a (the "Buttons and Cards" guide on
 * developer.webex.com, and webex/components `AdaptiveCard.jsx`, Webex's own renderer). The lists
 * of elements are marked there **unverified as the official list**: they are what Webex's own
 * renderer implements, which is what we follow.
 */

/** `attachments[0].contentType` of a card (the spec's /messages examples). */
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Webex renders Adaptive Cards up to this version (Buttons and Cards guide). */
export const WEBEX_CARD_VERSION = { major: 1, minor: 3 } as const;

/** At most this many actions are shown (Buttons and Cards guide). */
export const MAX_SHOWN_ACTIONS = 5;

/**
 * A card sampler warns above this many bytes of card JSON; Webex publishes no card size limit
 * (notes §9a, **unverified**), so going over it is a warning, not an error.
 */
export const CARD_JSON_WARN_BYTES = 60_000;

/** Elements Webex's renderer implements (notes §9a). */
export const WEBEX_ELEMENTS: ReadonlySet<string> = new Set([
  'TextBlock',
  'RichTextBlock',
  'Image',
  'ImageSet',
  'FactSet',
  'Container',
  'ColumnSet',
  'ActionSet',
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.Time',
  'Input.Toggle',
  'Input.ChoiceSet',
]);

/** Actions Webex's renderer implements (notes §9a). */
export const WEBEX_ACTIONS: ReadonlySet<string> = new Set(['Action.OpenUrl', 'Action.Submit', 'Action.ShowCard', 'Action.ToggleVisibility']);

/** Adaptive Card types Webex does not render (notes §9a: Media, Table, Action.Execute; Table's parts with it). */
export const NOT_RENDERED_BY_WEBEX: ReadonlySet<string> = new Set(['Media', 'Table', 'TableRow', 'TableCell', 'Action.Execute']);

/** `$schema` values that mark a JSON file as an Adaptive Card (adaptivecards.io's schema URLs, http or https). */
export function isAdaptiveCardSchemaUrl(value: unknown): boolean {
  return typeof value === 'string' && /^https?:\/\/adaptivecards\.io\/schemas\/(?:[0-9.]+\/)?adaptive-card\.json$/i.test(value.trim());
}

/** True for a file name Send Card and the rules treat as a card (`*.card.json`). */
export function isCardFileName(fileName: string): boolean {
  return /\.card\.json$/i.test(fileName);
}

/** The sibling data file of a card file: `deploy.card.json` → `deploy.data.json`; undefined for other names. */
export function dataFileNameOf(fileName: string): string | undefined {
  return isCardFileName(fileName) ? fileName.replace(/\.card\.json$/i, '.data.json') : undefined;
}

/** True when a JSON text declares an Adaptive Card `$schema` (read cheaply: the first `"$schema"` string). */
export function declaresCardSchema(text: string): boolean {
  const match = /"\$schema"\s*:\s*"([^"\\]{1,200})"/.exec(text);
  return match !== null && isAdaptiveCardSchemaUrl(match[1]);
}
