/** The optional last argument of every client method. */
export interface RequestOptions {
  /** Cancels the request (and any wait before a retry); the promise rejects with kind `aborted`. */
  signal?: AbortSignal;
}

/** Encodes an id for use as one path segment (ids are URL-safe base64, but input is input). */
export function segment(id: string): string {
  return encodeURIComponent(id.trim());
}
