/**
 * Input checks run before any request, so a user gets a precise message instead of a Webex 400
 * (and so nothing half-valid leaves the machine).
 */
import { WebexInputError } from './errors';

/** "Maximum message length is 7439 bytes" for `text` and `markdown` (Webex messaging API, POST /messages). */
export const MAX_MESSAGE_BYTES = 7439;

/**
 * "Attachments sent or retrieved via the API are limited to 100 MB each"
 * (developer.webex.com, "Message Attachments").
 */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

const encoder = new TextEncoder();

/**
 * The number of bytes `s` takes in UTF-8: the unit of Webex's message limit, not characters ("é" is
 * 2 bytes, most emoji 4). TextEncoder, so the conversation page (which has no Buffer) counts the same.
 */
export function utf8ByteLength(s: string): number {
  return encoder.encode(s).length;
}

// Deliberately permissive (local part and a dotted domain, no spaces or angle brackets): it catches
// typos and pasted display names, the server decides the rest.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;

/** True for something that looks like a single email address (`name@example.com`). */
export function isValidEmail(s: string): boolean {
  return s.length <= 254 && EMAIL.test(s) && !s.includes('..');
}

/**
 * Whitespace and the invisible format characters that show nothing on their own: zero-width space,
 * non-joiner and joiner, word joiner, soft hyphen, Mongolian vowel separator (`\s` already covers
 * the byte-order mark and the other spaces). A message of only these looks empty in every client.
 */
const BLANK = /^[\s\u200B-\u200D\u2060\u00AD\u180E]*$/u;

/** True when `s` is undefined, empty, or only whitespace and invisible characters. */
export function isBlank(s: string | undefined): boolean {
  return s === undefined || BLANK.test(s);
}

/** Throws unless `value` is a non-blank string. */
export function requireText(value: string | undefined, field: string, what = field): string {
  if (typeof value !== 'string' || isBlank(value)) {
    throw new WebexInputError(`${capitalize(what)} is required.`, field);
  }
  return value;
}

/** Throws unless `value` is a non-blank id (ids are opaque; only their presence is checked). */
export function requireId(value: string | undefined, field: string): string {
  return requireText(value, field, field);
}

/** Throws unless `value` is undefined or a valid email address. */
export function checkEmail(value: string | undefined, field: string): void {
  if (value !== undefined && !isValidEmail(value.trim())) {
    throw new WebexInputError(`"${value}" is not a valid email address.`, field);
  }
}

/** Throws when `value` (text or markdown) exceeds the Webex message limit. */
export function checkMessageLength(value: string | undefined, field: string): void {
  if (value === undefined) {
    return;
  }
  const bytes = utf8ByteLength(value);
  if (bytes > MAX_MESSAGE_BYTES) {
    throw new WebexInputError(
      `The message is too long: ${bytes} bytes in UTF-8, Webex accepts at most ${MAX_MESSAGE_BYTES}.`,
      field,
    );
  }
}

/** Throws unless `max` is undefined or a positive whole number (Webex rejects 0 and fractions). */
export function checkMax(max: number | undefined): void {
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
    throw new WebexInputError(`max must be a whole number of at least 1 (got ${String(max)}).`, 'max');
  }
}

/**
 * Throws unless exactly one of the named values is given. Used for the message destination
 * (roomId | toPersonId | toPersonEmail: POST /messages) and for "personId or personEmail".
 */
export function requireExactlyOne(values: Record<string, string | undefined>, what: string): string {
  const given = Object.entries(values).filter(([, v]) => v !== undefined && v !== '');
  if (given.length === 1) {
    return given[0][0];
  }
  const names = Object.keys(values).join(', ');
  throw new WebexInputError(
    given.length === 0
      ? `${capitalize(what)} is missing: give one of ${names}.`
      : `Give only one ${what} (${names}), not ${given.map(([k]) => k).join(' and ')}.`,
    given.length === 0 ? Object.keys(values)[0] : given[1][0],
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
