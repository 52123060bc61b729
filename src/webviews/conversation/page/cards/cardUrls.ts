/**
 * A card's URLs before the renderer sees them (in the chunk): images are never loaded by the page
 * (its CSP allows data: and blob: images only), so every http(s) image URL is swapped for a
 * placeholder whose fragment numbers it, and the page asks its host for the bytes; any other image
 * URL (javascript:, file:, …) becomes an empty placeholder. `Action.OpenUrl` and `selectAction`
 * URLs other than http(s) are dropped: the action is removed. Background images are removed.
 */
import { isObject, isWebUrl, type JsonObject } from './cardRules';

/** A 1×1 transparent GIF: what an image shows until its bytes arrive. */
export const PLACEHOLDER = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export interface PreparedCard {
  card: JsonObject;
  /** Remote image URLs, by the number in their placeholder's fragment. */
  images: string[];
  /** What was removed, for the card's note. */
  removed: string[];
}

const IMAGE_KEYS = new Set(['url', 'iconUrl']);

export function prepareCard(source: JsonObject): PreparedCard {
  // A deep copy through JSON: the message's card stays as it came; keys stay own properties.
  const card = JSON.parse(JSON.stringify(source)) as JsonObject;
  const images: string[] = [];
  const removed: string[] = [];
  const stack: unknown[] = [card];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (isObject(item) && item.type === 'Action.OpenUrl' && !isWebUrl(item.url)) {
          value.splice(i, 1);
          removed.push('a link that is not http or https');
        } else {
          stack.push(item);
        }
      }
      continue;
    }
    if (!isObject(value)) {
      continue;
    }
    if ('backgroundImage' in value) {
      delete value.backgroundImage;
      removed.push('a background image');
    }
    if (isObject(value.selectAction) && value.selectAction.type === 'Action.OpenUrl' && !isWebUrl(value.selectAction.url)) {
      delete value.selectAction;
      removed.push('a link that is not http or https');
    }
    const isImage = value.type === 'Image' || (typeof value.type === 'string' && value.type.startsWith('Action.'));
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (isImage && IMAGE_KEYS.has(key) && typeof child === 'string' && !(value.type === 'Action.OpenUrl' && key === 'url')) {
        if (isWebUrl(child)) {
          images.push(child.trim());
          value[key] = `${PLACEHOLDER}#${images.length - 1}`;
        } else {
          value[key] = PLACEHOLDER;
        }
      } else if (typeof child === 'object' && child !== null) {
        stack.push(child);
      }
    }
  }
  return { card, images, removed };
}

/** The remote URL a rendered image's placeholder stands for. */
export function imageOf(src: string, prepared: PreparedCard): string | undefined {
  if (!src.startsWith(`${PLACEHOLDER}#`)) {
    return undefined;
  }
  const n = Number(src.slice(PLACEHOLDER.length + 1));
  return Number.isSafeInteger(n) ? prepared.images[n] : undefined;
}
