/**
 * Local files for `POST /messages`: checked before any request and sent as `multipart/form-data`
 * with the fields Webex documents (`roomId`/`toPersonId`/`toPersonEmail`, `text`, `markdown`,
 * `parentId`, `files`; developer.webex.com "Message Attachments", WebexPythonSDK `messages.create`).
 */
import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { WebexInputError } from './errors';
import { MAX_FILE_BYTES, isBlank } from './validation';

/** A file to attach: read from `path`, or given as `data`. */
export interface LocalFile {
  path?: string;
  data?: Uint8Array;
  /** The name recipients see. */
  filename: string;
  /** Guessed from the file name when absent; Webex previews images and documents by type. */
  contentType?: string;
}

/** A checked file, ready to be put in a form (a Blob can be read again for a retry). */
export interface LoadedFile {
  blob: Blob;
  filename: string;
  size: number;
}

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.log': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.html': 'text/html',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
};

/** A MIME type for a file name; source files and unknown types are sent as octet-stream. */
export function guessContentType(filename: string): string {
  return TYPES[extname(filename).toLowerCase()] ?? 'application/octet-stream';
}

/** Checks the file (exists, regular file, at most 100 MB: "Message Attachments") without reading it all into memory. */
export async function loadFile(file: LocalFile): Promise<LoadedFile> {
  if ((file.path === undefined) === (file.data === undefined)) {
    throw new WebexInputError('Give the file either as a path or as data, not both or neither.', 'file');
  }
  const filename = basename(isBlank(file.filename) ? (file.path ?? '') : file.filename.trim());
  if (isBlank(filename)) {
    throw new WebexInputError('The file needs a name.', 'file');
  }
  const type = file.contentType ?? guessContentType(filename);
  if (file.data !== undefined) {
    checkSize(file.data.byteLength, filename);
    // Blob copies the bytes, so a view over any kind of buffer is fine here.
    return { blob: new Blob([file.data as Uint8Array<ArrayBuffer>], { type }), filename, size: file.data.byteLength };
  }
  const path = file.path ?? '';
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new WebexInputError(`${filename} is not a file.`, 'file');
    }
    size = info.size;
  } catch (error) {
    if (error instanceof WebexInputError) {
      throw error;
    }
    throw new WebexInputError(`The file ${filename} was not found or cannot be read.`, 'file');
  }
  checkSize(size, filename);
  return { blob: await openAsBlob(path, { type }), filename, size };
}

function checkSize(size: number, filename: string): void {
  if (size > MAX_FILE_BYTES) {
    const mb = (size / (1024 * 1024)).toFixed(1);
    throw new WebexInputError(`${filename} is ${mb} MB; Webex accepts files of at most 100 MB.`, 'file');
  }
}

/**
 * The multipart body: text fields first, the file last, field names as Webex expects. The runtime's
 * FormData (a global since Node 18), which the runtime's fetch reads (runtime.ts).
 */
export function messageForm(fields: Record<string, string | undefined>, file: LoadedFile): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) {
      form.append(name, value);
    }
  }
  form.append('files', file.blob, file.filename);
  return form;
}
