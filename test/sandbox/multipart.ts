/**
 * A small multipart/form-data reader for POST /messages uploads (a local file goes as multipart with
 * fields `files`, `roomId`, `text`…: developer.webex.com "Message Attachments"; WebexPythonSDK
 * `messages.create`). The body is already size-checked.
 */
export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

function param(header: string, name: string): string | undefined {
  const star = new RegExp(`(?:^|;)\\s*${name}\\*=(?:UTF-8|utf-8)''([^;]+)`).exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      return star[1].trim();
    }
  }
  const plain = new RegExp(`(?:^|;)\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`).exec(header) ?? new RegExp(`(?:^|;)\\s*${name}=([^;]+)`).exec(header);
  return plain ? plain[1].replace(/\\(.)/g, '$1').trim() : undefined;
}

/** Parses the parts; throws when the body is not well-formed multipart. */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) {
    throw new Error('no multipart boundary in the body');
  }
  pos += delimiter.length;
  for (;;) {
    if (body.subarray(pos, pos + 2).toString() === '--') {
      return parts;
    }
    const headerStart = body.indexOf('\r\n', pos) + 2;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerStart < 2 || headerEnd < 0) {
      throw new Error('truncated multipart part headers');
    }
    const headers = body.subarray(headerStart, headerEnd).toString('utf8').split('\r\n');
    const next = body.indexOf(between, headerEnd + 4);
    if (next < 0) {
      throw new Error('unterminated multipart part');
    }
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
    const type = headers.find((h) => /^content-type:/i.test(h));
    const name = param(disposition, 'name');
    if (name !== undefined) {
      parts.push({
        name,
        filename: param(disposition, 'filename'),
        contentType: type ? type.slice(type.indexOf(':') + 1).trim() : undefined,
        data: body.subarray(headerEnd + 4, next),
      });
    }
    pos = next + between.length;
  }
}
