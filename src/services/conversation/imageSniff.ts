/**
 * Which picture a file's bytes are, by their magic numbers, and which content types the
 * conversation shows inline. The content type Webex gives (the file URL's `Content-Type`) says
 * whether to try; the bytes decide what is shown: HTML claimed as PNG is never rendered, and PNG
 * bytes claimed as GIF are shown as the PNG they are. vscode-free.
 *
 * Signatures: PNG (RFC 2083 §3.1 / W3C PNG "PNG signature"), JPEG (JFIF/Exif SOI marker FF D8 FF),
 * GIF (GIF87a/GIF89a header), WebP (RIFF container with the "WEBP" form type, RFC 9649 §2).
 */

/** The inline picture types (issue: PNG, JPEG, GIF, WebP). */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

const INLINE_TYPES: readonly ImageType[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** Whether a `Content-Type` (parameters and case ignored) is one the conversation tries inline. */
export function isInlineImageType(contentType: string | undefined): boolean {
  if (contentType === undefined) {
    return false;
  }
  const essence = contentType.split(';')[0].trim().toLowerCase();
  // image/jpg is not registered but is sent by some clients for JPEG.
  return (INLINE_TYPES as readonly string[]).includes(essence) || essence === 'image/jpg';
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) {
    return false;
  }
  return signature.every((b, i) => bytes[offset + i] === b);
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = [0x47, 0x49, 0x46, 0x38, 0x37, 0x61];
const GIF89 = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/** The picture type the bytes are, or undefined when they are none of the inline types. */
export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, PNG)) {
    return 'image/png';
  }
  if (startsWith(bytes, JPEG)) {
    return 'image/jpeg';
  }
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) {
    return 'image/gif';
  }
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) {
    return 'image/webp';
  }
  return undefined;
}
